import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Opens a connection that sends headers and part of a body, then nothing; resolves when the server closes it. */
function slowBody(port: number): { closed: Promise<string>; socket: net.Socket } {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d) => (received += d));
  socket.on('error', () => {});
  socket.on('connect', () => {
    socket.write('POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"question":"');
  });
  return { socket, closed: new Promise((resolve) => socket.on('close', () => resolve(received))) };
}

describe('request limits', () => {
  it('cuts off a request whose body is still incomplete after REQUEST_TIMEOUT_MS, and keeps serving others', async () => {
    t = await buildTestApp({ REQUEST_TIMEOUT_MS: '1000', RATE_LIMIT_MAX: '0' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as net.AddressInfo).port;
    const slow = Array.from({ length: 20 }, () => slowBody(port));
    // Another client is served while the slow ones hang.
    const res = await fetch(`http://127.0.0.1:${port}/api/health/live`);
    expect(res.status).toBe(200);
    const outcomes = await Promise.all(slow.map((s) => s.closed));
    // Node answers 408 Request Timeout, then closes the connection.
    for (const o of outcomes) expect(o === '' || /^HTTP\/1\.1 408/.test(o)).toBe(true);
    expect(outcomes.some((o) => /408/.test(o))).toBe(true);
  });

  it('passes the configured timeouts to the HTTP server', async () => {
    t = await buildTestApp({ REQUEST_TIMEOUT_MS: '5000', CONNECTION_TIMEOUT_MS: '7000', KEEP_ALIVE_TIMEOUT_MS: '9000' });
    expect(t.app.server.requestTimeout).toBe(5000);
    expect(t.app.server.timeout).toBe(7000);
    expect(t.app.server.keepAliveTimeout).toBe(9000);
  });

  it('keys rate limits on the client address given by a trusted proxy', async () => {
    t = await buildTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_MAX: '2' });
    const ask = (ip: string) =>
      t!.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service คืออะไร' }, headers: { 'x-forwarded-for': ip }, remoteAddress: '127.0.0.1' });
    const first = [await ask('203.0.113.1'), await ask('203.0.113.1'), await ask('203.0.113.1')].map((r) => r.statusCode);
    expect(first).toEqual([200, 200, 429]);
    // A different client behind the same proxy has its own bucket.
    expect((await ask('203.0.113.2')).statusCode).toBe(200);
  });

  it('without TRUST_PROXY ignores X-Forwarded-For (one bucket per connection address)', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '2' });
    const ask = (ip: string) => t!.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service คืออะไร' }, headers: { 'x-forwarded-for': ip } });
    const codes = [await ask('203.0.113.1'), await ask('203.0.113.2'), await ask('203.0.113.3')].map((r) => r.statusCode);
    expect(codes).toEqual([200, 200, 429]);
  });
});
