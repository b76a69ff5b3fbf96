import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askResponseSchema } from '../../server/routes/ask-response-schema.js';
import type { AskResult } from '../../server/search/types.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/** Every field of AskResult, Answer and BotMessage, optional ones included. */
const FULL: AskResult = {
  answered: false,
  status: 'clarify',
  lang: 'th',
  message: { kind: 'ask-topic', text: 'หมายถึงเรื่องไหนคะ', examples: ['ตัวชี้วัด e-service', 'ข้อมูลเปิด'] },
  answers: [
    {
      id: 'doc/section/1',
      score: 0.731,
      question: 'คำถาม',
      answer: 'คำตอบ\n\nย่อหน้าสอง',
      original: { question: 'คำถาม', answer: 'คำตอบ\n\nย่อหน้าสอง' },
      translated: false,
      tags: { years: [2564, 2565], component: 'potential-base', indicators: ['e-service'], audience: 'agency' },
      source: { document: 'doc', title: 'เอกสาร', section: 'section', sectionTitle: 'หมวด', number: 1, date: '2021-09-10' },
      supersededBy: 'doc/section/2',
    },
    {
      id: 'doc/section/2',
      score: 0.5,
      question: 'Question',
      answer: 'Answer "quoted" \\ text',
      original: { question: 'คำถาม', answer: 'คำตอบ' },
      translated: true,
      tags: { years: [], indicators: [] },
      source: { document: 'doc', title: 'Document', section: 'section', sectionTitle: 'หมวด', number: 2, date: '2021-09-10' },
    },
  ],
};

describe('POST /api/ask response schema', () => {
  const serialize = async (body: unknown) => {
    const app = Fastify();
    app.post('/ask', { schema: askResponseSchema }, async () => body);
    const res = await app.inject({ method: 'POST', url: '/ask' });
    await app.close();
    return res.json();
  };

  it('writes every field of a full result unchanged', async () => {
    expect(await serialize(FULL)).toEqual(FULL);
  });

  it('still writes a field the schema does not list (additive contract changes)', async () => {
    const extra = { ...FULL, followUp: { of: 'doc/section/1' }, answers: [{ ...FULL.answers[0]!, note: 'n' }] };
    expect(await serialize(extra)).toEqual(extra);
  });

  describe('on the product route', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp();
    });
    afterAll(() => t.close());

    it('returns exactly what the answerer returned', async () => {
      const query = { question: 'ตัวชี้วัด e-service ต้องใช้งานบริการใหม่ไหม', limit: 5 };
      const res = await t.app.inject({ method: 'POST', url: '/api/ask', payload: query });
      expect(res.statusCode).toBe(200);
      const direct = t.app.knowledge.current()!.answerer.ask(query);
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
      expect(res.json().answers.length).toBeGreaterThan(0);
    });
  });
});
