import { describe, expect, it } from 'vitest';
import { ConceptSchema, type Glossary } from '../../server/kb/schema.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { NEGATION_PREFIX, negatedTerms } from '../../server/search/negation.js';

const glossary: Glossary = {
  concepts: [{ id: 'lead-agency', th: ['เจ้าภาพ'], en: ['lead host'] }].map((c) => ConceptSchema.parse(c)),
};
const analyzer = createAnalyzer(glossary);
const negated = (text: string) => negatedTerms(analyzer.analyze(text).units).map((t) => t.slice(NEGATION_PREFIX.length));

describe('negatedTerms', () => {
  it.each([
    // the negator reaches the next two content words, skipping stopwords in between
    ['กรมที่ไม่ใช่เจ้าภาพ agenda', ['เจ้าภาพ', 'agenda']],
    ['ไม่ได้เป็นส่วนราชการที่เป็นเจ้าภาพหลัก', ['ส่วนราชการ', 'เจ้าภาพ']],
    // ไม่มี X negates X, not the verb
    ['หน่วยงานไม่มี focus area', ['focus', 'area']],
    ['the agency is not a lead host', ['lead', 'host']],
  ])('negates the words after the negator in "%s"', (text, expected) => {
    expect(negated(text)).toEqual(expected);
  });

  it.each([
    ['กรมที่เป็นเจ้าภาพ agenda'],
    // หรือไม่ is the tag of a yes/no question, whatever follows it
    ['ต้องทำระบบเดิมหรือไม่ หรือทำระบบใหม่'],
    ['เลือกได้หรือไม่ If a government agency'],
  ])('negates nothing in "%s"', (text) => {
    expect(negated(text)).toEqual([]);
  });

  it('leaves question words out of the scope', () => {
    expect(negated('ไม่ทราบว่าทำอย่างไร')).not.toContain('q:how');
  });
});
