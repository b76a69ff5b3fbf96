import type { BatchMeta, BatchProblem, BatchSection, LayoutItem, RawRow } from './batch-types.js';
import { guessMeta } from './guess-meta.js';
import { htmlToText } from './html-to-text.js';
import { SectionRegistry } from './section-registry.js';
import { parseThaiDate, thaiDigitsToArabic } from './thai-date.js';
import { collapseSpace } from './thai-text.js';

const HEADER_CELLS = new Set(['ลำดับ', 'ที่', 'ข้อ', 'คำถาม', 'คำตอบ']);
/** Lines that only say "this is a Q&A": not part of the title. */
const GENERIC_LABEL = /^(q\s*&\s*a|คำถาม\s*[-–]?\s*คำตอบ|ถาม\s*[-–]?\s*ตอบ)$/i;
/** Page numbers left by extraction: "2", "- 2 -", "หน้า 2", "2/5". */
const PAGE_NUMBER = /^(?:[-–]\s*)?(?:หน้า\s*)?[\d๐-๙]+(?:\s*\/\s*[\d๐-๙]+)?(?:\s*[-–])?$/;
/** A line that means to be a date, so failing to parse it is an error rather than a heading. */
const DATE_INTENT = /^(?:ข้อมูล\s*)?(?:ณ\s*)?วันที่\s*[\d๐-๙]/;
/** `<p>18. question` or `18. question`: the number printed inside the question cell. */
const NUMBER_IN_CELL = /^(\s*(?:<[^<>]+>\s*)*)([\d๐-๙]{1,4})\.\s*/;

export function isHeaderRow(cells: string[]): boolean {
  const trimmed = cells.map((c) => collapseSpace(c.replace(/<[^<>]*>/g, ' ')));
  return trimmed.every((c) => HEADER_CELLS.has(c)) && trimmed.includes('คำถาม') && trimmed.includes('คำตอบ');
}

export interface ParsedLayout {
  meta: BatchMeta;
  sections: BatchSection[];
  raw: RawRow[];
  problems: BatchProblem[];
}

/**
 * The handout layout: title lines, a date line, then tables separated by
 * section headings. A line outside the tables counts as a section heading when
 * it follows a table or the date line (the date closes the title block), or is
 * a known heading; before that it is part of the title. Header rows (repeated
 * on every page) are skipped; a row with an empty number cell continues the
 * row above (assemble-rows.ts joins it). `clean` normalizes and repairs text.
 */
export function parseLayout(items: LayoutItem[], clean: (text: string) => string): ParsedLayout {
  const problems: BatchProblem[] = [];
  const sections = new SectionRegistry(problems);
  const raw: RawRow[] = [];
  const titleLines: string[] = [];
  let date: { iso: string; line: number; where?: string } | undefined;
  let tableStarted = false;
  const problem = (item: LayoutItem, severity: BatchProblem['severity'], message: string) =>
    problems.push({ line: item.line, ...(item.where ? { where: item.where } : {}), message, severity });

  items.forEach((item, index) => {
    if (item.kind === 'text') {
      const t = collapseSpace(clean(item.text));
      if (!t || PAGE_NUMBER.test(t)) return;
      const iso = parseThaiDate(t);
      if (iso || DATE_INTENT.test(t)) {
        if (!iso) problem(item, 'error', `unparseable date "${t}": expected e.g. "วันที่ 10 กันยายน 2564"`);
        else if (!date) date = { iso, line: item.line, ...(item.where ? { where: item.where } : {}) };
        else if (date.iso !== iso) problem(item, 'warning', `second date ${iso} differs from ${date.iso} (${date.where ?? `line ${date.line}`}); using the first`);
        return;
      }
      if (!tableStarted && !date && !sections.isKnown(t)) {
        if (!GENERIC_LABEL.test(t)) titleLines.push(t);
        return;
      }
      const next = items.slice(index + 1).find((i) => i.kind === 'row' || collapseSpace(i.text) !== '');
      if (next?.kind === 'row') sections.open(t, item.line);
      else problem(item, 'error', `text outside the table is neither a heading (no table follows) nor a date: "${t.slice(0, 60)}"`);
      return;
    }
    tableStarted = true;
    if (isHeaderRow(item.cells)) return;
    const norm = item.cells.map((c) => clean(c));
    const at = { line: item.line, ...(item.where ? { where: item.where } : {}) };
    if (norm.length === 3) {
      const numberCell = thaiDigitsToArabic(htmlToText(norm[0]!)).replace(/\.$/, '');
      if (numberCell !== '' && !/^\d+$/.test(numberCell)) {
        problem(item, 'error', `number cell "${htmlToText(norm[0]!)}" is not a number`);
        return;
      }
      raw.push({ ...at, number: numberCell === '' ? undefined : Number(numberCell), section: sections.current(item.line), question: norm[1]!, answer: norm[2]! });
    } else if (norm.length === 2) {
      const m = NUMBER_IN_CELL.exec(norm[0]!);
      raw.push({
        ...at,
        number: m ? Number(thaiDigitsToArabic(m[2]!)) : undefined,
        section: sections.current(item.line),
        question: m ? m[1]! + norm[0]!.slice(m[0].length) : norm[0]!,
        answer: norm[1]!,
      });
    } else {
      problem(item, 'error', `expected 2 or 3 cells (number, question, answer), found ${norm.length}`);
    }
  });

  const title = titleLines.length ? collapseSpace(titleLines.join(' ')) : undefined;
  return { meta: guessMeta(title, date?.iso), sections: sections.list(), raw, problems };
}
