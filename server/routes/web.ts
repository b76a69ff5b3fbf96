import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { REPO_ROOT } from '../paths.js';

/** Where `npm run build:web` (scripts/build-web.ts) writes the chat UI. */
export const DEFAULT_WEB_ROOT = path.join(REPO_ROOT, 'web', 'dist');

export interface WebRoutesOptions {
  /** Absolute path of the built UI; defaults to web/dist. */
  root?: string;
}

/**
 * Serves the built chat UI at `/` and the same app shell for `/records/<id>`,
 * which the client-side code turns into a single-record page. The UI's own
 * files are not content-hashed, so HTML/JS/CSS are revalidated on every load
 * (ETag); only the fonts, which never change between builds, are cached.
 */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const indexFile = path.join(root, 'index.html');
  if (!existsSync(indexFile)) app.log.warn(`web UI not built (${indexFile} is missing): run "npm run build:web"`);

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: 'index.html',
    dotfiles: 'deny',
    suppressWarning: true,
    // Our own Cache-Control below, instead of send's "public, max-age=0".
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}fonts${path.sep}`) ? 'public, max-age=86400' : 'no-cache');
    },
  });

  const sendApp = (request: FastifyRequest, reply: FastifyReply) => {
    // Checked per request so a server started before the first build works once the build exists.
    // Sent here rather than thrown: the shared error handler hides every 5xx message, and this one is the fix.
    if (!existsSync(indexFile)) {
      return reply.status(503).send({
        error: 'Service Unavailable',
        message: 'The web UI is not built yet: run "npm run build:web"',
        requestId: String(request.id),
      });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };

  app.get('/', sendApp);
  app.get('/records/*', sendApp);
};
