import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskResult, BotMessage } from '../../server/search/types.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';
import { startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { groupTextEvent, postbackEvent, textEvent } from '../support/line-events.js';
import { scriptedKnowledge, engineOnly } from '../support/scripted-knowledge.js';

// The engine decides "clarify" and small talk (core and convo helpers); these tests script its
// results to check how LINE shows each of them.
const OPTIONS = ['fy2565-potential-base/e-service/14', 'fy2565-potential-base/e-service/15', 'fy2565-potential-base/data-catalog/1'];
const MESSAGES: Record<string, BotMessage> = {
  'สวัสดีครับ': { kind: 'greeting', text: 'สวัสดี ถามเรื่องแนวทางการประเมินได้เลย เช่น', examples: ['e-service ใช้บริการเดิมได้ไหม', 'Data catalog ต้องมีกี่ชุด'] },
  hello: { kind: 'greeting', text: 'Hello! Ask me about the assessment guidelines, for example:', examples: ['Can we use an existing e-service?', 'How many datasets for the Data catalog?'] },
  'ขอบคุณมาก': { kind: 'thanks', text: 'ยินดีค่ะ มีคำถามอื่นถามได้เลย' },
  'thank you': { kind: 'thanks', text: 'You are welcome! Ask me anything else.' },
  'ขอคุยกับเจ้าหน้าที่': { kind: 'handoff', text: 'ติดต่อเจ้าหน้าที่ได้ที่ โทร 02 356 9999 อีเมล opdc@example.go.th' },
  'I want to talk to a person': { kind: 'handoff', text: 'You can reach the office at +66 2 356 9999 or opdc@example.go.th' },
  'แล้วอันนั้นล่ะ': { kind: 'ask-topic', text: 'หมายถึงเรื่องไหน ลองระบุชื่อตัวชี้วัด', examples: ['e-service', 'Data catalog'] },
};

let t: LineTestApp;
let kb: TempKb;
beforeAll(async () => {
  kb = await createFixtureKb();
  const { knowledge } = await scriptedKnowledge(kb.dir, (query, real): AskResult | undefined => {
    const lang = /[\u0E00-\u0E7F]/.test(query.question) ? 'th' : 'en';
    if (query.question === 'ต้องส่งอะไร') return { answered: false, status: 'clarify', lang, answers: OPTIONS.map((id) => real.record(id, lang)!) };
    const message = MESSAGES[query.question];
    if (message) return { answered: false, status: 'none', lang, answers: [], message };
    if (query.question === 'e-service ปีงบ 2562') {
      return { answered: false, status: 'none', lang, answers: [real.record(OPTIONS[0]!, lang)!], message: { kind: 'year-not-covered', text: 'ไม่มีแนวทางสำหรับปีงบ 2562 ที่ใกล้ที่สุดคือปีงบ 2565' } };
    }
    return undefined;
  });
  t = await startLineTestApp({}, {}, { knowledge, conversations: engineOnly });
});
afterAll(async () => {
  await t.closeAll();
  await kb.cleanup();
});
beforeEach(() => t.line.reset());
afterEach(() => expect(t.line.problems()).toEqual([]));

const messages = () => t.line.replies().at(-1)!.body.messages;

describe('"did you mean" in LINE', () => {
  it('shows the options as numbered lines and distinct quick replies; choosing one answers it and is logged', async () => {
    await t.deliver([textEvent('ต้องส่งอะไร')]);
    const [message] = messages();
    expect(message.text).toMatch(/หมายถึงเรื่องไหน[\s\S]*\n1\. งานบริการ e-service[\s\S]*\n3\. ชุดข้อมูล/);
    const items = message.quickReply.items;
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i: any) => i.action.label)).size).toBe(3);
    expect(items[1].action.data).toBe('a=open&r=fy2565-potential-base%2Fe-service%2F15&l=th&c=1');

    await t.deliver([postbackEvent(items[1].action.data)]);
    expect(messages()[0].type).toBe('flex');
    expect(messages()[0].contents.body.contents[0].text).toBe('การประเมิน e-service ต้องส่งเอกสารหลักฐานอะไรบ้าง');
    const logged = await t.store.listQuestions({ channel: 'line' });
    expect(logged[0]).toMatchObject({ question: 'ต้องส่งอะไร', outcome: 'answered', topId: OPTIONS[1] });
    expect(logged[1]).toMatchObject({ question: 'ต้องส่งอะไร', outcome: 'clarify' });
  });

  it('asks in a group only when mentioned', async () => {
    await t.deliver([groupTextEvent('ต้องส่งอะไร')]);
    expect(t.line.replies()).toHaveLength(0);
    await t.deliver([groupTextEvent('ต้องส่งอะไร', { mentionBot: true })]);
    expect(messages()[0].quickReply.items).toHaveLength(3);
  });
});

describe('the bot\'s own messages in LINE', () => {
  it.each([
    ['สวัสดีครับ', 'smalltalk'],
    ['hello', 'smalltalk'],
  ])('answers the greeting %s with example questions as quick replies', async (question, outcome) => {
    await t.deliver([textEvent(question)]);
    const [message] = messages();
    expect(message.text).toBe(MESSAGES[question]!.text);
    expect(message.quickReply.items.map((i: any) => i.action)).toEqual(MESSAGES[question]!.examples!.map((q) => expect.objectContaining({ type: 'message', text: q })));
    expect((await t.store.listQuestions({ channel: 'line' }))[0]).toMatchObject({ question, outcome });
  });

  it.each(['ขอบคุณมาก', 'thank you'])('answers thanks (%s) briefly', async (question) => {
    await t.deliver([textEvent(question)]);
    expect(messages()).toEqual([{ type: 'text', text: MESSAGES[question]!.text }]);
  });

  it.each(['ขอคุยกับเจ้าหน้าที่', 'I want to talk to a person'])('hands %s off with the contact text and logs it as handoff', async (question) => {
    await t.deliver([textEvent(question)]);
    expect(messages()[0].text).toBe(MESSAGES[question]!.text);
    expect(JSON.stringify(messages())).not.toMatch(/notify/);
    expect((await t.store.listQuestions({ channel: 'line' }))[0]).toMatchObject({ question, outcome: 'handoff' });
  });

  it('asks what a follow-up refers to, with topics to tap', async () => {
    await t.deliver([textEvent('แล้วอันนั้นล่ะ')]);
    expect(messages()[0].text).toBe(MESSAGES['แล้วอันนั้นล่ะ']!.text);
    expect(messages()[0].quickReply.items).toHaveLength(2);
  });

  it('says a fiscal year is not covered, then offers the nearest guidance', async () => {
    await t.deliver([textEvent('e-service ปีงบ 2562')]);
    const all = messages();
    expect(all).toHaveLength(1);
    expect(all[0].text).toBe('ไม่มีแนวทางสำหรับปีงบ 2562 ที่ใกล้ที่สุดคือปีงบ 2565');
    expect(all.at(-1).quickReply.items.some((i: any) => i.action.data?.includes('e-service%2F14'))).toBe(true);
  });

  it('stays quiet for small talk in a group that does not mention it', async () => {
    await t.deliver([groupTextEvent('สวัสดีครับ'), groupTextEvent('ขอบคุณมาก')]);
    expect(t.line.calls).toHaveLength(0);
  });
});
