import type { Answerer, AskQuery, AskResult } from './search/types.js';

/**
 * Remembers the results of recent questions. Staff ask the same few things, in the same words,
 * around each reporting deadline; a repeated question then costs a map lookup instead of
 * segmentation and ranking. One cache belongs to one index: a reload builds a new Answerer and
 * with it an empty cache, so a stale result can never outlive the knowledge it came from.
 * Results are shared between callers and must not be mutated (they are frozen).
 */
export function withAnswerCache(answerer: Answerer, maxEntries: number): Answerer {
  if (maxEntries <= 0) return answerer;
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recent.
  const cache = new Map<string, AskResult>();
  const keyOf = (query: AskQuery) => {
    const f = query.filters;
    return `${query.lang ?? ''}\u0000${query.limit ?? ''}\u0000${f?.year ?? ''}\u0000${f?.component ?? ''}\u0000${f?.indicator ?? ''}\u0000${query.question}`;
  };
  const lookup = (key: string): AskResult | undefined => {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
    }
    return hit;
  };
  const remember = (key: string, result: AskResult): AskResult => {
    const frozen = deepFreeze(result);
    cache.set(key, frozen);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return frozen;
  };
  const inner = answerer.askAsync?.bind(answerer);
  return {
    get size() {
      return answerer.size;
    },
    record: (id, lang) => answerer.record(id, lang),
    ask(query: AskQuery): AskResult {
      const key = keyOf(query);
      return lookup(key) ?? remember(key, answerer.ask(query));
    },
    ...(inner
      ? {
          async askAsync(query: AskQuery): Promise<AskResult> {
            const key = keyOf(query);
            return lookup(key) ?? remember(key, await inner(query));
          },
        }
      : {}),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
