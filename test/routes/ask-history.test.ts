import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KB_DIR } from '../../server/kb/load.js';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

// The repository's knowledge base, so follow-ups have real neighbours to be confused with.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ KB_DIR: DEFAULT_KB_DIR, CONTACT_TH: 'โทร 02 000 0000\\nอีเมล test@example.org', CONTACT_EN: 'Phone 02 000 0000' });
}, 120_000);
afterAll(() => t.close());

const ask = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/ask', payload: payload as object });
const P = 'fy2565-potential-base';

describe('POST /api/ask with history', () => {
  it('answers a follow-up in the context of the earlier turn', async () => {
    const history = [{ question: 'Must every agency join the one-stop complaints centre agenda?', answerId: `${P}/e-service/4` }];
    const res = await ask({ question: 'who sets the targets for it?', history });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ answered: true, status: 'answered', lang: 'en' });
    expect(body.answers[0].id).toBe(`${P}/e-service/4`);
  });

  it('answers a Thai follow-up without an answerId from the earlier question alone', async () => {
    const res = await ask({ question: 'ต้องเลือกกี่ตัว', history: [{ question: 'กรมตั้งใหม่ยังทำตามแนวทาง PMQA ไม่ได้ ต้องเลือกตัวชี้วัดอย่างไร' }] });
    expect(res.json().answered).toBe(true);
    expect(res.json().answers[0].id).toBe(`${P}/pmqa/2`);
  });

  it('answers a standalone question exactly as without history', async () => {
    const question = 'ตัวชี้วัด PMQA 4.0 ปี 2565 ประเมินรายกรมหรือภาพรวมกระทรวง';
    const alone = (await ask({ question })).json();
    const after = (await ask({ question, history: [{ question: 'Template 3 ต้องใส่ข้อมูลอะไรบ้าง', answerId: `${P}/data-catalog/14` }] })).json();
    expect(after).toEqual(alone);
    expect(alone.answers[0].id).toBe(`${P}/pmqa/3`);
  });

  it('asks what an elliptical follow-up refers to when there is no history', async () => {
    expect((await ask({ question: 'แล้ว L3 ล่ะ' })).json()).toMatchObject({ answered: false, status: 'none', message: { kind: 'ask-topic' } });
  });

  it('accepts an empty history and five turns', async () => {
    expect((await ask({ question: 'e-service', history: [] })).statusCode).toBe(200);
    const five = Array.from({ length: 5 }, (_, i) => ({ question: `คำถามที่ ${i + 1}` }));
    expect((await ask({ question: 'e-service', history: five })).statusCode).toBe(200);
  });
});

describe('POST /api/ask rejects a bad history readably', () => {
  it.each([
    ['six turns', { history: Array.from({ length: 6 }, () => ({ question: 'x' })) }, /history: must have at most 5 turns/],
    ['a history that is not an array', { history: 'e-service' }, /history: must be an array of earlier turns/],
    ['a turn that is a string', { history: ['e-service'] }, /history\.0: must be an object \{question, answerId\?\}/],
    ['a turn without a question', { history: [{ answerId: `${P}/overview/2` }] }, /history\.0\.question: must be a string/],
    ['a blank turn', { history: [{ question: '   ' }] }, /history\.0\.question: must not be empty/],
    ['a 501-character turn', { history: [{ question: 'ก'.repeat(501) }] }, /history\.0\.question: must be at most 500 characters/],
    ['a control character in a turn', { history: [{ question: 'x\u0007' }] }, /history\.0\.question: must not contain control characters/],
    ['a numeric answerId', { history: [{ question: 'x', answerId: 7 }] }, /history\.0\.answerId: must be a string/],
    ['a 201-character answerId', { history: [{ question: 'x', answerId: 'a'.repeat(201) }] }, /history\.0\.answerId: must be at most 200 characters/],
    ['an unknown field in a turn', { history: [{ question: 'x', answer: 'y' }] }, /history\.0: unknown field: answer/],
  ])('returns 400 for %s', async (_name, extra, message) => {
    const body = expectError(await ask({ question: 'e-service', ...extra }), 400, message);
    expect(body.issues?.length).toBeGreaterThan(0);
  });

  it('answers 200 for an answerId that is no record (it is only a hint)', async () => {
    expect((await ask({ question: 'แล้ว L3 ล่ะ', history: [{ question: 'e-service ระดับ L1 คืออะไร', answerId: 'no/such/record' }] })).statusCode).toBe(200);
  });
});

describe('POST /api/ask small talk and hand-off', () => {
  it.each([
    ['สวัสดีครับ', 'greeting', 'th', /สวัสดี/],
    ['Hello', 'greeting', 'en', /Hello/],
    ['ขอบคุณมากครับ', 'thanks', 'th', /ยินดี/],
    ['Thank you!', 'thanks', 'en', /welcome/],
  ] as const)('replies to %s with a short %s in %s and example questions', async (question, kind, lang, text) => {
    const body = (await ask({ question })).json();
    expect(body).toMatchObject({ answered: false, status: 'none', lang, answers: [], message: { kind, text: expect.stringMatching(text) } });
    expect(body.message.examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['ขอคุยกับเจ้าหน้าที่', 'th', 'โทร 02 000 0000\nอีเมล test@example.org'],
    ['I would like to talk to a human', 'en', 'Phone 02 000 0000'],
  ] as const)('hands %s over with the configured contact', async (question, lang, contact) => {
    const body = (await ask({ question })).json();
    expect(body).toMatchObject({ answered: false, status: 'none', lang, answers: [], message: { kind: 'handoff' } });
    expect(body.message.text).toContain(contact);
  });

  it('answers a question about the handouts that says ติดต่อ, and logs it as answered', async () => {
    const question = 'ต้องติดต่อ สสช. เพื่อขอติดตั้งระบบบัญชีข้อมูลไหม';
    const body = (await ask({ question })).json();
    expect(body.answered).toBe(true);
    expect(body.answers[0].id).toBe(`${P}/data-catalog/21`);
    expect(body.message).toBeUndefined();
  });

  it('records hand-offs, small talk and answers in the question log with their outcome', async () => {
    await ask({ question: 'ขอเบอร์โทรหน่อยครับ' });
    await ask({ question: 'หวัดดีครับ' });
    await ask({ question: 'ผลคะแนน PMQA 4.0 ปี 2564 ออกเมื่อใด' });
    await t.app.questionLog.flush();
    const lines = await t.store.listQuestions();
    const outcome = (q: string) => lines.find((l) => l.question === q)?.outcome;
    expect(outcome('ขอเบอร์โทรหน่อยครับ')).toBe('handoff');
    expect(outcome('หวัดดีครับ')).toBe('smalltalk');
    expect(outcome('ผลคะแนน PMQA 4.0 ปี 2564 ออกเมื่อใด')).toBe('answered');
  });
});
