import { collapseSpace } from './thai-text.js';

/**
 * Turns a table cell (HTML fragments, `●` bullets, flattened lists) into the
 * shared clean-text format: paragraphs separated by "\n\n"; list items one per
 * line, "• " for bullets and the printed number ("1. ") for numbered items.
 *
 * PDF extraction leaves lists half-formed: `<ul>` opened twice and never
 * closed, items marked only by `●`, numbered items typed inside an
 * `<ol style="list-style-type: none">`. So lists are recognised by their
 * markers rather than by well-formed markup, and consecutive lists merge.
 */

const TAG = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
const BULLET = /[●•▪◦]/;
const NUMBERED_START = /^\s*(\d{1,2})\.\s+/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface Item {
  /** '' until the first text decides between a printed number and a generated marker. */
  marker: string;
  number?: number;
  text: string;
  ordered: boolean;
}

class TextBuilder {
  private readonly blocks: string[] = [];
  private para = '';
  private list: string[] | null = null;
  private item: Item | null = null;
  private readonly olCounters: number[] = [];

  openList(ordered: boolean): void {
    this.flushPara();
    this.flushItem();
    if (ordered) this.olCounters.push(0);
  }

  closeList(ordered: boolean): void {
    this.flushItem();
    if (ordered) this.olCounters.pop();
  }

  startLi(): void {
    this.flushPara();
    this.flushItem();
    this.list ??= [];
    this.item = { marker: '', text: '', ordered: this.olCounters.length > 0 };
  }

  startBullet(): void {
    this.flushPara();
    this.flushItem();
    this.list ??= [];
    this.item = { marker: '• ', text: '', ordered: false };
  }

  blockBreak(): void {
    this.flushPara();
    this.flushItem();
  }

  text(raw: string): void {
    raw.split(BULLET).forEach((piece, i) => {
      if (i > 0) this.startBullet();
      this.appendPiece(piece);
    });
  }

  private appendPiece(piece: string): void {
    if (!piece.trim()) {
      if (this.item) this.item.text += piece;
      else this.para += piece;
      return;
    }
    let rest = piece;
    if (this.item && this.item.marker === '' && !this.item.text.trim()) {
      const m = NUMBERED_START.exec(rest);
      if (m) {
        this.item.number = Number(m[1]);
        this.item.marker = `${m[1]}. `;
        rest = rest.slice(m[0].length);
      } else if (this.item.ordered) {
        const counter = (this.olCounters.at(-1) ?? 0) + 1;
        this.olCounters[this.olCounters.length - 1] = counter;
        this.item.number = counter;
        this.item.marker = `${counter}. `;
      } else {
        this.item.marker = '• ';
      }
    } else if (!this.item && !this.para.trim()) {
      const m = NUMBERED_START.exec(rest);
      if (m) {
        this.list ??= [];
        this.item = { marker: `${m[1]}. `, number: Number(m[1]), text: '', ordered: true };
        rest = rest.slice(m[0].length);
      } else if (this.list) {
        this.flushList();
      }
    }
    if (this.item) this.appendToNumbered(rest);
    else this.para += rest;
  }

  /** A flattened numbered list ("1. a 2. b") splits where the next number in sequence appears. */
  private appendToNumbered(text: string): void {
    let rest = text;
    while (this.item?.number !== undefined) {
      const next = this.item.number + 1;
      const at = rest.search(new RegExp(`\\s${next}\\.\\s`));
      if (at < 0) break;
      this.item.text += rest.slice(0, at);
      rest = rest.slice(at).replace(/^\s+/, '');
      this.flushItem();
      this.list ??= [];
      this.item = { marker: `${next}. `, number: next, text: '', ordered: true };
      rest = rest.slice(`${next}.`.length);
    }
    this.item!.text += rest;
  }

  private flushPara(): void {
    const text = collapseSpace(this.para);
    this.para = '';
    if (!text) return;
    this.flushList();
    this.blocks.push(text);
  }

  private flushItem(): void {
    const item = this.item;
    this.item = null;
    if (!item) return;
    const text = collapseSpace(item.text);
    if (text) (this.list ??= []).push(`${item.marker || '• '}${text}`);
  }

  private flushList(): void {
    this.flushItem();
    if (this.list?.length) this.blocks.push(this.list.join('\n'));
    this.list = null;
  }

  finish(): string {
    this.flushPara();
    this.flushList();
    return this.blocks.join('\n\n');
  }
}

/** Clean text of one cell; input should already be Unicode-normalized (see thai-text.ts). */
export function htmlToText(cell: string): string {
  const out = new TextBuilder();
  let last = 0;
  for (const m of cell.matchAll(TAG)) {
    out.text(decodeEntities(cell.slice(last, m.index)));
    last = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    const closing = m[0][1] === '/';
    if (name === 'ul' || name === 'ol') {
      if (closing) out.closeList(name === 'ol');
      else out.openList(name === 'ol');
    } else if (name === 'li') {
      if (closing) out.blockBreak();
      else out.startLi();
    } else if (BLOCK_TAGS.has(name)) {
      out.blockBreak();
    }
    // Inline tags (span, b, a, font…) carry no structure we keep.
  }
  out.text(decodeEntities(cell.slice(last)));
  return out.finish();
}
