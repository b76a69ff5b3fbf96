import { lexicon } from './lexicon.js';

/**
 * Numbers written as words become digits, so "รอบสิบสองเดือน" meets "รอบ 12 เดือน" and "ten
 * focus areas" meets "10 focus area". The handouts write numbers in digits; people typing a
 * question often spell them out. Works on segmented tokens: Thai number words come out of
 * the segmenter one word at a time (สิบ|สอง), so a run of them is read as one number.
 */

const words = lexicon()['number-words'].entries;
const byKind = (kind: string): ReadonlyMap<string, number> => new Map(words.filter((e) => e.kind === kind).map((e) => [e.word, e.value]));
/** kb/lexicon/number-words.json: Thai digits and multipliers, English 0-20. */
const THAI_DIGITS = byKind('digit');
const THAI_MULTIPLIERS = byKind('multiplier');
const ENGLISH = byKind('english');

function isThaiNumberWord(token: string): boolean {
  return THAI_DIGITS.has(token) || THAI_MULTIPLIERS.has(token);
}

/** Value of a run of Thai number words: สิบ|สอง = 12, ยี่|สิบ|ห้า = 25, สาม|ร้อย = 300. */
function thaiValue(words: readonly string[]): number {
  let total = 0;
  let digit: number | undefined;
  for (const w of words) {
    const d = THAI_DIGITS.get(w);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    total += (digit ?? 1) * THAI_MULTIPLIERS.get(w)!;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/**
 * เดียว after a noun or classifier is the number one: ข้อเดียว = 1 ข้อ, ตัวเดียว = 1 ตัว, the
 * way the handouts write it ("เลือกได้ 1 ประเด็น"). Not after อย่าง: อย่างเดียว means "only".
 */
const SINGLE = 'เดียว';
const NOT_SINGLE_AFTER: ReadonlySet<string> = new Set(['อย่าง']);

export function numbersToDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token === SINGLE && i > 0 && !NOT_SINGLE_AFTER.has(tokens[i - 1]!)) {
      out.push('1');
      i++;
      continue;
    }
    const english = ENGLISH.get(token);
    if (english !== undefined) {
      out.push(String(english));
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && isThaiNumberWord(tokens[j]!)) j++;
    if (j === i) {
      out.push(token);
      i++;
      continue;
    }
    out.push(String(thaiValue(tokens.slice(i, j))));
    i = j;
  }
  return out;
}
