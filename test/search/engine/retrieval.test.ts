import { describe, expect, it } from 'vitest';
import { compactRetriever, chooseEngine, COMPACT_FROM, createAutoRetriever, createCompactRetriever } from '../../../server/search/engine/retrievers.js';
import { Vocabulary } from '../../../server/search/engine/vocabulary.js';
import { FIELDS, type Field, type SearchIndex } from '../../../server/search/index.js';
import { resolveOptions } from '../../../server/search/options.js';
import { createMiniSearchRetriever, type Retriever, type RetrieverFactory, type RetrieveRequest } from '../../../server/search/retrieve.js';
import { createRandom } from '../../../scripts/synthetic-kb.js';
import { decodeEngineSnapshot, encodeEngineSnapshot } from '../../../server/index-cache/engine-snapshot.js';

/**
 * One retrieval suite, run against every engine the code can select (engine/retrievers.ts),
 * plus the compact index with AND-first forced on, which large knowledge bases take, and each
 * engine read back from its snapshot file, as a restart over unchanged records gets it.
 */

const OPTIONS = resolveOptions({}).retrieval;

interface Doc {
  id: string;
  question: string;
  answer: string;
}

/** What a retriever reads of the index: each record's terms per field and document frequencies. */
function indexOf(docs: readonly { id: string; terms: Partial<Record<Field, string[]>> }[]): SearchIndex {
  const documentFrequency = new Map<string, number>();
  const vocabulary = new Vocabulary();
  const fields = docs.map(({ id, terms }) => {
    const full = Object.fromEntries(FIELDS.map((f) => [f, terms[f] ?? []])) as Record<Field, string[]>;
    for (const t of new Set(Object.values(full).flat())) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    return { id, terms: Object.fromEntries(FIELDS.map((f) => [f, Uint32Array.from(full[f], (t) => vocabulary.add(t))])) };
  });
  return { fields, documentFrequency, vocabulary, size: docs.length } as unknown as SearchIndex;
}

const words = (text: string) => text.split(' ').filter(Boolean);
const build = (factory: RetrieverFactory, docs: Doc[], options = OPTIONS): Retriever =>
  factory(indexOf(docs.map((d) => ({ id: d.id, terms: { question: words(d.question), answer: words(d.answer) } }))), options);

const DOCS: Doc[] = [
  { id: 'a', question: 'pmqa score release', answer: 'scores are released in october' },
  { id: 'b', question: 'data catalog owner', answer: 'the agency owns its data catalog' },
  { id: 'c', question: 'e-service roadmap', answer: 'a roadmap is required for e-service digital' },
  { id: 'd', question: 'report deadline', answer: 'report pmqa by the deadline pmqa pmqa' },
  { id: 'e', question: 'digital government', answer: 'digitalize process and digital service' },
  { id: 'f', question: 'appeal letter', answer: 'the appeal result comes by letter' },
];

/**
 * The engine built, snapshotted, written to bytes, read back and restored. The restored engine
 * is handed no records' terms, so it can only answer from the snapshot.
 */
const fromSnapshotFile =
  (factory: RetrieverFactory): RetrieverFactory =>
  (index, options) => {
    const file = encodeEngineSnapshot({ key: 'k', snapshot: factory(index, options).snapshot!() });
    const restored = factory({ ...index, fields: [] }, options, decodeEngineSnapshot(file).snapshot);
    if (!restored.restored) throw new Error('the engine was built, not restored');
    return restored;
  };

const engines: [string, RetrieverFactory][] = [
  ['minisearch', createMiniSearchRetriever],
  ['compact', createCompactRetriever],
  ['compact, AND-first', compactRetriever({ andFirstMinPostings: 0 })],
  ['minisearch, read back from its snapshot', fromSnapshotFile(createMiniSearchRetriever)],
  ['compact, read back from its snapshot', fromSnapshotFile(createCompactRetriever)],
];

const request = (terms: string[], extra: Partial<RetrieveRequest> = {}): RetrieveRequest => ({
  terms: terms.map((term) => ({ term, weight: 1 })),
  limit: 10,
  ...extra,
});

