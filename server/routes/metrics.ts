import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../errors.js';
import { bearerMatches } from './admin.js';

/** Prometheus scrape endpoint; behind METRICS_TOKEN when set. Never rate-limited: scrapers poll it. */
export const metricsRoutes: FastifyPluginAsync<{ token?: string }> = async (app, { token }) => {
  app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
    if (token && !bearerMatches(request.headers.authorization, token)) {
      throw new HttpError(401, '/metrics needs the header Authorization: Bearer <METRICS_TOKEN>', undefined, { headers: { 'www-authenticate': 'Bearer' } });
    }
    const snapshot = app.knowledge.current();
    app.metrics.indexRecords.set(snapshot?.kb.records.length ?? 0);
    app.metrics.indexVersion.set(snapshot?.version ?? 0);
    return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });
};
