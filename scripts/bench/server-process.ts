import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A server started as its own Node process and awaited until a line of its output says it is
 * ready: the bench's servers (http-load.ts, import-under-load.ts) and the tests' server processes
 * (test/support/server-process.ts).
 */
export interface ServerProcess {
  child: ChildProcess;
  /** The first capture group of `ready` (a URL or a port). */
  ready: string;
  /** Everything the process printed so far (only up to readiness when `keepOutput` is false). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s, and waits for the exit. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Node's arguments: flags, then the script. */
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Matched against stdout and stderr; its first group becomes `ready`. */
  ready: RegExp;
  timeoutMs: number;
  /** Keep collecting output after readiness (tests read it); default true. */
  keepOutput?: boolean;
}

export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let collecting = true;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const collect = (chunk: Buffer) => {
    if (collecting) out += chunk;
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was not ready within ${options.timeoutMs} ms:\n${out.slice(-4000)}`));
    }, options.timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it was ready:\n${out.slice(-4000)}`));
    });
    const check = () => {
      const m = options.ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.stderr!.off('data', check);
      // Request logs follow; drained, not kept, unless asked for.
      collecting = options.keepOutput ?? true;
      resolve({
        child,
        ready: m[1]!,
        output: () => out,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
  });
}
