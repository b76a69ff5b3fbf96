import { isThaiLetter } from '../thai-text.js';

/** One printed line of a cell or of the page, cleaned. */
export interface PrintedLine {
  text: string;
  /** Baseline, points from the bottom of the page. */
  y: number;
  page: number;
  size: number;
  /** Space left between the end of the line and the right edge of its cell (points); undefined outside tables. */
  room?: number;
  /** Width of the line's cell (points). */
  cellWidth?: number;
}

/**
 * A line that stops well short of its cell's edge ended a paragraph: the next
 * word would have fitted. Thai words and URLs can be long, hence the margin.
 */
function endsParagraph(line: PrintedLine): boolean {
  if (line.room === undefined || line.cellWidth === undefined) return false;
  return line.room > Math.max(4 * line.size, 0.25 * line.cellWidth);
}

/** Thai combining marks can end a line too (`ที่`): they belong to a Thai letter. */
const THAI_END = /[\u0E01-\u0E4E]$/;

/**
 * Joins a wrapped line onto the line before it. A PDF keeps no character for
 * a line break, so: Thai letter + Thai letter joins without a space (Thai
 * wraps between words, which take no space), a hyphen keeps the word whole
 * (`e-` + `Service`, `SAR/` + `เมื่อ`), anything else gets one space. The same rule as rows
 * continued across pages (thai-text.ts joinContinuation); a wrap exactly at a
 * space between two Thai words loses that space.
 */
export function joinWrapped(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (!a) return b;
  if (!b) return a;
  if (head !== a || tail !== b) return `${a} ${b}`;
  if (THAI_END.test(a) && isThaiLetter(b[0])) return a + b;
  if (/[A-Za-z0-9]-$|\S\/$/.test(a)) return a + b;
  return `${a} ${b}`;
}

/** The bullets html-to-text knows; a dash at a line start is as likely a wrapped `e – SAR`. */
const BULLET = /^[•●▪◦]\s/;
const NUMBERED = /^\d{1,2}\.\s/;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface CellOptions {
  /** Baseline distance above which two lines are separate paragraphs (points). */
  paragraphGap: number;
  /** The first line starts with the row's printed number, not a list item (`1. question`). */
  numberedFirstLine?: boolean;
}

/**
 * A cell's printed lines as HTML the importer's html-to-text understands:
 * `<p>` per paragraph (a larger gap between lines), `<ul>`/`<ol>` items for
 * lines that start with a bullet or a printed number, wrapped lines joined.
 * Across a page break, a paragraph ends only if its last line was short.
 */
export function cellHtml(lines: PrintedLine[], options: CellOptions): string {
  type Block = { kind: 'p' | 'ul' | 'ol'; text: string };
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    // On one page the gap between lines tells; across a page break only how full the last line was.
    const newParagraph = !prev || (prev.page === line.page ? prev.y - line.y > options.paragraphGap : endsParagraph(prev));
    const marker = i === 0 && options.numberedFirstLine ? undefined : BULLET.test(line.text) ? 'ul' : NUMBERED.test(line.text) ? 'ol' : undefined;
    const last = blocks.at(-1);
    if (marker) blocks.push({ kind: marker, text: marker === 'ul' ? line.text.replace(BULLET, '') : line.text });
    else if (newParagraph || !last) blocks.push({ kind: 'p', text: line.text });
    else last.text = joinWrapped(last.text, line.text);
  });
  return blocks.map((b) => (b.kind === 'p' ? `<p>${esc(b.text)}</p>` : `<${b.kind}><li>${esc(b.text)}</li></${b.kind}>`)).join('');
}

/** Plain text of a cell's lines (number cells, header cells): wrapped lines joined. */
export function cellText(lines: PrintedLine[]): string {
  return lines.reduce((text, line) => joinWrapped(text, line.text), '');
}

/**
 * A spreadsheet cell's plain text as HTML for html-to-text: each line its own
 * paragraph (a blank line changes nothing), so list items typed one per line
 * (`• …`, `1. …`) stay items and paragraphs stay paragraphs.
 */
export function plainTextHtml(text: string): string {
  if (!/\n/.test(text)) return esc(text);
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
}
