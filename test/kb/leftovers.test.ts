import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../../server/kb/check-kb.js';
import { ImportBusyError, withImportLock } from '../../server/kb/import-lock.js';
import { cleanLeftovers } from '../../server/kb/leftovers.js';
import { writeFileAtomic } from '../../server/kb/write-atomic.js';
import { createFixtureKb } from '../support/fixture-kb.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('leftovers of an interrupted import', () => {
  it('are reported by kb:check and removed by cleanLeftovers, keeping named sources', async () => {
    const kb = await createFixtureKb();
    cleanup = kb.cleanup;
    const sources = path.join(kb.dir, 'sources');
    await mkdir(sources, { recursive: true });
    const tmp = path.join(kb.dir, 'documents', '.fy2566-x.json.4242.0badf00d.tmp');
    await writeFile(tmp, '{"half":');
    await writeFile(path.join(sources, 'orphan.txt'), 'batch text without its document');
    const report = await checkKnowledgeBase(kb.dir);
    const messages = report.problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/\.fy2566-x\.json\.4242\.0badf00d\.tmp: temp file left by an interrupted write/));
    expect(messages).toContainEqual(expect.stringMatching(/orphan\.txt: source copy that no document names/));
    const cleaned = await cleanLeftovers(kb.dir);
    expect(cleaned.tempFiles).toEqual([tmp]);
    expect(cleaned.orphanSources).toEqual([path.join(sources, 'orphan.txt')]);
    expect(await readdir(path.join(kb.dir, 'documents'))).not.toContain(path.basename(tmp));
    expect((await checkKnowledgeBase(kb.dir)).problems.filter((p) => /interrupted/.test(p.message))).toEqual([]);
  });

  it('writeFileAtomic leaves no temp file behind and replaces the content whole', async () => {
    const kb = await createFixtureKb();
    cleanup = kb.cleanup;
    const file = path.join(kb.dir, 'documents', 'x.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect((await readdir(path.dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('import lock', () => {
  it('refuses a second import of the same knowledge base while the first runs, then frees it', async () => {
    const kb = await createFixtureKb();
    cleanup = kb.cleanup;
    let release!: () => void;
    const first = withImportLock(kb.dir, 'first', () => new Promise<void>((r) => (release = r)));
    await expect.poll(() => release !== undefined).toBe(true);
    const second = await withImportLock(kb.dir, 'second', async () => 'ran').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ImportBusyError);
    expect((second as Error).message).toMatch(/Another import into this knowledge base is running \(first, started/);
    release();
    await first;
    expect(await withImportLock(kb.dir, 'third', async () => 'ran')).toBe('ran');
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const kb = await createFixtureKb();
    cleanup = kb.cleanup;
    const { hostname } = await import('node:os');
    await writeFile(path.join(kb.dir, '.import.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: new Date().toISOString(), what: 'killed' }));
    expect(await withImportLock(kb.dir, 'after crash', async () => 'ran')).toBe('ran');
  });
});
