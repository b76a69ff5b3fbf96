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
  return {
    get size() {
      return answerer.size;
    },
    record: (id, lang) => answerer.record(id, lang),
    ask(query: AskQuery): AskResult {
      const f = query.filters;
      const key = `${query.lang ?? ''}\u0000${query.limit ?? ''}\u0000${f?.year ?? ''}\u0000${f?.component ?? ''}\u0000${f?.indicator ?? ''}\u0000${query.question}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const result = deepFreeze(answerer.ask(query));
      cache.set(key, result);
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
      return result;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
