import { beforeAll, describe, expect, it } from 'vitest';
import { createConversation, type Conversation } from '../../server/conversation/conversation.js';
import { outcomeOf } from '../../server/log/outcome.js';
import { exampleQuestions } from '../../server/conversation/examples.js';
import { DEFAULT_CONTACT } from '../../server/conversation/replies.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { createAnswerer } from '../../server/search/answerer.js';
import type { Answerer } from '../../server/search/types.js';

// The repository's knowledge base: follow-ups are about real records and their sections.
let kb: KnowledgeBase;
let answerer: Answerer;
let conversation: Conversation;
const contact = { th: 'โทร 02 000 0000 (ทดสอบ)', en: 'Phone 02 000 0000 (test)' };
beforeAll(async () => {
  kb = await loadKnowledgeBase();
  answerer = createAnswerer(kb);
  conversation = createConversation({ answerer, records: kb.records, contact });
});

const P = 'fy2565-potential-base';

describe('conversation: follow-ups', () => {
  it('answers "แล้ว … ล่ะ" about another item of the series in the previous question', () => {
    const history = [{ question: 'Template 1 ต้องส่งเมื่อไหร่', answerId: `${P}/overview/2` }];
    const alone = answerer.ask({ question: 'แล้ว template 2 ล่ะ' });
    const result = conversation.ask({ question: 'แล้ว template 2 ล่ะ', history });
    expect(result).toMatchObject({ answered: true, status: 'answered' });
    expect(result.answers[0]?.id).toBe(`${P}/overview/2`);
    expect(alone.answers[0]?.id).not.toBe(`${P}/overview/2`);
  });

  it('answers a question word alone in the topic of the previous turn', () => {
    const history = [{ question: 'กรมตั้งใหม่ยังทำตามแนวทาง PMQA ไม่ได้ ต้องเลือกตัวชี้วัดอย่างไร', answerId: `${P}/pmqa/2` }];
    const alone = answerer.ask({ question: 'ต้องเลือกกี่ตัว' });
    const followUp = conversation.ask({ question: 'ต้องเลือกกี่ตัว', history });
    expect(followUp.answered).toBe(true);
    expect(followUp.answers[0]?.id).toBe(`${P}/pmqa/2`);
    // Alone, the engine answered with another record: the context made the difference.
    expect(alone.answers[0]?.id).not.toBe(`${P}/pmqa/2`);
  });

  it('answers an English follow-up with a pronoun', () => {
    const history = [{ question: 'Must every agency join the one-stop complaints centre agenda?', answerId: `${P}/e-service/4` }];
    const alone = answerer.ask({ question: 'who sets the targets for it?' });
    const result = conversation.ask({ question: 'who sets the targets for it?', history });
    expect(result.lang).toBe('en');
    expect(result.answered).toBe(true);
    expect(result.answers[0]?.id).toBe(`${P}/e-service/4`);
    expect(alone.answers[0]?.id).not.toBe(`${P}/e-service/4`);
  });

  it('carries the topic through a chain of follow-ups', () => {
    const history = [
      { question: 'e-service ระดับ L1 หมายถึงอะไร', answerId: `${P}/e-service/14` },
      { question: 'แล้ว L2 ล่ะ', answerId: `${P}/e-service/14` },
    ];
    const result = conversation.ask({ question: 'L3 ล่ะ', history });
    expect(result.answers[0]?.tags.indicators).toContain('e-service');
  });

  it('answers a complete question exactly as without history', () => {
    const question = 'ผลคะแนน PMQA 4.0 ปี 2564 ออกเมื่อใด';
    const alone = conversation.ask({ question });
    const after = conversation.ask({ question, history: [{ question: 'Template 3 ต้องใส่ข้อมูลอะไรบ้าง', answerId: `${P}/data-catalog/14` }] });
    expect(after).toEqual(alone);
    expect(alone.answers[0]?.id).toBe(`${P}/pmqa/5`);
  });

  it('asks what a follow-up refers to when there is no history', () => {
    const result = conversation.ask({ question: 'แล้วใครเป็นคนติดตั้งให้' });
    expect(result).toMatchObject({ answered: false, status: 'none', message: { kind: 'ask-topic' } });
    expect(result.message?.text).toMatch(/เรื่องไหน/);
    expect(conversation.ask({ question: 'what about it?' })).toMatchObject({ answered: false, message: { kind: 'ask-topic', text: expect.stringMatching(/Which topic/) } });
  });

  it.each([
    ['แล้ววีซ่าทำงานล่ะ', 'ตัวชี้วัด Data catalog เป้าหมายขั้นสูงใครเป็นคนตรวจ'],
    ['what about the weather tomorrow?', 'When is Template 1 due?'],
  ])('does not lend the context to an off-topic follow-up: %s', (question, previous) => {
    expect(conversation.ask({ question, history: [{ question: previous }] }).answered).toBe(false);
  });

  it('skips small talk in the history when looking for the topic', () => {
    const history = [
      { question: 'กรมตั้งใหม่ยังทำตามแนวทาง PMQA ไม่ได้ ต้องเลือกตัวชี้วัดอย่างไร', answerId: `${P}/pmqa/2` },
      { question: 'ขอบคุณครับ' },
    ];
    expect(conversation.ask({ question: 'ต้องเลือกกี่ตัว', history }).answers[0]?.id).toBe(`${P}/pmqa/2`);
  });

  it('never lists a later answer with more confidence than the one above it', () => {
    const history = [{ question: 'Must every agency join the one-stop complaints centre agenda?', answerId: `${P}/e-service/4` }];
    const { answers } = conversation.ask({ question: 'who sets the targets for it?', history, limit: 5 });
    for (let i = 1; i < answers.length; i++) expect(answers[i]!.score).toBeLessThanOrEqual(answers[i - 1]!.score);
  });
});

