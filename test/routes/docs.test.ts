import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('API documentation', () => {
  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const ask = doc.paths['/api/ask'].post;
    const body = ask.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['question']);
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['question', 'lang', 'limit', 'filters']));
    expect(doc.paths['/api/feedback'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/health/ready'].get.summary).toMatch(/Readiness/);
  });

  it('serves a readable page at /api/docs with its own CSP, leaving the strict one elsewhere', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/swagger-ui/i);
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src/);
    const other = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(String(other.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(other.headers['content-security-policy'])).not.toContain('sha256');
  });

  it('still validates bodies with the readable zod messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/question: must not be empty/);
  });
});
