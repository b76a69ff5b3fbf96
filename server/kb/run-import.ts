import { importInWorker } from '../workers/import-in-worker.js';
import { importBatch, type ImportOptions, type ImportReport } from './import-batch.js';
import { withImportLock } from './import-lock.js';

/**
 * One import, exclusive per knowledge base (ImportBusyError when another runs), in a worker
 * thread unless `worker` is false. A dry run takes no lock: it writes nothing.
 */
export function runImport(options: ImportOptions, { worker = true }: { worker?: boolean } = {}): Promise<ImportReport> {
  const run = () => (worker ? importInWorker(options) : importBatch(options));
  return options.dryRun ? run() : withImportLock(options.kbDir, `import of ${options.file}`, run);
}
