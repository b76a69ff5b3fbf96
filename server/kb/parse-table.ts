import { parse } from 'csv-parse/sync';
import type { BatchMeta, BatchProblem, BatchSection, RawRow } from './batch-types.js';
import { SectionRegistry } from './section-registry.js';
import { thaiDigitsToArabic } from './thai-date.js';
import { collapseSpace, normalizeThai } from './thai-text.js';

type Column = 'number' | 'question' | 'answer' | 'section';
const ALIASES: Record<string, Column> = {
  number: 'number', no: 'number', 'no.': 'number', '#': 'number', ลำดับ: 'number', ข้อ: 'number', ที่: 'number',
  question: 'question', คำถาม: 'question',
  answer: 'answer', คำตอบ: 'answer',
  section: 'section', หมวด: 'section', หัวข้อ: 'section', ส่วน: 'section',
};
const DEFAULT_ORDER: Column[] = ['number', 'question', 'answer', 'section'];

/**
 * A plain table batch: number, question, answer and an optional section
 * column, with an optional header row naming them (English or Thai). An empty
 * number cell continues the previous row, as in the PDF text format.
 */
export function parseTable(text: string, format: 'csv' | 'tsv'): { meta: BatchMeta; sections: BatchSection[]; raw: RawRow[]; problems: BatchProblem[] } {
  const problems: BatchProblem[] = [];
  const sections = new SectionRegistry(problems);
  const raw: RawRow[] = [];
  const meta: BatchMeta = { fiscalYears: [] };
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
    problems.push({ line, message: `cannot parse ${format.toUpperCase()}: ${(cause as Error).message}`, severity: 'error' });
    return { meta, sections: [], raw, problems };
  }

  let columns: (Column | undefined)[] = DEFAULT_ORDER;
  records.forEach(({ record, info, raw: rawText }, i) => {
    const endLine = info.lines;
    const line = endLine - (rawText.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const names = record.map((c) => ALIASES[c.trim().toLowerCase()]);
    if (i === 0 && names.includes('question') && names.includes('answer')) {
      columns = names;
      return;
    }
    const cell = (col: Column) => {
      const at = columns.indexOf(col);
      return at >= 0 ? normalizeThai(record[at] ?? '') : '';
    };
    if (record.every((c) => !c.trim())) return;
    const numberCell = thaiDigitsToArabic(cell('number').trim()).replace(/\.$/, '');
    if (numberCell !== '' && !/^\d+$/.test(numberCell)) {
      problems.push({ line, message: `number cell "${numberCell}" is not a number`, severity: 'error' });
      return;
    }
    const sectionCell = collapseSpace(cell('section'));
    const section = sectionCell ? sections.open(sectionCell, line) : sections.current(line);
    raw.push({ line, number: numberCell === '' ? undefined : Number(numberCell), section, question: cell('question'), answer: cell('answer') });
  });
  return { meta, sections: sections.list(), raw, problems };
}
