import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { textEvent } from '../support/line-events.js';

// LINE answers through the same conversation layer as the web's /api/ask: small talk and the
// hand-off to a person come from it, not from the engine's "no answer".
const CONTACT_TH = 'ติดต่อกองพัฒนาระบบ โทร 0 2000 0000';
const CONTACT_EN = 'Contact the systems division, tel. +66 2000 0000';

let t: LineTestApp;
beforeAll(async () => {
  t = await startLineTestApp({ CONTACT_TH, CONTACT_EN });
});
afterAll(async () => {
  await t.closeAll();
});
beforeEach(() => t.line.reset());

/** Every text a reply carries: text messages, Flex alt texts and quick-reply labels. */
async function replyTo(text: string): Promise<string> {
  await t.deliver([{ ...textEvent(text), timestamp: t.clock.now }]);
  const [reply] = t.line.replies();
  expect(t.line.problems()).toEqual([]);
  return JSON.stringify(reply!.body.messages);
}

describe('LINE through the conversation layer', () => {
  it.each(['สวัสดีครับ', 'Hello there'])('greets "%s" with example questions instead of "no answer"', async (greeting) => {
    const snapshot = t.app.knowledge.current()!;
    const expected = t.app.conversations.of(snapshot).ask({ question: greeting });
    expect(expected.message?.kind).toBe('greeting');
    const reply = await replyTo(greeting);
    expect(reply).toContain(JSON.stringify(expected.message!.text).slice(1, 20));
  });

  it.each([
    ['ขอคุยกับเจ้าหน้าที่หน่อยครับ', CONTACT_TH],
    ['I would like to talk to a person', CONTACT_EN],
  ])('hands "%s" off with the configured contact', async (question, contact) => {
    expect(await replyTo(question)).toContain(contact);
  });
});
