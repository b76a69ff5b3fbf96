import { describe, expect, it } from 'vitest';
import type { Glossary, KbRecord } from '../../server/kb/schema.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { borrowedTerms, termGaps } from '../../server/search/term-gaps.js';

const glossary: Glossary = {
  concepts: [
    { id: 'dashboard', th: [], en: ['Dashboard'], abbreviations: [], transliterations: [], synonyms: [] },
    { id: 'kickoff', th: ['การประชุมเริ่มโครงการ'], en: ['Kickoff'], abbreviations: [], transliterations: [], synonyms: [] },
    { id: 'budget-office', th: ['สำนักงบประมาณ'], en: ['Bureau of the Budget'], abbreviations: ['สงป.'], transliterations: [], synonyms: [] },
    { id: 'broadcasting-commission', th: ['สำนักงานคณะกรรมการกิจการกระจายเสียง'], en: [], abbreviations: ['กส.ทชบ.'], transliterations: [], synonyms: [] },
  ],
};

function record(id: string, th: string): KbRecord {
  return {
    id,
    source: { document: 'doc', section: 'general', number: 1 },
    question: { th, en: '' },
    answer: { th: '', en: '' },
    alternates: { th: [], en: [] },
    tags: { years: [], indicators: [] },
  };
}

describe('borrowed terms', () => {
  it.each([
    ['ส่ง Dashboard ภายในเดือนนี้', ['Dashboard']],
    ['ตาม Focus Area ที่ สงป. กำหนด', ['Focus Area', 'สงป.']],
    ['ดูที่ https://example.go.th/a?b=1 และ Template 3.', ['Template 3']],
    ['มติ ค.ร.ม. ล่าสุด', ['ค.ร.ม.']],
  ])('finds the Latin runs and dotted abbreviations of %s', (text, expected) => {
    expect(borrowedTerms(text)).toEqual(expected);
  });
});

describe('term gaps', () => {
  const analyzer = createAnalyzer(glossary);
  const gaps = termGaps(
    [record('doc/general/1', 'ส่ง Dashboard และ Widgetry ภายใน Kickoff'), record('doc/general/2', 'สงป. ตรวจ Widgetry'), record('doc/general/3', 'กส.ทชบ. ตรวจ')],
    analyzer,
  );
  const byTerm = new Map(gaps.map((g) => [g.term, g]));

  it('lists a term no concept covers, with every record that uses it', () => {
    expect(byTerm.get('Widgetry')).toMatchObject({ uncovered: ['widgetry'], records: ['doc/general/1', 'doc/general/2'] });
  });

  it('lists a Latin term whose concept has no Thai form', () => {
    expect(byTerm.get('Dashboard')?.missing).toEqual([{ concept: 'dashboard', kinds: ['thai form'] }]);
  });

  it('lists a Thai abbreviation that cannot be spelled out in Latin letters', () => {
    expect(byTerm.get('กส.ทชบ.')?.missing).toEqual([{ concept: 'broadcasting-commission', kinds: ['romanisation'] }]);
  });

  it('leaves out terms whose concept has the forms staff use', () => {
    expect(byTerm.has('Kickoff')).toBe(false);
    expect(byTerm.has('สงป.')).toBe(false);
  });
});
