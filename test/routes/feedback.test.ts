import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const send = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/feedback', payload: payload as object, headers: { 'x-client': 'web' } });

describe('POST /api/feedback', () => {
  it('accepts feedback on a known record and logs it', async () => {
    const res = await send({ recordId: 'fy2565-potential-base/e-service/14', question: 'e-service เดิมได้ไหม', helpful: false, comment: 'ไม่ตรงคำถาม' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    await t.app.questionLog.flush();
    const lines = await t.store.listFeedback();
    expect(lines[0]).toMatchObject({ channel: 'web', recordId: 'fy2565-potential-base/e-service/14', helpful: false, comment: 'ไม่ตรงคำถาม' });
  });

  it('strips control characters from the comment before storing it', async () => {
    const res = await send({ recordId: 'fy2565-potential-base/e-service/14', question: 'q', helpful: false, comment: 'ผิด\u001b[31m แดง\u0007\u202e' });
    expect(res.statusCode).toBe(202);
    await t.app.questionLog.flush();
    expect((await t.store.listFeedback())[0]!.comment).toBe('ผิด[31m แดง');
  });

  it('returns 404 for an unknown record', async () => {
    expectError(await send({ recordId: 'nope/x/1', question: 'q', helpful: true }), 404, /No record with id "nope\/x\/1"/);
  });

  it.each([
    ['a missing helpful', { recordId: 'fy2563-provincial/general/1', question: 'q' }, /helpful/],
    ['a string helpful', { recordId: 'fy2563-provincial/general/1', question: 'q', helpful: 'yes' }, /helpful: must be true or false/],
    ['an empty question', { recordId: 'fy2563-provincial/general/1', question: ' ', helpful: true }, /question: must not be empty/],
    ['a 1001-character comment', { recordId: 'fy2563-provincial/general/1', question: 'q', helpful: true, comment: 'x'.repeat(1001) }, /comment: must be at most 1000/],
    ['an unknown field', { recordId: 'fy2563-provincial/general/1', question: 'q', helpful: true, rating: 5 }, /unknown field: rating/],
  ])('returns 400 for %s', async (_name, payload, message) => {
    expectError(await send(payload), 400, message);
  });
});
