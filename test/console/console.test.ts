import { afterEach, describe, expect, it } from 'vitest';
import { createConsole } from '../../server/console/console.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';

const RECORD = 'fy2565-potential-base/data-catalog/1';
let kb: TempKb | undefined;
afterEach(async () => {
  await kb?.cleanup();
  kb = undefined;
});

async function setup() {
  kb = await createFixtureKb();
  const store = createMemoryStore();
  const told: [string, string][] = [];
  const c = createConsole({
    kbDir: kb.dir,
    store,
    reload: async () => ({ ok: true }),
    questionAnswered: async (q, r) => void told.push([q, r]),
  });
  return { c, store, told };
}

const publisher = { editor: 'malee', role: 'publisher' as const };
const editor = { editor: 'somchai', role: 'editor' as const };

describe('console', () => {
  it('adds an inbox question as an alternate, resolves the group and tells each asker', async () => {
    const { c, store, told } = await setup();
    await store.appendQuestions([
      { channel: 'line', question: 'บัญชีข้อมูลต้องมีขั้นต่ำกี่ชุด', lang: 'th', outcome: 'none', latencyMs: 1 },
      { channel: 'web', question: 'บัญชีข้อมูลต้องมีขั้นต่ำกี่ชุดคะ', lang: 'th', outcome: 'clarify', latencyMs: 1 },
    ]);
    const [group] = await c.inbox();
    expect(group!.count).toBe(2);
    await c.inboxAddAlternate(editor, group!.id, RECORD, 'th');
    expect((await c.record(RECORD)).record.alternates.th).toEqual([group!.question]);
    expect(told.map(([, r]) => r)).toEqual([RECORD, RECORD]);
    expect(await c.inbox()).toEqual([]);
  });

  it('tells askers about a new record only once it is published', async () => {
    const { c, store, told } = await setup();
    await store.appendQuestions([{ channel: 'line', question: 'ต้องแนบไฟล์ Excel ด้วยไหม', lang: 'th', outcome: 'none', latencyMs: 1 }]);
    const [group] = await c.inbox();
    const { recordId } = await c.inboxNewRecord(editor, group!.id, {
      document: 'fy2565-potential-base',
      section: 'data-catalog',
      question: { th: group!.question, en: 'Must an Excel file be attached?' },
      answer: { th: 'แนบไฟล์ได้ตามความเหมาะสม', en: 'Attach a file where it helps.' },
      indicators: ['data-catalog'],
    });
    expect(recordId).toBe('fy2565-potential-base/data-catalog/2');
    expect(told).toEqual([]);
    await c.publish(publisher, 'New record from a staff question');
    expect(told).toEqual([[expect.any(String), recordId]]);
  });

  it('answers the test question from the draft and from what is published', async () => {
    const { c } = await setup();
    const question = 'ต้องจัดทำบัญชีข้อมูลกี่ชุด';
    await c.deleteRecord(editor, RECORD);
    const { draft, published } = await c.ask(question, 'th');
    expect(published.answers[0]!.id).toBe(RECORD);
    expect(draft.answers.map((a) => a.id)).not.toContain(RECORD);
    expect(published.terms.length).toBeGreaterThan(0);
  });

  it('does not let an editor publish, discard or restore', async () => {
    const { c } = await setup();
    await expect(c.publish(editor, 'x')).rejects.toThrow(/Only a publisher/);
    await expect(c.discard(editor)).rejects.toThrow(/Only a publisher/);
    await expect(c.restore(editor, 'any')).rejects.toThrow(/Only a publisher/);
  });
});
