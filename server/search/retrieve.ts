import MiniSearch from 'minisearch';
import type { EngineSnapshot } from './engine/types.js';
import type { SearchIndex } from './index.js';
import type { RetrievalOptions } from './options.js';

/**
 * Stage 2 of the pipeline: from the question's weighted terms to candidate records with a
 * retrieval score. Behind a small interface so another engine (a compact index for very large
 * knowledge bases) can replace MiniSearch without touching the other stages. Scores are only
 * compared within one question (score.ts divides by the best).
 */

export interface WeightedTerm {
  term: string;
  /** Query weight relative to a plain word (concepts, question-word intents: options.ts). */
  weight: number;
}

export interface RetrieveRequest {
  terms: readonly WeightedTerm[];
  /** Only records this accepts are returned (the /api/ask filters). */
  filter?: (id: string) => boolean;
  /** Most candidates returned, best first. */
  limit: number;
}

export interface RetrievedCandidate {
  id: string;
  score: number;
}

export interface Retriever {
  retrieve(request: RetrieveRequest): RetrievedCandidate[];
  /** The engine's index as a snapshot, when the engine can make one. */
  snapshot?(): EngineSnapshot;
  /** True when the engine was read back from the snapshot it was given rather than built. */
  readonly restored?: boolean;
}

/**
 * Builds a retriever over an analysed index; the answerer accepts any such factory. `restore`,
 * when given, is a snapshot of the same engine over the same analysed records (the caller
 * checks that: engine/snapshot-key.ts); a factory uses it instead of building, or ignores it.
 */
export type RetrieverFactory = (index: EngineInput, options: RetrievalOptions, restore?: EngineSnapshot) => Retriever;

/** What of the analysed index the engines are built from. */
export type EngineInput = Pick<SearchIndex, 'fields' | 'vocabulary' | 'documentFrequency' | 'size'>;

/** Fewest terms a query keeps, however common they all are. */
const MIN_RANKING_TERMS = 3;

/**
 * A term in most records ranks nothing but costs a pass over most postings; at scale those
 * passes are the query time. Such terms are left out of the query (coverage in score.ts still
 * counts them), keeping at least the rarest few to rank with.
 */
export function rankingTerms(terms: readonly WeightedTerm[], df: (term: string) => number, commonDf: number): WeightedTerm[] {
  const kept = terms.filter((t) => df(t.term) <= commonDf);
  if (kept.length >= MIN_RANKING_TERMS || kept.length === terms.length) return kept;
  const rarestCommon = terms.filter((t) => df(t.term) > commonDf).sort((a, b) => df(a.term) - df(b.term));
  return [...kept, ...rarestCommon.slice(0, MIN_RANKING_TERMS - kept.length)];
}

/**
 * Latin terms of 4+ letters that the index does not contain match longer indexed words
 * (digit → digital); never Thai (DESIGN.md: no fuzzy Thai), and never a term that matches as
 * it is: the stemmer already joins plurals, and a prefix expansion costs a scan of the term tree.
 */
export const PREFIX_TERM = /^[a-z][a-z0-9.-]{3,}$/;

/** BM25+ over the analysed fields with MiniSearch. */
export const createMiniSearchRetriever: RetrieverFactory = (index, options, restore) => {
  const settings = {
    idField: 'id',
    fields: Object.keys(options.fieldBoost),
    storeFields: [],
    tokenize: (text: string) => (text === '' ? [] : text.split(' ')),
    processTerm: (t: string) => t,
  };
  const restored = restore?.engine === 'minisearch';
  const search = restored ? MiniSearch.loadJSON<{ id: string }>(restore.json, settings) : new MiniSearch<{ id: string }>(settings);
  if (!restored) {
    const { vocabulary } = index;
    const text = (ids: Uint32Array) => Array.from(ids, (t) => vocabulary.termOf(t)).join(' ');
    search.addAll(index.fields.map(({ id, terms }) => ({ id, ...Object.fromEntries(Object.entries(terms).map(([f, ids]) => [f, text(ids)])) })));
  }
  // Only these outlive the build: the retriever must not hold `index` (its `fields` are freed).
  const { documentFrequency } = index;
  const df = (t: string) => documentFrequency.get(t) ?? 0;
  const commonDf = Math.max(options.commonTermMinDf, options.commonTermShare * index.size);

  return {
    restored,
    snapshot: () => ({ engine: 'minisearch', json: JSON.stringify(search) }),
    retrieve({ terms, filter, limit }) {
      if (terms.length === 0) return [];
      const query = rankingTerms(terms, df, commonDf);
      const weights = new Map(query.map((t) => [t.term, t.weight]));
      return search
        .search(query.map((t) => t.term).join(' '), {
          boost: options.fieldBoost,
          prefix: (term) => PREFIX_TERM.test(term) && !documentFrequency.has(term),
          fuzzy: false,
          combineWith: 'OR',
          bm25: options.bm25,
          boostTerm: (term) => weights.get(term) ?? 1,
          ...(filter ? { filter: (r) => filter(r.id as string) } : {}),
        })
        .slice(0, limit)
        .map((hit) => ({ id: hit.id as string, score: hit.score }));
    },
  };
};
