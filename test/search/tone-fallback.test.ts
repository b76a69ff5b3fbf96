import { describe, expect, it } from 'vitest';
import { createToneFallback, toneKey } from '../../server/search/tone-fallback.js';

// A small domain vocabulary and a general word list, so each case shows one rule.
const domain = ['ต้อง', 'ส่ง', 'เมื่อไหร่', 'รายงาน', 'ไหม', 'ใหม่', 'ได้', 'ใช้', 'แบบฟอร์ม', 'ข่าว'];
const general = new Set(['ตอง', 'สง', 'ขาว', 'วันหยุด']);
const repair = createToneFallback({ domain, isGeneral: (w) => general.has(w) });

describe('tone key', () => {
  it.each([
    ['ต้อง', 'ตอง'],
    ['เมื่อไหร่', 'เมือไหร'],
    ['ใหม่', 'ไหม'],
    ['ก็', 'ก'],
    ['ไฟล์', 'ไฟล'],
  ])('drops the marks of %s and reads ใ as ไ', (word, key) => {
    expect(toneKey(word)).toBe(key);
  });
});

describe('tone-mark fallback', () => {
  it.each([
    [['ตอง', 'สง', 'เมือไ', 'หร'], ['ต้อง', 'ส่ง', 'เมื่อไหร่']],
    [['ราย', 'งาน', 'ตอง', 'สง'], ['รายงาน', 'ต้อง', 'ส่ง']],
    [['ใ', 'ช้ไ', 'ด้ใหม'], ['ใช้', 'ได้', 'ไหม']],
  ])('re-cuts a run typed without tone marks: %j', (tokens, expected) => {
    expect(repair(tokens)).toEqual(expected);
  });

  it('leaves a run of domain words exactly as cut', () => {
    expect(repair(['ต้อง', 'ส่ง', 'แบบฟอร์ม', 'ไหม'])).toEqual(['ต้อง', 'ส่ง', 'แบบฟอร์ม', 'ไหม']);
  });

  it('does not pick a word for a key two domain words share', () => {
    const twoWords = createToneFallback({ domain: ['ค่า', 'ค้า', 'ส่ง'], isGeneral: () => false });
    expect(twoWords(['คา', 'สง'])).toEqual(['คา', 'ส่ง']);
  });

  it('reads ใ typed for ไ (and back) before dropping marks', () => {
    expect(repair(['ใหม'])).toEqual(['ไหม']);
    expect(repair(['ไหม่'])).toEqual(['ใหม่']);
  });

  it('prefers a domain word reached by its key to a general word typed as is', () => {
    expect(repair(['ขาว'])).toEqual(['ข่าว']);
  });

  it('keeps a general word that no domain word resembles', () => {
    expect(repair(['วันหยุด', 'ตอง'])).toEqual(['วันหยุด', 'ต้อง']);
  });

  it('never lets a run cross a Latin or digit token', () => {
    expect(repair(['ตอง', 'pmqa', 'สง'])).toEqual(['ต้อง', 'pmqa', 'ส่ง']);
  });

  it('keeps the segmenter cut when the re-cut explains no more letters', () => {
    expect(repair(['ฮฮฮ'])).toEqual(['ฮฮฮ']);
  });
});

describe('answering a question typed without tone marks', () => {
  it('finds the record the same question with its marks finds, and the marked question is unchanged', async () => {
    const { createAnswerer } = await import('../../server/search/answerer.js');
    const { fixtureKb } = await import('./answerer-fixture.js');
    const answerer = createAnswerer(fixtureKb);
    const marked = answerer.explain({ question: 'งานบริการต้องยื่นคำขอออนไลน์ไหม' });
    const unmarked = answerer.explain({ question: 'งานบริการตองยืนคำขอออนไลนใหม' });
    expect(unmarked.result.answers[0]?.id).toBe(marked.result.answers[0]?.id);
    expect(unmarked.terms).toEqual(marked.terms);
  });
});

describe('tone-mark fallback on a long run', () => {
  it('re-cuts two separate stretches and keeps the domain words between them', () => {
    expect(repair(['ตอง', 'รายงาน', 'แบบฟอร์ม', 'ใ', 'ช้ไ', 'ด้ใหม'])).toEqual(['ต้อง', 'รายงาน', 'แบบฟอร์ม', 'ใช้', 'ได้', 'ไหม']);
    expect(repair(['ตอง', 'รายงาน', 'สง', 'แบบฟอร์ม'])).toEqual(['ต้อง', 'รายงาน', 'ส่ง', 'แบบฟอร์ม']);
    expect(repair(['ตอง', 'สง', 'รายงาน', 'ตอง', 'สง'])).toEqual(['ต้อง', 'ส่ง', 'รายงาน', 'ต้อง', 'ส่ง']);
  });
});
