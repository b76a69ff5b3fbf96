import { describe, expect, it } from 'vitest';
import type { KbRecord } from '../../server/kb/schema.js';
import { answerCard, documentShortName, CARD_ANSWER_UNITS } from '../../server/line/answer-card.js';
import { graphemes } from '../../server/line/text.js';
import { renderAnswer } from '../../server/search/render.js';
import { FIXTURE_DOCUMENT, FIXTURE_RECORDS, LONG_RECORD, PROVINCIAL_DOCUMENT } from '../support/fixture-kb.js';
import { lineRequestProblems } from '../support/line-openapi.js';

const ctx = { publicBaseUrl: 'https://bot.example.go.th', documents: [FIXTURE_DOCUMENT, PROVINCIAL_DOCUMENT] };
const E_SERVICE = FIXTURE_RECORDS.find((r) => r.id === 'fy2565-potential-base/e-service/14')!;
const card = (record: KbRecord, lang: 'th' | 'en') => answerCard(renderAnswer(record, FIXTURE_DOCUMENT, lang, 0.9), lang, ctx);
const texts = (c: ReturnType<typeof card>) => c.contents.body.contents.flatMap((x) => (x.type === 'text' ? [x.text] : []));
const actions = (c: ReturnType<typeof card>) =>
  (c.contents.footer?.contents ?? []).flatMap((x) => (x.type === 'box' ? x.contents.flatMap((b) => (b.type === 'button' ? [b.action] : [])) : x.type === 'button' ? [x.action] : []));
const valid = (c: object) => expect(lineRequestProblems('/v2/bot/message/reply', { replyToken: 'r', messages: [c] })).toEqual([]);

describe('answerCard', () => {
  it('shows a Thai answer with its question as title, the source footer and the buttons', () => {
    const c = card(E_SERVICE, 'th');
    valid(c);
    expect(texts(c)[0]).toBe(E_SERVICE.question.th);
    expect(texts(c)[1]).toBe(E_SERVICE.answer.th);
    expect(texts(c).at(-1)).toBe('Potential Base ปีงบ 2565 · ตัวชี้วัด e-service · ข้อ 14 · 10 ก.ย. 2564');
    expect(actions(c).map((a) => a.label)).toEqual(['เปิดหน้าคำตอบ', '👍 มีประโยชน์', '👎 ไม่ตรง']);
    expect(c.altText).toBe(`ถาม: ${E_SERVICE.question.th}\nตอบ: ${E_SERVICE.answer.th.replace(/\s+/g, ' ')}`);
  });

  it('says an English answer is a translation and offers the Thai original', () => {
    const c = card(E_SERVICE, 'en');
    valid(c);
    expect(texts(c)[0]).toBe(E_SERVICE.question.en);
    expect(texts(c)[1]).toMatch(/translation.*Thai original is authoritative/);
    expect(actions(c).map((a) => a.label)).toEqual(['Open record page', 'Thai original', '👍 Helpful', '👎 Not helpful']);
    expect(actions(c).find((a) => a.type === 'uri')).toMatchObject({ uri: 'https://bot.example.go.th/records/fy2565-potential-base/e-service/14?lang=en' });
    expect(c.altText.startsWith(`Q: ${E_SERVICE.question.en}\nA: `)).toBe(true);
  });

  it('cuts a long answer at a paragraph with "อ่านต่อ" to the record page and keeps altText short', () => {
    const c = card(LONG_RECORD, 'th');
    valid(c);
    const shown = texts(c)[1]!;
    expect(shown.length).toBeLessThanOrEqual(CARD_ANSWER_UNITS);
    expect(shown.endsWith('…')).toBe(true);
    expect(LONG_RECORD.answer.th.slice(shown.length - 1).startsWith('\n\n')).toBe(true);
    const more = c.contents.body.contents.find((x) => x.type === 'text' && x.action);
    expect(more).toMatchObject({ text: 'อ่านต่อ ›', action: { type: 'uri', uri: 'https://bot.example.go.th/records/fy2565-potential-base/e-service/20' } });
    expect(c.altText.length).toBeLessThanOrEqual(400);
    expect(c.altText.endsWith('…')).toBe(true);
  });

  it('warns that a superseded answer was replaced and opens the newer guidance', () => {
    const old = { ...E_SERVICE, supersededBy: 'fy2565-potential-base/e-service/15' };
    for (const lang of ['th', 'en'] as const) {
      const c = card(old, lang);
      valid(c);
      expect(texts(c).some((t) => (lang === 'th' ? /มีแนวทางที่ใหม่กว่า/ : /Later guidance replaces/).test(t))).toBe(true);
      const newer = actions(c)[0]!;
      expect(newer).toMatchObject({ type: 'postback', label: lang === 'th' ? 'ดูแนวทางใหม่' : 'See newer guidance', data: `a=open&r=fy2565-potential-base%2Fe-service%2F15&l=${lang}` });
      // The raw record id is never shown as text.
      expect(texts(c).join(' ')).not.toContain('e-service/15');
    }
  });

  it('keeps every button label within 20 graphemes', () => {
    for (const lang of ['th', 'en'] as const) for (const a of actions(card({ ...E_SERVICE, supersededBy: 'x/y/1' }, lang))) expect(graphemes(a.label).length).toBeLessThanOrEqual(20);
  });
});

describe('documentShortName', () => {
  it('prefers the editor\'s short title, then the Latin name in the title, then the audience, with the years', () => {
    expect(documentShortName({ ...FIXTURE_DOCUMENT, shortTitle: { th: 'ถาม-ตอบ PB 65', en: 'PB Q&A 2022' } }, 'en')).toBe('PB Q&A 2022');
    expect(documentShortName(FIXTURE_DOCUMENT, 'th')).toBe('Potential Base ปีงบ 2565');
    expect(documentShortName(PROVINCIAL_DOCUMENT, 'th')).toBe('การประเมินจังหวัด ปีงบ 2563-2564');
    expect(documentShortName(PROVINCIAL_DOCUMENT, 'en')).toBe('Provincial assessment FY 2563-2564');
  });
});