describe.each(engines)('retrieval engine: %s', (_name, factory) => {
  const engine = build(factory, DOCS);
  const retrieve = (terms: string[], extra: Partial<RetrieveRequest> = {}) => engine.retrieve(request(terms, extra));

  it('returns only records holding a query term, best first', () => {
    const hits = retrieve(['roadmap']);
    expect(hits.map((h) => h.id)).toEqual(['c']);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('ranks a term in the boosted question field above the same term in an answer', () => {
    expect(retrieve(['pmqa']).map((h) => h.id)).toEqual(['a', 'd']);
  });

  it('ranks a record matching two distinct terms above records matching one', () => {
    const hits = retrieve(['digital', 'roadmap']);
    expect(hits[0]!.id).toBe('c');
    expect(hits.map((h) => h.id)).toContain('e');
  });

  it('returns nothing for unknown terms or an empty query', () => {
    expect(retrieve(['weather'])).toEqual([]);
    expect(retrieve([])).toEqual([]);
  });

  it('scales a term score by its weight', () => {
    const [full] = retrieve(['appeal']);
    const [half] = engine.retrieve({ terms: [{ term: 'appeal', weight: 0.5 }], limit: 10 });
    expect(half!.score).toBeCloseTo(full!.score / 2, 10);
  });

  it('expands an unknown Latin term of 4+ letters to longer indexed terms, weighted below an exact match', () => {
    const hits = retrieve(['digit']);
    expect(hits.map((h) => h.id).sort()).toEqual(['c', 'e']);
    const exact = retrieve(['digital']).find((h) => h.id === 'c')!;
    expect(hits.find((h) => h.id === 'c')!.score).toBeLessThan(exact.score);
  });

  it('applies the filter before cutting to the limit', () => {
    const hits = retrieve(['pmqa', 'data', 'report'], { filter: (id) => id !== 'a', limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits.map((h) => h.id)).not.toContain('a');
  });

  it('returns at most limit records', () => {
    expect(retrieve(['the', 'pmqa', 'data', 'digital', 'appeal'], { limit: 3 })).toHaveLength(3);
  });

  it('finds the record holding every term, and each record when none holds all (AND, OR fallback)', () => {
    expect(retrieve(['the', 'letter'], { limit: 1 }).map((h) => h.id)).toEqual(['f']);
    expect(retrieve(['appeal', 'roadmap'], { limit: 2 }).map((h) => h.id).sort()).toEqual(['c', 'f']);
  });

  it('leaves terms in most records out of the query once the knowledge base is large', () => {
    // 600 records: "common" is in all of them, above commonTermShare and commonTermMinDf.
    const docs = Array.from({ length: 600 }, (_, i) => ({ id: `r${i}`, question: `common q${i}`, answer: i === 7 ? 'rare common' : 'common' }));
    const hits = build(factory, docs, { ...OPTIONS, commonTermMinDf: 100 }).retrieve(request(['common', 'rare', 'q9', 'q8']));
    expect(hits.map((h) => h.id).sort()).toEqual(['r7', 'r8', 'r9']);
  });
});

/** A random corpus with skewed term frequencies, like real text. */
function randomDocs(count: number, seed: number): Doc[] {
  const rnd = createRandom(seed);
  const word = () => `w${Math.floor(rnd() ** 3 * 400)}`;
  const text = (min: number, max: number) => Array.from({ length: min + Math.floor(rnd() * (max - min)) }, word).join(' ');
  return Array.from({ length: count }, (_, i) => ({ id: `r${i}`, question: text(3, 10), answer: text(10, 60) }));
}

describe('engines agree', () => {
  const docs = randomDocs(600, 7);
  const mini = build(createMiniSearchRetriever, docs);
  const compact = build(createCompactRetriever, docs);
  const rnd = createRandom(11);

  it("gives MiniSearch's scores and order, to the bit, on random queries", () => {
    for (let i = 0; i < 200; i++) {
      const terms = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => `w${Math.floor(rnd() ** 2 * 420)}`))];
      const q = { terms: terms.map((term, j) => ({ term, weight: j === 0 ? 0.5 : 1 })), limit: 8 };
      expect(compact.retrieve(q)).toEqual(mini.retrieve(q));
    }
  });

  it('picks MiniSearch below COMPACT_FROM records and the compact index from there', () => {
    expect(chooseEngine('auto', COMPACT_FROM - 1)).toBe('minisearch');
    expect(chooseEngine('auto', COMPACT_FROM)).toBe('compact');
    expect(chooseEngine('minisearch', 1e6)).toBe('minisearch');
    expect(typeof createAutoRetriever).toBe('function');
  });
});
