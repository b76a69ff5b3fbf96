/**
 * Writes the question log and feedback from the store as JSON lines (one object per line,
 * `type: "question"` or `"feedback"`, oldest first), for spreadsheets, archives and kb:report --log.
 *
 *   npm run log:export -- [--since 2026-01-01] [--until 2026-02-01] [--out questions.jsonl]
 *
 * Reads the store the server uses (DATABASE_URL, else var/store.sqlite). Without --out it writes to stdout.
 */
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { createStore } from '../server/store/create-store.js';

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`--${name} must be a date such as 2026-01-31, not ${JSON.stringify(value)}`);
  return d;
}

async function main(): Promise<number> {
  let args;
  let since: Date | undefined;
  let until: Date | undefined;
  try {
    args = parseArgs({ options: { since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' } } }).values;
    since = date('since', args.since);
    until = date('until', args.until);
  } catch (err) {
    console.error(`log-export: ${(err as Error).message}`);
    return 1;
  }
  const store = await createStore(loadConfig());
  try {
    const questions = await store.listQuestions({ since, until, limit: 10_000_000 });
    const feedback = (await store.listFeedback({ since, limit: 10_000_000 })).filter((f) => !until || f.time < until);
    const lines = [
      ...questions.map((q) => ({ type: 'question' as const, ...q })),
      ...feedback.map((f) => ({ type: 'feedback' as const, ...f })),
    ].sort((a, b) => a.time.getTime() - b.time.getTime());
    // Written beside the target and renamed: an interrupted export never leaves half a file.
    const tmp = args.out ? `${args.out}.tmp-${process.pid}` : undefined;
    const out = tmp ? createWriteStream(tmp) : process.stdout;
    for (const line of lines) {
      if (!out.write(`${JSON.stringify({ ...line, time: line.time.toISOString() })}\n`)) await once(out, 'drain');
    }
    if (tmp && args.out) {
      await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((err?: Error | null) => (err ? reject(err) : resolve())));
      await rename(tmp, args.out);
      console.error(`log-export: ${questions.length} questions and ${feedback.length} feedback entries written to ${args.out}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
