import { describe, expect, it } from 'vitest';
import { ConceptSchema, type Glossary } from '../../server/kb/schema.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { createExpander } from '../../server/search/expand.js';
import { normalize } from '../../server/search/normalize.js';
import { segment } from '../../server/search/segment.js';

const glossary: Glossary = {
  concepts: [
    { id: 'e-service', th: ['บริการอิเล็กทรอนิกส์', 'การให้บริการด้วยระบบอิเล็กทรอนิกส์'], en: ['e-Service', 'electronic service'], transliterations: ['อีเซอร์วิส'] },
    { id: 'opdc', th: ['สำนักงาน ก.พ.ร.'], en: ['Office of the Public Sector Development Commission'], abbreviations: ['ก.พ.ร.', 'OPDC'] },
    { id: 'data-catalog', th: ['บัญชีข้อมูล'], en: ['Data Catalog'], transliterations: ['ดาต้าแคตตาล็อก'] },
    { id: 'data', th: ['ข้อมูล'], en: ['data'] },
    { id: 'covid-19', th: ['โควิด-19', 'โควิด'], en: ['COVID-19'] },
    { id: 'self-assessment', th: ['การประเมินตนเอง'], en: ['self-assessment'] },
  ].map((c) => ConceptSchema.parse(c)),
};

const expander = createExpander(glossary, segment);

describe('concept expansion', () => {
  it.each([
    ['ตัวชี้วัด e-service ต้องทำอะไร', ['e-service']],
    ['ทำ E - Service ได้ไหม', ['e-service']],
    ['what counts as an electronic service?', ['e-service']],
    ['ทำอีเซอร์วิสแล้ว', ['e-service']],
    ['ตัวชี้วัดการให้บริการด้วยระบบอิเล็กทรอนิกส์', ['e-service']],
    ['สำนักงาน ก.พ.ร. แจ้งว่า', ['opdc']],
    ['กพร จะแจ้ง', ['opdc']],
    ['Does OPDC publish it?', ['opdc']],
    ['ดาต้าแคตตาล็อก คืออะไร', ['data-catalog']],
    // Longest match at each start: "data catalog" is the catalog, not also "data".
    ['the data catalog indicator', ['data-catalog']],
    ['รายงานผลโควิด - 19', ['covid-19']],
    ['covid-19 report', ['covid-19']],
    ['self assessment form', ['self-assessment']],
  ])('finds the concepts of %j', (text, concepts) => {
    expect(expander.conceptsOf(text).sort()).toEqual([...concepts].sort());
  });

  it('matches only on token boundaries', () => {
    // ข้อมูล inside ฐานข้อมูล is a different word.
    expect(expander.conceptsOf('ฐานข้อมูลจังหวัด')).toEqual([]);
    expect(expander.conceptsOf('metadata')).toEqual([]);
  });

  it('reports the token span of each match, longest first at each start', () => {
    const tokens = segment(normalize('ระบบบัญชีข้อมูล กับ ข้อมูล'));
    const matches = expander.find(tokens);
    const catalog = matches.find((m) => m.concept === 'data-catalog')!;
    expect(tokens.slice(catalog.start, catalog.end).join('')).toBe('บัญชีข้อมูล');
    expect(matches.filter((m) => m.concept === 'data')).toHaveLength(1);
  });

  it('gives an English question and the Thai text it asks about a shared concept token', () => {
    const analyzer = createAnalyzer(glossary);
    const english = analyzer.tokenize('Do we need an electronic service?');
    const thai = analyzer.tokenize('หน่วยงานต้องพัฒนาบริการอิเล็กทรอนิกส์หรือไม่');
    expect(english).toContain('c:e-service');
    expect(thai).toContain('c:e-service');
    expect(analyzer.tokenize('ทำอีเซอร์วิส')).toContain('c:e-service');
  });

  it('marks which words a concept covers, so coverage can count them', () => {
    const analyzer = createAnalyzer(glossary);
    const { units } = analyzer.analyze('electronic service for farmers');
    expect(units.map((u) => [u.token, u.concepts])).toEqual([
      ['electronic', ['e-service']],
      ['service', ['e-service']],
      ['for', []],
      ['farmers', []],
    ]);
  });
});
