import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The V8 flags `npm start` runs the server with (package.json). A larger young generation
 * (16 MB semi-spaces) means fewer scavenges: answering allocates a few hundred KB per question,
 * and the p99 latency was mostly those pauses. Measurements use the same flags.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Marks the one stdout line a child reports its result on, so stray logging cannot break parsing. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
/** Progress a child reports before its result, kept if it is killed for time later. */
export const PARTIAL_PREFIX = 'BENCH_PARTIAL ';

export function emitResult(value: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(value)}\n`);
}

export function emitPartial(value: unknown): void {
  process.stdout.write(`${PARTIAL_PREFIX}${JSON.stringify(value)}\n`);
}

/** The child ran out of time; carries what could be observed from outside while it ran. */
export class ChildTimeoutError extends Error {
  constructor(
    message: string,
    readonly elapsedMs: number,
    readonly peakRssMb: number | undefined,
    /** The last emitPartial value, if any. */
    readonly partial: unknown,
  ) {
    super(message);
    this.name = 'ChildTimeoutError';
  }
}

/** Resident set size of a process from /proc (Linux); undefined where that is not available. */
function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface ChildOptions {
  args?: string[];
  nodeFlags?: string[];
  env?: NodeJS.ProcessEnv;
  /** Kill the child and fail after this long. */
  timeoutMs: number;
}

/**
 * Runs a TypeScript script in a fresh Node process (its own heap, so sizes do not mix) and
 * returns the value it emitted with emitResult. stderr passes through so progress stays visible.
 */
export function runChild<T>(script: string, options: ChildOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', script, ...(options.args ?? [])], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const started = performance.now();
    // Sampled from outside: a child killed for time cannot report its own memory.
    let peakRss: number | undefined;
    const sampler = setInterval(() => {
      const rss = child.pid === undefined ? undefined : rssMb(child.pid);
      if (rss !== undefined) peakRss = Math.max(peakRss ?? 0, rss);
    }, 500);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      clearInterval(sampler);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(sampler);
      if (timedOut) {
        const peak = peakRss === undefined ? undefined : Math.round(peakRss);
        const partial = out.split('\n').filter((l) => l.startsWith(PARTIAL_PREFIX)).at(-1);
        reject(
          new ChildTimeoutError(
            `bench: ${script} ${options.args?.join(' ') ?? ''} took longer than ${options.timeoutMs} ms; killed`,
            performance.now() - started,
            peak,
            partial ? JSON.parse(partial.slice(PARTIAL_PREFIX.length)) : undefined,
          ),
        );
        return;
      }
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) {
        reject(new Error(`bench: ${script} exited with ${signal ?? code}${line ? '' : ' without a result'}\n${out.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as T);
    });
  });
}
