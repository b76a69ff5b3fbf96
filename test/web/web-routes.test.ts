import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandlers } from '../../server/errors.js';
import { webRoutes } from '../../server/routes/web.js';

/** server/routes/web.ts over a tiny fake build, so it does not depend on `npm run build:web`. */
describe('webRoutes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'opdc-web-routes-'));
    await mkdir(path.join(dir, 'fonts'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(dir, 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'fonts', 'f.woff2'), 'font');
    app = Fastify();
    registerErrorHandlers(app, { bodyLimit: 1024 });
    await app.register(webRoutes, { root: dir });
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the app at / without long caching', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>app</title>');
  });

  it.each(['/records/fy2565-potential-base/e-service/14', '/records/fy2565-potential-base%2Fe-service%2F14'])('serves the app shell for %s', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>app</title>');
  });

  it('serves bundle files and caches fonts for a day', async () => {
    expect((await app.inject('/app.js')).headers['content-type']).toMatch(/javascript/);
    const font = await app.inject('/fonts/f.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('answers unknown files with the JSON 404 body', async () => {
    const res = await app.inject('/nope.js');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'Not Found' });
  });

  it('returns 503 with the command to run when the UI is not built', async () => {
    const bare = Fastify();
    registerErrorHandlers(bare, { bodyLimit: 1024 });
    await bare.register(webRoutes, { root: path.join(dir, 'missing') });
    for (const url of ['/', '/records/a/b/1']) {
      const res = await bare.inject(url);
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toContain('npm run build:web');
    }
    await bare.close();
  });
});
