import { loadExcel } from './formats/libraries.js';
import type { KnowledgeBase } from './schema.js';
import { TRANSLATION_COLUMNS, TRANSLATION_SHEET, recordToRow, type SheetRow } from './translation-sheet.js';

export interface ExportOptions {
  /** Only these document ids (default: all). */
  documents?: string[];
  /** Only records without an English question or answer. */
  untranslated?: boolean;
}

export function exportRows(kb: KnowledgeBase, options: ExportOptions = {}): SheetRow[] {
  const unknown = (options.documents ?? []).filter((d) => !kb.documents.some((doc) => doc.id === d));
  if (unknown.length) throw new Error(`unknown document ${unknown.join(', ')} (documents: ${kb.documents.map((d) => d.id).join(', ')})`);
  return kb.records
    .filter((r) => !options.documents?.length || options.documents.includes(r.source.document))
    .filter((r) => !options.untranslated || !r.question.en || !r.answer.en)
    .map(recordToRow);
}

/** JSON export: the same rows, with the format named so the import recognises it. */
export function exportJson(rows: SheetRow[]): string {
  return `${JSON.stringify({ format: 'opdc-kb-translations', version: 1, records: rows }, null, 2)}\n`;
}

/** The translators' workbook: a Translations sheet (Thai columns grey, not to edit) and a sheet of instructions. */
export async function exportWorkbook(rows: SheetRow[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(TRANSLATION_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = TRANSLATION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  TRANSLATION_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.alignment = { wrapText: true, vertical: 'top' };
    if (!c.editable) column.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }));
  });
  const help = wb.addWorksheet('README');
  for (const line of [
    'Fill in the English columns, alternates and tags; leave the grey columns (id, Thai, hash) as they are.',
    'กรอกคอลัมน์ภาษาอังกฤษ คำถามแบบอื่น และแท็ก ห้ามแก้คอลัมน์สีเทา (id ข้อความภาษาไทย และ hash)',
    'Import back: npm run kb:import -- <this file>   (only English, alternates and tags of the listed records change)',
    'Tags: years are Buddhist Era fiscal years (2565); component, indicators and audience use the words in kb/README.md.',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
