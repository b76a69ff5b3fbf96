/**
 * Imports a Q&A handout (.pdf, .docx, .xlsx, or extracted .txt/.tsv/.csv) into
 * the knowledge base, or a translators' workbook from kb:export back into it.
 *   npm run kb:import -- <file> [--document <id>] [--title …] [--date YYYY-MM-DD] [--sheet <name>]
 *                       [--columns number=A,question=B,answer=C,section=D] [--dry-run] [--replace] [--kb <dir>]
 * Exits 1 (writing nothing) when any problem is an error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseColumnsOption } from '../server/kb/formats/xlsx.js';
import { importTranslations, readTranslationFile } from '../server/kb/import-translations.js';
import { REPAIR_KINDS } from '../server/kb/thai-repair.js';
import { formatProblem } from '../server/kb/format-problem.js';
import { importBatch, type ImportReport } from '../server/kb/import-batch.js';
import { ImportBusyError, withImportLock } from '../server/kb/import-lock.js';
import { cleanLeftovers } from '../server/kb/leftovers.js';
import { DEFAULT_KB_DIR } from '../server/kb/load.js';

const USAGE =
  'usage: npm run kb:import -- <file.pdf|.docx|.xlsx|.txt|.tsv|.csv> [--document <id>] [--title <th>] [--date YYYY-MM-DD] [--sheet <name>] [--columns number=A,question=B,answer=C,section=D] [--dry-run] [--replace] [--kb <dir>]';

function summary(r: ImportReport, dryRun: boolean): string[] {
  const lines = [`document ${r.document}: ${r.records} records, ${r.untranslated} untranslated`];
  for (const s of r.sections) lines.push(`  ${s.slug} (${s.title}): ${s.records}`);
  lines.push(`added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}`);
  const repaired = REPAIR_KINDS.filter((k) => r.repairs[k] > 0);
  lines.push(`Thai repairs: ${repaired.length ? repaired.map((k) => `${k} ${r.repairs[k]}`).join(', ') : 'none'}`);
  const flagged = r.problems.filter((p) => p.message.startsWith('review question')).length;
  if (flagged) lines.push(`flagged for review: ${flagged} (see the warnings below)`);
  lines.push(`duplicates of other documents: ${r.duplicates.length}`);
  for (const d of r.duplicates) lines.push(`  ${d.id} ~ ${d.similarTo} (${d.similarity})`);
  lines.push(r.written ? 'written' : dryRun ? 'dry run: nothing written' : 'nothing written');
  return lines;
}

/** The command, callable in-process (tests) with its arguments; resolves with the exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        document: { type: 'string' },
        title: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        replace: { type: 'boolean', default: false },
        kb: { type: 'string' },
        sheet: { type: 'string' },
        columns: { type: 'string' },
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
  const file = positionals[0]!;
  let columns;
  try {
    columns = values.columns ? parseColumnsOption(values.columns) : undefined;
  } catch (cause) {
    console.error(`kb:import: ${(cause as Error).message}`);
    return 1;
  }
  const locked = <T>(work: () => Promise<T>): Promise<T> =>
    // The same lock as the server's admin import: one import at a time per knowledge base.
    // Leftovers are removed inside it, so a running import's temp file is never taken for one.
    values['dry-run']
      ? work()
      : withImportLock(kbDir, `kb:import ${file}`, async () => {
          const cleaned = await cleanLeftovers(kbDir);
          for (const f of [...cleaned.tempFiles, ...cleaned.orphanSources]) console.warn(`kb:import: removed ${f} (left by an interrupted import)`);
          return work();
        });
  try {
    // A workbook (or JSON) written by kb:export goes back as translations, not as a new batch.
    const content = await readFile(file).catch(() => undefined);
    const translationRows = content && content.length < 20 * 1024 * 1024 ? await readTranslationFile(path.basename(file), content) : undefined;
    if (content && translationRows) {
      const t = await locked(() => importTranslations(translationRows, { kbDir, file, content, dryRun: values['dry-run'] }));
      console.log(`translations: ${t.rows} rows, ${t.updated.length} records updated, ${t.unchanged} unchanged`);
      for (const id of t.updated) console.log(`  ${id}`);
      console.log(t.written ? 'written' : values['dry-run'] ? 'dry run: nothing written' : 'nothing written');
      for (const p of t.problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
      return t.problems.some((p) => p.severity === 'error') ? 1 : 0;
    }
    const report = await locked(() =>
      importBatch({
        kbDir,
        file,
        parse: { sheet: values.sheet, columns },
        document: values.document,
        title: values.title,
        date: values.date,
        dryRun: values['dry-run'],
        replace: values.replace,
      }),
    );
    for (const line of summary(report, values['dry-run'])) console.log(line);
    for (const p of report.problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
    return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
  } catch (cause) {
    if (cause instanceof ImportBusyError) {
      console.error(`kb:import: ${cause.message}`);
      return 1;
    }
    throw cause;
  }
}

// Run only as a command, not when a test imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main();
