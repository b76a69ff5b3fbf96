import { beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from '../../server/conversation/conversation.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { createAnswerer } from '../../server/search/answerer.js';
import type { Answerer, AskQuery } from '../../server/search/types.js';

let kb: KnowledgeBase;
let engine: Answerer;
beforeAll(async () => {
  kb = await loadKnowledgeBase();
  engine = createAnswerer(kb);
});

/** The engine as an index worker's proxy presents it: askAsync beside ask, each call counted. */
function countingAsyncEngine() {
  const calls = { sync: 0, async: 0 };
  const answerer: Answerer = {
    size: engine.size,
    record: (id, lang) => engine.record(id, lang),
    ask(query) {
      calls.sync++;
      return engine.ask(query);
    },
    async askAsync(query) {
      calls.async++;
      await new Promise((r) => setImmediate(r));
      return engine.ask(query);
    },
  };
  return { answerer, calls };
}

const P = 'fy2565-potential-base';
// Turns of my own: a standalone question, a follow-up leaning on history, small talk, a hand-off.
const turns: AskQuery[] = [
  { question: 'การประเมิน e-service ต้องส่งหลักฐานอะไรบ้าง' },
  { question: 'แล้วต้องส่งเมื่อไหร่', history: [{ question: 'Template 1 คืออะไร', answerId: `${P}/overview/2` }] },
  { question: 'and how many services?', lang: 'en', history: [{ question: 'What is the e-service indicator about?' }] },
  { question: 'สวัสดีครับ' },
  { question: 'ขอคุยกับเจ้าหน้าที่หน่อยครับ' },
];

describe('conversation.askAsync', () => {
  it('gives exactly the answers of ask() for every kind of turn', async () => {
    const { answerer } = countingAsyncEngine();
    const conversation = createConversation({ answerer, records: kb.records });
    for (const query of turns) expect(await conversation.askAsync(query), query.question).toEqual(conversation.ask(query));
  });

  it("asks the engine through askAsync only, never blocking on its synchronous ask", async () => {
    const { answerer, calls } = countingAsyncEngine();
    const conversation = createConversation({ answerer, records: kb.records });
    for (const query of turns) await conversation.askAsync(query);
    expect(calls.sync).toBe(0);
    // The follow-up with history costs more than one engine question.
    expect(calls.async).toBeGreaterThan(turns.length);
  });

  it('falls back to ask() for an engine without askAsync', async () => {
    const conversation = createConversation({ answerer: engine, records: kb.records });
    expect(await conversation.askAsync(turns[0]!)).toEqual(conversation.ask(turns[0]!));
  });
});
