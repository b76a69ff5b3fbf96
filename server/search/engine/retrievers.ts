import type { Field } from '../index.js';
import { createMiniSearchRetriever, PREFIX_TERM, rankingTerms, type RetrieverFactory } from '../retrieve.js';
import { buildCompactIndex, compactIndexOf, type CompactIndexOptions } from './compact-index.js';
import type { EngineName } from './types.js';

/**
 * The retrieve stage's engines (retrieve.ts's RetrieverFactory) and the choice between them.
 * MiniSearch, the design's choice, serves up to COMPACT_FROM records; the compact typed-array
 * index from there (README "Retrieval engines" has the measurements). Both get the same query:
 * rankingTerms() without the very common terms, prefix expansion for unknown Latin terms, and
 * give the same scores (test/search/engine/).
 */

/** Records from which `auto` picks the compact index. */
export const COMPACT_FROM = 2_000;

export type EngineChoice = 'auto' | EngineName;

export function chooseEngine(choice: EngineChoice, records: number, compactFrom = COMPACT_FROM): EngineName {
  if (choice !== 'auto') return choice;
  return records >= compactFrom ? 'compact' : 'minisearch';
}

/** The compact index (compact-index.ts) as a retriever. */
export function compactRetriever(indexOptions: CompactIndexOptions = {}): RetrieverFactory {
  return (index, options, restore) => {
    const fields = Object.keys(options.fieldBoost) as Field[];
    const restored = restore?.engine === 'compact';
    const engine = restored
      ? compactIndexOf(restore.data, fields, index.vocabulary, indexOptions)
      : buildCompactIndex(
          index.fields.map(({ id, terms }) => ({ id, fields: fields.map((f) => terms[f]) })),
          fields,
          index.vocabulary,
          indexOptions,
        );
    // Only these outlive the build: the retriever must not hold `index` (its `fields` are freed).
    const { documentFrequency } = index;
    const df = (t: string) => documentFrequency.get(t) ?? 0;
    const commonDf = Math.max(options.commonTermMinDf, options.commonTermShare * index.size);
    return {
      restored,
      snapshot: () => ({ engine: 'compact', data: engine.data }),
      retrieve({ terms, filter, limit }) {
        if (terms.length === 0) return [];
        return engine.retrieve({
          terms: rankingTerms(terms, df, commonDf).map((t) => ({ term: t.term, boost: t.weight, prefix: PREFIX_TERM.test(t.term) && !documentFrequency.has(t.term) })),
          fieldBoost: options.fieldBoost,
          bm25: options.bm25,
          ...(filter ? { accept: filter } : {}),
          limit,
        });
      },
    };
  };
}

export const createCompactRetriever: RetrieverFactory = compactRetriever();

/** MiniSearch below COMPACT_FROM records, the compact index from there. */
export const createAutoRetriever: RetrieverFactory = (index, options, restore) =>
  (chooseEngine('auto', index.size) === 'compact' ? createCompactRetriever : createMiniSearchRetriever)(index, options, restore);
