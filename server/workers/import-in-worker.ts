import type { ImportOptions, ImportReport } from '../kb/import-batch.js';
import { runWorkerJob } from './run-job.js';

/** Runs importBatch in a worker thread: parsing, merging and duplicate search leave the event loop free. */
export async function importInWorker(options: ImportOptions): Promise<ImportReport> {
  return (await runWorkerJob<{ report: ImportReport }>({ kind: 'import', options })).report;
}
