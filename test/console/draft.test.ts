import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraftService } from '../../server/console/draft.js';
import { ConsoleError } from '../../server/console/errors.js';
import { findRecord, patchedRecord, putRecord } from '../../server/console/records.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';

const RECORD = 'fy2565-potential-base/e-service/14';
const DOC = 'documents/fy2565-potential-base.json';
let kb: TempKb | undefined;
afterEach(async () => {
  await kb?.cleanup();
  kb = undefined;
});

async function setup(reloadOk = true) {
  kb = await createFixtureKb();
  const store = createMemoryStore();
  let reloads = 0;
  const draft = createDraftService({
    kbDir: kb.dir,
    store,
    reload: async () => {
      reloads++;
      return reloadOk ? { ok: true as const } : { ok: false as const, error: { message: 'index build failed' } };
    },
  });
  return { draft, store, dir: kb.dir, reloads: () => reloads };
}

const setAnswerEn = (text: string) => (files: Record<string, string>) => putRecord(files, patchedRecord(files, RECORD, { answer: { en: text } }));

describe('draft service', () => {
  it('keeps edits in the store, not in the files, and shows them as a diff', async () => {
    const { draft, store, dir } = await setup();
    const before = await readFile(path.join(dir, DOC), 'utf8');
    await draft.edit('somchai', setAnswerEn('Edited English.'));
    expect(await readFile(path.join(dir, DOC), 'utf8')).toBe(before);
    expect(Object.keys((await store.getDraft())!.files)).toEqual([DOC]);
    const [diff] = await draft.diff();
    expect(diff!.diff).toMatch(/^\+ +"en": "Edited English\.",?$/m);
    expect(findRecord((await draft.state()).files, RECORD).record.answer.en).toBe('Edited English.');
  });

  it('drops the draft when an edit brings the files back to what is published', async () => {
    const { draft, store } = await setup();
    const alternates = (th: string[]) => (files: Record<string, string>) => putRecord(files, patchedRecord(files, RECORD, { alternates: { th } }));
    await draft.edit('somchai', alternates(['ชั่วคราว']));
    expect(await store.getDraft()).toBeDefined();
    await draft.edit('somchai', alternates([]));
    expect(await store.getDraft()).toBeUndefined();
  });

  it('publishes: writes the files, reloads once, records who/what/diff, and keeps the earlier state as version 1', async () => {
    const { draft, store, dir, reloads } = await setup();
    await draft.edit('somchai', setAnswerEn('Published English.'));
    const { change } = await draft.publish('malee', 'Better English');
    expect(change).toMatchObject({ version: 2, author: 'malee', summary: 'Better English' });
    expect(change.diff).toContain('+        "en": "Published English."');
    expect(await readFile(path.join(dir, DOC), 'utf8')).toContain('Published English.');
    expect(reloads()).toBe(1);
    expect(await store.getDraft()).toBeUndefined();
    expect((await store.listChanges()).map((c) => c.version)).toEqual([2, 1]);
  });

  it('refuses to publish with kb:check errors, naming them, and writes nothing', async () => {
    const { draft, dir } = await setup();
    const before = await readFile(path.join(dir, DOC), 'utf8');
    await draft.edit('somchai', (files) => putRecord(files, patchedRecord(files, RECORD, { tags: { indicators: [] } })));
    const refused = await draft.publish('malee', 'x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsoleError);
    expect((refused as ConsoleError).issues!.map((i) => i.message)).toContain(`${RECORD}: untagged (tags.indicators is empty)`);
    expect(await readFile(path.join(dir, DOC), 'utf8')).toBe(before);
  });

  it('puts the files back when the new knowledge does not load', async () => {
    const { draft, dir, store } = await setup(false);
    const before = await readFile(path.join(dir, DOC), 'utf8');
    await draft.edit('somchai', setAnswerEn('Will not load.'));
    await expect(draft.publish('malee', 'x')).rejects.toThrow(/did not load.*index build failed/);
    expect(await readFile(path.join(dir, DOC), 'utf8')).toBe(before);
    expect(await store.getDraft()).toBeDefined();
  });

  it('restores an earlier version as a new publish', async () => {
    const { draft, dir } = await setup();
    const before = await readFile(path.join(dir, DOC), 'utf8');
    await draft.edit('somchai', setAnswerEn('Version two.'));
    await draft.publish('malee', 'v2');
    const [, first] = await draft.history();
    const { change } = await draft.restore(first!.id, 'malee');
    expect(change).toMatchObject({ version: 3, summary: expect.stringMatching(/^Restored version 1/) });
    expect(await readFile(path.join(dir, DOC), 'utf8')).toBe(before);
    await expect(draft.restore(first!.id, 'malee')).rejects.toThrow(/is what is published now/);
  });

  it('serializes concurrent edits so none is lost', async () => {
    const { draft } = await setup();
    await Promise.all([
      draft.edit('a', (files) => putRecord(files, patchedRecord(files, RECORD, { alternates: { th: [...findRecord(files, RECORD).record.alternates.th, 'หนึ่ง'] } }))),
      draft.edit('b', (files) => putRecord(files, patchedRecord(files, RECORD, { alternates: { th: [...findRecord(files, RECORD).record.alternates.th, 'สอง'] } }))),
    ]);
    expect(findRecord((await draft.state()).files, RECORD).record.alternates.th).toEqual(['หนึ่ง', 'สอง']);
  });
});
