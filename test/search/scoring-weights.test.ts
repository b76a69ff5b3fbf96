import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { defaultOptions } from '../../server/search/options.js';
import { FITTED } from '../../server/search/scoring-weights.js';
import { FEATURE_NAMES } from '../../server/search/score.js';
import { QUESTIONS_FILE, readProbes, readQuestions, trainingHash, trainingRows } from '../../scripts/eval/data.js';

describe('fitted scoring weights', () => {
  it('were fitted on the current training data (else run npx tsx scripts/fit-scoring.ts)', async () => {
    const kb = await loadKnowledgeBase();
    const rows = trainingRows(readQuestions(QUESTIONS_FILE, new Set(kb.records.map((r) => r.id))), readProbes());
    expect(FITTED.dataHash).toBe(trainingHash(rows));
  });

  it('are the defaults, with a weight for every feature', () => {
    expect(defaultOptions.weights).toEqual(FITTED.weights);
    for (const k of [...FEATURE_NAMES, 'bias'] as const) expect(Number.isFinite(FITTED.weights[k]), k).toBe(true);
  });

  it('have the signs reasoning says they must have', () => {
    const w = FITTED.weights;
    expect(w.coverage).toBeGreaterThan(0);
    expect(w.questionCoverage).toBeGreaterThan(0);
    expect(w.bm25).toBeGreaterThan(0);
    expect(w.unknown).toBeLessThan(0);
    expect(w.yearMismatch).toBeLessThan(0);
    expect(w.superseded).toBeLessThan(0);
  });
});

describe('training data hash', () => {
  it('changes when a training question or its label changes', () => {
    const rows = [{ question: 'a', expect: ['x'] }];
    expect(trainingHash(rows)).not.toBe(trainingHash([{ question: 'a ', expect: ['x'] }]));
    expect(trainingHash(rows)).not.toBe(trainingHash([{ question: 'a', expect: [] }]));
    expect(trainingHash(rows)).toBe(trainingHash([{ question: 'a', expect: ['x'] }]));
  });
});
