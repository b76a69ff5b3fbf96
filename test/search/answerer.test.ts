import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { createAnswerer, type ExplainingAnswerer } from '../../server/search/answerer.js';
import { detectLanguage } from '../../server/search/language.js';
import { toBuddhistYear } from '../../server/search/filters.js';
import { fixtureKb } from './answerer-fixture.js';

describe('answerer over a fixture knowledge base', () => {
  const answerer = createAnswerer(fixtureKb);
  // Four records make IDF and confidence meaningless; ranking and filter tests look at every
  // suggestion instead of relying on the confidence threshold.
  const suggesting = createAnswerer(fixtureKb, { suggestionFloor: 0 });

  it('returns limit answers, 3 by default, and all four records when asked for more than there are', () => {
    // The suggestion floor is 0 here, so every retrieved record is shown up to the limit.
    expect(suggesting.ask({ question: 'ชุดข้อมูล e-service L1', limit: 1 }).answers).toHaveLength(1);
    expect(suggesting.ask({ question: 'ชุดข้อมูล e-service L1 ออนไลน์ ระดับ' }).answers).toHaveLength(3);
    expect(suggesting.ask({ question: 'ชุดข้อมูล e-service L1 ออนไลน์ ระดับ', limit: 50 }).answers).toHaveLength(4);
  });

  it('keeps every score within [0, 1]', () => {
    for (const question of ['ชุดข้อมูล', 'L1 L2 L3', 'visa', 'e-service ออนไลน์ ทุกขั้นตอน']) {
      for (const a of answerer.ask({ question, limit: 10 }).answers) {
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('declines a question with no content words and suggests nothing', () => {
    expect(answerer.ask({ question: 'ครับ' })).toEqual({ answered: false, status: 'none', lang: 'th', answers: [] });
    expect(answerer.ask({ question: '   ' }).answers).toEqual([]);
  });

  it.each([
    [2565, 2565, 'new-guide/data-catalog/1'],
    [2022, 2565, 'new-guide/data-catalog/1'],
    [2564, 2564, 'old-guide/general/1'],
    [2021, 2564, 'old-guide/general/1'],
  ])('filters by fiscal year %i in either era', (year, be, id) => {
    const result = suggesting.ask({ question: 'ต้องเปิดเผยกี่ชุดข้อมูล', limit: 10, filters: { year } });
    expect(result.answers.map((a) => a.id)).toContain(id);
    expect(result.answers.every((a) => a.tags.years.includes(be))).toBe(true);
  });

  it('filters by indicator, treating open-data and data-catalog as related', () => {
    const eService = suggesting.ask({ question: 'ออนไลน์ ชุดข้อมูล L1', limit: 10, filters: { indicator: 'e-service' } });
    expect(eService.answers.length).toBeGreaterThan(0);
    expect(eService.answers.every((a) => a.tags.indicators.includes('e-service'))).toBe(true);
    const open = suggesting.ask({ question: 'เปิดเผยกี่ชุดข้อมูล', limit: 10, filters: { indicator: 'open-data' } });
    expect(open.answers.map((a) => a.id).sort()).toEqual(['new-guide/data-catalog/1', 'old-guide/general/1']);
  });

  it('filters by component and returns nothing when no record matches', () => {
    expect(suggesting.ask({ question: 'ชุดข้อมูล', limit: 10, filters: { component: 'potential-base' } }).answers.length).toBeGreaterThan(0);
    const none = suggesting.ask({ question: 'ชุดข้อมูล', limit: 10, filters: { component: 'performance-base' } });
    expect(none).toMatchObject({ answered: false, answers: [] });
  });

  it('ranks superseded guidance below the record that replaces it', () => {
    const result = suggesting.ask({ question: 'ต้องเปิดเผยชุดข้อมูลกี่ชุด', limit: 5 });
    const ids = result.answers.map((a) => a.id);
    expect(ids.indexOf('new-guide/data-catalog/1')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('new-guide/data-catalog/1')).toBeLessThan(ids.indexOf('old-guide/general/1'));
    expect(result.answers.find((a) => a.id === 'old-guide/general/1')?.supersededBy).toBe('new-guide/data-catalog/1');
  });

  it('answers in the language of the question unless one is requested', () => {
    expect(answerer.ask({ question: 'งานบริการ e-Service ต้องออนไลน์ทุกขั้นตอนไหม' }).lang).toBe('th');
    expect(answerer.ask({ question: 'must an e-service be online end to end?' }).lang).toBe('en');
    expect(answerer.ask({ question: 'must an e-service be online end to end?', lang: 'th' }).lang).toBe('th');
  });

  it('shows our English translation with translated: true and the Thai original beside it', () => {
    const [top] = suggesting.ask({ question: 'what are levels L1 L2 L3 of a service', limit: 1 }).answers;
    expect(top).toMatchObject({
      id: 'new-guide/e-service/2',
      question: 'What are levels L1, L2 and L3 of a service?',
      translated: true,
      original: { question: 'ระดับ L1 L2 L3 ของงานบริการคืออะไร' },
    });
    expect(top!.source).toEqual({
      document: 'new-guide',
      title: 'แนวทางการประเมิน ปี 2565',
      section: 'e-service',
      sectionTitle: 'ตัวชี้วัด e-service',
      number: 2,
      date: '2021-09-10',
    });
  });

  it('falls back to Thai with translated: false when a record has no English yet', () => {
    const answer = answerer.record('new-guide/data-catalog/1', 'en')!;
    expect(answer.translated).toBe(false);
    expect(answer.question).toBe(answer.original.question);
    expect(answer.answer).toBe(answer.original.answer);
    expect(answerer.record('new-guide/e-service/1', 'th')).toMatchObject({ translated: false, question: 'งานบริการ e-Service ต้องให้บริการผ่านระบบออนไลน์ครบทุกขั้นตอนหรือไม่' });
  });

  it('renders one record by id with score 1, and nothing for an unknown id', () => {
    expect(answerer.record('old-guide/general/1', 'en')).toMatchObject({ score: 1, translated: true, source: { title: 'Assessment guideline 2564', number: 1 } });
    expect(answerer.record('old-guide/general/99')).toBeUndefined();
    expect(answerer.size).toBe(4);
  });

  it('reaches Thai text from an English question through the glossary', () => {
    const [top] = suggesting.ask({ question: 'how many datasets in the data catalog', limit: 1 }).answers;
    expect(top?.id).toBe('new-guide/data-catalog/1');
  });
});

describe('language and years', () => {
  it.each([
    ['ตัวชี้วัด e-service ต้องทำอะไร', 'th'],
    ['e-service คืออะไร', 'th'],
    ['template3 ส่งทันไหม', 'th'],
    ['What does the e-service indicator measure?', 'en'],
    ['When is the ก.พ.ร. deadline for the open data templates?', 'en'],
    ['2565', 'th'],
  ] as const)('detects %j as %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    [2565, 2565],
    [2022, 2565],
    [2020, 2563],
  ])('reads fiscal year %i as BE %i', (year, be) => {
    expect(toBuddhistYear(year)).toBe(be);
  });
});

describe('confidence on the repository knowledge base', () => {
  let answerer: ExplainingAnswerer;
  beforeAll(async () => {
    answerer = createAnswerer(await loadKnowledgeBase());
  });

  // Written for this test, not taken from test/eval/questions.json.
  it.each([
    'วีซ่าท่องเที่ยวต่ออายุได้กี่วัน',
    'พรุ่งนี้เชียงใหม่อากาศหนาวไหม',
    'สูตรแกงเขียวหวานไก่',
    'ราคาบัตรฟุตบอลทีมชาติไทย',
    'how do I renew my passport',
    'what is the weather in Bangkok tomorrow',
    'best recipe for green curry',
    'what is the starting salary of a police officer',
  ])('does not answer the off-topic question %j confidently', (question) => {
    const result = answerer.ask({ question, limit: 5 });
    expect(result.answered).toBe(false);
    for (const a of result.answers) expect(a.score).toBeLessThan(0.5);
  });

  it.each([
    ['ตัวชี้วัดฐานข้อมูลจังหวัดซึ่งมีน้ำหนัก 10% ต้องรายงานผลอย่างไร', 'fy2563-provincial/general/9'],
    ['การประเมิน PMQA 4.0 ปี 2565 ประเมินรายกรมหรือภาพรวมกระทรวง', 'fy2565-potential-base/pmqa/3'],
  ])('answers the on-topic paraphrase %j confidently', (question, id) => {
    const result = answerer.ask({ question, limit: 3 });
    expect(result.answered).toBe(true);
    expect(result.answers[0]?.id).toBe(id);
    expect(result.answers[0]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it.each(['1', '๗', '2565', '4.0', 'ปี', 'e-service'])(
    'does not answer %j, a bare number or one common word, confidently',
    (question) => {
      const result = answerer.ask({ question, limit: 5 });
      expect(result.answered).toBe(false);
      for (const a of result.answers) expect(a.score).toBeLessThan(0.5);
    },
  );

  it.each(['Biz Portal', 'CKAN', 'ค่าธรรมเนียม', 'metadata'])('answers the specific keyword %j', (question) => {
    expect(answerer.ask({ question }).answered).toBe(true);
  });

  it('gives an off-topic question a lower score than an on-topic one', () => {
    const on = answerer.ask({ question: 'ต้องเลือก focus area กี่ด้านสำหรับบัญชีข้อมูล' }).answers[0]?.score ?? 0;
    const off = answerer.ask({ question: 'ต้องเลือกเมนูอาหารกี่อย่างสำหรับงานเลี้ยง' }).answers[0]?.score ?? 0;
    expect(on).toBeGreaterThan(off);
  });

  it('ranks a record that negates what the question negates above records that assert it', () => {
    // Written for this test: the section has records for lead hosts and for agencies that are not.
    const explained = answerer.explain({ question: 'หน่วยงานที่ไม่ได้เป็นเจ้าภาพ 12 agenda เลือกงานบริการอื่นได้หรือไม่', limit: 3 });
    expect(explained.terms).toContain('n:เจ้าภาพ');
    expect(explained.result.answers[0]?.id).toBe('fy2565-potential-base/e-service/2');
  });
});

describe('honest decisions over a fixture knowledge base', () => {
  // The fixture covers fiscal years 2564 and 2565.
  const at = (iso: string) => createAnswerer(fixtureKb, { now: () => new Date(iso) });

  it('declines a question asking for an amount of money until some record states one', () => {
    // The fixture's e-Service record names fee payment but no amount.
    const question = 'ค่าธรรมเนียมงานบริการ e-Service เท่าไร';
    const without = createAnswerer(fixtureKb).ask({ question });
    expect(without.status).toBe('none');
    expect(without.answers[0]?.id).toBe('new-guide/e-service/1');

    const priced = structuredClone(fixtureKb);
    priced.records[2]!.answer.th += ' ค่าธรรมเนียมครั้งละ 100 บาท';
    expect(createAnswerer(priced).ask({ question }).answers[0]?.id).toBe('new-guide/e-service/1');
    expect(createAnswerer(priced).ask({ question }).status).toBe('answered');
  });

  it('says there is no guidance for a fiscal year no record covers, and names the nearest', () => {
    const result = at('2021-11-01').ask({ question: 'ปีงบประมาณ 2561 ต้องเปิดเผยกี่ชุดข้อมูล' });
    expect(result.status).toBe('none');
    expect(result.answered).toBe(false);
    expect(result.message).toMatchObject({ kind: 'year-not-covered' });
    expect(result.message!.text).toContain('2561');
    expect(result.message!.text).toContain('2564');
  });

  it('writes the year message in the language of the question', () => {
    const result = at('2021-11-01').ask({ question: 'how many datasets for fiscal year 2030' });
    expect(result.message?.text).toMatch(/no guidance for fiscal year 2573.*nearest is fiscal year 2565/);
  });

  it('resolves "next year" against the newest guidance: past it, no record covers the year', () => {
    const result = at('2026-12-01').ask({ question: 'ปีหน้าต้องเปิดเผยกี่ชุดข้อมูล' });
    expect(result.message).toMatchObject({ kind: 'year-not-covered' });
    expect(result.message!.text).toContain('2566');
  });

  it('resolves "this year" to today’s fiscal year while guidance for a later year is already out', () => {
    const explained = at('2021-01-15').explain({ question: 'ปีนี้ต้องเปิดเผยกี่ชุดข้อมูล' });
    expect(explained.years).toEqual([2564]);
  });

  it('explains which terms counted for each candidate', () => {
    const explained = at('2021-11-01').explain({ question: 'ต้องเปิดเผยกี่ชุดข้อมูล' });
    expect(explained.answerType).toBe('count');
    expect(explained.candidates.length).toBeGreaterThan(0);
    expect(explained.candidates[0]!.matched).toContain('ชุดข้อมูล');
    expect(Object.keys(explained.candidates[0]!.features)).toContain('coverage');
  });

  it('accepts another retrieval engine behind the Retriever interface', () => {
    const only = createAnswerer(fixtureKb, { suggestionFloor: 0, retriever: () => ({ retrieve: () => [{ id: 'new-guide/e-service/2', score: 1 }] }) });
    expect(only.ask({ question: 'ชุดข้อมูล' }).answers.map((a) => a.id)).toEqual(['new-guide/e-service/2']);
  });
});
