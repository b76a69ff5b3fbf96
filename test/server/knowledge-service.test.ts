import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../server/knowledge-service.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KnowledgeFile } from '../../server/kb/schema.js';
import { createFakeAnswerer } from '../support/fake-answerer.js';
import { createFixtureKb, FIXTURE_RECORDS, type TempKb } from '../support/fixture-kb.js';

let kb: TempKb | undefined;
let service: KnowledgeService | undefined;
afterEach(async () => {
  await service?.close();
  await kb?.cleanup();
  service = undefined;
  kb = undefined;
});

const docFile = (dir: string) => path.join(dir, 'documents', 'fy2565-potential-base.json');

async function addRecordByRename(dir: string, number: number): Promise<void> {
  const file = docFile(dir);
  const data = JSON.parse(await readFile(file, 'utf8')) as KnowledgeFile;
  const base = data.records.find((r) => r.source.section === 'e-service')!;
  data.records.push({ ...base, id: `fy2565-potential-base/e-service/${number}`, source: { ...base.source, number } });
  // Same as an atomic writer: temp file in the folder, then rename over the original.
  await writeFile(`${file}.tmp`, JSON.stringify(data));
  await rename(`${file}.tmp`, file);
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('knowledge service', () => {
  it('loads the knowledge base and builds an answerer over it', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer });
    expect(service.current()).toBeUndefined();
    const outcome = await service.reload();
    expect(outcome.ok).toBe(true);
    expect(service.current()?.version).toBe(1);
    expect(service.current()?.answerer.size).toBe(FIXTURE_RECORDS.length);
  });

  it('keeps serving the old index when a reload fails, and reports the error', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer });
    await service.reload();
    const before = service.current();
    await writeFile(docFile(kb.dir), '{ "document": broken');
    const outcome = await service.reload();
    expect(outcome.ok).toBe(false);
    expect(service.current()).toBe(before);
    expect(service.lastReloadError()?.message).toMatch(/fy2565-potential-base\.json.*cannot read JSON/);
  });

  it('clears the reload error after a successful reload', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer });
    const good = await readFile(docFile(kb.dir), 'utf8');
    await writeFile(docFile(kb.dir), 'not json');
    expect((await service.reload()).ok).toBe(false);
    expect(service.current()).toBeUndefined();
    await writeFile(docFile(kb.dir), good);
    expect((await service.reload()).ok).toBe(true);
    expect(service.lastReloadError()).toBeUndefined();
  });

  it('runs one load at a time and coalesces reloads requested meanwhile', async () => {
    kb = await createFixtureKb();
    let active = 0;
    let maxActive = 0;
    let loads = 0;
    service = createKnowledgeService({
      kbDir: kb.dir,
      createAnswerer: createFakeAnswerer,
      load: async (dir) => {
        active++;
        loads++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 30));
        active--;
        return loadKnowledgeBase(dir);
      },
    });
    const outcomes = await Promise.all([service.reload(), service.reload(), service.reload(), service.reload()]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(maxActive).toBe(1);
    expect(loads).toBe(2);
    expect(service.current()?.version).toBe(2);
  });

  it('reloads when a document file is replaced by rename while watching', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer, debounceMs: 50 });
    await service.reload();
    service.watch();
    await addRecordByRename(kb.dir, 77);
    await until(() => service!.current()?.answerer.record('fy2565-potential-base/e-service/77') !== undefined);
    expect(service.current()!.version).toBeGreaterThanOrEqual(2);
  });

  it('reloads when the glossary changes while watching', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer, debounceMs: 50 });
    await service.reload();
    service.watch();
    const file = path.join(kb.dir, 'glossary.json');
    const glossary = JSON.parse(await readFile(file, 'utf8'));
    glossary.concepts.push({ id: 'pmqa', th: ['การพัฒนาคุณภาพการบริหารจัดการภาครัฐ'], en: ['PMQA'] });
    await writeFile(file, JSON.stringify(glossary));
    await until(() => service!.current()!.kb.glossary.concepts.some((c) => c.id === 'pmqa'));
  });

  it('stops watching after close', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer: createFakeAnswerer, debounceMs: 20 });
    await service.reload();
    service.watch();
    await service.close();
    await addRecordByRename(kb.dir, 78);
    await new Promise((r) => setTimeout(r, 200));
    expect(service.current()!.version).toBe(1);
  });
});
