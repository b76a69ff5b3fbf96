import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_WEB_ROOT } from './web.js';

/**
 * The editors' console page at /admin. Its script and stylesheet (web/dist/admin/) are served by
 * the chat page's static route like every other built file; this only maps /admin to the shell.
 */
export const consoleWebRoutes: FastifyPluginAsync<{ root?: string }> = async (app, options) => {
  const indexFile = path.join(options.root ?? DEFAULT_WEB_ROOT, 'admin', 'index.html');
  const send = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!existsSync(indexFile)) {
      return reply.status(503).send({ error: 'Service Unavailable', message: 'The console is not built yet: run "npm run build:web"', requestId: String(reply.request.id) });
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(indexFile));
  };
  app.get('/admin', send);
  app.get('/admin/', send);
};
