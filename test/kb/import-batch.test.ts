import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBatch, type ImportOptions } from '../../server/kb/import-batch.js';
import { readKnowledgeFile } from '../../server/kb/load.js';
import type { KnowledgeFile } from '../../server/kb/schema.js';
import { translationHash } from '../../server/kb/translation-hash.js';
import { SEED_2563, SEED_2565, fixture, snapshot, tempKb } from './kb-fixture.js';

let kb: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  kb = await tempKb();
});
afterEach(async () => {
  await kb.cleanup();
});

const docFile = (id: string) => path.join(kb.dir, 'documents', `${id}.json`);
const run = (options: Partial<ImportOptions> & { file: string }) => importBatch({ kbDir: kb.dir, ...options });
const errors = (r: { problems: { severity: string; message: string }[] }) => r.problems.filter((p) => p.severity === 'error').map((p) => p.message);
async function editFile(id: string, edit: (f: KnowledgeFile) => void): Promise<void> {
  const data = JSON.parse(await readFile(docFile(id), 'utf8')) as KnowledgeFile;
  edit(data);
  await writeFile(docFile(id), `${JSON.stringify(data, null, 2)}\n`);
}

describe('importBatch', () => {
  it('imports the 2565 seed as a valid knowledge file with a copy of the source', async () => {
    const report = await run({ file: SEED_2565, document: 'fy2565-potential-base' });
    expect(errors(report)).toEqual([]);
    expect(report).toMatchObject({
      document: 'fy2565-potential-base',
      records: 57,
      untranslated: 57,
      added: 57,
      updated: 0,
      unchanged: 0,
      duplicates: [],
      written: true,
      sections: [
        { slug: 'overview', title: 'ภาพรวมการประเมินฯ', records: 7 },
        { slug: 'data-catalog', title: 'ตัวชี้วัด Data catalog', records: 22 },
        { slug: 'e-service', title: 'ตัวชี้วัด e-service', records: 23 },
        { slug: 'pmqa', title: 'ตัวชี้วัด PMQA', records: 5 },
      ],
    });
    const file = await readKnowledgeFile(docFile('fy2565-potential-base'));
    expect(file.document).toMatchObject({ date: '2021-09-10', fiscalYears: [2565], audience: ['agency'], sourceFile: '002_0c27346554988bac.txt' });
    const r = file.records.find((x) => x.id === 'fy2565-potential-base/e-service/14')!;
    expect(r.source).toEqual({ document: 'fy2565-potential-base', section: 'e-service', number: 14, line: 82 });
    expect(r.tags).toEqual({ years: [2565], component: 'potential-base', indicators: ['e-service'], audience: 'agency' });
    expect(file.records.find((x) => x.id.includes('/data-catalog/'))!.tags.indicators).toEqual(['data-catalog', 'open-data']);
    expect(file.records.find((x) => x.id.includes('/overview/'))!.tags.indicators).toEqual([]);
    expect(await readFile(path.join(kb.dir, 'sources/002_0c27346554988bac.txt'))).toEqual(await readFile(SEED_2565));
    const text = await readFile(docFile('fy2565-potential-base'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "document": {\n    "id": "fy2565-potential-base",');
  });

  it('names the document after the file when no id is given', async () => {
    const report = await run({ file: SEED_2563 });
    expect(report.document).toBe('000-3ba3b9301aa51fd5');
    expect(report.written).toBe(true);
  });

  it('re-imports the same source to a byte-identical file', async () => {
    await run({ file: SEED_2563, document: 'fy2563-provincial' });
    const first = await readFile(docFile('fy2563-provincial'));
    const again = await run({ file: SEED_2563, document: 'fy2563-provincial', replace: true });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 20, written: true });
    expect(await readFile(docFile('fy2563-provincial'))).toEqual(first);
  });

  it('keeps English, tags, alternates, supersededBy and titles added by hand', async () => {
    await run({ file: SEED_2565, document: 'fy2565-potential-base' });
    await run({ file: SEED_2563, document: 'fy2563-provincial' });
    await editFile('fy2563-provincial', (f) => {
      f.document.title.en = 'Provincial assessment Q&A';
      const r = f.records[0]!;
      r.question.en = 'Is the 2020 report due on the original schedule?';
      r.answer.en = 'OPDC will send a letter with the details.';
      r.alternates = { th: ['ส่งรายงานปี 63 เมื่อไร'], en: ['When is the 2020 report due?'] };
      r.tags.indicators = ['e-sar', 'timeline'];
      r.supersededBy = 'fy2565-potential-base/overview/6';
    });
    const edited = await readKnowledgeFile(docFile('fy2563-provincial'));
    const report = await run({ file: SEED_2563, document: 'fy2563-provincial', replace: true });
    expect(errors(report)).toEqual([]);
    expect(report).toMatchObject({ unchanged: 19, updated: 1, untranslated: 19 });
    const after = await readKnowledgeFile(docFile('fy2563-provincial'));
    const r = after.records[0]!;
    expect(after.document.title.en).toBe('Provincial assessment Q&A');
    expect(r).toEqual({ ...edited.records[0], translatedFrom: translationHash(r.question.th, r.answer.th) });
    // The hash is recorded once; a further re-import changes nothing.
    const bytes = await readFile(docFile('fy2563-provincial'));
    expect(await run({ file: SEED_2563, document: 'fy2563-provincial', replace: true })).toMatchObject({ unchanged: 20 });
    expect(await readFile(docFile('fy2563-provincial'))).toEqual(bytes);
  });

  it('keeps the English but marks it stale when the Thai text changes', async () => {
    await run({ file: SEED_2563, document: 'fy2563-provincial' });
    await editFile('fy2563-provincial', (f) => {
      f.records[1]!.question.en = 'Report in e-SAR as before?';
      f.records[1]!.answer.en = 'Yes, report every original indicator.';
    });
    await run({ file: SEED_2563, document: 'fy2563-provincial', replace: true });
    const source = (await readFile(SEED_2563, 'utf8')).replace('ขอให้จังหวัดรายงานตามตัวชี้วัดเดิมทุกตัว', 'ขอให้จังหวัดรายงานตามตัวชี้วัดใหม่ทุกตัว');
    const report = await run({ file: SEED_2563, content: Buffer.from(source), document: 'fy2563-provincial', replace: true });
    expect(report.updated).toBe(1);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', line: 9, message: expect.stringMatching(/general\/2: Thai text changed .* stale/) }),
    );
    const r = (await readKnowledgeFile(docFile('fy2563-provincial'))).records[1]!;
    expect(r.answer.th).toContain('ตัวชี้วัดใหม่ทุกตัว');
    expect(r.answer.en).toBe('Yes, report every original indicator.');
    expect(r.translatedFrom).not.toBe(translationHash(r.question.th, r.answer.th));
  });

  it('refuses to overwrite an existing document without replace, touching nothing', async () => {
    await run({ file: SEED_2563, document: 'fy2563-provincial' });
    const before = await snapshot(kb.dir);
    const report = await run({ file: SEED_2563, document: 'fy2563-provincial' });
    expect(report.written).toBe(false);
    expect(errors(report)).toEqual(['document fy2563-provincial already exists; use --replace to overwrite it']);
    expect(await snapshot(kb.dir)).toEqual(before);
  });

  it('writes nothing on a dry run', async () => {
    const report = await run({ file: SEED_2565, document: 'fy2565-potential-base', dryRun: true });
    expect(report).toMatchObject({ records: 57, added: 57, written: false });
    expect(await snapshot(kb.dir)).toEqual({});
  });

  it('refuses a different source file with the same name unless replace', async () => {
    await run({ file: SEED_2563, document: 'fy2563-provincial' });
    const changed = Buffer.from((await readFile(SEED_2563, 'utf8')).replace('ไม่ทราบว่า', 'สอบถามว่า'));
    const refused = await run({ file: SEED_2563, content: changed, document: 'other-doc' });
    expect(errors(refused)).toEqual(['kb/sources/000_3ba3b9301aa51fd5.txt already exists with different content; use --replace to overwrite it']);
    const replaced = await run({ file: SEED_2563, content: changed, document: 'fy2563-provincial', replace: true });
    expect(replaced.written).toBe(true);
    expect(await readFile(path.join(kb.dir, 'sources/000_3ba3b9301aa51fd5.txt'))).toEqual(changed);
  });

  it('flags questions that look like records of other documents', async () => {
    await run({ file: SEED_2565, document: 'fy2565-potential-base' });
    const batch = [
      'วันที่ 1 ตุลาคม 2565',
      'ลำดับ\tคำถาม\tคำตอบ',
      '1\tตัวชี้วัด Data catalog : หากหน่วยงานไม่มี Focus Area ให้เลือกทำอะไรดี\tเลือกด้านที่ใกล้เคียง',
      '2\tงบประมาณปีหน้าจะประกาศเมื่อใด\tยังไม่กำหนด',
    ].join('\n');
    const report = await run({ file: 'new-batch.txt', content: Buffer.from(batch), document: 'fy2566-test', title: 'ทดสอบ ปีงบประมาณ พ.ศ. 2566' });
    expect(errors(report)).toEqual([]);
    expect(report.duplicates).toEqual([{ id: 'fy2566-test/general/1', similarTo: 'fy2565-potential-base/data-catalog/5', similarity: expect.any(Number) }]);
    expect(report.duplicates[0]!.similarity).toBeGreaterThanOrEqual(0.6);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', line: 3, message: expect.stringContaining('looks like a duplicate') }));
  });

  it('finds no duplicates between the two seeds', async () => {
    await run({ file: SEED_2565, document: 'fy2565-potential-base' });
    expect((await run({ file: SEED_2563, document: 'fy2563-provincial' })).duplicates).toEqual([]);
  });

  it('lets --title and --date override the guesses', async () => {
    const report = await run({ file: SEED_2563, document: 'fy2563-provincial', title: 'ถาม-ตอบ จังหวัด', date: '12 ก.ย. 2563' });
    expect(errors(report)).toEqual([]);
    const { document } = await readKnowledgeFile(docFile('fy2563-provincial'));
    expect(document.title.th).toBe('ถาม-ตอบ จังหวัด');
    expect(document.date).toBe('2020-09-12');
  });

  it.each([
    [{ date: '31/02/2563' }, /--date "31\/02\/2563" is not a date/],
    [{ document: 'Bad Id' }, /document id "Bad Id" must be a lower-case slug/],
    [{ file: '/nonexistent/batch.txt' }, /file not found/],
    [{ file: '..', content: Buffer.from('1\tถาม\tตอบ\n') }, /".." is not a usable file name/],
  ])('returns an error rather than throwing for %j', async (override, message) => {
    const report = await run({ file: SEED_2563, document: 'fy2563-provincial', ...override });
    expect(report.written).toBe(false);
    expect(errors(report).join('\n')).toMatch(message);
    expect(await snapshot(kb.dir)).toEqual({});
  });

  it('needs a date when the batch has none', async () => {
    const report = await run({ file: 'plain.tsv', content: Buffer.from('1\tถาม\tตอบ\n'), title: 'ทดสอบ' });
    expect(errors(report)).toEqual(['no date found in the batch (a line like "วันที่ 10 กันยายน 2564"); pass --date YYYY-MM-DD']);
    const dated = await run({ file: 'plain.tsv', content: Buffer.from('1\tถาม\tตอบ\n'), title: 'ทดสอบ', date: '2021-10-05' });
    expect(dated.written).toBe(true);
    expect((await readKnowledgeFile(docFile('plain'))).document.fiscalYears).toEqual([2565]);
  });

  it.each([['duplicate-number.txt'], ['missing-answer.txt'], ['bad-date.txt'], ['empty.txt'], ['binary-garbage.txt']])(
    'refuses %s with line-numbered errors and writes nothing',
    async (name) => {
      const report = await run({ file: fixture(name) });
      expect(report.written).toBe(false);
      expect(report.problems.find((p) => p.severity === 'error')).toMatchObject({ file: fixture(name), line: expect.any(Number) });
      expect(await snapshot(kb.dir)).toEqual({});
    },
  );
});
