/**
 * Summarises the question log for editors: what people ask that we cannot answer,
 * what we answer with low confidence, and which records people found unhelpful.
 *
 *   npm run kb:report -- [--days 90] [--low 0.6] [--similarity 0.5] [--json]
 *   npm run kb:report -- --log export.jsonl      (a file written by `npm run log:export`)
 *
 * Without --log it reads the run-time store the server uses (DATABASE_URL, else var/store.sqlite).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { analyzeEntries, analyzeLog, DEFAULT_REPORT_OPTIONS, formatReport, type LogReport } from '../server/log/report.js';
import { createStore } from '../server/store/create-store.js';

function fraction(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`--${name} must be a number from 0 to 1, not ${JSON.stringify(value)}`);
  return n;
}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--days must be a whole number of days (1 or more), not ${JSON.stringify(value)}`);
  return n;
}

/** Every question since `since` (the store pages by time; the report wants them all). */
async function fromStore(since: Date | undefined, options: typeof DEFAULT_REPORT_OPTIONS): Promise<{ report: LogReport; source: string }> {
  const config = loadConfig();
  const store = await createStore(config);
  try {
    const questions = await store.listQuestions({ since, limit: 1_000_000 });
    const feedback = await store.listFeedback({ since, limit: 1_000_000 });
    const source = config.databaseUrl ? 'in PostgreSQL (DATABASE_URL)' : config.storeFile;
    return { report: analyzeEntries(questions, feedback, options), source };
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  let args;
  let options;
  let window: number | undefined;
  try {
    args = parseArgs({
      options: { log: { type: 'string' }, days: { type: 'string' }, low: { type: 'string' }, similarity: { type: 'string' }, json: { type: 'boolean' } },
    }).values;
    options = { lowScore: fraction('low', args.low, DEFAULT_REPORT_OPTIONS.lowScore), similarity: fraction('similarity', args.similarity, DEFAULT_REPORT_OPTIONS.similarity) };
    window = days(args.days);
  } catch (err) {
    console.error(`kb-report: ${(err as Error).message}`);
    return 1;
  }

  let result: { report: LogReport; source: string };
  if (args.log) {
    const file = args.log;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      console.error(code === 'ENOENT' ? `${file}: no question log here yet (write one with npm run log:export, or leave out --log to read the store)` : `${file}: cannot read: ${(err as Error).message}`);
      return 1;
    }
    const report = analyzeLog(text, options);
    for (const bad of report.badLines) console.error(`${file}:${bad.line}: ${bad.message} (skipped)`);
    result = { report, source: file };
  } else {
    try {
      result = await fromStore(window ? new Date(Date.now() - window * 86_400_000) : undefined, options);
    } catch (err) {
      console.error(`kb-report: cannot read the store: ${(err as Error).message}`);
      return 1;
    }
  }
  console.log(args.json ? JSON.stringify(result.report, null, 2) : formatReport(result.report, result.source, options));
  return 0;
}

process.exitCode = await main();
