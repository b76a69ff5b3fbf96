import { describe, expect, it } from 'vitest';
import type { QuestionAnalysis } from '../../server/search/analyze-question.js';
import { decide, nearestYear, type DecideContext } from '../../server/search/decide.js';
import { defaultOptions } from '../../server/search/options.js';
import type { ScoredCandidate } from '../../server/search/score.js';

const q = (years: number[] = []) => ({ years, unknownNames: [] }) as unknown as QuestionAnalysis;
const cand = (id: string, score: number) => ({ id, score, matched: [], features: {} }) as unknown as ScoredCandidate;

function ctx(over: Partial<DecideContext> = {}): DecideContext {
  return {
    options: defaultOptions,
    limit: 3,
    coveredYears: [2563, 2564, 2565],
    statedTypes: new Set(['count', 'date']),
    answerSimilarity: () => 0,
    supersededBy: () => undefined,
    ...over,
  };
}

describe('decide', () => {
  it('answers when the best candidate clears the threshold well ahead of the next', () => {
    const d = decide(q(), [cand('a', 0.9), cand('b', 0.6), cand('c', 0.2), cand('d', 0.1)], ctx());
    expect(d.status).toBe('answered');
    expect(d.shown.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('declines below the threshold and keeps only suggestions above the floor', () => {
    const d = decide(q(), [cand('a', 0.4), cand('b', 0.15), cand('c', 0.05)], ctx());
    expect(d.status).toBe('none');
    expect(d.shown.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('asks "did you mean" when the two best are close and answer different things', () => {
    const d = decide(q(), [cand('a', 0.91), cand('b', 0.9), cand('c', 0.3)], ctx());
    expect(d.status).toBe('clarify');
    expect(d.shown.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('does not ask when the close candidates say the same thing', () => {
    const d = decide(q(), [cand('a', 0.91), cand('b', 0.9)], ctx({ answerSimilarity: () => 0.9 }));
    expect(d.status).toBe('answered');
  });

  it('does not ask between a record and the one that replaces it', () => {
    const d = decide(q(), [cand('new', 0.91), cand('old', 0.9)], ctx({ supersededBy: (id) => (id === 'old' ? 'new' : undefined) }));
    expect(d.status).toBe('answered');
  });

  it('offers at most four options however many are close', () => {
    const d = decide(q(), ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => cand(id, 0.95 - i * 0.001)), ctx({ limit: 10 }));
    expect(d.status).toBe('clarify');
    expect(d.shown).toHaveLength(4);
  });

  it('says so when the question is about a fiscal year no record covers, naming the nearest', () => {
    const d = decide(q([2561]), [cand('a', 0.95)], ctx());
    expect(d.status).toBe('none');
    expect(d.message).toEqual({ kind: 'year-not-covered', years: [2561], nearest: 2563 });
    expect(d.shown.map((c) => c.id)).toEqual(['a']);
  });

  it('answers when one of the years asked about is covered', () => {
    expect(decide(q([2565, 2566]), [cand('a', 0.95)], ctx()).status).toBe('answered');
  });

  it('declines a question asking for a kind of fact no record states, keeping the suggestions', () => {
    const asking = (answerType: string) => ({ years: [], unknownNames: [], answerType }) as unknown as QuestionAnalysis;
    const ranked = [cand('a', 0.95), cand('b', 0.2)];
    expect(decide(asking('time'), ranked, ctx()).status).toBe('none');
    expect(decide(asking('time'), ranked, ctx()).shown.map((c) => c.id)).toEqual(['a', 'b']);
    expect(decide(asking('time'), ranked, ctx({ statedTypes: new Set(['time']) })).status).toBe('answered');
    // Counts and dates are answered as before: almost every record states some.
    expect(decide(asking('count'), ranked, ctx({ statedTypes: new Set() })).status).toBe('answered');
  });

  it('declines with nothing to show when nothing was retrieved', () => {
    expect(decide(q(), [], ctx())).toEqual({ status: 'none', shown: [] });
  });
});

describe('nearestYear', () => {
  it('picks the closest covered year, the later one on a tie', () => {
    expect(nearestYear([2570], [2563, 2565])).toBe(2565);
    expect(nearestYear([2564], [2563, 2565])).toBe(2565);
    expect(nearestYear([2550], [2563, 2565])).toBe(2563);
  });
});
