import { describe, expect, it } from 'vitest';
import { unknownNamesIn, type QuestionAnalysis, type WeightedUnit } from '../../server/search/analyze-question.js';
import { decide, type DecideContext } from '../../server/search/decide.js';
import { defaultOptions } from '../../server/search/options.js';
import type { ScoredCandidate } from '../../server/search/score.js';

const unit = (token: string, known: boolean): WeightedUnit => ({ unit: { token, terms: [token], concepts: [] }, weight: 2, known });

describe('unknown names in a question', () => {
  it.each([
    ['How is the XYZ index scored?', [unit('xyz', false), unit('index', true)], ['xyz']],
    ['คะแนน QRS ของกรมคิดอย่างไร', [unit('qrs', false), unit('คะแนน', true)], ['qrs']],
  ])('finds an abbreviation in capitals that nothing knows: %s', (question, units, expected) => {
    expect(unknownNamesIn(question, units)).toEqual(expected);
  });

  it.each([
    ['an abbreviation the knowledge base knows', 'When is the KPI report due?', [unit('kpi', true)]],
    ['an unknown word typed in lower case (a typo or a rare word)', 'is the repport due?', [unit('repport', false)]],
    ['a word of seven capitals (shouting, not an abbreviation)', 'WHEREIS the form', [unit('whereis', false)]],
  ])('leaves out %s', (_what, question, units) => {
    expect(unknownNamesIn(question, units)).toEqual([]);
  });
});

describe('deciding on a question that names something unknown', () => {
  const cand = (id: string, score: number) => ({ id, score, matched: [], features: {} }) as unknown as ScoredCandidate;
  const ctx = (declineUnknownNames: boolean): DecideContext => ({
    options: { ...defaultOptions, declineUnknownNames },
    limit: 3,
    coveredYears: [],
    statedTypes: new Set(),
    answerSimilarity: () => 0,
    supersededBy: () => undefined,
  });
  const q = (unknownNames: string[]) => ({ years: [], unknownNames }) as unknown as QuestionAnalysis;

  it('declines however well the other words match, keeping the candidates as suggestions', () => {
    const d = decide(q(['xyz']), [cand('a', 0.97), cand('b', 0.3)], ctx(true));
    expect(d.status).toBe('none');
    expect(d.shown.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('answers as usual when the option is off or no name is unknown', () => {
    expect(decide(q(['xyz']), [cand('a', 0.97)], ctx(false)).status).toBe('answered');
    expect(decide(q([]), [cand('a', 0.97)], ctx(true)).status).toBe('answered');
  });
});

describe('answering a question that names an unknown abbreviation', () => {
  it('declines it with suggestions, while the same question naming a known abbreviation is answered', async () => {
    const { createAnswerer } = await import('../../server/search/answerer.js');
    const { fixtureKb } = await import('./answerer-fixture.js');
    const answerer = createAnswerer(fixtureKb);
    const known = answerer.ask({ question: 'Must an e-Service work online end to end?' });
    const unknown = answerer.ask({ question: 'Must an e-Service of the QXZ programme work online end to end?' });
    expect(known.status).toBe('answered');
    expect(unknown.status).toBe('none');
    expect(unknown.answers[0]?.id).toBe(known.answers[0]?.id);
  });
});
