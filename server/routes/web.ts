import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { REPO_ROOT } from '../paths.js';

/** Where `npm run build:web` (scripts/build-web.ts) writes the chat UI. */
export const DEFAULT_WEB_ROOT = path.join(REPO_ROOT, 'web', 'dist');

/**
 * The one HTML page of the UI (index.html), sent for every page path; the client picks the
 * page from the URL. `?lang=en|th` sets `<html lang>` before any script runs, so the first
 * paint, the no-script notice and screen readers already use the language a link asked for.
 */
export interface WebShell {
  send(request: FastifyRequest, reply: FastifyReply, status?: number): Promise<FastifyReply>;
}

export function createWebShell(root: string = DEFAULT_WEB_ROOT): WebShell {
  const indexFile = path.join(root, 'index.html');
  // Re-read only when the build changed, so a rebuild shows without a restart.
  let cached: { mtimeMs: number; html: string } | undefined;

  const load = async (): Promise<string | undefined> => {
    const info = await stat(indexFile).catch(() => undefined);
    if (!info) return undefined;
    if (cached?.mtimeMs !== info.mtimeMs) cached = { mtimeMs: info.mtimeMs, html: await readFile(indexFile, 'utf8') };
    return cached.html;
  };

  return {
    async send(request, reply, status = 200) {
      const html = await load();
      // Sent here rather than thrown: the shared error handler hides every 5xx message, and this one is the fix.
      if (html === undefined) {
        return reply.status(503).send({
          error: 'Service Unavailable',
          message: 'The web UI is not built yet: run "npm run build:web"',
          requestId: String(request.id),
        });
      }
      const lang = (request.query as { lang?: unknown } | undefined)?.lang;
      const page = lang === 'en' || lang === 'th' ? html.replace(/<html lang="[a-z]+"/, `<html lang="${lang}"`) : html;
      return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    },
  };
}

export interface WebRoutesOptions {
  /** Absolute path of the built UI; defaults to web/dist. */
  root?: string;
  /**
   * Whether a record exists, so `/records/<id>` of a missing record is a real 404 page.
   * Undefined (or returning undefined: knowledge not loaded yet) serves the page with 200
   * and lets the client say what the API says.
   */
  recordExists?: (id: string) => boolean | undefined;
}

/** The record id of a `/records/<id>` path: raw or URL-encoded slashes, no trailing slash. */
export function pageRecordId(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Serves the built chat UI: the chat at `/`, the compact chat the widget frames at `/embed`,
 * one record at `/records/<id>`, the bundle files, and `/widget.js` for other sites. The UI's
 * own files are not content-hashed, so HTML/JS/CSS are revalidated on every load (ETag); only
 * the fonts, which never change between builds, are cached.
 */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, options) => {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  const shell = createWebShell(root);
  if (!existsSync(path.join(root, 'index.html'))) app.log.warn(`web UI not built (${path.join(root, 'index.html')} is missing): run "npm run build:web"`);

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // index.html goes through the shell above, never as a file.
    index: false,
    dotfiles: 'deny',
    suppressWarning: true,
    // Our own Cache-Control below, instead of send's "public, max-age=0".
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.includes(`${path.sep}fonts${path.sep}`) ? 'public, max-age=86400' : 'no-cache');
      // Other sites load the widget script with <script src>; helmet's default CORP
      // (same-origin) would make the browser refuse it.
      if (path.basename(file) === 'widget.js') reply.header('cross-origin-resource-policy', 'cross-origin');
    },
  });

  app.get('/', (request, reply) => shell.send(request, reply));
  app.get('/index.html', (request, reply) => shell.send(request, reply));
  app.get('/embed', (request, reply) => shell.send(request, reply));
  app.get('/records/*', (request, reply) => {
    const id = pageRecordId((request.params as { '*': string })['*']);
    const exists = id ? options.recordExists?.(id) : false;
    return shell.send(request, reply, exists === false ? 404 : 200);
  });
};
