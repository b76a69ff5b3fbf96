import type { KbRecord } from '../../server/kb/schema.js';
import { createRandom } from '../synthetic-kb.js';
import { BENCH_QUERIES, type BenchQuery } from './queries.js';

/**
 * Distinct questions for the bench, so no answer cache and no warmed-up code path sees the same
 * question twice (the earlier bench cycled 60, which let a cache answer nearly everything).
 *
 * Each question is made from the knowledge base's own text the way users write: a record's
 * question or alternate (real or synthetic records) cut to a few of its words, words dropped,
 * a chat particle or a year added, sometimes a word from another record mixed in; plus the
 * hand-written bench questions (queries.ts: typos, English, off-topic) with a varying suffix.
 * The generator is seeded, so every run asks the same sequence. Nothing here reads the
 * evaluation questions.
 */

const THAI_SUFFIX = ['ไหม', 'ได้ไหมคะ', 'ยังไงครับ', 'หรือไม่', 'คืออะไร', 'อย่างไร', 'ต้องทำไหม', 'ค่ะ', ''];
const EN_PREFIX = ['', 'how do we ', 'is it true that ', 'what about ', 'can we ', 'when is '];
const YEARS = ['', '', '', ' ปี 2565', ' ปี 65', ' 2566', ' FY2022', ' ปีงบ 2564'];

/** Words of a text: Thai clauses are space-separated phrases, English words by spaces. */
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

export interface StreamOptions {
  /** Distinct questions to produce. */
  count: number;
  seed?: number;
}

export function questionStream(records: readonly KbRecord[], { count, seed = 16 }: StreamOptions): BenchQuery[] {
  if (records.length === 0) throw new Error('bench: no records to make questions from');
  const rnd = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const seen = new Set<string>();
  const out: BenchQuery[] = [];
  let attempts = 0;
  while (out.length < count && attempts < count * 20) {
    attempts++;
    const roll = rnd();
    let q: BenchQuery;
    if (roll < 0.12) {
      const base = pick(BENCH_QUERIES);
      q = { kind: base.kind, question: `${base.question}${base.kind === 'english' || base.kind === 'off-topic' ? pick(['', '?', ' please', ' now', ' thanks']) : pick(THAI_SUFFIX)}`.trim() };
      if (seen.has(q.question)) q = { ...q, question: `${q.question}${pick(YEARS)}`.trim() };
    } else {
      const record = pick(records);
      const english = rnd() < 0.3 && record.question.en !== '';
      const source = english ? record.question.en : pick([record.question.th, ...record.alternates.th]);
      let parts = words(source.replace(/[?？]/g, ''));
      // Users type part of the question: a window of it, with a word or two dropped.
      const keep = Math.max(1, Math.min(parts.length, 1 + Math.floor(rnd() * 6)));
      const start = Math.floor(rnd() * Math.max(1, parts.length - keep + 1));
      parts = parts.slice(start, start + keep).filter(() => parts.length <= 2 || rnd() > 0.15);
      if (rnd() < 0.25) parts.push(pick(words(pick(records).question.th)) ?? '');
      const text = parts.join(' ').trim();
      if (text === '') continue;
      q = english
        ? { kind: 'english', question: `${pick(EN_PREFIX)}${text}${pick(['?', '', ' FY2022?'])}` }
        : { kind: 'thai', question: `${text}${pick(YEARS)} ${pick(THAI_SUFFIX)}`.trim() };
    }
    if (q.question.length > 500 || seen.has(q.question)) continue;
    seen.add(q.question);
    out.push(q);
  }
  return out;
}
