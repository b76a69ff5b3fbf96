import { describe, expect, it } from 'vitest';
import { withAnswerCache } from '../../server/answer-cache.js';
import type { Answerer, AskQuery, AskResult } from '../../server/search/types.js';

function countingAnswerer(): Answerer & { calls: AskQuery[] } {
  const calls: AskQuery[] = [];
  return {
    calls,
    size: 1,
    record: () => undefined,
    ask(query): AskResult {
      calls.push(query);
      return { answered: false, status: 'none', lang: query.lang ?? 'th', answers: [] };
    },
  };
}

describe('withAnswerCache', () => {
  it('answers a repeated question from the cache', () => {
    const inner = countingAnswerer();
    const cached = withAnswerCache(inner, 10);
    const first = cached.ask({ question: 'ส่ง template 3 เมื่อไร' });
    expect(cached.ask({ question: 'ส่ง template 3 เมื่อไร' })).toBe(first);
    expect(inner.calls).toHaveLength(1);
  });

  it('keeps questions with other filters, languages or limits apart', () => {
    const inner = countingAnswerer();
    const cached = withAnswerCache(inner, 10);
    const q = 'e-service';
    cached.ask({ question: q });
    cached.ask({ question: q, lang: 'en' });
    cached.ask({ question: q, limit: 5 });
    cached.ask({ question: q, filters: { year: 2565 } });
    cached.ask({ question: q, filters: { indicator: 'pmqa' } });
    expect(inner.calls).toHaveLength(5);
  });

  it('forgets the least recently asked question beyond its size', () => {
    const inner = countingAnswerer();
    const cached = withAnswerCache(inner, 2);
    cached.ask({ question: 'a' });
    cached.ask({ question: 'b' });
    cached.ask({ question: 'a' }); // a is now the most recent
    cached.ask({ question: 'c' }); // evicts b
    cached.ask({ question: 'a' });
    cached.ask({ question: 'b' });
    expect(inner.calls.map((c) => c.question)).toEqual(['a', 'b', 'c', 'b']);
  });

  it('returns frozen results so one caller cannot change another caller’s answer', () => {
    const cached = withAnswerCache(countingAnswerer(), 10);
    const result = cached.ask({ question: 'x' });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.answers)).toBe(true);
  });

  it('passes every question through when its size is 0', () => {
    const inner = countingAnswerer();
    const cached = withAnswerCache(inner, 0);
    cached.ask({ question: 'x' });
    cached.ask({ question: 'x' });
    expect(inner.calls).toHaveLength(2);
  });

  it('shares one cache between ask and askAsync when the answerer has askAsync, and adds none when it has not', async () => {
    const inner = countingAnswerer();
    const asyncCalls: AskQuery[] = [];
    const withAsync: Answerer = { ...inner, ask: inner.ask, askAsync: async (query) => (asyncCalls.push(query), inner.ask(query)) };
    const cached = withAnswerCache(withAsync, 10);
    const first = await cached.askAsync!({ question: 'ส่ง template 3 เมื่อไร' });
    expect(await cached.askAsync!({ question: 'ส่ง template 3 เมื่อไร' })).toBe(first);
    expect(cached.ask({ question: 'ส่ง template 3 เมื่อไร' })).toBe(first);
    expect(asyncCalls).toHaveLength(1);
    expect(withAnswerCache(countingAnswerer(), 10).askAsync).toBeUndefined();
  });
});
