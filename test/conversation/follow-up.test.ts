import { describe, expect, it } from 'vitest';
import { contextualQuestion, leaningOf } from '../../server/conversation/follow-up.js';
import { defaultConversationLexicon } from '../../server/conversation/lexicon.js';
import { compileLexicon } from '../../server/conversation/markers.js';

const lexicon = compileLexicon(defaultConversationLexicon());
const lean = (q: string) => leaningOf(q, lexicon);

describe('leaningOf', () => {
  it.each([
    ['แล้ว L3 ล่ะ', { frame: true, short: true, core: 'l3' }],
    ['แล้ว PMQA ล่ะครับ', { frame: true, short: true, core: 'pmqa' }],
    ['แล้วต้องส่งเมื่อไหร่', { frame: true, short: true, asks: true, core: 'ต้องส่งเมื่อไหร่' }],
    ['what about template 2?', { frame: true, short: true, core: 'template 2' }],
    ['and when is it due?', { frame: true, pronoun: true, short: true, asks: true }],
    ['อันนี้ต้องส่งเมื่อไหร่', { frame: false, pronoun: true, short: true }],
    ['how many?', { frame: false, pronoun: false, short: true, asks: true }],
    ['ส่งทางไหน', { frame: false, short: true, asks: true }],
  ])('reads %s as leaning on context', (question, expected) => {
    expect(lean(question)).toMatchObject(expected);
  });

  it.each([
    ['Template 3 ต้องใส่ข้อมูลอะไรบ้าง'],
    ['ส่วนราชการต้องรายงานผลในระบบ e-SAR ไหม'],
    ['กรณีกรมตั้งใหม่ต้องเลือกตัวชี้วัดอย่างไร'],
    ['แล้วแต่จังหวัดกำหนดเองได้หรือไม่ว่าหน่วยงานใดเป็นเจ้าภาพ'],
    ['คะแนน PMQA ปี 2564 ประกาศเมื่อไหร่'],
    ['Which agencies host the 12 agenda services under the Cabinet resolution?'],
  ])('reads %s as standing on its own', (question) => {
    const l = lean(question);
    expect(l.frame).toBe(false);
    expect(l.pronoun).toBe(false);
    expect(l.short && l.asks).toBe(false);
  });

  it('does not take a particle out of a word (คะ in คะแนน, จ้า in เจ้าภาพ)', () => {
    expect(lean('แล้วคะแนนล่ะคะ').core).toBe('คะแนน');
    expect(lean('ใครเป็นเจ้าภาพคะ').core).toBe('ใครเป็นเจ้าภาพ');
  });
});

describe('contextualQuestion', () => {
  it('swaps an item of a series into the previous question', () => {
    expect(contextualQuestion('e-service ระดับ L2 คืออะไร', lean('แล้ว L3 ล่ะ'))).toEqual({ text: 'e-service ระดับ l3 คืออะไร', substituted: true });
    expect(contextualQuestion('When is Template 1 due?', lean('and template 3?')).text).toBe('when is template 3 due');
    expect(contextualQuestion('ผลคะแนน PMQA ปี 2564 ออกเมื่อไร', lean('แล้วปี 2565 ล่ะ')).text).toBe('ผลคะแนน pmqa ปี 2565 ออกเมื่อไร');
  });

  it('puts the new words first when there is nothing to swap', () => {
    expect(contextualQuestion('ระบบบัญชีข้อมูลต้องติดตั้งจาก สสช. ไหม', lean('แล้วใครเป็นคนติดตั้งให้ล่ะ'))).toEqual({
      text: 'ใครเป็นคนติดตั้งให้ ระบบบัญชีข้อมูลต้องติดตั้งจาก สสช ไหม',
      substituted: false,
    });
  });

  it('does not swap numbers into the previous question for a question that stands alone', () => {
    const rewritten = contextualQuestion('ระบบราชการ 4.0 เป็นภาคบังคับไหม', lean('เกณฑ์ 7 หมวดเป็น self-assessment ตาม PMQA ไหม'));
    expect(rewritten.substituted).toBe(false);
    expect(rewritten.text).toContain('4.0');
  });
});
