import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { createAnswerer } from '../../server/search/answerer.js';
import { BASELINE_FILE, regressions, toBaseline, type Baseline } from '../../scripts/eval/baseline.js';
import { QUESTIONS_FILE, readQuestions, splitByRecord } from '../../scripts/eval/data.js';
import { ask, groupBy } from '../../scripts/eval/evaluate.js';

describe('answer quality against the committed baseline', () => {
  // Builds the index and asks 344 questions: seconds alone, much longer on a loaded machine.
  it('is no more than one question worse in any category', { timeout: 180_000 }, async () => {
    const kb = await loadKnowledgeBase();
    const questions = readQuestions(QUESTIONS_FILE, new Set(kb.records.map((r) => r.id)));
    const outcomes = ask(createAnswerer(kb), questions, splitByRecord(questions));
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
    expect(regressions(baseline, toBaseline(groupBy(outcomes, (o) => o.q.category)))).toEqual([]);
  });
});

describe('regression rule', () => {
  const base: Baseline = { year: { n: 10, answeredRight: 8, confidentlyWrong: 1, falseDeclines: 1, offTopicAnswered: 0 } };
  const with_ = (change: Partial<Baseline[string]>): Baseline => ({ year: { ...base.year!, ...change } });

  it('allows one question worse per group', () => {
    expect(regressions(base, with_({ answeredRight: 7, confidentlyWrong: 2, falseDeclines: 2, offTopicAnswered: 1 }))).toEqual([]);
  });

  it('fails when answered-and-right drops by two', () => {
    expect(regressions(base, with_({ answeredRight: 6 }))).toEqual(['year: answered and right 6, baseline 8']);
  });

  it('fails when confident wrong answers rise by two', () => {
    expect(regressions(base, with_({ confidentlyWrong: 3 }))).toEqual(['year: confidentlyWrong 3, baseline 1']);
  });

  it('fails when a group disappears or changes size', () => {
    expect(regressions(base, {})).toEqual(['year: group missing from the evaluation']);
    expect(regressions(base, with_({ n: 12 }))[0]).toMatch(/re-record the baseline/);
  });
});

describe('record-disjoint split', () => {
  it('never puts one record’s questions in both halves', () => {
    const questions = readQuestions(QUESTIONS_FILE, new Set(JSON.parse(readFileSync(QUESTIONS_FILE, 'utf8')).flatMap((q: { expect: string[] }) => q.expect)));
    const half = splitByRecord(questions);
    const seen = new Map<string, string>();
    for (const q of questions) {
      for (const r of q.expect) {
        const h = half.get(q.id)!;
        expect(seen.get(r) ?? h, `${r} in both halves`).toBe(h);
        seen.set(r, h);
      }
    }
    const dev = questions.filter((q) => half.get(q.id) === 'dev').length;
    expect(dev).toBeGreaterThan(questions.length / 4);
    expect(dev).toBeLessThan((questions.length * 3) / 4);
  });
});
