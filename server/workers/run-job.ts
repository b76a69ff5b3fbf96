import { spawnWorker } from './spawn.js';
import type { WorkerJob } from './knowledge-worker.js';

/**
 * Runs one job (an import, an analysis share) in a worker thread of its own: resolves with the
 * `{type: 'done'}` message it posts, rejects with its error, and stops the thread either way.
 */
export function runWorkerJob<T extends object>(job: Exclude<WorkerJob, { kind: 'serve' }>): Promise<T> {
  const worker = spawnWorker('knowledge-worker', { workerData: job });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.once('message', (msg: { type: string; message?: string }) => {
      settled = true;
      // Settled once the thread has stopped: until then the worker still holds what it was sent
      // and what it sent back (at 100,000 records, ~80 MB of the caller's heap for a moment).
      const settle = () => (msg.type === 'done' ? resolve(msg as T) : reject(new Error(msg.message ?? `${job.kind} worker failed`)));
      worker.terminate().then(settle, settle);
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${job.kind} worker exited with code ${code}`));
    });
  });
}
