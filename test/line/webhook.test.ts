import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashUserId } from '../../server/log/question-log.js';
import { graphemes } from '../../server/line/text.js';
import { expectError } from '../support/expect-error.js';
import { LONG_RECORD } from '../support/fixture-kb.js';
import { startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { LINE_SECRET, LINE_TOKEN, USER_ID, groupTextEvent, postbackEvent, signedRequest, textEvent } from '../support/line-events.js';

let t: LineTestApp;
beforeAll(async () => {
  t = await startLineTestApp({}, { extraRecords: [LONG_RECORD] });
});
afterAll(() => t.closeAll());
beforeEach(() => {
  t.line.reset();
  t.clock.now = Date.now();
});
// Every body any test made us send is checked against LINE's OpenAPI description and limits.
afterEach(() => expect(t.line.problems()).toEqual([]));

const E_SERVICE_Q = 'งานบริการ e-service ต้องเป็นงานบริการใหม่หรือสามารถใช้งานบริการเดิมได้';
const reply = (i = 0) => t.line.replies()[i]!.body;
const bodyTexts = (card: any): string[] => card.contents.body.contents.filter((c: any) => c.type === 'text').map((c: any) => c.text);
const footerActions = (card: any): any[] =>
  card.contents.footer.contents.flatMap((c: any) => (c.type === 'box' ? c.contents.map((b: any) => b.action) : [c.action]));

describe('LINE webhook: signature and body', () => {
  it('returns 200 for the empty connectivity check and calls nobody', async () => {
    const res = await t.deliver([]);
    expect(res.statusCode).toBe(200);
    expect(t.line.calls).toHaveLength(0);
  });

  it.each([
    ['missing', undefined, /missing/],
    ['wrong', 'bm90IHRoZSByaWdodCBzaWduYXR1cmU=', /does not match/],
  ])('returns 401 for a %s signature and sends no reply', async (_name, signature, message) => {
    const req = signedRequest({ events: [textEvent('e-service ใช้บริการเดิมได้ไหม')] });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature) headers['x-line-signature'] = signature;
    expectError(await t.app.inject({ ...req, headers }), 401, message);
    await t.app.lineWebhook!.pending();
    expect(t.line.calls).toHaveLength(0);
  });

  it('returns 401 when the body was changed after signing', async () => {
    const req = signedRequest({ events: [textEvent('e-service')] });
    expectError(await t.app.inject({ ...req, payload: req.payload.replace('e-service', 'pmqa') }), 401);
  });

  it('returns 400 for signed but malformed JSON', async () => {
    const req = signedRequest({});
    const payload = '{"events": [';
    const { sign } = await import('../../server/line/signature.js');
    expectError(await t.app.inject({ ...req, payload, headers: { ...req.headers, 'x-line-signature': sign(payload, LINE_SECRET) } }), 400, /not valid JSON/);
  });
});

