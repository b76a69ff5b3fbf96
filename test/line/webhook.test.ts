import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashUserId } from '../../server/log/question-log.js';
import { graphemes } from '../../server/line/text.js';
import { expectError } from '../support/expect-error.js';
import { startFakeLineServer, type FakeLineServer } from '../support/fake-line-server.js';
import { LONG_RECORD } from '../support/fixture-kb.js';
import { LINE_SECRET, LINE_TOKEN, signedRequest, textEvent } from '../support/line-events.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let line: FakeLineServer;
let t: TestApp;
beforeAll(async () => {
  line = await startFakeLineServer();
  t = await buildTestApp(
    { LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE: line.url, PUBLIC_BASE_URL: 'https://bot.example.go.th' },
    { extraRecords: [LONG_RECORD] },
  );
});
afterAll(async () => {
  await t.close();
  await line.close();
});
beforeEach(() => line.reset());

async function deliver(body: object) {
  const res = await t.app.inject(signedRequest(body));
  await t.app.lineWebhook!.pending();
  return res;
}

describe('LINE webhook', () => {
  it('returns 200 for the empty connectivity check and calls nobody', async () => {
    const res = await deliver({ destination: 'U1', events: [] });
    expect(res.statusCode).toBe(200);
    expect(line.calls).toHaveLength(0);
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
    expect(line.calls).toHaveLength(0);
  });

  it('returns 401 when the body was changed after signing', async () => {
    const req = signedRequest({ events: [textEvent('e-service')] });
    expectError(await t.app.inject({ ...req, payload: req.payload.replace('e-service', 'pmqa') }), 401);
  });

  it('answers a signed text message with exactly one correct reply call', async () => {
    const event = textEvent('งานบริการ e-service ต้องเป็นงานบริการใหม่หรือใช้บริการเดิมได้');
    expect((await deliver({ destination: 'U1', events: [event] })).statusCode).toBe(200);
    const replies = line.replies();
    expect(replies).toHaveLength(1);
    const call = replies[0]!;
    expect(call.method).toBe('POST');
    expect(call.headers.authorization).toBe(`Bearer ${LINE_TOKEN}`);
    expect(call.body.replyToken).toBe(event.replyToken);
    const [answer, source] = call.body.messages;
    expect(call.body.messages).toHaveLength(2);
    expect(answer).toEqual({ type: 'text', text: expect.stringContaining('สามารถใช้งานบริการเดิม') });
    expect(source.text).toBe('ที่มา: ข้อ 14 ตัวชี้วัด e-service · คำถาม-คำตอบ การประเมินศักยภาพ (Potential Base) ปีงบประมาณ 2565 · 10 ก.ย. 2564');
    // Quick replies only for other likely records; the format is checked whenever there are some.
    const items = source.quickReply?.items ?? [];
    expect(items.length).toBeLessThanOrEqual(13);
    for (const item of items) {
      expect(item.action).toMatchObject({ type: 'postback', data: expect.stringMatching(/^record=.+&lang=th$/), displayText: expect.any(String) });
      expect(item.action.data).not.toContain('e-service%2F14');
    }
  });

  it('answers an English question in English with a translation note', async () => {
    await deliver({ events: [textEvent('Must the e-service be a new service, or can an existing service be used?')] });
    const [answer, source] = line.replies()[0]!.body.messages;
    expect(answer.text).toMatch(/existing service may be used/);
    expect(source.text).toMatch(/^Source: question 14, e-service indicator · Q&A: Potential Base assessment, fiscal year 2565 · 10 Sep 2021\nThe English text is our translation of the Thai original/);
  });

  it('does not answer a redelivered event twice', async () => {
    const event = textEvent('data catalog ต้องมีกี่ชุดข้อมูล');
    await deliver({ events: [event] });
    await deliver({ events: [{ ...event, deliveryContext: { isRedelivery: true } }] });
    expect(line.replies()).toHaveLength(1);
  });

  it('cuts a long answer within LINE limits with a link to the record page', async () => {
    await deliver({ events: [textEvent('แผนการพัฒนาบริการอิเล็กทรอนิกส์ฉบับยาวต้องมีรายละเอียดอะไรบ้าง')] });
    const [answer] = line.replies()[0]!.body.messages;
    expect(answer.text.length).toBeLessThanOrEqual(5000);
    expect(answer.text.length).toBeGreaterThan(4000);
    expect(answer.text).toMatch(/\S…\n\nอ่านคำตอบฉบับเต็ม: https:\/\/bot\.example\.go\.th\/records\/fy2565-potential-base\/e-service\/20$/);
    // Cut at a paragraph end: what precedes the ellipsis is a whole numbered paragraph.
    const kept = answer.text.split('…\n\n')[0];
    expect(LONG_RECORD.answer.th.startsWith(kept)).toBe(true);
    expect(LONG_RECORD.answer.th.slice(kept.length).startsWith('\n\n')).toBe(true);
  });

  it('keeps Thai quick-reply labels within 20 graphemes', async () => {
    await deliver({ events: [textEvent('บริการอิเล็กทรอนิกส์ของโรงพยาบาล')] });
    const messages = line.replies()[0]!.body.messages;
    const items = messages.at(-1).quickReply?.items ?? [];
    expect(items.length).toBeGreaterThan(0);
    for (const { action } of items) expect(graphemes(action.label).length).toBeLessThanOrEqual(20);
    expect(items.some(({ action }: { action: { label: string } }) => action.label.endsWith('…'))).toBe(true);
  });

  it('returns the record for a quick-reply postback', async () => {
    await deliver({ events: [{ type: 'postback', webhookEventId: 'pb-1', replyToken: 'r-pb', source: { type: 'user', userId: 'U1' }, postback: { data: 'record=fy2565-potential-base%2Fdata-catalog%2F1&lang=th' } }] });
    const [answer, source] = line.replies()[0]!.body.messages;
    expect(answer.text).toMatch(/อย่างน้อย 3 ชุดข้อมูล/);
    expect(source.text).toMatch(/^ที่มา: ข้อ 1 ตัวชี้วัด Data catalog/);
  });

  it('replies with a kind fallback and suggestions when nothing matches', async () => {
    await deliver({ events: [textEvent('สูตรต้มยำกุ้งน้ำข้น')] });
    const [message] = line.replies()[0]!.body.messages;
    expect(message.text).toMatch(/^ขออภัย ยังไม่พบคำตอบ/);
  });

  it('replies in English to an unanswerable English question', async () => {
    await deliver({ events: [textEvent('What is the best recipe for pancakes?')] });
    expect(line.replies()[0]!.body.messages[0].text).toMatch(/^Sorry, I could not find/);
  });

  it.each([
    ['a follow event', { type: 'follow', webhookEventId: 'f-1', replyToken: 'r-f', source: { type: 'user', userId: 'U1' } }],
    ['a sticker', textEvent('', { message: { type: 'sticker', id: '2', packageId: '1', stickerId: '1' } })],
  ])('sends the Thai and English how-to for %s', async (_name, event) => {
    await deliver({ events: [event] });
    const [message] = line.replies()[0]!.body.messages;
    expect(message.text).toMatch(/พิมพ์คำถาม/);
    expect(message.text).toMatch(/Type your question/);
  });

  it('logs LINE questions with a salted hash of the user id, never the id', async () => {
    const event = textEvent('PMQA ส่งเมื่อไร');
    await deliver({ events: [event] });
    await t.app.questionLog.flush();
    const rows = await t.store.listQuestions();
    expect(JSON.stringify(rows)).not.toContain(event.source.userId);
    const entry = rows.find((l) => l.question === 'PMQA ส่งเมื่อไร');
    expect(entry).toMatchObject({ channel: 'line', user: hashUserId(event.source.userId, 'test-salt-0123456789') });
  });
});

