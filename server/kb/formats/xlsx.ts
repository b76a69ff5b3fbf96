import type { Cell } from 'exceljs';
import { loadExcel } from './libraries.js';
import { COLUMNS, columnsFromHeader, type Column, type TableRecord } from '../parse-table.js';
import { FormatError } from './format-error.js';
import { plainTextHtml } from './text-lines.js';

export interface XlsxOptions {
  /** Sheet to read; default: the first sheet whose header row names a question and an answer column. */
  sheet?: string;
  /** Column letters by field (`--columns number=A,question=B,answer=C,section=D`); default: from the header row. */
  columns?: Partial<Record<Column, string>>;
}

/** Column letter(s) → 0-based index: A → 0, AA → 26. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `number=A,question=B,answer=C,section=D` → field → letter; throws a message naming the bad part. */
export function parseColumnsOption(value: string): Partial<Record<Column, string>> {
  const out: Partial<Record<Column, string>> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [field, letter] = part.split('=').map((s) => s.trim());
    if (!COLUMNS.includes(field as Column)) throw new Error(`--columns: unknown field "${field}" (use ${COLUMNS.join(', ')})`);
    if (!letter || columnIndex(letter) === undefined) throw new Error(`--columns: "${part}" needs a column letter, e.g. ${field}=B`);
    out[field as Column] = letter.toUpperCase();
  }
  if (!out.question || !out.answer) throw new Error('--columns: question and answer are required, e.g. --columns number=A,question=B,answer=C');
  return out;
}

/** Cell text as the sheet shows it: rich text flattened, formulas by their result, dates as written. */
function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return cell.text ?? String(v);
}

export interface SheetTable {
  sheet: string;
  /** Rows above the header row, for the title and date. */
  preamble: string[];
  records: TableRecord[];
  columns?: Partial<Record<Column, number>>;
}

/**
 * Reads the Q&A sheet of an Excel workbook with exceljs. The header row is the
 * first row naming a question and an answer column (Thai or English); rows
 * above it may hold the title and the date. With `columns`, the letters decide
 * and the first row that is not a header is data.
 */
export async function readXlsx(bytes: Uint8Array, options: XlsxOptions = {}): Promise<SheetTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new FormatError(`is not a readable Excel workbook: ${(cause as Error).message}`, { cause });
  }
  const sheets = options.sheet ? [workbook.getWorksheet(options.sheet)] : workbook.worksheets;
  if (options.sheet && !sheets[0]) {
    throw new FormatError(`has no sheet "${options.sheet}" (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`);
  }
  let fallback: SheetTable | undefined;
  for (const sheet of sheets) {
    if (!sheet) continue;
    const rows: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell)));
      rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
    const address = (line: number) => (col: number) => `${sheet.name}!${columnLetter(col)}${line}`;
    // Cells are plain text; the table parser, like html-to-text, takes HTML.
    const record = (r: { line: number; cells: string[] }) => ({ line: r.line, cells: r.cells.map(plainTextHtml), address: address(r.line) });
    if (options.columns) {
      const columns = Object.fromEntries(Object.entries(options.columns).map(([k, letter]) => [k, columnIndex(letter!)!]));
      const body = rows.filter((r) => !columnsFromHeader(r.cells).includes('question'));
      return { sheet: sheet.name, preamble: [], columns, records: body.map(record) };
    }
    const headerAt = rows.findIndex((r) => {
      const names = columnsFromHeader(r.cells);
      return names.includes('question') || names.includes('answer');
    });
    if (headerAt < 0) continue;
    const table: SheetTable = {
      sheet: sheet.name,
      preamble: rows.slice(0, headerAt).flatMap((r) => r.cells.filter((c) => c.trim())),
      records: rows.slice(headerAt).map(record),
    };
    const names = columnsFromHeader(rows[headerAt]!.cells);
    if (names.includes('question') && names.includes('answer')) return table;
    fallback ??= table; // a header missing a column: parse it so the problem names what is missing
  }
  if (fallback) return fallback;
  throw new FormatError(`has no sheet with a header row naming the question and answer columns (คำถาม / question, คำตอบ / answer); use --columns number=A,question=B,answer=C`);
}