describe('LINE webhook: answers', () => {
  it('answers a Thai question with one reply holding an answer card', async () => {
    const event = textEvent(E_SERVICE_Q);
    expect((await t.deliver([event])).statusCode).toBe(200);
    expect(t.line.replies()).toHaveLength(1);
    const call = t.line.replies()[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${LINE_TOKEN}`);
    expect(call.body.replyToken).toBe(event.replyToken);
    const [card] = call.body.messages;
    expect(card.type).toBe('flex');
    expect(card.contents.type).toBe('bubble');
    const texts = bodyTexts(card);
    expect(texts[0]).toBe(E_SERVICE_Q);
    expect(texts.some((x) => x.includes('สามารถใช้งานบริการเดิม'))).toBe(true);
    expect(texts.at(-1)).toBe('Potential Base ปีงบ 2565 · ตัวชี้วัด e-service · ข้อ 14 · 10 ก.ย. 2564');
    expect(card.altText).toMatch(/^ถาม: งานบริการ e-service.*\nตอบ: สามารถใช้งานบริการเดิม/);
    const actions = footerActions(card);
    expect(actions.find((a) => a.type === 'uri').uri).toBe('https://bot.example.go.th/records/fy2565-potential-base/e-service/14');
    expect(actions.filter((a) => a.type === 'postback').map((a) => a.label)).toEqual(['👍 มีประโยชน์', '👎 ไม่ตรง']);
  });

  it('answers an English question with a card that says it is a translation and offers the Thai original', async () => {
    await t.deliver([textEvent('Must the e-service be a new service, or can an existing service be used?')]);
    const [card] = reply().messages;
    const texts = bodyTexts(card);
    expect(texts[0]).toBe('Must the e-service be a new service, or can an existing service be used?');
    expect(texts[1]).toMatch(/English translation.*Thai original is authoritative/);
    expect(texts.at(-1)).toBe('Potential Base FY 2565 · e-service indicator · Q14 · 10 Sep 2021');
    const thai = footerActions(card).find((a) => a.label === 'Thai original');
    expect(thai).toMatchObject({ type: 'postback', data: 'a=open&r=fy2565-potential-base%2Fe-service%2F14&l=th' });
    // Tapping it shows the Thai card.
    t.line.reset();
    await t.deliver([postbackEvent(thai.data)]);
    expect(bodyTexts(reply().messages[0])[0]).toBe(E_SERVICE_Q);
  });

  it('cuts a long answer cleanly in the card with "อ่านต่อ" linking to the record page', async () => {
    await t.deliver([textEvent('แผนการพัฒนาบริการอิเล็กทรอนิกส์ฉบับยาวต้องมีรายละเอียดอะไรบ้าง')]);
    const [card] = reply().messages;
    const body = card.contents.body.contents;
    const answer = body[1].text as string;
    expect(answer.endsWith('…')).toBe(true);
    const kept = answer.slice(0, -1);
    // A whole paragraph: the original continues with a paragraph break right after the cut.
    expect(LONG_RECORD.answer.th.startsWith(kept)).toBe(true);
    expect(LONG_RECORD.answer.th.slice(kept.length).startsWith('\n\n')).toBe(true);
    const more = body.find((c: any) => c.action?.type === 'uri');
    expect(more.text).toMatch(/^อ่านต่อ/);
    expect(more.action.uri).toBe('https://bot.example.go.th/records/fy2565-potential-base/e-service/20');
    expect(card.altText.length).toBeLessThan(600);
  });

  it('does not answer a redelivered event twice', async () => {
    const event = textEvent('data catalog ต้องมีกี่ชุดข้อมูล');
    await t.deliver([event]);
    await t.deliver([{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(t.line.replies()).toHaveLength(1);
  });

  it('offers related questions with distinct labels of at most 20 graphemes', async () => {
    await t.deliver([textEvent('บริการอิเล็กทรอนิกส์ ต้องทำอะไร')]);
    const items = reply().messages.at(-1).quickReply?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    const labels = items.map((i: any) => i.action.label as string);
    for (const l of labels) expect(graphemes(l).length).toBeLessThanOrEqual(20);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('answers a quick-reply postback with the card and offers the next related questions', async () => {
    await t.deliver([postbackEvent('a=open&r=fy2565-potential-base%2Fe-service%2F14&l=th')]);
    const [card] = reply().messages;
    expect(bodyTexts(card)[0]).toBe(E_SERVICE_Q);
    const items = card.quickReply?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i: any) => i.action.data)).not.toContain('a=open&r=fy2565-potential-base%2Fe-service%2F14&l=th');
  });

  it('still opens records from the first version\'s quick replies', async () => {
    await t.deliver([postbackEvent('record=fy2565-potential-base%2Fdata-catalog%2F1&lang=th')]);
    expect(bodyTexts(reply().messages[0]).join('\n')).toMatch(/อย่างน้อย 3 ชุดข้อมูล/);
  });

  it('ignores postback data it did not send', async () => {
    await t.deliver([postbackEvent('a=open&r=&l=th'), postbackEvent('{"evil":true}')]);
  });

  it('replies with a kind fallback, suggestions and "notify me" when nothing matches one-to-one', async () => {
    await t.deliver([textEvent('สูตรต้มยำกุ้งน้ำข้น')]);
    const [message] = reply().messages;
    expect(message.text).toMatch(/^ขออภัย ยังไม่พบคำตอบ/);
    expect(message.quickReply.items[0].action).toMatchObject({ type: 'postback', label: '🔔 แจ้งฉันเมื่อมีคำตอบ', data: expect.stringMatching(/^a=notify&l=th&h=[0-9a-f]{16}$/) });
  });

  it('replies in English to an unanswerable English question', async () => {
    await t.deliver([textEvent('What is the best recipe for pancakes?')]);
    expect(reply().messages[0].text).toMatch(/^Sorry, I could not find/);
    expect(reply().messages[0].quickReply.items[0].action.label).toBe('🔔 Notify me');
  });

  it('greets a new friend with example questions as quick replies', async () => {
    await t.deliver([{ type: 'follow', webhookEventId: 'f-1', timestamp: Date.now(), replyToken: 'r-f', source: { type: 'user', userId: USER_ID } }]);
    const [message] = reply().messages;
    expect(message.text).toMatch(/พิมพ์คำถาม/);
    expect(message.quickReply.items.length).toBeGreaterThanOrEqual(2);
    expect(message.quickReply.items[0].action.type).toBe('message');
  });

  it('answers a sticker one-to-one with a one-line hint, not the whole how-to', async () => {
    await t.deliver([textEvent('', { message: { type: 'sticker', id: '2', packageId: '1', stickerId: '1', stickerResourceType: 'STATIC', quoteToken: 'q' } })]);
    const [message] = reply().messages;
    expect(message.text.split('\n')).toHaveLength(1);
    expect(message.text.length).toBeLessThan(100);
  });

  it('logs LINE questions with a salted hash of the user id, never the id, and without control characters', async () => {
    await t.deliver([textEvent('PMQA\u0000 ส่ง\u202Eเมื่อไร\u0007')]);
    await t.app.questionLog.flush();
    const stored = await t.store.listQuestions({ channel: 'line' });
    expect(JSON.stringify(stored)).not.toContain(USER_ID);
    expect(stored.find((q) => q.question.startsWith('PMQA'))).toMatchObject({ channel: 'line', question: 'PMQA ส่งเมื่อไร', user: hashUserId(USER_ID, 'test-salt-0123456789') });
  });
});

describe('LINE webhook: groups and rooms', () => {
  it('stays quiet for chit-chat in a group that does not mention the bot', async () => {
    await t.deliver([groupTextEvent('เย็นนี้ไปกินข้าวกันไหม'), groupTextEvent('e-service')]);
    expect(t.line.calls).toHaveLength(0);
  });

  it('answers in a group when mentioned', async () => {
    await t.deliver([groupTextEvent('data catalog ต้องมีกี่ชุดข้อมูล', { mentionBot: true })]);
    expect(t.line.replies()).toHaveLength(1);
    expect(bodyTexts(reply().messages[0]).join('\n')).toMatch(/อย่างน้อย 3 ชุดข้อมูล/);
  });

  it('answers an unaddressed group message only when it is a confident match', async () => {
    const snapshot = t.app.knowledge.current()!;
    const score = snapshot.answerer.ask({ question: E_SERVICE_Q }).answers[0]!.score;
    expect(score).toBeGreaterThanOrEqual(0.8);
    await t.deliver([groupTextEvent(E_SERVICE_Q)]);
    expect(t.line.replies()).toHaveLength(1);
    expect(reply().messages[0].type).toBe('flex');
  });

  it('never posts "no answer" in a group, even when mentioned', async () => {
    await t.deliver([groupTextEvent('สูตรต้มยำกุ้งน้ำข้น', { mentionBot: true })]);
    for (const call of t.line.replies()) expect(JSON.stringify(call.body)).not.toMatch(/ขออภัย|Sorry/);
  });

  it('greets once when added to a group and is quiet for stickers there', async () => {
    await t.deliver([
      { type: 'join', webhookEventId: 'j-1', timestamp: Date.now(), replyToken: 'r-j', source: { type: 'group', groupId: 'Cg1' } },
      { type: 'memberJoined', webhookEventId: 'mj-1', timestamp: Date.now(), replyToken: 'r-mj', source: { type: 'group', groupId: 'Cg1' }, joined: { members: [{ type: 'user', userId: 'U2' }] } },
      textEvent('', { source: { type: 'group', groupId: 'Cg1', userId: 'U2' }, message: { type: 'sticker', id: '3', packageId: '1', stickerId: '1', stickerResourceType: 'STATIC', quoteToken: 'q' } }),
    ]);
    expect(t.line.replies()).toHaveLength(1);
    expect(reply().messages[0].text).toMatch(/สวัสดีทุกคน[\s\S]*mention me/);
  });
});

describe('LINE webhook when the LINE API misbehaves', () => {
  it('acknowledges at once even when the reply call is slow', async () => {
    t.line.set({ delayMs: 1500 });
    const res = await t.app.inject(signedRequest({ events: [textEvent('e-service ใช้บริการเดิมได้ไหม')] }));
    // The 200 does not wait for the slow reply call; the reply still goes out.
    expect(res.statusCode).toBe(200);
    await t.app.lineWebhook!.pending();
    expect(t.line.replies()).toHaveLength(1);
  });

  it('survives a failing reply call', async () => {
    t.line.set({ status: 500 });
    expect((await t.deliver([textEvent('e-service ใช้บริการเดิมได้ไหม')])).statusCode).toBe(200);
    t.line.set({});
    expect((await t.deliver([textEvent('data catalog ต้องมีกี่ชุดข้อมูล')])).statusCode).toBe(200);
    expect(t.line.replies()).toHaveLength(2);
  });
});
