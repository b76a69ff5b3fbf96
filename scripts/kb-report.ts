/**
 * Summarises the question log for editors: what people ask that we cannot answer,
 * what we answer with low confidence, and which records people found unhelpful.
 *
 *   npm run kb:report -- [--log var/questions.jsonl] [--low 0.6] [--similarity 0.5] [--json]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_QUESTION_LOG } from '../server/config.js';
import { analyzeLog, DEFAULT_REPORT_OPTIONS, formatReport } from '../server/log/report.js';

function fraction(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${name} must be a number from 0 to 1, not ${JSON.stringify(value)}`);
  return n;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { log: { type: 'string' }, low: { type: 'string' }, similarity: { type: 'string' }, json: { type: 'boolean' } },
    }).values;
  } catch (err) {
    console.error(`kb-report: ${(err as Error).message}`);
    return 1;
  }
  const file = args.log ?? process.env.QUESTION_LOG ?? DEFAULT_QUESTION_LOG;
  let options;
  try {
    options = { lowScore: fraction('low', args.low, DEFAULT_REPORT_OPTIONS.lowScore), similarity: fraction('similarity', args.similarity, DEFAULT_REPORT_OPTIONS.similarity) };
  } catch (err) {
    console.error(`kb-report: ${(err as Error).message}`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(code === 'ENOENT' ? `${file}: no question log here yet (start the server, or pass --log <file>)` : `${file}: cannot read: ${(err as Error).message}`);
    return 1;
  }
  const report = analyzeLog(text, options);
  for (const bad of report.badLines) console.error(`${file}:${bad.line}: ${bad.message} (skipped)`);
  console.log(args.json ? JSON.stringify(report, null, 2) : formatReport(report, file, options));
  return 0;
}

process.exitCode = await main();
