/**
 * The evaluation data: questions (test/eval/questions.json), the record-disjoint dev/test
 * split, and the training rows of the scoring fit with their hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const QUESTIONS_FILE = fileURLToPath(new URL('../../test/eval/questions.json', import.meta.url));
/** Off-topic questions on topics in neither half, written for fitting (negatives only). */
export const PROBES_FILE = fileURLToPath(new URL('../../test/search/offtopic-probes.json', import.meta.url));
/** Held-out near-domain questions (test/eval/near-domain.json): counted by npm run eval, never fitted. */
export const NEAR_DOMAIN_FILE = fileURLToPath(new URL('../../test/eval/near-domain.json', import.meta.url));

const QuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.enum(['th', 'en']),
  category: z.string().min(1),
  expect: z.array(z.string()),
});
export type Question = z.infer<typeof QuestionSchema>;
export type Half = 'dev' | 'test';

export class EvalDataError extends Error {}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** Reads and validates the questions; every problem names the file and line. */
export function readQuestions(file: string, recordIds: ReadonlySet<string>): Question[] {
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch (cause) {
    throw new EvalDataError(`${file}:1: cannot read questions: ${(cause as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : (raw as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) throw new EvalDataError(`${file}:1: expected an array of questions`);
  const problems: string[] = [];
  const out: Question[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const parsed = QuestionSchema.safeParse(item);
    const id = (item as { id?: string })?.id ?? `#${i}`;
    const line = lineOf(text, `"${id}"`);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}:${line}: question ${id}: ${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    if (seen.has(parsed.data.id)) problems.push(`${file}:${line}: duplicate question id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    for (const e of parsed.data.expect) if (!recordIds.has(e)) problems.push(`${file}:${line}: question ${id} expects unknown record ${e}`);
    out.push(parsed.data);
  });
  if (problems.length > 0) throw new EvalDataError(problems.join('\n'));
  return out;
}

export function readProbes(file: string = PROBES_FILE): string[] {
  return z.object({ questions: z.array(z.string().min(1)) }).parse(JSON.parse(readFileSync(file, 'utf8'))).questions;
}

const hashBit = (s: string) => createHash('sha256').update(s).digest()[0]! & 1;

/**
 * Record-disjoint halves. Records that some question expects together are joined (union-find),
 * and each group goes to dev or test by a hash of its smallest record id, so no record's
 * questions are in both halves and a new question never moves an old one. Off-topic questions
 * go by a hash of their id. Constants and weights are tuned on dev only.
 */
export function splitByRecord(questions: readonly Question[]): Map<string, Half> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const q of questions) for (const e of q.expect.slice(1)) parent.set(find(e), find(q.expect[0]!));
  const smallest = new Map<string, string>();
  for (const q of questions) {
    for (const e of q.expect) {
      const root = find(e);
      const s = smallest.get(root);
      if (s === undefined || e < s) smallest.set(root, e);
    }
  }
  const out = new Map<string, Half>();
  for (const q of questions) {
    const key = q.expect.length > 0 ? smallest.get(find(q.expect[0]!))! : `offtopic:${q.id}`;
    out.set(q.id, hashBit(key) === 0 ? 'dev' : 'test');
  }
  return out;
}

export interface TrainingRow {
  question: string;
  /** Records that answer it; empty for off-topic questions and probes. */
  expect: string[];
}

/** What the scoring model is fitted on: the dev half plus the off-topic probes. */
export function trainingRows(questions: readonly Question[], probes: readonly string[]): TrainingRow[] {
  const half = splitByRecord(questions);
  return [
    ...questions.filter((q) => half.get(q.id) === 'dev').map((q) => ({ question: q.question, expect: [...q.expect] })),
    ...probes.map((question) => ({ question, expect: [] })),
  ];
}

/** sha256 of the training rows: the fitted weights record it, a test compares. */
export function trainingHash(rows: readonly TrainingRow[]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}
