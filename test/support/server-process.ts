import path from 'node:path';
import { startServerProcess as startProcess, type ServerProcess as Started } from '../../scripts/bench/server-process.js';

const root = path.join(import.meta.dirname, '..', '..');

export interface ServerProcess extends Omit<Started, 'ready'> {
  url: string;
}

/** Starts server/main.ts as its own process on a free port and resolves once it listens. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  // Node with tsx's loader, not the tsx command: its parent process gives a signal 30 ms to be
  // acknowledged before it kills the server itself (exit 143), which a busy CI machine misses.
  const started = await startProcess({
    args: ['--import', 'tsx', path.join(root, 'server', 'main.ts')],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs,
  });
  return { ...started, url: started.ready };
}

/** Polls `probe` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if (await probe()) return true;
    } catch {
      // Not yet: connection refused while starting, and the like.
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}
