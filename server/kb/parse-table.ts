import { parse } from 'csv-parse/sync';
import type { BatchMeta, BatchProblem, BatchSection, RawRow } from './batch-types.js';
import { SectionRegistry } from './section-registry.js';
import { thaiDigitsToArabic } from './thai-date.js';
import { collapseSpace } from './thai-text.js';

export type Column = 'number' | 'question' | 'answer' | 'section';
export const COLUMNS: readonly Column[] = ['number', 'question', 'answer', 'section'];
/** Header names editors use, Thai or English, lower-cased. */
export const COLUMN_ALIASES: Record<string, Column> = {
  number: 'number', no: 'number', 'no.': 'number', '#': 'number', ลำดับ: 'number', ข้อ: 'number', ที่: 'number', 'ลำดับที่': 'number',
  question: 'question', คำถาม: 'question', 'question (thai)': 'question', 'คำถาม (ไทย)': 'question',
  answer: 'answer', คำตอบ: 'answer', 'answer (thai)': 'answer', 'คำตอบ (ไทย)': 'answer',
  section: 'section', หมวด: 'section', หัวข้อ: 'section', ส่วน: 'section', category: 'section', หมวดหมู่: 'section',
};
const DEFAULT_ORDER: Column[] = ['number', 'question', 'answer', 'section'];

/** One row of a table file: its cells, its line (row number), and where each cell is (`Sheet1!C12`). */
export interface TableRecord {
  cells: string[];
  line: number;
  address?: (column: number) => string;
}

export interface TableOptions {
  /** Column index of each field; when absent, taken from a header row or the default order. */
  columns?: Partial<Record<Column, number>>;
  /** Name of the file's columns in messages (`column C`), by index. */
  columnName?: (index: number) => string;
}

export function columnsFromHeader(cells: string[]): (Column | undefined)[] {
  return cells.map((c) => COLUMN_ALIASES[collapseSpace(c).toLowerCase()]);
}

/**
 * A plain table: number, question, answer and an optional section column,
 * chosen by `options.columns`, by a header row naming them (English or Thai),
 * or in that order. An empty number cell continues the previous row, as in
 * the PDF text format.
 */
export function parseTableRecords(
  records: TableRecord[],
  clean: (text: string) => string,
  options: TableOptions = {},
): { meta: BatchMeta; sections: BatchSection[]; raw: RawRow[]; problems: BatchProblem[] } {
  const problems: BatchProblem[] = [];
  const sections = new SectionRegistry(problems);
  const raw: RawRow[] = [];
  const meta: BatchMeta = { fiscalYears: [] };
  let index: Partial<Record<Column, number>> | undefined = options.columns;
  const first = records.findIndex((r) => r.cells.some((c) => c.trim()));
  if (!index && first >= 0) {
    const header = records[first]!.cells;
    const names = columnsFromHeader(header);
    if (names.includes('question') || names.includes('answer')) {
      index = Object.fromEntries(COLUMNS.filter((c) => names.includes(c)).map((c) => [c, names.indexOf(c)]));
      records = records.slice(first + 1);
      const missing = (['question', 'answer'] as const).filter((c) => index![c] === undefined);
      if (missing.length) {
        problems.push({ line: 1, message: `no ${missing.join(' or ')} column in the header row (found: ${header.map((c) => `"${collapseSpace(c)}"`).join(', ')}); name it ${missing.map((m) => (m === 'answer' ? 'คำตอบ / answer' : 'คำถาม / question')).join(', ')} or use --columns`, severity: 'error' });
        return { meta, sections: [], raw, problems };
      }
    }
  }
  index ??= Object.fromEntries(DEFAULT_ORDER.map((c, i) => [c, i]));
  for (const c of ['question', 'answer'] as const) {
    if (index[c] === undefined) {
      problems.push({ line: 1, message: `no ${c} column: name it in the header row or use --columns ${c}=<column>`, severity: 'error' });
      return { meta, sections: [], raw, problems };
    }
  }

  for (const { cells, line, address } of records) {
    const cell = (col: Column) => {
      const at = index[col];
      return at !== undefined ? clean(cells[at] ?? '') : '';
    };
    const where = (col: Column) => (address && index[col] !== undefined ? { where: address(index[col]) } : address ? { where: address(0) } : {});
    if (cells.every((c) => !c.trim())) continue;
    const numberCell = thaiDigitsToArabic(cell('number').trim()).replace(/\.$/, '');
    if (numberCell !== '' && !/^\d+$/.test(numberCell)) {
      problems.push({ line, ...where('number'), message: `number cell "${numberCell}" is not a number`, severity: 'error' });
      continue;
    }
    const sectionCell = collapseSpace(cell('section'));
    const section = sectionCell ? sections.open(sectionCell, line) : sections.current(line);
    const row: RawRow = { line, ...where('number'), number: numberCell === '' ? undefined : Number(numberCell), section, question: cell('question'), answer: cell('answer') };
    if (address) row.cellWhere = { question: address(index.question!), answer: address(index.answer!) };
    raw.push(row);
  }
  return { meta, sections: sections.list(), raw, problems };
}

/** A CSV or TSV batch: records with their first line in the file. */
export function parseTable(text: string, format: 'csv' | 'tsv', clean: (text: string) => string) {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter: format === 'csv' ? ',' : '\t',
      // TSV cells are not quoted; a cell that starts with " is text.
      quote: format === 'csv' ? '"' : false,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (cause) {
    const line = (cause as { lines?: number }).lines ?? 1;
    const problems: BatchProblem[] = [{ line, message: `cannot parse ${format.toUpperCase()}: ${(cause as Error).message}`, severity: 'error' }];
    return { meta: { fiscalYears: [] }, sections: [], raw: [], problems };
  }
  const table = records.map(({ record, info, raw }) => ({
    cells: record,
    line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
  }));
  return parseTableRecords(table, clean);
}
