import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const RECORD = 'fy2565-potential-base/e-service/14';
const send = (payload: object) => t.app.inject({ method: 'POST', url: '/api/feedback', payload, headers: { 'x-client': 'web' } });

describe('POST /api/feedback with a reason', () => {
  it.each(['wrong', 'outdated', 'unclear', 'other'])('stores reason %s with the feedback', async (reason) => {
    const res = await send({ recordId: RECORD, question: `เหตุผล ${reason}`, helpful: false, reason, comment: 'ปีนี้เปลี่ยนแล้ว' });
    expect(res.statusCode).toBe(202);
    await t.app.questionLog.flush();
    const stored = (await t.store.listFeedback()).find((f) => f.question === `เหตุผล ${reason}`);
    expect(stored).toMatchObject({ recordId: RECORD, helpful: false, reason, comment: 'ปีนี้เปลี่ยนแล้ว', channel: 'web' });
  });

  it('returns 400 for an unknown reason', async () => {
    expectError(await send({ recordId: RECORD, question: 'q', helpful: false, reason: 'boring' }), 400, /reason: must be one of wrong, outdated, unclear, other/);
  });

  it('returns 400 for a reason on helpful feedback', async () => {
    expectError(await send({ recordId: RECORD, question: 'q', helpful: true, reason: 'wrong' }), 400, /reason: is only for helpful: false/);
  });
});
