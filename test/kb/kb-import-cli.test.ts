import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as kbImportMain } from '../../scripts/kb-import.js';
import { SEED_2563, fixture, snapshot, tempKb } from './kb-fixture.js';
import { runInProcess, spawnCommand } from './run-command.js';

// kb:import in-process (fast); kb:check in its own process, which proves a real exit status.
const cli = (_script: 'scripts/kb-check.ts', args: string[]) => spawnCommand('scripts/kb-check.ts', args);
const kbImport = (args: string[]) => runInProcess(kbImportMain, args);

let kb: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  kb = await tempKb(true);
});
afterEach(async () => {
  await kb.cleanup();
});

describe('kb:import', { timeout: 90_000 }, () => {
  it.each([
    ['duplicate-number.txt', 8, 'duplicate number 2 in section general'],
    ['missing-answer.txt', 7, 'question 2 (general) has no answer'],
    ['bad-date.txt', 3, 'unparseable date'],
    ['empty.txt', 1, 'empty file'],
    ['binary-garbage.txt', 3, 'binary data'],
  ])('exits 1 on %s, prints file:line: message and writes nothing', async (name, line, message) => {
    const before = await snapshot(kb.dir);
    const { code, stderr } = await kbImport([fixture(name), '--kb', kb.dir, '--document', 'bad-batch']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${fixture(name)}:${line}: ${message}`);
    expect(await snapshot(kb.dir)).toEqual(before);
  });

  it('needs --replace to overwrite an existing document', async () => {
    const before = await snapshot(kb.dir);
    const refused = await kbImport([SEED_2563, '--kb', kb.dir, '--document', 'fy2563-provincial']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('document fy2563-provincial already exists; use --replace to overwrite it');
    expect(await snapshot(kb.dir)).toEqual(before);

    const replaced = await kbImport([SEED_2563, '--kb', kb.dir, '--document', 'fy2563-provincial', '--replace']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('added 0, updated 0, unchanged 20');
    // The committed file is what the tool produces: re-importing changes no byte.
    expect(await snapshot(kb.dir)).toEqual(before);
  });

  it('prints a summary and writes nothing on --dry-run', async () => {
    const before = await snapshot(kb.dir);
    const { code, stdout } = await kbImport([fixture('layout-two-column.txt'), '--kb', kb.dir, '--document', 'layout-test', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('document layout-test: 57 records, 57 untranslated');
    expect(stdout).toContain('  e-service (ตัวชี้วัด e-service): 23');
    expect(stdout).toContain('added 57, updated 0, unchanged 0');
    expect(stdout).toContain('dry run: nothing written');
    expect(await snapshot(kb.dir)).toEqual(before);
  });

  it('imports a new batch and copies it into sources', async () => {
    const { code, stdout } = await kbImport([fixture('layout-plain.tsv'), '--kb', kb.dir, '--document', 'plain-test', '--title', 'ทดสอบ พ.ศ. 2565', '--date', '2021-09-10']);
    expect(code).toBe(0);
    expect(stdout).toContain('written');
    expect(await readFile(path.join(kb.dir, 'sources/layout-plain.tsv'))).toEqual(await readFile(fixture('layout-plain.tsv')));
    expect(JSON.parse(await readFile(path.join(kb.dir, 'documents/plain-test.json'), 'utf8')).records).toHaveLength(57);
  });

  it('exits 1 with usage on bad arguments', async () => {
    const { code, stderr } = await kbImport(['--kb', kb.dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('usage: npm run kb:import');
  });
});

describe('kb:check', { timeout: 90_000 }, () => {
  it('passes on the repository knowledge base', async () => {
    const { code, stdout } = await cli('scripts/kb-check.ts', ['--kb', kb.dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 documents, 77 records: 0 untranslated, 0 untagged');
  });

  it('exits 1 and lists an untranslated record by file and line', async () => {
    const file = path.join(kb.dir, 'documents/fy2565-potential-base.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.records.find((r: { id: string }) => r.id === 'fy2565-potential-base/e-service/14').answer.en = '';
    await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
    const { code, stdout, stderr } = await cli('scripts/kb-check.ts', ['--kb', kb.dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/fy2565-potential-base\.json:\d+: fy2565-potential-base\/e-service\/14: untranslated/);
    expect(stdout).toContain('2 documents, 77 records: 1 untranslated');
  });
});
