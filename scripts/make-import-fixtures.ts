/**
 * Rebuilds the import test documents in test/fixtures/import/ from the two
 * seed handouts (kb/sources/): for each seed a PDF printed by Chromium from an
 * HTML table in a Thai font (fonts-thai-tlwg), a .docx (XML written here, no
 * LibreOffice) and an .xlsx (exceljs); a PDF whose text layer is deliberately
 * broken Thai (with the repair counts it should give, and one row broken
 * beyond repair); and small bad files (no table, encrypted, missing column).
 *   npx tsx scripts/make-import-fixtures.ts [--no-chromium]   (needs /usr/bin/chromium)
 * The outputs are committed: tests never need Chromium or fonts to run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { emptyRepairCounts } from '../server/kb/thai-repair.js';
import { restoreSaraAm } from '../server/kb/thai-words.js';
import { REPO_ROOT } from '../server/paths.js';
import { breakThai } from './fixtures/break-thai.js';
import { docx, para, table } from './fixtures/docx-writer.js';
import { writePdf } from './fixtures/pdf-writer.js';
import { seedHtml } from './fixtures/seed-html.js';
import { seedLayout, type SeedLayout } from './fixtures/seed-layout.js';
import { tablePages } from './fixtures/table-pdf.js';

const OUT = path.join(REPO_ROOT, 'test/fixtures/import');
const SEEDS = [
  { name: 'seed-2563', file: path.join(REPO_ROOT, 'kb/sources/000_3ba3b9301aa51fd5.txt') },
  { name: 'seed-2565', file: path.join(REPO_ROOT, 'kb/sources/002_0c27346554988bac.txt') },
];
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Paragraphs of a cell's clean text: one per paragraph and per list item. */
const paragraphs = (text: string) => text.split(/\n\n|\n/);

function seedDocx(layout: SeedLayout): Buffer {
  const body: string[] = [...layout.preamble.map((l) => para(l, 'Title')), para(layout.date)];
  for (const s of layout.sections) {
    if (s.heading) body.push(para(s.heading, 'Heading2'));
    const header = layout.columns === 3 ? [['ลำดับ'], ['คำถาม'], ['คำตอบ']] : [['คำถาม'], ['คำตอบ']];
    const rows = s.rows.map((r) =>
      layout.columns === 3 ? [[String(r.number)], paragraphs(r.question), paragraphs(r.answer)] : [paragraphs(`${r.number}. ${r.question}`), paragraphs(r.answer)],
    );
    body.push(table([header, ...rows], layout.columns === 3 ? [700, 3500, 5400] : [3800, 5800]));
  }
  return docx(body);
}

async function seedXlsx(layout: SeedLayout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Q&A');
  for (const line of [...layout.preamble, layout.date]) ws.addRow([line]);
  ws.addRow([]);
  // Columns in an order of our own, named in Thai: the importer must go by the header.
  ws.addRow(['ลำดับ', 'หมวด', 'คำถาม', 'คำตอบ']);
  for (const s of layout.sections) for (const r of s.rows) ws.addRow([r.number, s.heading ?? '', r.question, r.answer]);
  ws.columns.forEach((c, i) => (c.width = [8, 24, 50, 90][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Broken text layer of the 2563 seed, plus the repairs it needs and the row broken beyond repair. */
function brokenPdf(layout: SeedLayout): { pdf: Buffer; expected: unknown } {
  const counts = emptyRepairCounts();
  // The unrepairable row: a tone mark with no consonant under it (after sara aa and a space), and a sara am whose nikhahit is
  // lost where the dictionary cannot tell คำ from คา.
  const victim = layout.sections[0]!.rows[4]!;
  const sabotaged = { ...victim, question: victim.question.replace(' ', ' \u0E48 ') };
  for (const m of victim.answer.matchAll(/\u0E33/g)) {
    const candidate = `${victim.answer.slice(0, m.index)} \u0E32${victim.answer.slice(m.index + 1)}`;
    const phrase = /[\u0E01-\u0E4E]*[ ]\u0E32[\u0E01-\u0E4E]*/.exec(candidate.slice(Math.max(0, m.index - 20)))![0];
    if (restoreSaraAm(phrase) === undefined) {
      sabotaged.answer = candidate;
      break;
    }
  }
  const sections = layout.sections.map((s) => ({ ...s, rows: s.rows.map((r) => (r === victim ? sabotaged : r)) }));
  const { pages, pageOf } = tablePages({ ...layout, sections }, (text) => breakThai(text, counts));
  return {
    pdf: writePdf(pages),
    expected: { repairs: counts, unrepairable: { section: victim.section, number: victim.number, page: pageOf.get(sabotaged), question: sabotaged.question, answer: sabotaged.answer } },
  };
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const layouts = await Promise.all(SEEDS.map((s) => seedLayout(s.file, s.name)));
  for (const layout of layouts) {
    await writeFile(path.join(OUT, `${layout.name}.docx`), seedDocx(layout));
    await writeFile(path.join(OUT, `${layout.name}.xlsx`), await seedXlsx(layout));
  }
  // --no-chromium: rebuild everything but the Chromium-printed seed PDFs.
  if (!process.argv.includes('--no-chromium')) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      for (const layout of layouts) {
        await page.setContent(seedHtml(layout), { waitUntil: 'load' });
        await writeFile(path.join(OUT, `${layout.name}.pdf`), await page.pdf({ preferCSSPageSize: true }));
      }
    } finally {
      await browser.close();
    }
  }
  const broken = brokenPdf(layouts[0]!);
  await writeFile(path.join(OUT, 'broken-thai.pdf'), broken.pdf);
  await writeFile(path.join(OUT, 'broken-thai.expected.json'), `${JSON.stringify(broken.expected, null, 2)}\n`);

  const prose = ['คำถาม-คำตอบ ที่ไม่ได้อยู่ในตาราง', 'เอกสารนี้มีแต่ย่อหน้า ไม่มีตารางคำถามและคำตอบ'];
  await writeFile(path.join(OUT, 'no-table.pdf'), writePdf([{ texts: prose.map((text, i) => ({ x: 50, y: 780 - 20 * i, size: 12, text })), lines: [] }]));
  const small = { ...layouts[0]!, sections: [{ ...layouts[0]!.sections[0]!, rows: layouts[0]!.sections[0]!.rows.slice(0, 2) }] };
  await writeFile(path.join(OUT, 'encrypted.pdf'), writePdf(tablePages(small, (t) => t).pages, { userPassword: 'opdc' }));
  await writeFile(path.join(OUT, 'no-table.docx'), docx(prose.map((p) => para(p))));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['ลำดับ', 'คำถาม', 'หมวด']);
  ws.addRow([1, 'ส่งรายงานเมื่อใด', '']);
  await writeFile(path.join(OUT, 'no-answer-column.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
  console.log(`fixtures written to ${path.relative(REPO_ROOT, OUT)}`);
}

await main();
