/**
 * Imports a Q&A batch into the knowledge base.
 *   npm run kb:import -- <file> [--document <id>] [--title …] [--date YYYY-MM-DD] [--dry-run] [--replace] [--kb <dir>]
 * Exits 1 (writing nothing) when any problem is an error.
 */
import { parseArgs } from 'node:util';
import { formatProblem } from '../server/kb/format-problem.js';
import { importBatch, type ImportReport } from '../server/kb/import-batch.js';
import { ImportBusyError, withImportLock } from '../server/kb/import-lock.js';
import { cleanLeftovers } from '../server/kb/leftovers.js';
import { DEFAULT_KB_DIR } from '../server/kb/load.js';

const USAGE = 'usage: npm run kb:import -- <file> [--document <id>] [--title <th>] [--date YYYY-MM-DD] [--dry-run] [--replace] [--kb <dir>]';

function summary(r: ImportReport, dryRun: boolean): string[] {
  const lines = [`document ${r.document}: ${r.records} records, ${r.untranslated} untranslated`];
  for (const s of r.sections) lines.push(`  ${s.slug} (${s.title}): ${s.records}`);
  lines.push(`added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}`);
  lines.push(`duplicates of other documents: ${r.duplicates.length}`);
  for (const d of r.duplicates) lines.push(`  ${d.id} ~ ${d.similarTo} (${d.similarity})`);
  lines.push(r.written ? 'written' : dryRun ? 'dry run: nothing written' : 'nothing written');
  return lines;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        document: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        kb: { type: 'string' },
      },
    });
  } catch (cause) {
    console.error(`kb:import: ${(cause as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    console.error(`kb:import: expected one batch file, got ${positionals.length}\n${USAGE}`);
    return 1;
  }
  const kbDir = values.kb ?? DEFAULT_KB_DIR;
  const run = () =>
    importBatch({
      kbDir,
      file: positionals[0]!,
      document: values.document,
      title: values.title,
      date: values.date,
      dryRun: values['dry-run'],
      replace: values.replace,
    });
  let report: ImportReport;
  try {
    // The same lock as the server's admin import: one import at a time per knowledge base.
    // Leftovers are removed inside it, so a running import's temp file is never taken for one.
    report = values['dry-run']
      ? await run()
      : await withImportLock(kbDir, `kb:import ${positionals[0]}`, async () => {
          const cleaned = await cleanLeftovers(kbDir);
          for (const f of [...cleaned.tempFiles, ...cleaned.orphanSources]) console.warn(`kb:import: removed ${f} (left by an interrupted import)`);
          return run();
        });
  } catch (cause) {
    if (cause instanceof ImportBusyError) {
      console.error(`kb:import: ${cause.message}`);
      return 1;
    }
    throw cause;
  }
  for (const line of summary(report, values['dry-run'])) console.log(line);
  for (const p of report.problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

process.exitCode = await main();