describe('LINE webhook when the LINE API misbehaves', () => {
  it('acknowledges at once even when the reply call is slow', async () => {
    line.set({ delayMs: 1500 });
    const res = await t.app.inject(signedRequest({ events: [textEvent('e-service ใช้บริการเดิมได้ไหม')] }));
    expect(res.statusCode).toBe(200);
    // Acknowledged before the (slow) reply reached the LINE API: no timing assertion needed.
    expect(line.replies()).toHaveLength(0);
    await t.app.lineWebhook!.pending();
    expect(line.replies()).toHaveLength(1);
  });

  it('survives a failing reply call', async () => {
    line.set({ status: 500 });
    expect((await deliver({ events: [textEvent('e-service ใช้บริการเดิมได้ไหม')] })).statusCode).toBe(200);
    line.set({});
    expect((await deliver({ events: [textEvent('data catalog ต้องมีกี่ชุดข้อมูล')] })).statusCode).toBe(200);
    expect(line.replies()).toHaveLength(2);
  });

  it('returns 400 for signed but malformed JSON', async () => {
    const req = signedRequest({});
    const payload = '{"events": [';
    const { sign } = await import('../../server/line/signature.js');
    expectError(await t.app.inject({ ...req, payload, headers: { ...req.headers, 'x-line-signature': sign(payload, LINE_SECRET) } }), 400, /not valid JSON/);
  });
});
