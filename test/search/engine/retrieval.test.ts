import { describe, expect, it } from 'vitest';
import { buildCompactIndex } from '../../../server/search/engine/compact-index.js';
import { buildMiniSearchEngine } from '../../../server/search/engine/minisearch-engine.js';
import { chooseEngine, COMPACT_FROM } from '../../../server/search/engine/select.js';
import type { EngineDoc, RetrievalEngine, RetrieveQuery } from '../../../server/search/engine/types.js';
import { createRandom } from '../../../scripts/synthetic-kb.js';

/**
 * One retrieval suite, run against every engine the code can select (engine/select.ts), plus
 * the compact index with AND-first forced on, which large knowledge bases take.
 */

const FIELDS = ['question', 'answer'];
const BOOST = { question: 3, answer: 1 };
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

const doc = (id: string, question: string, answer: string): EngineDoc => ({ id, fields: [question.split(' ').filter(Boolean), answer.split(' ').filter(Boolean)] });

const DOCS: EngineDoc[] = [
  doc('a', 'pmqa score release', 'scores are released in october'),
  doc('b', 'data catalog owner', 'the agency owns its data catalog'),
  doc('c', 'e-service roadmap', 'a roadmap is required for e-service digital'),
  doc('d', 'report deadline', 'report pmqa by the deadline pmqa pmqa'),
  doc('e', 'digital government', 'digitalize process and digital service'),
  doc('f', 'appeal letter', 'the appeal result comes by letter'),
];

const engines: [string, (docs: EngineDoc[]) => RetrievalEngine][] = [
  ['minisearch', (docs) => buildMiniSearchEngine(docs, FIELDS)],
  ['compact', (docs) => buildCompactIndex(docs, FIELDS)],
  ['compact, AND-first', (docs) => buildCompactIndex(docs, FIELDS, { andFirstMinPostings: 0 })],
];

const query = (terms: string[], extra: Partial<RetrieveQuery> = {}): RetrieveQuery => ({
  terms: terms.map((term) => ({ term })),
  fieldBoost: BOOST,
  bm25: BM25,
  limit: 10,
  ...extra,
});

describe.each(engines)('retrieval engine: %s', (_name, build) => {
  const engine = build(DOCS);

  it('returns only records holding a query term, best first', () => {
    const hits = engine.retrieve(query(['roadmap']));
    expect(hits.map((h) => h.id)).toEqual(['c']);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('ranks a term in the boosted question field above the same term in an answer', () => {
    const hits = engine.retrieve(query(['pmqa']));
    expect(hits.map((h) => h.id)).toEqual(['a', 'd']);
  });

  it('ranks a record matching two distinct terms above records matching one', () => {
    const hits = engine.retrieve(query(['digital', 'roadmap']));
    expect(hits[0]!.id).toBe('c');
    expect(hits.map((h) => h.id)).toContain('e');
  });

  it('returns nothing for unknown terms or an empty query', () => {
    expect(engine.retrieve(query(['weather']))).toEqual([]);
    expect(engine.retrieve(query([]))).toEqual([]);
  });

  it('scales a term score by its boost', () => {
    const [full] = engine.retrieve(query(['appeal']));
    const [half] = engine.retrieve({ ...query([]), terms: [{ term: 'appeal', boost: 0.5 }] });
    expect(half!.score).toBeCloseTo(full!.score / 2, 10);
  });

  it('expands a prefix term to longer indexed terms, weighted below an exact match', () => {
    const hits = engine.retrieve({ ...query([]), terms: [{ term: 'digit', prefix: true }] });
    expect(hits.map((h) => h.id).sort()).toEqual(['c', 'e']);
    const exact = engine.retrieve(query(['digital'])).find((h) => h.id === 'c')!;
    expect(hits.find((h) => h.id === 'c')!.score).toBeLessThan(exact.score);
  });

  it('applies the filter before cutting to the limit', () => {
    const hits = engine.retrieve(query(['pmqa', 'data', 'report'], { accept: (id) => id !== 'a', limit: 2 }));
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.id)).not.toContain('a');
  });

  it('returns at most limit records', () => {
    expect(engine.retrieve(query(['the', 'pmqa', 'data', 'digital', 'appeal'], { limit: 3 }))).toHaveLength(3);
  });

  it('finds records holding every term of a query with common words (AND with OR fallback)', () => {
    // "the" is in three records, "letter" in one: both modes must rank f first.
    const hits = engine.retrieve(query(['the', 'letter'], { limit: 1 }));
    expect(hits.map((h) => h.id)).toEqual(['f']);
    // No record holds both: the OR fallback still finds each.
    expect(engine.retrieve(query(['appeal', 'roadmap'], { limit: 2 })).map((h) => h.id).sort()).toEqual(['c', 'f']);
  });
});

/** A random corpus with skewed term frequencies, like real text. */
function randomDocs(count: number, seed: number): EngineDoc[] {
  const rnd = createRandom(seed);
  const word = () => `w${Math.floor(rnd() ** 3 * 400)}`;
  const terms = (min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min)) }, word);
  return Array.from({ length: count }, (_, i) => ({ id: `r${i}`, fields: [terms(3, 10), terms(10, 60)] }));
}

describe('engines agree', () => {
  const docs = randomDocs(600, 7);
  const mini = buildMiniSearchEngine(docs, FIELDS);
  const compact = buildCompactIndex(docs, FIELDS);
  const rnd = createRandom(11);

  it('gives MiniSearch\'s scores and order, to the bit, on random queries', () => {
    for (let i = 0; i < 200; i++) {
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => `w${Math.floor(rnd() ** 2 * 420)}`))];
      const q = { ...query(terms, { limit: 8 }), terms: terms.map((term, j) => ({ term, boost: j === 0 ? 0.5 : 1 })) };
      expect(compact.retrieve(q)).toEqual(mini.retrieve(q));
    }
  });

  it('picks MiniSearch below COMPACT_FROM records and the compact index from there', () => {
    expect(chooseEngine('auto', COMPACT_FROM - 1)).toBe('minisearch');
    expect(chooseEngine('auto', COMPACT_FROM)).toBe('compact');
    expect(chooseEngine('minisearch', 1e6)).toBe('minisearch');
  });
});
