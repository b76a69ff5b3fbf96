import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { IndexUnavailableError } from '../../server/workers/worker-answerer.js';
import { createFixtureKb } from '../support/fixture-kb.js';
import { scriptedKnowledge } from '../support/scripted-knowledge.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const ask = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/ask', payload: payload as object, headers });

describe('POST /api/ask', () => {
  it('answers a question about a record with that record first, in the contract shape', async () => {
    const res = await ask({ question: 'งานบริการ e-service ต้องเป็นงานบริการใหม่หรือใช้งานบริการเดิมได้' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ answered: true, lang: 'th' });
    expect(body.answers.length).toBeLessThanOrEqual(3);
    expect(body.answers[0]).toMatchObject({
      id: 'fy2565-potential-base/e-service/14',
      score: expect.any(Number),
      original: { question: expect.any(String), answer: expect.any(String) },
      translated: false,
      tags: { years: [2565], component: 'potential-base', indicators: ['e-service'] },
      source: { document: 'fy2565-potential-base', section: 'e-service', number: 14, date: '2021-09-10', sectionTitle: expect.any(String), title: expect.any(String) },
    });
    expect(body.answers[0].score).toBeGreaterThan(0);
    expect(body.answers[0].score).toBeLessThanOrEqual(1);
  });

  it('answers in English, marked as a translation, when asked in English', async () => {
    const body = (await ask({ question: 'Must the e-service be a new service?' })).json();
    expect(body.lang).toBe('en');
    expect(body.answers[0]).toMatchObject({ id: 'fy2565-potential-base/e-service/14', translated: true });
  });

  it('honours limit', async () => {
    const one = (await ask({ question: 'e-service ใช้บริการเดิมได้ไหม', limit: 1 })).json();
    const three = (await ask({ question: 'e-service ใช้บริการเดิมได้ไหม', limit: 3 })).json();
    expect(one.answers).toHaveLength(1);
    expect(three.answers).toHaveLength(3);
    expect(three.answers[0].id).toBe(one.answers[0].id);
  });

  it.each([['😀😀😀'], ['?!?!'], ['…']])('treats %s as a valid question with no confident answer', async (question) => {
    const res = await ask({ question });
    expect(res.statusCode).toBe(200);
    expect(res.json().answered).toBe(false);
  });

  it('accepts filters with a Common Era year', async () => {
    const res = await ask({ question: 'e-service ใช้บริการเดิมได้ไหม', limit: 10, filters: { year: 2022, indicator: 'e-service', component: 'potential-base' } });
    expect(res.statusCode).toBe(200);
    const { answers } = res.json() as { answers: Array<{ tags: { years: number[]; indicators: string[]; component?: string } }> };
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) {
      expect(a.tags.indicators).toContain('e-service');
      expect(a.tags.component).toBe('potential-base');
    }
  });

  it('filters out every record of another fiscal year', async () => {
    const res = await ask({ question: 'e-service ใช้บริการเดิมได้ไหม', limit: 10, filters: { year: 2018 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().answers).toEqual([]);
  });

  it('logs the question with channel "web" when the UI says so', async () => {
    await ask({ question: 'data catalog ต้องมีกี่ชุดข้อมูล' }, { 'x-client': 'web' });
    await ask({ question: 'ขอ data catalog หน่อย' });
    await t.app.questionLog.flush();
    const lines = await t.store.listQuestions();
    const web = lines.find((l) => l.question === 'data catalog ต้องมีกี่ชุดข้อมูล');
    expect(web).toMatchObject({ channel: 'web', lang: 'th', outcome: expect.stringMatching(/^(answered|clarify|none)$/), latencyMs: expect.any(Number) });
    expect(lines.find((l) => l.question === 'ขอ data catalog หน่อย')?.channel).toBe('api');
  });
});

describe('POST /api/ask rejects bad input readably', () => {
  it.each([
    ['an empty question', { question: '' }, /question: must not be empty/],
    ['a blank question', { question: '   \n ' }, /question: must not be empty/],
    ['a 501-character question', { question: 'ก'.repeat(501) }, /question: must be at most 500 characters/],
    ['a missing question', {}, /question/],
    ['a numeric question', { question: 42 }, /question: must be a string/],
    ['a control character', { question: 'e-service\u0000' }, /control characters/],
    ['an escape character', { question: 'e-service \u001b[31m' }, /control characters/],
    ['an unknown field', { question: 'e-service', foo: 1 }, /unknown field: foo/],
    ['an unknown filter', { question: 'e-service', filters: { month: 1 } }, /filters: unknown field: month/],
    ['a bad lang', { question: 'e-service', lang: 'fr' }, /lang: must be "th" or "en"/],
    ['a limit of 0', { question: 'e-service', limit: 0 }, /limit: must be at least 1/],
    ['a limit of 11', { question: 'e-service', limit: 11 }, /limit: must be at most 10/],
    ['a string limit', { question: 'e-service', limit: '3' }, /limit: must be a number/],
    ['a bad year', { question: 'e-service', filters: { year: 65 } }, /filters.year: must be a fiscal year/],
    ['an unknown indicator', { question: 'e-service', filters: { indicator: 'kpi' } }, /filters.indicator: must be one of/],
    ['an array body', [{ question: 'x' }], /expected object/],
  ])('returns 400 for %s', async (_name, payload, message) => {
    const body = expectError(await ask(payload), 400, message);
    expect(body.error).toBe('Bad Request');
    expect(body.issues?.length).toBeGreaterThan(0);
  });

  it('accepts exactly 500 characters, counting an emoji as one', async () => {
    expect((await ask({ question: 'ก'.repeat(499) + '😀' })).statusCode).toBe(200);
  });

  it('keeps tabs and newlines', async () => {
    expect((await ask({ question: 'e-service\tใช้บริการเดิม\nได้ไหม' })).statusCode).toBe(200);
  });

  it('returns 400 for malformed JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: '{"question": "x",' });
    expectError(res, 400, /not valid JSON/);
  });

  it('returns 400 for a plain-text body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'text/plain' }, payload: 'question=x' });
    expectError(res, 400, /expected object, received string/);
  });

  it('returns 413 for a 2 MB body', async () => {
    const res = await ask({ question: 'x', padding: 'ก'.repeat(700_000) });
    expectError(res, 413, /too large.*65536 bytes/);
  });
});

describe('POST /api/ask while the index worker is being replaced', () => {
  it('answers 503 with a readable message and Retry-After, not a 500', async () => {
    const kb = await createFixtureKb();
    const { knowledge } = await scriptedKnowledge(kb.dir, () => {
      throw new IndexUnavailableError('it exited with code 1');
    });
    const withFault = await buildTestApp({}, {}, { knowledge });
    try {
      const res = await withFault.app.inject({ method: 'POST', url: '/api/ask', payload: { question: 'e-service ต้องส่งกี่งาน' } });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ error: 'Service Unavailable', message: expect.stringMatching(/being rebuilt/) });
    } finally {
      await withFault.close();
      await knowledge.close();
      await kb.cleanup();
    }
  });
});
