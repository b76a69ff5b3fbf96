import { execSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT, SERVER_NODE_FLAGS } from './child.js';
import { median, round } from './stats.js';

export interface ColdStartResult {
  command: string;
  /** `npm start` as shipped (it may rebuild the bundles first): spawn to first 200, per run. */
  npmStart?: { runs: number[]; medianMs: number };
  runs: number[];
  medianMs: number;
  /** `node --import tsx` running an empty module: the part of a cold start that is the loader. */
  tsxBaselineMs: number;
  /**
   * Medians of where the time goes, from the server's own log timestamps: spawn to its first log
   * line (Node, tsx and every import), the knowledge load and index build it reports, and spawn
   * to the 'listening' line. Undefined where the log did not say.
   */
  phasesMs: { toFirstLog?: number; knowledgeLoad?: number; toListening?: number };
}

interface RunTiming {
  total: number;
  toFirstLog?: number;
  knowledgeLoad?: number;
  toListening?: number;
}

/** Reads pino's JSON lines: `time` is epoch ms; the knowledge service logs its load with `ms`. */
function readLog(lines: string[], spawnedAt: number): Omit<RunTiming, 'total'> {
  const timing: Omit<RunTiming, 'total'> = {};
  for (const line of lines) {
    let entry: { time?: number; msg?: string; ms?: number };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof entry.time !== 'number') continue;
    timing.toFirstLog ??= entry.time - spawnedAt;
    if (entry.msg === 'knowledge base loaded' && typeof entry.ms === 'number') timing.knowledgeLoad ??= entry.ms;
    if (/listening/i.test(entry.msg ?? '')) timing.toListening ??= entry.time - spawnedAt;
  }
  return timing;
}

/** A port the OS just handed out; the tiny race before the server binds it is acceptable here. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('bench: no free port'))));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The server's log line once it accepts connections (main.ts). */
const LISTENING = /listening on/;

/** Time from spawn to the first 200 from /api/health: what a restart or a new replica costs. */
async function once(timeoutMs: number, npmStart = false): Promise<RunTiming> {
  const port = await freePort();
  const started = performance.now();
  const spawnedAt = Date.now();
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), QUESTION_LOG: 'off', KB_WATCH: 'off', LOG_LEVEL: 'info', LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '' };
  // npm start runs a shell and node under it: a process group of its own, killed as a group.
  const child = npmStart
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true })
    : spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist/main.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const kill = (signal: NodeJS.Signals) => {
    if (npmStart && child.pid !== undefined) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    } else child.kill(signal);
  };
  let out = '';
  // Woken by each chunk of the server's log: the first health request goes out once the server
  // says it listens. Polling from the start cost this process CPU the server's two threads
  // needed on a 2-core machine (a fetch every 10 ms took ~40% of a core while they started).
  let logged: () => void = () => {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    logged();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => {
    exitCode = c;
    logged();
  });
  try {
    const url = `http://127.0.0.1:${port}/api/health`;
    for (;;) {
      if (LISTENING.test(out) && (await healthy(url))) return { total: performance.now() - started, ...readLog(out.split('\n'), spawnedAt) };
      if (exitCode !== undefined) throw new Error(`bench: ${npmStart ? 'npm start' : 'dist/main.mjs'} exited with ${exitCode} before /api/health answered 200`);
      if (performance.now() - started > timeoutMs) throw new Error(`bench: no 200 from /api/health within ${timeoutMs} ms`);
      // The next log chunk, or 10 ms once the server listens (it then answers within a few).
      await new Promise<void>((r) => {
        logged = r;
        setTimeout(r, LISTENING.test(out) ? 10 : 1000);
      });
    }
  } finally {
    kill('SIGTERM');
    const killer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  }
}

function bareTsx(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--eval', '0'], { cwd: ROOT, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`bench: bare tsx exited with ${code}`))));
  });
}

export async function measureColdStart(runs = 5, timeoutMs = 60_000, npmStartRuns = 3): Promise<ColdStartResult> {
  // What `npm start` runs: the esbuild bundle of the server, plain node, no TypeScript loader.
  execSync('npm run -s build', { cwd: ROOT, stdio: 'inherit' });
  // One start first, so the index cache (var/index-cache) holds this knowledge: a restart of an
  // unchanged checkout is the case measured. (The first start after an edit analyses more.)
  await once(timeoutMs);
  const timings: RunTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await once(timeoutMs));
  const npm: number[] = [];
  for (let i = 0; i < npmStartRuns; i++) npm.push(round((await once(timeoutMs, true)).total, 0));
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) bare.push(round(await bareTsx(), 0));
  const phase = (key: keyof Omit<RunTiming, 'total'>) => {
    const values = timings.map((t) => t[key]).filter((v): v is number => v !== undefined);
    return values.length === timings.length ? round(median(values), 0) : undefined;
  };
  const times = timings.map((t) => round(t.total, 0));
  return {
    command: 'node dist/main.mjs (the bundle npm start runs)',
    npmStart: npm.length > 0 ? { runs: npm, medianMs: median(npm) } : undefined,
    runs: times,
    medianMs: median(times),
    tsxBaselineMs: median(bare),
    phasesMs: { toFirstLog: phase('toFirstLog'), knowledgeLoad: phase('knowledgeLoad'), toListening: phase('toListening') },
  };
}
