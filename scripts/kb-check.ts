/**
 * Validates the knowledge base and reports editorial gaps.
 *   npm run kb:check [-- --kb <dir>]
 * Exits 1 on invalid files, untranslated or untagged records, or broken supersededBy links.
 */
import { parseArgs } from 'node:util';
import { checkKnowledgeBase } from '../server/kb/check-kb.js';
import { formatProblem } from '../server/kb/format-problem.js';
import { DEFAULT_KB_DIR } from '../server/kb/load.js';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { kb: { type: 'string' } } }));
  } catch (cause) {
    console.error(`kb:check: ${(cause as Error).message}\nusage: npm run kb:check [-- --kb <dir>]`);
    return 1;
  }
  const report = await checkKnowledgeBase(values.kb ?? DEFAULT_KB_DIR);
  for (const p of report.problems) (p.severity === 'error' ? console.error : console.warn)(formatProblem(p));
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  console.log(
    `${report.documents} documents, ${report.records} records: ${report.untranslated} untranslated, ${report.untagged} untagged, ${report.stale} stale; ` +
      `${errors} errors, ${report.problems.length - errors} warnings`,
  );
  return errors ? 1 : 0;
}

process.exitCode = await main();
