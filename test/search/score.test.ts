import { describe, expect, it } from 'vitest';
import { EMPTY_GRAMS, gramSetOf } from '../../server/search/gram-set.js';
import type { QuestionAnalysis } from '../../server/search/analyze-question.js';
import type { IndexedRecord } from '../../server/search/index.js';
import { defaultOptions } from '../../server/search/options.js';
import { compareCandidates, features, logistic, scoreCandidates, type Features } from '../../server/search/score.js';

/** A hand-made question: two content words, one rare (weight 3) and one common (weight 1). */
function question(over: Partial<QuestionAnalysis> = {}): QuestionAnalysis {
  const units = [
    { unit: { token: 'แบบฟอร์ม', terms: ['แบบฟอร์ม'], concepts: [] }, weight: 3, known: true },
    { unit: { token: 'ส่ง', terms: ['ส่ง'], concepts: [] }, weight: 1, known: true },
  ];
  return {
    text: 'แบบฟอร์มส่ง',
    lang: 'th',
    units,
    totalWeight: 4,
    topicWeight: 4,
    terms: ['แบบฟอร์ม', 'ส่ง'],
    query: [],
    years: [],
    intents: [],
    grams: gramSetOf('แบบฟอร์มส่ง'),
    unknownNames: [],
    ...over,
  };
}

function record(id: string, terms: string[], questionTerms: string[] = [], over: Partial<IndexedRecord> = {}): IndexedRecord {
  return {
    record: { id, source: { document: 'd', section: 's', number: 1 }, question: { th: '', en: '' }, answer: { th: '', en: '' }, alternates: { th: [], en: [] }, tags: { years: [], indicators: [] } },
    document: undefined,
    section: undefined,
    terms: new Set(terms),
    questionTerms: new Set(questionTerms),
    years: [2565],
    questionGrams: [],
    answerGrams: EMPTY_GRAMS,
    answerTypes: new Set(),
    ...over,
  };
}

const corpus = { documentFrequency: new Map([['แบบฟอร์ม', 1], ['ส่ง', 3]]), size: 10 };

describe('features', () => {
  it('weighs coverage by IDF: the rare word counts three times the common one', () => {
    expect(features(question(), corpus, record('a', ['แบบฟอร์ม']), 1, false, 3).coverage).toBeCloseTo(0.75);
    expect(features(question(), corpus, record('b', ['ส่ง']), 1, false, 3).coverage).toBeCloseTo(0.25);
  });

  it('covers a compound by the whole or by every one of its parts, never by one part alone', () => {
    const compound = question({
      units: [{ unit: { token: 'secretary-general', terms: ['secretary-general', 'secretary', 'general'], concepts: [] }, weight: 2, known: true }],
      totalWeight: 2,
    });
    const coverage = (terms: string[]) => features(compound, corpus, record('r', terms), 1, false, 3).coverage;
    expect(coverage(['secretary-general'])).toBe(1);
    expect(coverage(['general', 'secretary'])).toBe(1);
    expect(coverage(['permanent', 'secretary'])).toBe(0);
  });

  it('counts question coverage only from the record question and alternates', () => {
    const f = features(question(), corpus, record('a', ['แบบฟอร์ม', 'ส่ง'], ['ส่ง']), 1, false, 3);
    expect(f.coverage).toBe(1);
    expect(f.questionCoverage).toBeCloseTo(0.25);
  });

  it('marks a year mismatch only when the question names years the record is not about', () => {
    expect(features(question({ years: [2564] }), corpus, record('a', []), 1, false, 3).yearMismatch).toBe(1);
    expect(features(question({ years: [2564, 2565] }), corpus, record('a', []), 1, false, 3).yearMismatch).toBe(0);
    expect(features(question(), corpus, record('a', []), 1, false, 3).yearMismatch).toBe(0);
  });

  it('sets answerType when the record answer holds the kind of answer asked for', () => {
    const counting = record('a', [], [], { answerTypes: new Set(['count']) });
    expect(features(question({ answerType: 'count' }), corpus, counting, 1, false, 3).answerType).toBe(1);
    expect(features(question({ answerType: 'date' }), corpus, counting, 1, false, 3).answerType).toBe(0);
  });

  it('caps specificity at 1 and lowers it for a question that asks little', () => {
    expect(features(question(), corpus, record('a', []), 1, false, 3).specificity).toBe(1);
    expect(features(question({ topicWeight: 1 }), corpus, record('a', []), 1, false, 3).specificity).toBeCloseTo(1 / 3);
  });

  it('counts unknown words by weight', () => {
    const q = question();
    q.units[0]!.known = false;
    expect(features(q, corpus, record('a', []), 1, false, 3).unknown).toBeCloseTo(0.75);
  });
});

