import { assembleRows } from './assemble-rows.js';
import type { BatchMeta, BatchProblem, BatchSection, ParsedBatch, RawRow } from './batch-types.js';
import { decodeBatch } from './decode-batch.js';
import { guessMeta } from './guess-meta.js';
import { parseTable } from './parse-table.js';
import { SectionRegistry } from './section-registry.js';
import { parseThaiDate, thaiDigitsToArabic } from './thai-date.js';
import { collapseSpace, normalizeThai } from './thai-text.js';

export interface ParseOptions {
  /** Decides the format: *.csv and *.tsv are plain tables; anything else is PDF-extracted text. */
  fileName?: string;
}

const HEADER_CELLS = new Set(['ลำดับ', 'ที่', 'ข้อ', 'คำถาม', 'คำตอบ']);
/** Lines that only say "this is a Q&A": not part of the title. */
const GENERIC_LABEL = /^(q\s*&\s*a|คำถาม\s*[-–]?\s*คำตอบ|ถาม\s*[-–]?\s*ตอบ)$/i;
/** Page numbers left by extraction: "2", "- 2 -", "หน้า 2", "2/5". */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:หน้า\s*)?[\d๐-๙]+(?:\s*\/\s*[\d๐-๙]+)?(?:\s*[-–])?$/;
/** A line that means to be a date, so failing to parse it is an error rather than a heading. */
const DATE_INTENT = /^(?:ข้อมูล\s*)?(?:ณ\s*)?วันที่\s*[\d๐-๙]/;
/** `<p>18. question` or `18. question`: the number printed inside the question cell. */
const NUMBER_IN_CELL = /^(\s*(?:<[^<>]+>\s*)*)([\d๐-๙]{1,4})\.\s*/;

function isHeaderRow(cells: string[]): boolean {
  const trimmed = cells.map((c) => c.trim());
  return trimmed.every((c) => HEADER_CELLS.has(c)) && trimmed.includes('คำถาม') && trimmed.includes('คำตอบ');
}

function isTableLine(line: string | undefined): boolean {
  return line !== undefined && line.includes('\t');
}

/** Parses a Q&A batch. Never throws for bad input: everything wrong is in `problems`. */
export function parseBatch(content: Buffer | string, options: ParseOptions = {}): ParsedBatch {
  const lower = options.fileName?.toLowerCase() ?? '';
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.tsv') ? 'tsv' : 'pdf-text';
  const empty: ParsedBatch = { format, meta: { fiscalYears: [] }, sections: [], rows: [], problems: [] };
  const decoded = decodeBatch(content);
  if ('problem' in decoded) return { ...empty, problems: [decoded.problem] };
  if (!decoded.text.trim()) {
    return { ...empty, problems: [{ line: 1, message: 'empty file: no questions to import', severity: 'error' }] };
  }
  const parsed = format === 'pdf-text' ? parsePdfText(decoded.text) : parseTable(decoded.text, format);
  const rows = assembleRows(parsed.raw, parsed.problems);
  if (rows.length === 0 && !parsed.problems.some((p) => p.severity === 'error')) {
    parsed.problems.push({ line: 1, message: 'no numbered question rows found', severity: 'error' });
  }
  const problems = [...parsed.problems].sort((a, b) => a.line - b.line);
  const used = new Set(rows.map((r) => r.section));
  return { format, meta: parsed.meta, sections: parsed.sections.filter((s) => used.has(s.slug)), rows, problems };
}

interface Parsed {
  meta: BatchMeta;
  sections: BatchSection[];
  raw: RawRow[];
  problems: BatchProblem[];
}

/**
 * The seed layout: title lines, a date line, then tables separated by section
 * headings. A non-table line counts as a section heading when it follows a
 * table or the date line (the date closes the title block), or is a known
 * heading; before that it is part of the title.
 */
function parsePdfText(text: string): Parsed {
  const lines = text.split(/\r?\n/);
  const problems: BatchProblem[] = [];
  const sections = new SectionRegistry(problems);
  const raw: RawRow[] = [];
  const titleLines: string[] = [];
  let date: { iso: string; line: number } | undefined;
  let tableStarted = false;

  const nextNonBlank = (from: number) => {
    for (let j = from; j < lines.length; j++) if (lines[j]!.trim()) return lines[j];
    return undefined;
  };

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim()) return;
    const cells = line.split('\t');
    if (cells.length === 1) {
      const t = collapseSpace(normalizeThai(line));
      if (PAGE_NUMBER.test(t)) return;
      const iso = parseThaiDate(t);
      if (iso || DATE_INTENT.test(t)) {
        if (!iso) problems.push({ line: lineNo, message: `unparseable date "${t}": expected e.g. "วันที่ 10 กันยายน 2564"`, severity: 'error' });
        else if (!date) date = { iso, line: lineNo };
        else if (date.iso !== iso) problems.push({ line: lineNo, message: `second date ${iso} differs from ${date.iso} (line ${date.line}); using the first`, severity: 'warning' });
        return;
      }
      if (!tableStarted && !date && !sections.isKnown(t)) {
        if (!GENERIC_LABEL.test(t)) titleLines.push(t);
        return;
      }
      if (isTableLine(nextNonBlank(index + 1))) {
        sections.open(t, lineNo);
      } else {
        problems.push({ line: lineNo, message: `text outside the table is neither a heading (no table follows) nor a date: "${t.slice(0, 60)}"`, severity: 'error' });
      }
      return;
    }
    tableStarted = true;
    if (isHeaderRow(cells)) return;
    const norm = cells.map((c) => normalizeThai(c));
    if (norm.length === 3) {
      const numberCell = thaiDigitsToArabic(norm[0]!.trim()).replace(/\.$/, '');
      if (numberCell !== '' && !/^\d+$/.test(numberCell)) {
        problems.push({ line: lineNo, message: `number cell "${norm[0]!.trim()}" is not a number`, severity: 'error' });
        return;
      }
      raw.push({
        line: lineNo,
        number: numberCell === '' ? undefined : Number(numberCell),
        section: sections.current(lineNo),
        question: norm[1]!,
        answer: norm[2]!,
      });
    } else if (norm.length === 2) {
      const m = NUMBER_IN_CELL.exec(norm[0]!);
      raw.push({
        line: lineNo,
        number: m ? Number(thaiDigitsToArabic(m[2]!)) : undefined,
        section: sections.current(lineNo),
        question: m ? m[1]! + norm[0]!.slice(m[0].length) : norm[0]!,
        answer: norm[1]!,
      });
    } else {
      problems.push({ line: lineNo, message: `expected 2 or 3 tab-separated cells (number, question, answer), found ${norm.length}`, severity: 'error' });
    }
  });

  const title = titleLines.length ? collapseSpace(titleLines.join(' ')) : undefined;
  return { meta: guessMeta(title, date?.iso), sections: sections.list(), raw, problems };
}
