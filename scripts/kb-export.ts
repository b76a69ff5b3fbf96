/**
 * Exports records for translators: a workbook with Thai and English side by
 * side (plus tags, alternates and record ids), or the same rows as JSON. The
 * file imports back with kb:import, changing only English, alternates and tags.
 *   npm run kb:export -- --format xlsx|json [--document <id> …] [--untranslated] [--out <file>] [--kb <dir>]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { exportJson, exportRows, exportWorkbook } from '../server/kb/export-records.js';
import { DEFAULT_KB_DIR, loadKnowledgeBase } from '../server/kb/load.js';

const USAGE = 'usage: npm run kb:export -- --format xlsx|json [--document <id> …] [--untranslated] [--out <file>] [--kb <dir>]';

/** The command, callable in-process (tests) with its arguments; resolves with the exit code. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        format: { type: 'string', default: 'xlsx' },
        document: { type: 'string', multiple: true },
        untranslated: { type: 'boolean', default: false },
        out: { type: 'string' },
        kb: { type: 'string' },
      },
    }));
  } catch (cause) {
    console.error(`kb:export: ${(cause as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.format !== 'xlsx' && values.format !== 'json') {
    console.error(`kb:export: --format must be xlsx or json, not "${values.format}"\n${USAGE}`);
    return 1;
  }
  let rows;
  try {
    rows = exportRows(await loadKnowledgeBase(values.kb ?? DEFAULT_KB_DIR), { documents: values.document, untranslated: values.untranslated });
  } catch (cause) {
    console.error(`kb:export: ${(cause as Error).message}`);
    return 1;
  }
  const out = values.out ?? `kb-translations.${values.format}`;
  await writeFile(out, values.format === 'xlsx' ? await exportWorkbook(rows) : exportJson(rows));
  console.log(`${rows.length} records written to ${out}`);
  return 0;
}

// Run only as a command, not when a test imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await main();
