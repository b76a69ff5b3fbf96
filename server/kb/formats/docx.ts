import { loadMammoth } from './libraries.js';
import type { LayoutItem } from '../batch-types.js';
import { decodeEntities } from '../html-to-text.js';
import { FormatError } from './format-error.js';


const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/g;
const CELL = /<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g;
const BLOCK = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/g;

const plain = (html: string) => decodeEntities(html.replace(/<br\s*\/?>/g, ' ').replace(/<[^<>]*>/g, '')).trim();

/** Top-level tables of mammoth's HTML; a table nested in a cell stays inside that cell's HTML. */
function splitTables(html: string): { before: string; table?: string }[] {
  const parts: { before: string; table?: string }[] = [];
  let at = 0;
  const open = /<table\b[^>]*>|<\/table>/g;
  let depth = 0;
  let start = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) {
        parts.push({ before: html.slice(at, start), table: html.slice(start, open.lastIndex) });
        at = open.lastIndex;
      }
    } else if (depth++ === 0) start = m.index;
  }
  parts.push({ before: html.slice(at) });
  return parts;
}

/**
 * Reads a Word handout: mammoth turns the .docx into HTML (paragraphs, lists
 * and tables, styles dropped); paragraphs outside tables become title, date
 * and heading lines, and each table row a row whose cells keep their HTML for
 * html-to-text, as the PDF reader does.
 */
export async function readDocx(bytes: Uint8Array): Promise<LayoutItem[]> {
  let html: string;
  try {
    ({ value: html } = await (await loadMammoth()).convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (cause) {
    throw new FormatError(`is not a readable Word document: ${(cause as Error).message}`, { cause });
  }
  const items: LayoutItem[] = [];
  let tables = 0;
  for (const part of splitTables(html)) {
    for (const m of part.before.matchAll(BLOCK)) {
      const text = plain(m[2]!);
      const where = tables ? `after table ${tables}` : 'before the first table';
      if (text) items.push({ kind: 'text', text, line: items.length + 1, where });
    }
    if (!part.table) continue;
    tables++;
    const inner = part.table.replace(/^<table\b[^>]*>/, '').replace(/<\/table>$/, '');
    let rowNumber = 0;
    for (const row of inner.matchAll(ROW)) {
      rowNumber++;
      const cells = [...row[1]!.matchAll(CELL)].map((c) => c[1]!);
      if (cells.length) items.push({ kind: 'row', cells, line: items.length + 1, where: `table ${tables} row ${rowNumber}` });
    }
  }
  if (tables === 0) throw new FormatError('has no table: expected the Q&A as a Word table (number, question, answer)');
  return items;
}