describe('the scoring model', () => {
  const base: Features = { bm25: 1, coverage: 1, questionCoverage: 1, unknown: 0, yearMismatch: 0, similarity: 0.5, answerType: 0, superseded: 0, specificity: 1 };
  const w = defaultOptions.weights;

  it.each([
    ['coverage', { coverage: 0.5 }],
    ['question coverage', { questionCoverage: 0.2 }],
    ['a year mismatch', { yearMismatch: 1 }],
    ['unknown words', { unknown: 0.5 }],
    ['being superseded by another candidate', { superseded: 1 }],
    ['asking little', { specificity: 0.3 }],
  ])('scores lower with less evidence: %s', (_name, change) => {
    expect(logistic({ ...base, ...change }, w)).toBeLessThan(logistic(base, w));
  });

  it('keeps every score within (0, 1)', () => {
    for (const f of [base, { ...base, coverage: 0, bm25: 0, specificity: 0, unknown: 1 }]) {
      const s = logistic(f, w);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
  });

  it('orders candidates by score, so the first shown has the highest confidence', () => {
    const records = new Map([
      ['a', record('a', ['ส่ง'], ['ส่ง'])],
      ['b', record('b', ['แบบฟอร์ม', 'ส่ง'], ['แบบฟอร์ม', 'ส่ง'])],
    ]);
    const ranked = scoreCandidates(question(), [{ id: 'a', score: 10 }, { id: 'b', score: 9 }], { corpus, records, weights: w, minQuestionWeight: 3 });
    expect(ranked.map((c) => c.id)).toEqual(['b', 'a']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(ranked[0]!.matched).toEqual(['แบบฟอร์ม', 'ส่ง']);
  });

  it('never shows a superseded record above its replacement', () => {
    const old = record('old', ['แบบฟอร์ม', 'ส่ง'], ['แบบฟอร์ม', 'ส่ง']);
    old.record.supersededBy = 'new';
    const records = new Map([['old', old], ['new', record('new', ['แบบฟอร์ม'], [])]]);
    const ranked = scoreCandidates(question(), [{ id: 'old', score: 10 }, { id: 'new', score: 4 }], { corpus, records, weights: w, minQuestionWeight: 3 });
    expect(ranked.map((c) => c.id)).toEqual(['new', 'old']);
  });
});

describe('tie-break', () => {
  const c = (id: string, score: number, questionCoverage: number, date: string) => ({
    id,
    score,
    matched: [],
    date,
    features: { bm25: 0, coverage: 0, questionCoverage, unknown: 0, yearMismatch: 0, similarity: 0, answerType: 0, superseded: 0, specificity: 1 },
  });

  it('breaks an exact score tie by question coverage, then the newer document, then the id', () => {
    const list = [c('b', 0.9, 0.5, '2020-01-01'), c('c', 0.9, 0.5, '2021-01-01'), c('a', 0.9, 0.5, '2021-01-01'), c('d', 0.9, 0.8, '2019-01-01')];
    expect([...list].sort(compareCandidates).map((x) => x.id)).toEqual(['d', 'a', 'c', 'b']);
    expect([...list].reverse().sort(compareCandidates).map((x) => x.id)).toEqual(['d', 'a', 'c', 'b']);
  });
});
