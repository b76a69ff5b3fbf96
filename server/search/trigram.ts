/**
 * Character-trigram similarity, the one implementation: question similarity in ranking
 * (score.ts), grouping logged questions (server/log/trigram.ts) and duplicate detection on
 * import (server/kb/similarity.ts). Characters rather than words because Thai has no spaces
 * between words, and a short colloquial question may be segmented differently from a record.
 * Callers reduce the text to a key first (their own normalization); grams are counted in code
 * points, so a Thai vowel or tone mark is one character.
 */

/** Trigrams of a key; a key shorter than three characters is its own single gram (none if empty). */
export function trigramsOf(key: string): Set<string> {
  const chars = Array.from(key);
  const out = new Set<string>();
  if (chars.length < 3) {
    if (chars.length > 0) out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return out;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const g of small) if (large.has(g)) n++;
  return n;
}

/** Jaccard similarity |A∩B| / |A∪B| in [0, 1]; two empty sets are identical (1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const n = shared(a, b);
  return n / (a.size + b.size - n);
}

/** Dice similarity 2|A∩B| / (|A|+|B|) in [0, 1]; 0 when either set is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * shared(a, b)) / (a.size + b.size);
}
