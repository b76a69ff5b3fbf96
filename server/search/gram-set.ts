import type { Vocabulary } from './engine/vocabulary.js';

/**
 * A set of character trigrams as sorted ids of one dictionary shared by the whole index (a
 * Vocabulary of grams), instead of a Set of strings per record: a Thai answer of 1,000 letters
 * holds some 700 distinct trigrams, which as Set entries cost about 40 KB per record (most of
 * the heap at 10,000 records) and as a Uint32Array under 3 KB. Similarity is a merge of two
 * sorted arrays, with no allocation.
 *
 * `size` counts every distinct gram of the text; a question's grams that no record has get no id
 * (they can match nothing) but still count in `size`, so Dice and Jaccard are those of the
 * string sets.
 */
export interface GramSet {
  readonly ids: Uint32Array;
  readonly size: number;
}

export const EMPTY_GRAMS: GramSet = { ids: new Uint32Array(0), size: 0 };

/** A record's grams: every gram gets an id (new ones are added to the dictionary). */
export function indexGramSet(grams: ReadonlySet<string>, dictionary: Vocabulary): GramSet {
  const ids = new Uint32Array(grams.size);
  let i = 0;
  for (const g of grams) ids[i++] = dictionary.add(g);
  return { ids: ids.sort(), size: grams.size };
}

/** A question's grams: looked up only, so questions never grow the dictionary. */
export function queryGramSet(grams: ReadonlySet<string>, dictionary: Vocabulary): GramSet {
  const found: number[] = [];
  for (const g of grams) {
    const id = dictionary.idOf(g);
    if (id >= 0) found.push(id);
  }
  return { ids: Uint32Array.from(found).sort(), size: grams.size };
}

function sharedCount(a: GramSet, b: GramSet): number {
  const x = a.ids;
  const y = b.ids;
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
  if (a.size === 0 || b.size === 0) return 0;
  return (2 * sharedCount(a, b)) / (a.size + b.size);
}

/** Jaccard |A∩B| / |A∪B|, as trigram.ts's jaccard: two empty sets are identical (1). */
export function gramJaccard(a: GramSet, b: GramSet): number {
  if (a.size === 0 && b.size === 0) return 1;
  const n = sharedCount(a, b);
  return n / (a.size + b.size - n);
}
