import MiniSearch from 'minisearch';
import type { EngineDoc, Hit, RetrievalEngine, RetrieveQuery } from './types.js';

/**
 * MiniSearch behind the retrieve interface. Text arrives analysed (server/search/analyze.ts),
 * so MiniSearch's tokenizer is a split on spaces and its term processing is the identity.
 */
export interface MiniSearchEngine extends RetrievalEngine {
  readonly search: MiniSearch<{ id: string }>;
  /** MiniSearch's own serialisation, for the index snapshot (snapshot.ts). */
  toJSON(): unknown;
}

const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(' '));

export function miniSearchOptions(fields: readonly string[]) {
  return { idField: 'id', fields: [...fields], storeFields: [], tokenize: splitTerms, processTerm: (t: string) => t };
}

function wrap(search: MiniSearch<{ id: string }>): MiniSearchEngine {
  return {
    name: 'minisearch',
    get size() {
      return search.documentCount;
    },
    search,
    toJSON: () => search.toJSON(),
    retrieve(query: RetrieveQuery): Hit[] {
      if (query.terms.length === 0 || query.limit <= 0) return [];
      const boosts = new Map(query.terms.map((t) => [t.term, t.boost ?? 1]));
      const prefixes = new Set(query.terms.filter((t) => t.prefix).map((t) => t.term));
      const accept = query.accept;
      return search
        .search(query.terms.map((t) => t.term).join(' '), {
          boost: query.fieldBoost,
          prefix: (term) => prefixes.has(term),
          fuzzy: false,
          combineWith: 'OR',
          bm25: query.bm25,
          boostTerm: (term) => boosts.get(term) ?? 1,
          ...(accept ? { filter: (r) => accept(r.id as string) } : {}),
        })
        .slice(0, query.limit)
        .map((r) => ({ id: r.id as string, score: r.score }));
    },
  };
}

export function buildMiniSearchEngine(docs: readonly EngineDoc[], fields: readonly string[]): MiniSearchEngine {
  const search = new MiniSearch<{ id: string }>(miniSearchOptions(fields));
  search.addAll(
    docs.map((d) => {
      const doc: Record<string, string> = { id: d.id };
      fields.forEach((f, i) => (doc[f] = (d.fields[i] ?? []).join(' ')));
      return doc as { id: string };
    }),
  );
  return wrap(search);
}

/** An engine over a MiniSearch index loaded from its JSON (MiniSearch.loadJS). */
export function loadMiniSearchEngine(json: unknown, fields: readonly string[]): MiniSearchEngine {
  return wrap(MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions(fields)));
}
