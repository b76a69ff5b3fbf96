import os from 'node:os';
import autocannon from 'autocannon';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { ROOT, SERVER_NODE_FLAGS } from './child.js';
import { BENCH_QUERIES } from './queries.js';
import { questionStream } from './question-stream.js';
import { startServerProcess } from './server-process.js';
import { median, round } from './stats.js';

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

export interface HttpRound {
  hello: RouteLoad;
  health: RouteLoad;
  ask: RouteLoad;
  /** 1-minute load average when the round started. */
  load1m: number;
  /** ask req/s ÷ health req/s in this round. */
  askToHealth: number;
  /** ask req/s ÷ bare fastify hello req/s in this round. */
  askToHello: number;
}

export interface HttpResult {
  connections: number;
  /** Seconds per route per round. */
  seconds: number;
  /** Distinct questions the uncached asks drew from (each sent once). */
  distinctQuestions: number;
  rounds: HttpRound[];
  /** Medians over the rounds (min-max in the rounds). */
  askToHealth: { median: number; min: number; max: number };
  askToHello: { median: number; min: number; max: number };
  /**
   * The shipped answer cache on, 60 questions repeated: what a repeated question costs. Labelled
   * as such everywhere; it says nothing about answering.
   */
  cached?: { health: RouteLoad; ask: RouteLoad; askToHealth: number };
}

/** The bench's servers print `BENCH_READY <port>` (hello-server.ts, http-server.ts). */
async function startServer(script: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<{ port: number; stop(): Promise<void> }> {
  const server = await startServerProcess({
    args: [...SERVER_NODE_FLAGS, '--import', 'tsx', script],
    cwd: ROOT,
    env: { ...process.env, ...env },
    ready: /BENCH_READY (\d+)/,
    timeoutMs,
    keepOutput: false,
  });
  return { port: Number(server.ready), stop: () => server.stop() };
}

async function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function summary(route: string, r: autocannon.Result): RouteLoad {
  return {
    route,
    requestsPerSec: round(r.requests.total / r.duration, 0),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerResponse: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

const spread = (values: number[]) => ({ median: round(median(values), 3), min: round(Math.min(...values), 3), max: round(Math.max(...values), 3) });

/**
 * Three routes in the same run: a bare fastify hello (its own process), the product's
 * /api/health and POST /api/ask with the answer cache off and every question distinct (one
 * shared counter across autocannon's connections). Each round takes the routes in a rotated
 * order so that drift in the machine's load does not always land on the same route; ratios are
 * computed per round and reported as median and range. Then, labelled, the shipped cache.
 */
export async function measureHttp({ connections = 10, seconds = 5, rounds = 3, warmupSeconds = 2, withCached = true } = {}): Promise<HttpResult> {
  const kb = await loadKnowledgeBase();
  const questions = questionStream(kb.records, { count: 200_000 }).map((q) => JSON.stringify({ question: q.question }));
  let next = 0;
  const askRequest = {
    method: 'POST' as const,
    path: '/api/ask',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>) => ({ ...req, body: questions[next++ % questions.length] }),
  };
  const hello = await startServer('scripts/bench/hello-server.ts', 30_000);
  const product = await startServer('scripts/bench/http-server.ts', 120_000, { ANSWER_CACHE: '0' });
  const out: HttpRound[] = [];
  try {
    const routes = {
      hello: { url: `http://127.0.0.1:${hello.port}`, requests: [{ method: 'GET' as const, path: '/hello' }], name: 'GET /hello (bare fastify)' },
      health: { url: `http://127.0.0.1:${product.port}`, requests: [{ method: 'GET' as const, path: '/api/health' }], name: 'GET /api/health' },
      ask: { url: `http://127.0.0.1:${product.port}`, requests: [askRequest], name: 'POST /api/ask (distinct questions, answer cache off)' },
    };
    type Key = keyof typeof routes;
    const run = async (key: Key, duration: number) => load({ url: routes[key].url, requests: routes[key].requests as autocannon.Request[], connections, duration, timeout: 10 });
    for (const key of ['hello', 'health', 'ask'] as Key[]) await run(key, warmupSeconds);
    const order: Key[] = ['hello', 'health', 'ask'];
    for (let r = 0; r < rounds; r++) {
      const load1m = round(os.loadavg()[0]!, 2);
      const results: Partial<Record<Key, RouteLoad>> = {};
      for (let i = 0; i < order.length; i++) {
        const key = order[(i + r) % order.length]!;
        results[key] = summary(routes[key].name, await run(key, seconds));
      }
      const { hello: h, health: he, ask: a } = results as Record<Key, RouteLoad>;
      out.push({ load1m, hello: h, health: he, ask: a, askToHealth: round(a.requestsPerSec / he.requestsPerSec, 3), askToHello: round(a.requestsPerSec / h.requestsPerSec, 3) });
    }
  } finally {
    await Promise.all([hello.stop(), product.stop()]);
  }

  let cached: HttpResult['cached'];
  if (withCached) {
    const server = await startServer('scripts/bench/http-server.ts', 120_000, { ANSWER_CACHE: '' });
    try {
      const url = `http://127.0.0.1:${server.port}`;
      const repeated = BENCH_QUERIES.map((q) => ({ method: 'POST' as const, path: '/api/ask', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q.question }) }));
      await load({ url, requests: repeated, connections, duration: warmupSeconds });
      const ask = summary('POST /api/ask (answer cache on, 60 questions repeated)', await load({ url, requests: repeated, connections, duration: seconds }));
      const health = summary('GET /api/health', await load({ url, requests: [{ method: 'GET', path: '/api/health' }], connections, duration: seconds }));
      cached = { ask, health, askToHealth: round(ask.requestsPerSec / health.requestsPerSec, 3) };
    } finally {
      await server.stop();
    }
  }

  return {
    connections,
    seconds,
    distinctQuestions: Math.min(next, questions.length),
    rounds: out,
    askToHealth: spread(out.map((r) => r.askToHealth)),
    askToHello: spread(out.map((r) => r.askToHello)),
    cached,
  };
}
