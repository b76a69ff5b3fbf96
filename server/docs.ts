import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The HTTP API described from the routes' own schemas (OpenAPI 3, @fastify/swagger), readable
 * at /api/docs and as JSON at /api/docs/json, so integrators need nothing outside the repo.
 * Register before the routes. Request bodies are still validated by zod in the handlers (the
 * route schemas are generated from those zod schemas); fastify's own validation is not used.
 */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'OPDC Q&A bot API',
        version: '1',
        description:
          'Questions about OPDC (สำนักงาน ก.พ.ร.) performance-reporting rules, answered from the published Q&A handouts with their source. Thai is the authoritative text; English is our translation.',
      },
      tags: [
        { name: 'questions', description: 'Asking and giving feedback' },
        { name: 'knowledge', description: 'Records and documents' },
        { name: 'operations', description: 'Health, metrics and administration' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  // The zod schemas in the handlers are the validation; route schemas only document.
  app.setValidatorCompiler(() => (value) => ({ value }));
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The page gets its own CSP (hashes of swagger-ui's inline code); every other route keeps the strict one.
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: false },
  });
}
