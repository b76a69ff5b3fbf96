import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../server/kb/schema.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { spelledInThai, spelledOut, withLexiconForms } from '../../server/search/concept-forms.js';
import { lexicon } from '../../server/search/lexicon.js';

const names = new Map([
  ['ก', ['kor', 'gor']],
  ['พ', ['phor', 'por']],
  ['ร', ['ror']],
  ['ส', ['sor']],
]);

const glossary: Glossary = {
  concepts: [
    { id: 'budget-office', th: ['สำนักงบประมาณ'], en: ['Bureau of the Budget'], abbreviations: ['สงป.', 'BOB'], transliterations: [], synonyms: [] },
    { id: 'handbook', th: ['คู่มือ'], en: ['handbook'], abbreviations: [], transliterations: [], synonyms: [] },
  ],
};

const lex = (entries: Array<{ concept: string; form: string; kind: 'th' | 'synonym' }>) => ({
  'concept-forms': { about: '', entries: entries.map((e) => ({ ...e, source: 'general:test' })) },
  'letter-names': { about: '', entries: [{ letter: 'ส', names: ['sor'], source: 'general:test' }, { letter: 'ง', names: ['ngor'], source: 'general:test' }, { letter: 'ป', names: ['por'], source: 'general:test' }] },
  'latin-letter-names': { about: '', entries: [{ letter: 'b', names: ['บี'], source: 'general:test' }, { letter: 'o', names: ['โอ'], source: 'general:test' }] },
});

describe('spelled-out abbreviations', () => {
  it.each([
    ['ก.พ.ร.', ['kor phor ror', 'kor por ror', 'gor phor ror', 'gor por ror']],
    ['กพร', ['kor phor ror', 'kor por ror', 'gor phor ror', 'gor por ror']],
    ['สพ', ['sor phor', 'sor por']],
  ])('spells %s with every name of each letter', (abbr, expected) => {
    expect(spelledOut(abbr, names)).toEqual(expected);
  });

  it.each(['ก', 'กพรสพ', 'อปท.', 'ครม', 'PMQA'])('leaves %s alone (one letter, five letters, a letter without a name, or Latin)', (abbr) => {
    expect(spelledOut(abbr, names)).toEqual([]);
  });
});

describe('Latin abbreviations spelled in Thai', () => {
  const latin = new Map([
    ['k', ['เค']],
    ['p', ['พี']],
    ['i', ['ไอ']],
    ['w', ['ดับเบิลยู', 'ดับบลิว']],
    ['h', ['เอช']],
    ['o', ['โอ']],
  ]);
  it.each([
    ['KPI', ['เคพีไอ']],
    ['K.P.I.', ['เคพีไอ']],
    ['WHO', ['ดับเบิลยูเอชโอ', 'ดับบลิวเอชโอ']],
  ])('spells %s unspaced with every name of each letter', (abbr, expected) => {
    expect(spelledInThai(abbr, latin)).toEqual(expected);
  });

  it.each(['K', 'KPIKPI', 'e-SAR', 'Kpi', 'KPX'])('leaves %s alone (one letter, six letters, not all capitals, a letter without a name)', (abbr) => {
    expect(spelledInThai(abbr, latin)).toEqual([]);
  });
});

describe('concept forms from the lexicon', () => {
  it('adds forms to the concept they name and spells out its abbreviations', () => {
    const merged = withLexiconForms(glossary, lex([{ concept: 'handbook', form: 'หนังสือคู่มือ', kind: 'th' }]));
    expect(merged.concepts.find((c) => c.id === 'handbook')!.th).toEqual(['คู่มือ', 'หนังสือคู่มือ']);
    expect(merged.concepts.find((c) => c.id === 'budget-office')!.synonyms).toEqual(['sor ngor por']);
    expect(merged.concepts.find((c) => c.id === 'budget-office')!.transliterations).toEqual(['บีโอบี']);
  });

  it('ignores an entry naming a concept the glossary lacks and leaves the input unchanged', () => {
    const merged = withLexiconForms(glossary, lex([{ concept: 'no-such-concept', form: 'อะไร', kind: 'synonym' }]));
    expect(merged.concepts.map((c) => c.id)).toEqual(['budget-office', 'handbook']);
    expect(glossary.concepts[0]!.synonyms).toEqual([]);
  });

  it('names every concept the repository glossary has, with one entry per form', async () => {
    const { loadKnowledgeBase } = await import('../../server/kb/load.js');
    const ids = new Set((await loadKnowledgeBase()).glossary.concepts.map((c) => c.id));
    const entries = lexicon()['concept-forms'].entries;
    expect(entries.filter((e) => !ids.has(e.concept)).map((e) => e.concept)).toEqual([]);
    const keys = entries.map((e) => e.form);
    expect(keys.length).toBe(new Set(keys).size);
  });
});

describe('analyzer with the lexicon forms', () => {
  const analyzer = createAnalyzer(glossary);
  it.each([
    ['sor ngor por ส่งเมื่อไหร่', 'budget-office'],
    ['Sor Ngor Por', 'budget-office'],
    ['บีโอบีอยู่ที่ไหน', 'budget-office'],
  ])('names the concept of a spelled-out abbreviation: %s', (text, concept) => {
    expect(analyzer.analyze(text).concepts).toContain(concept);
  });
});
