import type { ImportOptions, ImportReport } from '../kb/import-batch.js';
import { spawnWorker } from './spawn.js';
import type { WorkerJob } from './knowledge-worker.js';

/** Runs importBatch in a worker thread: parsing, merging and duplicate search leave the event loop free. */
export function importInWorker(options: ImportOptions): Promise<ImportReport> {
  const job: WorkerJob = { kind: 'import', options };
  const worker = spawnWorker('knowledge-worker', { workerData: job });
  return new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    worker.once('message', (msg: { type: string; report?: ImportReport; message?: string }) => {
      settled = true;
      if (msg.type === 'done') resolve(msg.report!);
      else reject(new Error(msg.message ?? 'import worker failed'));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
    });
  });
}
