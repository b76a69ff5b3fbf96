import { describe, expect, it } from 'vitest';
import { answerTypeOf, answerTypesInNormalized } from '../../server/search/answer-type.js';
import { analyzeQuestion, idf, weighUnits } from '../../server/search/analyze-question.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { relativeYearsIn } from '../../server/search/relative-years.js';
import { segment } from '../../server/search/segment.js';
import { normalize } from '../../server/search/normalize.js';
import { fixtureKb } from './answerer-fixture.js';
import { isGeneralWord } from '../../server/search/lexicon.js';

/** What the analysis finds in a record's answer text (analyze.ts normalizes it first). */
const answerTypesIn = (text: string) => answerTypesInNormalized(normalize(text));

const tokens = (text: string) => segment(normalize(text));

describe('answer type of a question', () => {
  it.each([
    ['ต้องแนบเอกสารกี่ฉบับ', 'count'],
    ['How many copies must we attach?', 'count'],
    ['รายงานต้องส่งเมื่อไหร่', 'date'],
    ['when does the portal close', 'date'],
    ['ประกาศผลเดือนไหน', 'date'],
    ['ใครเป็นผู้อนุมัติ', 'agency'],
    ['หน่วยงานไหนรับผิดชอบ', 'agency'],
    ['who signs the form', 'agency'],
    ['ยื่นคำขอยังไง', 'procedure'],
    ['how do we submit the form', 'procedure'],
    ['ห้องสมุดปิดกี่โมง', 'time'],
    ['what time does the counter close', 'time'],
    ['what are the office hours', 'time'],
    ['ค่าธรรมเนียมเท่าไร', 'money'],
    ['ต่อใบอนุญาตเสียกี่บาท', 'money'],
    ['how much does the licence renewal cost', 'money'],
    ['ขอเบอร์ติดต่อผู้ประสานงานหน่อย', 'contact'],
    ["what is the coordinator's phone number", 'contact'],
  ])('reads %j as asking for a %s', (question, type) => {
    expect(answerTypeOf(tokens(question))).toBe(type);
  });

  it('reads a period, a weight or a quantity as what they are, not as a clock time or a price', () => {
    expect(answerTypeOf(tokens('what time frame applies to the report'))).toBe(undefined);
    expect(answerTypeOf(tokens('ค่าน้ำหนักเท่าไร'))).toBe('count');
    expect(answerTypeOf(tokens('how much data must we publish'))).toBe('count');
    // The fee is the condition here; what is asked is a count of users.
    expect(answerTypeOf(tokens('ยกเว้นค่าธรรมเนียมแล้วนับผู้ใช้เท่าไร'))).toBe('count');
  });

  it('names no type for a yes/no question', () => {
    expect(answerTypeOf(tokens('ใช้แบบฟอร์มเดิมได้หรือไม่'))).toBeUndefined();
    expect(answerTypeOf(tokens('is the old form still valid'))).toBeUndefined();
  });
});

describe('answer types a record answer holds', () => {
  it.each([
    ['ให้เลือก 3 ชุดข้อมูล', 'count'],
    ['ส่งภายในวันที่ 15 ตุลาคม', 'date'],
    ['submit by 30 September', 'date'],
    ['กรมบัญชีกลางเป็นผู้ดูแล', 'agency'],
    ['กรอกข้อมูลผ่านระบบแล้วแนบไฟล์', 'procedure'],
    ['เปิดทำการ 08.30 น. ถึง 16.30 น.', 'time'],
    ['open from 9 am', 'time'],
    ['ค่าธรรมเนียม 200 บาท', 'money'],
    ['โทร. 02-123-4567', 'contact'],
    ['ส่งอีเมลถึง help@example.go.th', 'contact'],
  ])('finds in %j a %s', (text, type) => {
    expect(answerTypesIn(text)).toContain(type);
  });

  it('does not take a duration in hours for a clock time', () => {
    expect(answerTypesIn('ใช้เวลาประมาณ 2 ชั่วโมง')).not.toContain('time');
  });

  it('does not take a fiscal year or a section number for a count', () => {
    expect(answerTypesIn('ใช้ตามแนวทางปี 2565 ข้อ 2.1')).not.toContain('count');
  });
});

