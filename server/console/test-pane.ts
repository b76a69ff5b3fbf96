import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { GlossarySchema, type KnowledgeBase } from '../kb/schema.js';
import { createAnswerer, type ExplainingAnswerer } from '../search/answerer.js';
import type { AskQuery, AskStatus } from '../search/types.js';
import { ConsoleError } from './errors.js';
import type { KnowledgeFiles } from './kb-files.js';
import { knowledgeFiles } from './records.js';

/**
 * The test pane: the same question against the draft and against what is published. Both
 * sides use createAnswerer (for its `explain`), built here on the main thread: fine for a
 * knowledge base of a few hundred records (a build takes well under a second), and cached per
 * content so repeated questions cost only the search.
 */
export function knowledgeBaseOf(files: KnowledgeFiles): KnowledgeBase {
  const docs = knowledgeFiles(files);
  const glossaryText = files['glossary.json'];
  if (!glossaryText) throw new ConsoleError('unprocessable', 'The knowledge has no glossary.json');
  const glossary = GlossarySchema.safeParse(JSON.parse(glossaryText));
  if (!glossary.success) throw new ConsoleError('unprocessable', 'glossary.json is invalid; fix it in the glossary editor first');
  return { documents: docs.map((d) => d.file.document), records: docs.flatMap((d) => d.file.records), glossary: glossary.data };
}

export interface SideResult {
  status: AskStatus;
  /** Each answer with the question's terms it matched: why it matched. */
  answers: { id: string; score: number; question: string; matched: string[] }[];
  /** The terms the engine searched for. */
  terms: string[];
  message?: string;
}

export interface AnswererCache {
  answererFor(files: KnowledgeFiles): ExplainingAnswerer;
}

export function createAnswererCache(max = 2): AnswererCache {
  const cache = new Map<string, ExplainingAnswerer>();
  return {
    answererFor(files) {
      const key = createHash('sha256').update(JSON.stringify(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))).digest('hex');
      let answerer = cache.get(key);
      if (!answerer) {
        answerer = createAnswerer(knowledgeBaseOf(files));
        cache.set(key, answerer);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      return answerer;
    },
  };
}

export function askOne(answerer: ExplainingAnswerer, query: AskQuery): SideResult {
  const { result: r, terms, candidates } = answerer.explain({ ...query, limit: query.limit ?? 3 });
  const matched = new Map(candidates.map((c) => [c.id, c.matched]));
  return {
    status: r.status,
    answers: r.answers.map((a) => ({ id: a.id, score: Math.round(a.score * 1000) / 1000, question: a.question, matched: matched.get(a.id) ?? [] })),
    terms,
    ...(r.message ? { message: r.message.text } : {}),
  };
}

export interface EvalQuestion {
  id: string;
  question: string;
  lang?: 'th' | 'en';
  expect: string[];
}

export interface BatchRow {
  id: string;
  question: string;
  expect: string[];
  published: { status: AskStatus; top?: string; hit: boolean };
  draft: { status: AskStatus; top?: string; hit: boolean };
  change: 'better' | 'worse' | 'different' | 'same';
}

export interface BatchResult {
  total: number;
  published: { hits: number };
  draft: { hits: number };
  better: number;
  worse: number;
  different: number;
  /** Only the questions whose outcome changed. */
  changed: BatchRow[];
}

export async function loadEvalQuestions(file: string): Promise<EvalQuestion[]> {
  const raw = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new ConsoleError('unprocessable', `${file} is not a list of questions`);
  return raw.filter((q): q is EvalQuestion => typeof q?.question === 'string' && Array.isArray(q?.expect));
}

/** Hit = the first answer is one of the expected records ("none expected" = declining is right). */
export function batchTest(published: ExplainingAnswerer, draft: ExplainingAnswerer, questions: EvalQuestion[]): BatchResult {
  const side = (a: ExplainingAnswerer, q: EvalQuestion) => {
    const r = a.ask({ question: q.question, lang: q.lang, limit: 3 });
    const top = r.status === 'none' ? undefined : r.answers[0]?.id;
    const hit = q.expect.length === 0 ? r.status === 'none' : top !== undefined && q.expect.includes(top);
    return { status: r.status, ...(top ? { top } : {}), hit };
  };
  const rows: BatchRow[] = questions.map((q) => {
    const p = side(published, q);
    const d = side(draft, q);
    const change = p.hit === d.hit ? (p.top === d.top && p.status === d.status ? 'same' : 'different') : d.hit ? 'better' : 'worse';
    return { id: q.id, question: q.question, expect: q.expect, published: p, draft: d, change };
  });
  return {
    total: rows.length,
    published: { hits: rows.filter((r) => r.published.hit).length },
    draft: { hits: rows.filter((r) => r.draft.hit).length },
    better: rows.filter((r) => r.change === 'better').length,
    worse: rows.filter((r) => r.change === 'worse').length,
    different: rows.filter((r) => r.change === 'different').length,
    changed: rows.filter((r) => r.change !== 'same').sort((a, b) => (a.change === 'worse' ? -1 : 0) - (b.change === 'worse' ? -1 : 0)),
  };
}
