import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('app', () => {
  it('sends the security headers with the agreed CSP', async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self';img-src 'self' data:;style-src 'self';font-src 'self';script-src 'self';connect-src 'self';object-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'self';script-src-attr 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers unknown routes with the error shape', async () => {
    t = await buildTestApp();
    const body = expectError(await t.app.inject({ method: 'GET', url: '/api/nothing?x=1' }), 404, /No route for GET \/api\/nothing$/);
    expect(body.error).toBe('Not Found');
  });

  it('limits requests per client with a readable 429', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '3' });
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/api/documents' });
    expectError(res, 429, /Too many requests: at most 3 per minute/);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('does not limit when RATE_LIMIT_MAX is 0', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '0' });
    for (let i = 0; i < 20; i++) expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('honours BODY_LIMIT', async () => {
    t = await buildTestApp({ BODY_LIMIT: '2048' });
    expectError(await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'x'.repeat(3000) } }), 413, /2048 bytes/);
  });

  it('has no admin routes without ADMIN_TOKEN', async () => {
    t = await buildTestApp();
    expectError(await t.app.inject({ method: 'POST', url: '/api/admin/reload', headers: { authorization: 'Bearer x' } }), 404);
  });

  it('has no LINE webhook without LINE credentials', async () => {
    t = await buildTestApp();
    expectError(await t.app.inject({ method: 'POST', url: '/webhook/line', payload: { events: [] } }), 404);
  });

  it('serves 503 while the knowledge base cannot be loaded, and says why in health', async () => {
    const app = await buildApp(loadConfig({ KB_DIR: '/nonexistent/kb', QUESTION_LOG: 'off', LOG_LEVEL: 'silent', KB_WATCH: 'off', LOG_SALT: 'salty-salt' }));
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json().lastReloadError.message).toMatch(/ENOENT/);
      expectError(await app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service' } }), 503, /not loaded/);
    } finally {
      await app.close();
    }
  });

  it('hides internals of unexpected errors', async () => {
    t = await buildTestApp();
    t.app.knowledge.current()!.answerer.ask = () => {
      throw new Error('secret stack detail');
    };
    const body = expectError(await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service' } }), 500);
    expect(body.message).toBe('Internal Server Error');
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
