import { normalize } from './normalize.js';

/**
 * Character trigrams of a text as one sorted Float64Array of numbers, instead of a Set of
 * strings: a Thai answer of 1,000 letters holds some 700 distinct trigrams, which as Set
 * entries cost about 40 KB and as numbers under 6 KB, and similarity becomes a merge of two
 * sorted arrays with no allocation. Thai has no spaces between words and a short colloquial
 * question may be cut differently from a record; overlapping trigrams do not depend on where
 * words end (the string form and its other users: trigram.ts).
 *
 * A trigram of three code points of the Basic Multilingual Plane (every Thai, Latin and digit
 * character) is packed exactly: c0·2³² + c1·2¹⁶ + c2, below 2⁴⁸. No dictionary is shared, so a
 * record's set can be made whenever it is first needed (index.ts makes them lazily) and a
 * question's set needs no lookup. The rare gram with a character outside that plane (an emoji),
 * and the single gram of a key shorter than three characters, become 2⁴⁸ + a 32-bit FNV-1a hash
 * of the gram: above every packed value, and equal to another gram's only by a 1-in-4-billion
 * collision, which at worst nudges one similarity.
 */
export interface GramSet {
  /** Distinct grams, ascending. Its length is the set's size. */
  readonly codes: Float64Array;
}

export const EMPTY_GRAMS: GramSet = { codes: new Float64Array(0) };

const HASHED = 2 ** 48;

function hashedGram(gram: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  return HASHED + (h >>> 0);
}

/** Trigrams of a key as trigram.ts's trigramsOf counts them (in code points), packed and sorted. */
export function gramSetOf(key: string): GramSet {
  const points = Array.from(key, (ch) => ch.codePointAt(0)!);
  if (points.length === 0) return EMPTY_GRAMS;
  if (points.length < 3) return { codes: Float64Array.of(hashedGram(key)) };
  const codes = new Float64Array(points.length - 2);
  for (let i = 0; i < codes.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const c = points[i + 2]!;
    codes[i] = a <= 0xffff && b <= 0xffff && c <= 0xffff ? a * 2 ** 32 + b * 2 ** 16 + c : hashedGram(String.fromCodePoint(a, b, c));
  }
  codes.sort();
  let distinct = 1;
  for (let i = 1; i < codes.length; i++) if (codes[i] !== codes[distinct - 1]) codes[distinct++] = codes[i]!;
  return { codes: distinct === codes.length ? codes : codes.slice(0, distinct) };
}

/** Trigrams of a text normalized for search (normalize.ts) with its spaces removed. */
export function charGrams(text: string): GramSet {
  return gramSetOf(normalize(text).replace(/\s+/g, ''));
}

function sharedCount(a: GramSet, b: GramSet): number {
  const x = a.codes;
  const y = b.codes;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    const d = x[i]! - y[j]!;
    if (d === 0) {
      n++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return n;
}

/** Dice 2|A∩B| / (|A|+|B|), as trigram.ts's dice: 0 when either set is empty. */
export function gramDice(a: GramSet, b: GramSet): number {
  if (a.codes.length === 0 || b.codes.length === 0) return 0;
  return (2 * sharedCount(a, b)) / (a.codes.length + b.codes.length);
}

/** Jaccard |A∩B| / |A∪B|, as trigram.ts's jaccard: two empty sets are identical (1). */
export function gramJaccard(a: GramSet, b: GramSet): number {
  if (a.codes.length === 0 && b.codes.length === 0) return 1;
  const n = sharedCount(a, b);
  return n / (a.codes.length + b.codes.length - n);
}
