import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { ROOT, SERVER_NODE_FLAGS } from './child.js';
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
  /** ANSWER_CACHE of the server: 0 measures answering; the default measures the product as shipped. */
  answerCache: string;
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

function startServer(timeoutMs: number, env: NodeJS.ProcessEnv): Promise<ServerHandle> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'scripts/bench/http-server.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
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

/** Several autocannon runs of one route as one: totals summed, p50 averaged, p99 the worst. */
function summary(route: string, runs: autocannon.Result[]): RouteLoad {
  const requests = runs.reduce((n, r) => n + r.requests.total, 0);
  const seconds = runs.reduce((n, r) => n + r.duration, 0);
  const bytes = runs.reduce((n, r) => n + r.throughput.total, 0);
  return {
    route,
    requestsPerSec: round(requests / seconds, 0),
    latencyP50Ms: round(runs.reduce((n, r) => n + r.latency.p50, 0) / runs.length, 1),
    latencyP99Ms: Math.max(...runs.map((r) => r.latency.p99)),
    requests,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    bytesPerResponse: requests > 0 ? Math.round(bytes / requests) : 0,
  };
}

/**
 * POST /api/ask under load against /bench/ping on the same server. The two routes take turns in
 * A-B-B-A order (half the time each, twice), after a warm-up of both, so drift in what else the
 * machine is doing lands on both routes alike instead of skewing the ratio.
 * The bench cycles 60 questions, so with the answer cache on every ask after the first 60 is a
 * cache hit: `answerCache: '0'` measures answering, the shipped default measures the cache.
 */
export async function measureHttp({ connections = 10, seconds = 10, warmupSeconds = 2, answerCache = '0' } = {}): Promise<HttpResult> {
  const server = await startServer(60_000, { ANSWER_CACHE: answerCache });
  try {
    const url = `http://127.0.0.1:${server.port}`;
    const askRequests = BENCH_QUERIES.map((q) => ({
      method: 'POST' as const,
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: q.question }),
    }));
    const pingRequests = [{ method: 'GET' as const, path: '/bench/ping' }];
    const common = { url, connections, timeout: 10 };
    await load({ ...common, duration: warmupSeconds, requests: pingRequests });
    await load({ ...common, duration: warmupSeconds, requests: askRequests });
    const half = Math.max(1, seconds / 2);
    const ping: autocannon.Result[] = [];
    const ask: autocannon.Result[] = [];
    ping.push(await load({ ...common, duration: half, requests: pingRequests }));
    ask.push(await load({ ...common, duration: half, requests: askRequests }));
    ask.push(await load({ ...common, duration: half, requests: askRequests }));
    ping.push(await load({ ...common, duration: half, requests: pingRequests }));
    const result = { answerCache, connections, seconds, ping: summary('GET /bench/ping', ping), ask: summary('POST /api/ask', ask) };
    return { ...result, ratio: round(result.ask.requestsPerSec / result.ping.requestsPerSec, 3) };
  } finally {
    await server.stop();
  }
}
