import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as kbExport } from '../../scripts/kb-export.js';
import { main as kbImport } from '../../scripts/kb-import.js';
import { REPO, snapshot, tempKb } from './kb-fixture.js';
import { runInProcess, spawnCommand } from './run-command.js';

const fixture = (name: string) => path.join(REPO, 'test/fixtures/import', name);

/** The commands in-process, output captured; `spawn` runs one real process to prove the exit status. */
const cli = (script: string, args: string[]) => runInProcess(script === 'scripts/kb-export.ts' ? kbExport : kbImport, args);
const spawn = spawnCommand;

let kb: { dir: string; cleanup: () => Promise<void> };
let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  kb = await tempKb(true);
  scratch = await tempKb();
  // Big and mislabelled files are made here, not committed.
  await writeFile(path.join(scratch.dir, 'huge.pdf'), '%PDF-1.4\n');
  await truncate(path.join(scratch.dir, 'huge.pdf'), 50 * 1024 * 1024);
  await copyFile(fixture('seed-2563.docx'), path.join(scratch.dir, 'handout.pdf'));
});
afterAll(async () => {
  await kb.cleanup();
  await scratch.cleanup();
});

describe('kb:import of PDF, Word and Excel files', { timeout: 180_000 }, () => {
  it.each([
    ['no-table.pdf', 'has no table'],
    ['encrypted.pdf', 'is encrypted (password-protected)'],
    ['no-table.docx', 'has no table'],
    ['no-answer-column.xlsx', 'no answer column in the header row'],
    ['handout.pdf', 'is not a PDF: its content is a Word document (.docx)'],
    ['huge.pdf', 'is 50.0 MB, over the 20.0 MB import limit'],
  ])('exits 1 on %s, naming the file, and writes nothing', async (name, message) => {
    const file = name === 'huge.pdf' || name === 'handout.pdf' ? path.join(scratch.dir, name) : fixture(name);
    const before = await snapshot(kb.dir);
    const { code, stderr } = await cli('scripts/kb-import.ts', [file, '--kb', kb.dir, '--document', 'bad-file']);
    expect(code).toBe(1);
    expect(stderr).toContain(file);
    expect(stderr).toContain(message);
    expect(await snapshot(kb.dir)).toEqual(before);
  });

  it('imports the broken-Thai PDF, printing the repair counts and the flagged row with its page', async () => {
    const { code, stdout, stderr } = await cli('scripts/kb-import.ts', [fixture('broken-thai.pdf'), '--kb', kb.dir, '--document', 'broken-test', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('document broken-test: 20 records');
    expect(stdout).toMatch(/Thai repairs: pua \d+, space-before-mark \d+, sara-am \d+, mark-order \d+, double-sara-e \d+/);
    expect(stdout).toContain('flagged for review: 2');
    expect(stderr).toMatch(/broken-thai\.pdf:page 1: warning: review question 5 \(general\)/);
  });
});

describe('kb:import as a process', { timeout: 180_000 }, () => {
  it('exits with status 1 on a bad file', async () => {
    const { code, stderr } = await spawn('scripts/kb-import.ts', [fixture('no-table.docx'), '--kb', kb.dir, '--dry-run']);
    expect(code).toBe(1);
    expect(stderr).toContain(`${fixture('no-table.docx')}: has no table`);
  });
});

describe('kb:export and back', { timeout: 180_000 }, () => {
  it('changes exactly the English edited in the workbook, and nothing on an unedited round trip', async () => {
    const out = path.join(scratch.dir, 'translations.xlsx');
    const exported = await cli('scripts/kb-export.ts', ['--format', 'xlsx', '--document', 'fy2565-potential-base', '--out', out, '--kb', kb.dir]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('57 records written');

    const before = await snapshot(kb.dir);
    const unedited = await cli('scripts/kb-import.ts', [out, '--kb', kb.dir]);
    expect(unedited.code).toBe(0);
    expect(unedited.stdout).toContain('0 records updated, 57 unchanged');
    expect(await snapshot(kb.dir)).toEqual(before);

    const docFile = path.join(kb.dir, 'documents/fy2565-potential-base.json');
    const original = JSON.parse(await readFile(docFile, 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Translations')!;
    const edits = new Map<string, string>();
    ws.eachRow((row, line) => {
      const id = String(row.getCell(1).value);
      if (line === 3 || line === 10) {
        row.getCell(5).value = `Edited answer for ${id}`;
        edits.set(id, `Edited answer for ${id}`);
      }
    });
    ws.getRow(4).getCell(10).value = 'e-service, no-such-indicator';
    await wb.xlsx.writeFile(out);
    const refused = await cli('scripts/kb-import.ts', [out, '--kb', kb.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out}:Translations!J4: "no-such-indicator" is not a known indicator`);
    expect(await snapshot(kb.dir)).toEqual(before);

    ws.getRow(4).getCell(10).value = original.records[2].tags.indicators.join(', ');
    await wb.xlsx.writeFile(out);
    const applied = await cli('scripts/kb-import.ts', [out, '--kb', kb.dir]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('2 records updated, 55 unchanged');
    const after = JSON.parse(await readFile(docFile, 'utf8'));
    expect(after.document).toEqual(original.document);
    after.records.forEach((r: { id: string; answer: { en: string } }, i: number) => {
      const expected = structuredClone(original.records[i]);
      if (edits.has(r.id)) expected.answer.en = edits.get(r.id);
      expect(r).toEqual(expected);
    });
  });
});