describe('relative years', () => {
  it.each([
    ['ปีนี้ต้องทำอะไรบ้าง', [2565]],
    ['ปีหน้ายังต้องส่งไหม', [2566]],
    ['ปีงบประมาณหน้า', [2566]],
    ['ปีที่แล้วส่งไปแล้ว', [2564]],
    ['is it required next fiscal year', [2566]],
    ['same as last year?', [2564]],
    ['ปีที่แล้วกับปีนี้ต่างกันไหม', [2564, 2565]],
    ['ไม่มีปีไหนเลย', []],
  ])('resolves %j against fiscal year 2565 to %j', (question, years) => {
    expect(relativeYearsIn(question, 2565)).toEqual(years);
  });
});

describe('analyzeQuestion', () => {
  const analyzer = createAnalyzer(fixtureKb.glossary);
  const corpus = { documentFrequency: new Map([['ชุดข้อมูล', 2]]), size: 4 };
  const ctx = { analyzer, speller: (w: string) => w, corpus, retrieval: { conceptWeight: 1, intentWeight: 0.5 }, currentYear: 2565 };

  it('collects named and relative fiscal years, in BE', () => {
    expect(analyzeQuestion('FY2021 กับปีนี้ต่างกันอย่างไร', undefined, ctx).years).toEqual([2564, 2565]);
  });

  it('gives question words half a word’s weight in the query and no weight in coverage', () => {
    const a = analyzeQuestion('ชุดข้อมูลส่งอย่างไร', undefined, ctx);
    expect(a.query).toContainEqual({ term: 'q:how', weight: 0.5 });
    expect(a.units.map((u) => u.unit.token)).not.toContain('อย่างไร');
    expect(a.answerType).toBe('procedure');
  });

  it('detects the language when none is given', () => {
    expect(analyzeQuestion('how many datasets', undefined, ctx).lang).toBe('en');
    expect(analyzeQuestion('how many datasets', 'th', ctx).lang).toBe('th');
  });

  it('weighs a word no record has at the highest IDF and calls it unknown unless it is general', () => {
    const [rare, general] = weighUnits(
      [
        { token: 'zyxq', terms: ['zyxq'], concepts: [] },
        { token: 'keep', terms: ['keep'], concepts: [] },
      ],
      corpus,
    );
    expect(rare!.weight).toBeCloseTo(idf(0, 4));
    expect(rare!.known).toBe(false);
    expect(general!.known).toBe(true);
  });

  it('weighs an everyday word below a rare one that the knowledge base holds as often', () => {
    // Neither word is in the corpus: the same IDF. "keep" is among the most frequent English
    // words, "outage" is not among the 20,000 most frequent; ถึง and ล่ม likewise in Thai.
    const [keep, outage, thueng, lom] = weighUnits(
      ['keep', 'outage', 'ถึง', 'ล่ม'].map((w) => ({ token: w, terms: [w], concepts: [] })),
      corpus,
    );
    expect(keep!.weight).toBeLessThan(outage!.weight * 0.6);
    expect(outage!.weight).toBeCloseTo(idf(0, 4));
    expect(thueng!.weight).toBeLessThan(lom!.weight * 0.6);
  });

  it('calls an inflected word general when its stem is, however rare the inflection', () => {
    // SUBTLEX ranks: "reassigning" 44,046 and "resubmitting" past the general list;
    // "reassign" 23,808 is in it, "resubmitt" (the stem) is no word.
    const [inflected, unknownStem] = weighUnits(
      [
        { token: 'reassigning', terms: ['reassign'], concepts: [] },
        { token: 'resubmitting', terms: ['resubmitt'], concepts: [] },
      ],
      corpus,
    );
    expect(isGeneralWord('reassigning')).toBe(false);
    expect(inflected!.known).toBe(true);
    expect(unknownStem!.known).toBe(false);
  });
});
