import type { CompactIndexData } from './compact-index.js';

/**
 * The compact engine's query interface: weighted terms and a filter in, candidate records with
 * BM25 scores out (retrievers.ts adapts it to retrieve.ts's RetrieverFactory). It scores exactly
 * as MiniSearch 7 does (BM25 per field, weighted by field and term boosts, summed over terms,
 * times the number of distinct query terms matched), so the stages after retrieval see the same
 * numbers whichever engine ran.
 */

export interface QueryTerm {
  term: string;
  /** Multiplies the term's score (MiniSearch's boostTerm). Default 1. */
  boost?: number;
  /**
   * Also match indexed terms that start with this one (MiniSearch's prefix search, weight
   * 0.375 × length ÷ (length + 0.3 × extra letters)). The exact term itself scores as usual.
   */
  prefix?: boolean;
}

export interface Bm25Params {
  k: number;
  b: number;
  d: number;
}

export interface RetrieveQuery {
  /** Distinct terms; an empty list retrieves nothing. */
  terms: readonly QueryTerm[];
  /** Boost per field name; a missing or zero boost counts as 1, as in MiniSearch. */
  fieldBoost: Readonly<Record<string, number>>;
  bm25: Bm25Params;
  /** Records the caller may see (filters of POST /api/ask); applied before the cut to `limit`. */
  accept?: (id: string) => boolean;
  /** How many of the best records to return. */
  limit: number;
}

export interface Hit {
  id: string;
  score: number;
}

export type EngineName = 'minisearch' | 'compact';

/**
 * A built engine's index, to be stored and read back instead of built again when the records'
 * analysed terms have not changed (index-cache/engine-snapshot.ts): MiniSearch's own JSON
 * (toJSON / loadJSON), or the compact index's arrays.
 */
export type EngineSnapshot = { engine: 'minisearch'; json: string } | { engine: 'compact'; data: CompactIndexData };

export interface RetrievalEngine {
  readonly name: EngineName;
  readonly size: number;
  /** Best records first; ties keep the order the records were indexed in. */
  retrieve(query: RetrieveQuery): Hit[];
}

/** MiniSearch's default weight of prefix matches. */
export const PREFIX_WEIGHT = 0.375;
