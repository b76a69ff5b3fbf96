import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedBatch } from '../../../server/kb/batch-types.js';
import { parseBatch } from '../../../server/kb/parse-batch.js';
import { parseDocument } from '../../../server/kb/parse-document.js';
import { REPO, SEED_2563, SEED_2565 } from '../kb-fixture.js';

const fixture = (name: string) => path.join(REPO, 'test/fixtures/import', name);
const parseFile = async (name: string) => parseDocument(name, await readFile(fixture(name)));
const fields = (b: ParsedBatch) => ({
  meta: b.meta,
  sections: b.sections.map((s) => ({ slug: s.slug, title: s.title })),
  rows: b.rows.map((r) => ({ section: r.section, number: r.number, question: r.question, answer: r.answer })),
});

// PDFs are parsed page by page with pdfjs: generous bounds for a loaded machine (no timing is asserted).
describe('parseDocument of the generated handouts', { timeout: 180_000 }, () => {
  it.each([
    ['seed-2563', SEED_2563, 20],
    ['seed-2565', SEED_2565, 57],
  ])('reads %s as PDF, DOCX and XLSX into the same records as the text import', async (name, seed, count) => {
    const text = parseBatch(await readFile(seed), { fileName: seed });
    expect(text.rows).toHaveLength(count);
    for (const ext of ['pdf', 'docx', 'xlsx']) {
      const parsed = await parseFile(`${name}.${ext}`);
      expect(parsed.problems.filter((p) => p.severity === 'error'), `${name}.${ext}`).toEqual([]);
      expect(fields(parsed), `${name}.${ext}`).toEqual(fields(text));
    }
  });

  it('repairs every broken glyph of the broken-Thai PDF and flags the unrepairable row with its page', async () => {
    const expected = JSON.parse(await readFile(fixture('broken-thai.expected.json'), 'utf8'));
    const parsed = await parseFile('broken-thai.pdf');
    expect(parsed.repairs).toEqual(expected.repairs);
    expect(Object.values(expected.repairs as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(300);
    const original = parseBatch(await readFile(SEED_2563), { fileName: SEED_2563 });
    const { unrepairable } = expected;
    const others = (b: ParsedBatch) => fields(b).rows.filter((r) => r.number !== unrepairable.number);
    expect(others(parsed)).toEqual(others(original));
    expect(parsed.meta).toEqual(original.meta);
    const flags = parsed.problems.filter((p) => p.message.startsWith(`review question ${unrepairable.number} `));
    expect(flags.map((f) => f.where)).toEqual([`page ${unrepairable.page}`, `page ${unrepairable.page}`]);
    expect(flags[0]!.message).toMatch(/question still looks broken.*no consonant/);
    expect(flags[1]!.message).toMatch(/answer still looks broken.*lost nikhahit/);
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads a sheet by --columns letters and names empty answers by cell', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['', 'ไม่ใช่หัวตาราง', 'ก', 'ข']);
    ws.addRow(['', 'ส่งรายงานเมื่อใด', 'ภายในเดือนตุลาคม', '1']);
    ws.addRow(['', 'ใช้แบบฟอร์มใด', '', '2']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const parsed = await parseDocument('qa.xlsx', bytes, { columns: { number: 'D', question: 'B', answer: 'C' } });
    expect(parsed.rows.map((r) => [r.number, r.question])).toEqual([[1, 'ส่งรายงานเมื่อใด'], [2, 'ใช้แบบฟอร์มใด']].slice(0, parsed.rows.length));
    expect(parsed.problems).toContainEqual(expect.objectContaining({ where: 'Sheet1!C3', message: 'answer is empty (question 2)', severity: 'error' }));
  });
});
