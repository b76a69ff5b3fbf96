import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashUserId } from '../../server/log/question-log.js';
import { ADMIN_TOKEN, startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { USER_ID, postbackEvent, textEvent } from '../support/line-events.js';

let t: LineTestApp;
beforeAll(async () => {
  t = await startLineTestApp();
});
afterAll(() => t.closeAll());
beforeEach(() => {
  t.line.reset();
  t.clock.now = Date.now();
});
afterEach(() => expect(t.line.problems()).toEqual([]));

const RECORD = 'fy2565-potential-base/data-catalog/1';
const lastReply = () => t.line.replies().at(-1)!.body.messages.at(-1);
const feedbackButton = (card: any, helpful: boolean) =>
  card.contents.footer.contents.find((c: any) => c.type === 'box').contents[helpful ? 0 : 1].action;

describe('feedback in LINE', () => {
  it('records 👍 in the store like web feedback, with the question that was asked and a hashed user', async () => {
    await t.deliver([textEvent('data catalog ต้องมีกี่ชุดข้อมูล')]);
    const up = feedbackButton(t.line.replies()[0]!.body.messages[0], true);
    await t.deliver([postbackEvent(up.data)]);
    expect(lastReply().text).toMatch(/ขอบคุณ/);
    const rows = await t.store.listFeedback({ recordId: RECORD });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recordId: RECORD, helpful: true, channel: 'line', question: 'data catalog ต้องมีกี่ชุดข้อมูล', user: hashUserId(USER_ID, 'test-salt-0123456789') });
    // A second tap is not a second opinion.
    await t.deliver([postbackEvent(up.data)]);
    expect(await t.store.listFeedback({ recordId: RECORD })).toHaveLength(1);
  });

  it('asks what was wrong after 👎 and records the reason chosen', async () => {
    const userId = 'U1111111111abcdef0123456789abcdef';
    const source = { type: 'user', userId };
    await t.deliver([textEvent('data catalog ต้องมีกี่ชุดข้อมูล', { source })]);
    const down = feedbackButton(t.line.replies()[0]!.body.messages[0], false);
    await t.deliver([postbackEvent(down.data, source)]);
    const prompt = lastReply();
    const labels = prompt.quickReply.items.map((i: any) => i.action.label);
    expect(labels).toEqual(['คำตอบไม่ตรงคำถาม', 'ข้อมูลล้าสมัย', 'ไม่ชัดเจน', 'อื่น ๆ']);
    // Nothing is stored until the reason arrives, so one 👎 is one row.
    expect((await t.store.listFeedback({ recordId: RECORD })).filter((f) => !f.helpful)).toHaveLength(0);
    await t.deliver([postbackEvent(prompt.quickReply.items[1].action.data, source)]);
    const rows = (await t.store.listFeedback({ recordId: RECORD })).filter((f) => !f.helpful);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: false, reason: 'outdated', user: hashUserId(userId, 'test-salt-0123456789') });
    expect(lastReply().text).toMatch(/เจ้าหน้าที่จะตรวจสอบ/);
  });
});

describe('"notify me when answered"', () => {
  it('pushes the answer card exactly once with a retry key after an editor answers, then forgets the user id', async () => {
    const question = 'ระบบจองห้องประชุมออนไลน์ต้องใช้แบบฟอร์มไหน';
    await t.deliver([textEvent(question)]);
    const notify = t.line.replies()[0]!.body.messages[0].quickReply.items[0].action;
    expect(notify.label).toBe('🔔 แจ้งฉันเมื่อมีคำตอบ');
    await t.deliver([postbackEvent(notify.data)]);
    expect(lastReply().text).toMatch(/^รับทราบ/);

    const logged = (await t.store.listQuestions({ channel: 'line' })).find((q) => q.question === question)!;
    expect(logged.outcome).toBe('none');
    const waiting = await t.store.notifyRequestsFor(logged.id);
    expect(waiting).toEqual([expect.objectContaining({ lineUserId: USER_ID, question, lang: 'th' })]);

    const answer = () =>
      t.app.inject({ method: 'POST', url: `/api/admin/questions/${logged.id}/answered`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { recordId: RECORD } });
    const res = await answer();
    expect(res.statusCode).toBe(200);
    expect(t.line.pushes()).toHaveLength(1);
    const push = t.line.pushes()[0]!;
    expect(push.body.to).toBe(USER_ID);
    expect(push.headers['x-line-retry-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(push.body.messages[0].text).toContain(question);
    expect(push.body.messages[1].type).toBe('flex');
    expect(push.body.messages[1].altText).toMatch(/อย่างน้อย 3 ชุดข้อมูล/);

    // The raw user id is gone, and answering again pushes nothing more.
    expect(await t.store.notifyRequestsFor(logged.id)).toEqual([]);
    expect((await answer()).statusCode).toBe(200);
    expect(t.line.pushes()).toHaveLength(1);
    expect((await t.store.listQuestions({ channel: 'line' })).find((q) => q.id === logged.id)?.resolution).toMatchObject({ kind: 'record', recordId: RECORD });
  });

  it('retries a failed push with the same retry key and keeps the opt-in when LINE stays down', async () => {
    const question = 'ต้องขออนุมัติงบประมาณจัดซื้อคอมพิวเตอร์จากใคร';
    await t.deliver([textEvent(question)]);
    await t.deliver([postbackEvent(t.line.replies()[0]!.body.messages[0].quickReply.items[0].action.data)]);
    const logged = (await t.store.listQuestions({ channel: 'line' })).find((q) => q.question === question)!;
    t.line.set({ statusByPath: { '/v2/bot/message/push': 500 } });
    await t.app.notifier!.questionAnswered(logged.id, RECORD);
    const keys = t.line.pushes().map((p) => p.headers['x-line-retry-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(await t.store.notifyRequestsFor(logged.id)).toHaveLength(1);
  });

  it('deletes opt-ins older than 90 days without pushing', async () => {
    const question = 'ค่าเบี้ยเลี้ยงเดินทางไปราชการต่างจังหวัดเท่าไร';
    await t.deliver([textEvent(question)]);
    await t.deliver([postbackEvent(t.line.replies()[0]!.body.messages[0].quickReply.items[0].action.data)]);
    const logged = (await t.store.listQuestions({ channel: 'line' })).find((q) => q.question === question)!;
    t.clock.now += 91 * 24 * 60 * 60 * 1000;
    expect(await t.app.notifier!.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.store.notifyRequestsFor(logged.id)).toEqual([]);
  });

  it('answers 401 without the admin token and 404 for an unknown record or question', async () => {
    const url = '/api/admin/questions/1/answered';
    expect((await t.app.inject({ method: 'POST', url, payload: { recordId: RECORD } })).statusCode).toBe(401);
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const noRecord = await t.app.inject({ method: 'POST', url, headers: auth, payload: { recordId: 'x/y/1' } });
    expect(noRecord.statusCode).toBe(404);
    expect(noRecord.json().message).toMatch(/No record/);
    const noQuestion = await t.app.inject({ method: 'POST', url: '/api/admin/questions/999999/answered', headers: auth, payload: { recordId: RECORD } });
    expect(noQuestion.statusCode).toBe(404);
    expect(noQuestion.json().message).toMatch(/No logged question/);
    const bad = await t.app.inject({ method: 'POST', url, headers: auth, payload: { record: RECORD } });
    expect(bad.statusCode).toBe(400);
  });
});
