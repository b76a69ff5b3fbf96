import { repairThai, type RepairCounts } from './thai-repair.js';

/**
 * The only changes the importer makes to Thai text, so that "no Thai character
 * is lost or altered" can be tested against exactly this list:
 * 1. Unicode NFC.
 * 2. Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) dropped.
 * 3. The repairs of thai-repair.ts (PUA glyphs, space before a mark, decomposed
 *    sara am, mark order, เเ, a lost nikhahit the dictionary confirms), counted
 *    into `counts` when given.
 * 4. Whitespace runs (including NBSP) collapsed to one space (collapseSpace, html-to-text).
 */
export function normalizeThai(text: string, counts?: RepairCounts): string {
  return repairThai(text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, ''), counts);
}

export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Thai consonants, vowels and marks; not digits, ฯ, ๆ or ๏/๚/๛ punctuation. */
const THAI_LETTER = /[\u0E01-\u0E2E\u0E30-\u0E3A\u0E40-\u0E45\u0E47-\u0E4E]/;

export function isThaiLetter(ch: string | undefined): boolean {
  return ch !== undefined && THAI_LETTER.test(ch);
}

/**
 * Joins a cell with its continuation from the next page. The seeds show that
 * a page break cuts a cell wherever the PDF line wrapped, mid-word included
 * ("…นำเข้าคำอธิบายชุด" + "ข้อมูล (metadata)…" is ชุดข้อมูล), and Thai puts no
 * space between words, so Thai letter + Thai letter joins without a space.
 * Anything else (Latin, digits, punctuation, tags) gets one space.
 */
export function joinContinuation(head: string, tail: string): string {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (!a) return b;
  if (!b) return a;
  return isThaiLetter(a.at(-1)) && isThaiLetter(b[0]) ? a + b : `${a} ${b}`;
}

/** Multiset of Thai characters (U+0E01-U+0E5B), for the preservation check. */
export function thaiCharCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch >= '\u0E01' && ch <= '\u0E5B') counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}
