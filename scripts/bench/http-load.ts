import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { ROOT } from './child.js';
import { BENCH_QUERIES } from './queries.js';
import { round } from './stats.js';

export interface RouteLoad {
  route: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
}

export interface HttpResult {
  connections: number;
  seconds: number;
  ping: RouteLoad;
  ask: RouteLoad;
  /** ask req/s ÷ ping req/s. */
  ratio: number;
}

interface ServerHandle {
  port: number;
  stop(): Promise<void>;
}

function startServer(timeoutMs: number): Promise<ServerHandle> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/http-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench: server not ready after ${timeoutMs} ms\n${out}`));
    }, timeoutMs);
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: server exited with ${code} before it was ready\n${out}`));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /BENCH_READY (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        port: Number(m[1]),
        async stop() {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summary(route: string, r: autocannon.Result): RouteLoad {
  return {
    route,
    requestsPerSec: round(r.requests.average, 0),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/**
 * POST /api/ask under load against /bench/ping on the same server, one after the other, each
 * after a short warm-up run so the JIT and connection pools are settled.
 */
export async function measureHttp({ connections = 10, seconds = 10, warmupSeconds = 2 } = {}): Promise<HttpResult> {
  const server = await startServer(60_000);
  try {
    const url = `http://127.0.0.1:${server.port}`;
    const askRequests = BENCH_QUERIES.map((q) => ({
      method: 'POST' as const,
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question }),
    }));
    const common = { url, connections, timeout: 10 };
    await load({ ...common, duration: warmupSeconds, requests: [{ method: 'GET', path: '/bench/ping' }] });
    const ping = await load({ ...common, duration: seconds, requests: [{ method: 'GET', path: '/bench/ping' }] });
    await load({ ...common, duration: warmupSeconds, requests: askRequests });
    const ask = await load({ ...common, duration: seconds, requests: askRequests });
    const result = { connections, seconds, ping: summary('GET /bench/ping', ping), ask: summary('POST /api/ask', ask) };
    return { ...result, ratio: round(result.ask.requestsPerSec / result.ping.requestsPerSec, 3) };
  } finally {
    await server.stop();
  }
}
