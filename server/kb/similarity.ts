import { normalizeThai } from './thai-text.js';

/** Question text reduced to what matters for "is this the same question": letters and digits only. */
export function similarityKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

function trigrams(key: string): Set<string> {
  const chars = [...key];
  const grams = new Set<string>();
  if (chars.length < 3) {
    if (chars.length) grams.add(chars.join(''));
    return grams;
  }
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

/** Jaccard similarity of character trigrams, in [0, 1]; robust to Thai having no word spaces. */
export function trigramSimilarity(a: string, b: string): number {
  const ga = trigrams(similarityKey(a));
  const gb = trigrams(similarityKey(b));
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}
