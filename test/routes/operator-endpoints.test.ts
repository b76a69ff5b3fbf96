import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutPaths } from '../../server/routes/health.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const get = (url: string, headers: Record<string, string> = {}) => t!.app.inject({ method: 'GET', url, headers });

describe('health endpoints', () => {
  it('say live and ready when the index is loaded and the store answers', async () => {
    t = await buildTestApp();
    expect((await get('/api/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await get('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { index: 'ok', reload: 'ok', store: 'ok' } });
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok', records: 5 });
  });

  it('after a failed reload: not ready, /api/health degraded, and no file path in any body', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: 'health-test-admin-token-0123456789' });
    await writeFile(path.join(t.kbDir, 'documents', 'broken.json'), '{ not json');
    await t.app.knowledge.reload();
    const ready = await get('/api/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toMatchObject({ index: 'ok', reload: 'failed' });
    const health = await get('/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('degraded');
    expect(health.json().lastReloadError.message).toMatch(/broken\.json/);
    for (const body of [ready.body, health.body, (await get('/api/health/live')).body]) {
      expect(body).not.toContain(t.kbDir);
      expect(body).not.toMatch(/\/(tmp|home|work|var|usr)\//);
    }
  });

  it('are not rate-limited', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '2' });
    for (let i = 0; i < 5; i++) {
      for (const url of ['/api/health', '/api/health/live', '/api/health/ready']) expect((await get(url)).statusCode).toBe(200);
    }
    const asks = [];
    for (let i = 0; i < 3; i++) asks.push((await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service คืออะไร' } })).statusCode);
    expect(asks).toContain(429);
  });

  it('readiness fails when the store does not answer', async () => {
    t = await buildTestApp();
    t.store.ping = async () => {
      throw new Error('connection refused to /var/run/postgresql');
    };
    const ready = await get('/api/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks.store).toBe('unreachable');
    expect(ready.body).not.toContain('/var/run');
  });
});

describe('withoutPaths', () => {
  it('keeps the file name and drops the folders, leaving record ids alone', () => {
    expect(withoutPaths("ENOENT: no such file or directory, scandir '/srv/bot/kb/documents'")).toBe("ENOENT: no such file or directory, scandir 'documents'");
    expect(withoutPaths('/tmp/x/documents/a.json: invalid')).toBe('a.json: invalid');
    expect(withoutPaths('record fy2565-x/general/1 bad')).toBe('record fy2565-x/general/1 bad');
  });
});

describe('GET /metrics', () => {
  it('exposes request, outcome, index and event-loop metrics in Prometheus format', async () => {
    t = await buildTestApp();
    await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service ใช้บริการเดิมได้ไหม' } });
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{route="\/api\/ask",method="POST",status="200"\} 1/);
    expect(res.body).toMatch(/answer_outcomes_total\{channel="api",outcome="(answered|clarify|none)"\} 1/);
    expect(res.body).toMatch(/knowledge_index_records 5/);
    expect(res.body).toMatch(/knowledge_reloads_total\{result="ok"\} 1/);
    expect(res.body).toContain('nodejs_eventloop_lag_seconds');
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toContain('line_events_total');
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    t = await buildTestApp({ METRICS_TOKEN: 'metrics-token-0123456789' });
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer wrong-token-0123456789' })).statusCode).toBe(401);
    const ok = await get('/metrics', { authorization: 'Bearer metrics-token-0123456789' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('http_requests_total');
  });
});

describe('security headers', () => {
  it('CSP forbids base, foreign form targets and inline handlers', async () => {
    t = await buildTestApp();
    const csp = String((await get('/api/health/live')).headers['content-security-policy']);
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("script-src-attr 'none'");
  });
});