describe('conversation: small talk and hand-off', () => {
  it.each([
    ['สวัสดีครับ', 'greeting', 'th'],
    ['Hello!', 'greeting', 'en'],
    ['ขอบคุณมากค่ะ', 'thanks', 'th'],
    ['thanks a lot', 'thanks', 'en'],
    ['คุณคือใคร', 'identity', 'th'],
    ['who are you?', 'identity', 'en'],
  ] as const)('replies to %s with a %s in %s and example questions from the records', (question, kind, lang) => {
    const result = conversation.ask({ question });
    expect(result).toMatchObject({ answered: false, status: 'none', lang, answers: [], message: { kind } });
    expect(result.message!.examples!.length).toBeGreaterThanOrEqual(2);
    expect(result.message!.examples!.length).toBeLessThanOrEqual(3);
    const questions = new Set(kb.records.flatMap((r) => [r.question[lang], ...r.alternates[lang]]));
    for (const example of result.message!.examples!) expect(questions.has(example), example).toBe(true);
    expect(outcomeOf(result)).toBe('smalltalk');
  });

  it.each([
    ['ขอคุยกับเจ้าหน้าที่', 'th'],
    ['ขอเบอร์โทรหน่อยครับ', 'th'],
    ['I want to talk to a person', 'en'],
    ['What is your email?', 'en'],
  ] as const)('hands %s over to a person with the configured contact', (question, lang) => {
    const result = conversation.ask({ question });
    expect(result).toMatchObject({ answered: false, status: 'none', answers: [], message: { kind: 'handoff' } });
    expect(result.message!.text).toContain(contact[lang]);
    expect(outcomeOf(result)).toBe('handoff');
  });

  it('answers a question about the handouts that says ติดต่อ', () => {
    const result = conversation.ask({ question: 'ต้องติดต่อ สสช. เพื่อขอติดตั้งระบบบัญชีข้อมูลไหม' });
    expect(result.answered).toBe(true);
    expect(result.message).toBeUndefined();
    expect(result.answers[0]?.id).toBe(`${P}/data-catalog/21`);
    expect(outcomeOf(result)).toBe('answered');
  });

  it('answers a ติดต่อ question whose answer is to contact someone', () => {
    // e-service/3: with no users yet, ask OPDC staff to try the system.
    const result = conversation.ask({ question: 'ถ้าระบบยังไม่มีผู้ใช้ ต้องติดต่อเจ้าหน้าที่ ก.พ.ร. เพื่อทดสอบระบบไหม' });
    expect(result.answered).toBe(true);
    expect(result.answers[0]?.id).toBe(`${P}/e-service/3`);
  });

  it('gives the contact with suggestions for a ติดต่อ question the handouts do not answer', () => {
    const result = conversation.ask({ question: 'ถ้าระบบยังไม่มีผู้ใช้ ต้องติดต่อเจ้าหน้าที่ ก.พ.ร. เพื่อขอขยายเวลาทดสอบระบบไหม' });
    expect(result.message?.kind).toBe('handoff');
    expect(result.answered).toBe(false);
    expect(result.answers.map((a) => a.id)).toContain(`${P}/e-service/3`);
  });

  it('uses the office website when no contact is configured', () => {
    const plain = createConversation({ answerer, records: kb.records });
    expect(plain.ask({ question: 'ขอคุยกับเจ้าหน้าที่' }).message?.text).toContain(DEFAULT_CONTACT.th);
  });
});

describe('exampleQuestions', () => {
  it('takes one short question per section, newest document first, never superseded guidance', () => {
    const superseded = kb.records.map((r) => (r.id === `${P}/data-catalog/14` ? { ...r, supersededBy: `${P}/overview/2` } : r));
    const examples = exampleQuestions(superseded, 'th', 3);
    expect(examples).toHaveLength(3);
    const ids = examples.map((q) => kb.records.find((r) => r.question.th === q)!.id);
    expect(ids).not.toContain(`${P}/data-catalog/14`);
    expect(new Set(ids.map((id) => id.split('/').slice(0, 2).join('/'))).size).toBe(3);
    for (const id of ids) expect(id.startsWith(P)).toBe(true);
  });
});
