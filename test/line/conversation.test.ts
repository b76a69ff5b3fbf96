import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskQuery } from '../../server/search/types.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';
import { startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { GROUP_ID, USER_ID, groupTextEvent, postbackEvent, textEvent } from '../support/line-events.js';
import { scriptedKnowledge, engineOnly } from '../support/scripted-knowledge.js';

// History reaches the answerer: the conversation layer is passed through here so the scripted
// engine sees it (the layer's use of history is tested in test/conversation/).
let t: LineTestApp;
let kb: TempKb;
let queries: AskQuery[];
beforeAll(async () => {
  kb = await createFixtureKb();
  const scripted = await scriptedKnowledge(kb.dir);
  queries = scripted.queries;
  t = await startLineTestApp({}, {}, { knowledge: scripted.knowledge, conversations: engineOnly });
});
afterAll(async () => {
  await t.closeAll();
  await kb.cleanup();
});
beforeEach(() => t.line.reset());
afterEach(() => expect(t.line.problems()).toEqual([]));

const FIRST = 'งานบริการ e-service ต้องเป็นงานบริการใหม่หรือสามารถใช้งานบริการเดิมได้';
const at = (event: Record<string, any>) => ({ ...event, timestamp: t.clock.now });
const historyOf = (question: string) => queries.filter((q) => q.question === question).at(-1)?.history ?? [];

describe('LINE conversation context', () => {
  it('sends the earlier turn as history for a follow-up within 10 minutes, and none after', async () => {
    const source = { type: 'user', userId: 'U2222222222abcdef0123456789abcdef' };
    await t.deliver([at(textEvent(FIRST, { source }))]);
    t.clock.now += 9 * 60 * 1000;
    await t.deliver([at(textEvent('แล้วต้องส่งหลักฐานอะไร', { source }))]);
    expect(historyOf('แล้วต้องส่งหลักฐานอะไร')).toEqual([{ question: FIRST, answerId: 'fy2565-potential-base/e-service/14' }]);

    t.clock.now += 11 * 60 * 1000;
    await t.deliver([at(textEvent('แล้วกลุ่มเป้าหมายล่ะ', { source }))]);
    expect(historyOf('แล้วกลุ่มเป้าหมายล่ะ')).toEqual([]);
    expect(t.line.replies()).toHaveLength(3);
  });

  it('keeps a group\'s context apart from each member\'s one-to-one context', async () => {
    await t.deliver([at(textEvent(FIRST)), at(groupTextEvent('data catalog ต้องมีกี่ชุดข้อมูล', { mentionBot: true, userId: USER_ID }))]);
    await t.deliver([at(groupTextEvent('แล้วต้องลงทะเบียนที่ไหน', { mentionBot: true, userId: USER_ID }))]);
    const groupHistory = historyOf('แล้วต้องลงทะเบียนที่ไหน');
    expect(groupHistory.map((h) => h.question)).toEqual(['data catalog ต้องมีกี่ชุดข้อมูล']);
    await t.deliver([at(textEvent('แล้วต้องทำเมื่อไร'))]);
    const userHistory = historyOf('แล้วต้องทำเมื่อไร');
    expect(userHistory.map((h) => h.question)).toContain(FIRST);
    expect(userHistory.map((h) => h.question)).not.toContain('data catalog ต้องมีกี่ชุดข้อมูล');
    // The store keys contexts by salted hashes: no raw id in any key.
    const raw = await t.store.conversation(USER_ID, 60_000);
    expect(raw).toEqual([]);
    expect(await t.store.conversation(GROUP_ID, 60_000)).toEqual([]);
  });

  it('counts a postback that opens a record as a turn', async () => {
    const source = { type: 'user', userId: 'U3333333333abcdef0123456789abcdef' };
    await t.deliver([at(postbackEvent('a=open&r=fy2565-potential-base%2Fdata-catalog%2F1&l=th', source))]);
    await t.deliver([at(textEvent('แล้วต้องอัปเดตบ่อยแค่ไหน', { source }))]);
    expect(historyOf('แล้วต้องอัปเดตบ่อยแค่ไหน')).toEqual([{ question: 'ชุดข้อมูลที่ต้องจัดทำบัญชีข้อมูล Data catalog ต้องมีกี่ชุดข้อมูล', answerId: 'fy2565-potential-base/data-catalog/1' }]);
  });

  it('sends at most the last 5 turns, oldest first', async () => {
    const source = { type: 'user', userId: 'U4444444444abcdef0123456789abcdef' };
    for (let i = 1; i <= 7; i++) await t.deliver([at(textEvent(`คำถามที่ ${i} เรื่อง e-service`, { source }))]);
    await t.deliver([at(textEvent('แล้วข้อสุดท้ายล่ะ', { source }))]);
    expect(historyOf('แล้วข้อสุดท้ายล่ะ').map((h) => h.question)).toEqual([3, 4, 5, 6, 7].map((i) => `คำถามที่ ${i} เรื่อง e-service`));
  });
});
