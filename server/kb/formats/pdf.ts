import { loadPdfjs } from './libraries.js';
import type { BatchProblem, LayoutItem } from '../batch-types.js';
import { isHeaderRow } from '../parse-layout.js';
import { pageRules, pageText, type TextRun } from './pdf-page.js';
import { findGrids, locate } from './pdf-table.js';
import { cellHtml, cellText, type PrintedLine } from './text-lines.js';
import { FormatError } from './format-error.js';

/** Runs whose baselines differ by less than this fraction of the font size are on one line. */
const SAME_LINE = 0.35;
/** A gap wider than this fraction of the font size between two runs is a space the PDF did not draw. */
const SPACE_GAP = 0.2;
/** Lines further apart than this multiple of the usual line pitch start a new paragraph. */
const PARAGRAPH_PITCH = 1.3;
const MARKS_ONLY = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\uF700-\uF71A\uF884-\uF89E]+$/;

interface PdfRow {
  page: number;
  top: number;
  /** Printed lines per column. */
  cols: PrintedLine[][];
  columns: number;
}

type Entry = { kind: 'text'; line: PrintedLine } | { kind: 'row'; row: PdfRow };

/** Runs → printed lines, top to bottom; runs keep their content-stream (logical) order within a line. */
function toLines(runs: TextRun[], page: number, clean: (s: string) => string, cell?: { left: number; right: number }): PrintedLine[] {
  const lines: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < SAME_LINE * Math.max(l.size, run.size));
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      let text = '';
      let end: number | undefined;
      for (const r of l.runs) {
        const gap = end === undefined ? 0 : r.x - end;
        if (end !== undefined && gap > SPACE_GAP * r.size && !/\s$/.test(text) && !/^\s/.test(r.text)) text += ' ';
        text += r.text;
        end = r.x + r.width;
      }
      const line: PrintedLine = { text: clean(text).replace(/\s+/g, ' ').trim(), y: l.y, page, size: l.size };
      if (cell) {
        line.room = cell.right - Math.max(...l.runs.map((r) => r.x + r.width));
        line.cellWidth = cell.right - cell.left;
      }
      return line;
    })
    .filter((l) => l.text);
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The first row on a page that continues the last row of the page before: no number where one is printed. */
function continues(row: PdfRow): boolean {
  if (row.columns === 3) return cellText(row.cols[0]!) === '';
  if (row.columns === 2) return !/^\s*[\d๐-๙]{1,4}\.\s/.test(row.cols[0]![0]?.text ?? '');
  return false;
}

/**
 * Reads a PDF handout: text with positions from pdfjs, tables rebuilt from
 * their ruling lines (rows between horizontal rules, columns between
 * vertical ones), lines outside tables kept as title, date and headings.
 * Header rows pass through (the layout parser skips them wherever they
 * repeat); a row split by a page break is joined back here, line by line,
 * so wrapped text and paragraphs survive. `clean` repairs each printed line.
 */
export async function readPdf(bytes: Uint8Array, clean: (s: string) => string): Promise<{ items: LayoutItem[]; warnings: BatchProblem[] }> {
  let doc;
  try {
    const { getDocument } = await loadPdfjs();
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (cause) {
    const name = (cause as Error).name;
    if (name === 'PasswordException') throw new FormatError('is encrypted (password-protected): save an unprotected copy and import that', { cause });
    throw new FormatError(`is not a readable PDF: ${(cause as Error).message}`, { cause });
  }
  try {
    const entries: Entry[] = [];
    const warnings: BatchProblem[] = [];
    const pitches: number[] = [];
    let anyText = false;
    let anyTable = false;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [runs, rules] = await Promise.all([pageText(page), pageRules(page)]);
      anyText ||= runs.length > 0;
      const grids = findGrids(rules);
      const outside: TextRun[] = [];
      const cells = new Map<string, TextRun[]>();
      let previous: { run: TextRun; at: ReturnType<typeof locate> } | undefined;
      for (const run of runs) {
        let at = locate(grids, run);
        if (!at && MARKS_ONLY.test(run.text)) {
          // A run of marks alone is drawn where the shaper put it, possibly over a rule: it belongs with the
          // letter before it. Far from any letter, it is debris of a page break (Chromium leaves such).
          if (!previous || Math.abs(previous.run.y - run.y) > run.size) {
            warnings.push({ line: 1, where: `page ${p}`, message: `a Thai mark "${run.text}" far from any letter was ignored`, severity: 'warning' });
            continue;
          }
          at = previous.at;
        }
        previous = { run, at };
        if (!at) outside.push(run);
        else {
          const key = `${at.grid}/${at.row}/${at.col}`;
          (cells.get(key) ?? cells.set(key, []).get(key)!).push(run);
        }
      }
      const pageEntries: { top: number; entry: Entry }[] = toLines(outside, p, clean).map((line) => ({ top: line.y, entry: { kind: 'text', line } }));
      grids.forEach((grid, g) => {
        const columns = grid.xs.length - 1;
        for (let r = 0; r + 1 < grid.ys.length; r++) {
          const cols = Array.from({ length: columns }, (_, c) => toLines(cells.get(`${g}/${r}/${c}`) ?? [], p, clean, { left: grid.xs[c]!, right: grid.xs[c + 1]! }));
          if (cols.every((c) => c.length === 0)) continue;
          anyTable = true;
          for (const col of cols) for (let i = 1; i < col.length; i++) pitches.push(col[i - 1]!.y - col[i]!.y);
          pageEntries.push({ top: grid.ys[r]!, entry: { kind: 'row', row: { page: p, top: grid.ys[r]!, cols, columns } } });
        }
      });
      pageEntries.sort((a, b) => b.top - a.top);
      let firstRow = true;
      for (const { entry } of pageEntries) {
        if (entry.kind === 'row') {
          const header = isHeaderRow(entry.row.cols.map(cellText));
          const previous = entries.findLast((e) => e.kind === 'row' && !isHeaderRow(e.row.cols.map(cellText)));
          if (firstRow && !header && p > 1 && previous?.kind === 'row' && previous.row.columns === entry.row.columns && continues(entry.row)) {
            previous.row.cols.forEach((col, c) => col.push(...entry.row.cols[c]!));
            firstRow = false;
            continue;
          }
          if (!header) firstRow = false;
        }
        entries.push(entry);
      }
      page.cleanup();
    }
    if (!anyText) throw new FormatError('has no text layer (a scanned image?): run OCR on it or import the text instead');
    if (!anyTable) throw new FormatError('has no table: expected the Q&A as a ruled table (number, question, answer)');

    const paragraphGap = (median(pitches) ?? 16) * PARAGRAPH_PITCH;
    const items = entries.map((e, i): LayoutItem => {
      if (e.kind === 'text') return { kind: 'text', text: e.line.text, line: i + 1, where: `page ${e.line.page}` };
      const { row } = e;
      const cells = row.cols.map((lines, c) =>
        row.columns === 3 && c === 0 ? cellText(lines) : cellHtml(lines, { paragraphGap, numberedFirstLine: row.columns === 2 && c === 0 }),
      );
      return { kind: 'row', cells, line: i + 1, where: `page ${row.page}` };
    });
    return { items, warnings };
  } finally {
    await doc.destroy();
  }
}
