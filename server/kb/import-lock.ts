import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** Thrown when another import of the same knowledge base is running (HTTP 409). */
export class ImportBusyError extends Error {
  constructor(readonly holder: { pid: number; host: string; since: string; what: string }) {
    super(`Another import into this knowledge base is running (${holder.what}, started ${holder.since}); try again when it has finished`);
    this.name = 'ImportBusyError';
  }
}

/** A lock left by a process that died is taken over after this long even on another host. */
const STALE_MS = 30 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding kb/.import.lock, created with O_EXCL: one import at a time per knowledge
 * base, across processes and replicas sharing the folder. A lock whose process is gone (same
 * host) or older than 30 minutes is stale and taken over.
 */
export async function withImportLock<T>(kbDir: string, what: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(kbDir, '.import.lock');
  const mine = { pid: process.pid, host: hostname(), since: new Date().toISOString(), what };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ImportBusyError(await holder(file));
        throw err;
      }
      const h = await holder(file);
      const stale = (h.host === mine.host && !alive(h.pid)) || Date.now() - Date.parse(h.since) > STALE_MS;
      if (!stale) throw new ImportBusyError(h);
      await rm(file, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

async function holder(file: string): Promise<ImportBusyError['holder']> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ImportBusyError['holder'];
  } catch {
    // Half-written by a process killed between create and write: treat as stale.
    return { pid: -1, host: hostname(), since: new Date(0).toISOString(), what: 'unknown' };
  }
}
