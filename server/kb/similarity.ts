import { jaccard, trigramsOf } from '../search/trigram.js';
import { normalizeThai } from './thai-text.js';

/** Question text reduced to what matters for "is this the same question": letters and digits only. */
export function similarityKey(text: string): string {
  return normalizeThai(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/** Jaccard similarity of character trigrams, in [0, 1]; robust to Thai having no word spaces. */
export function trigramSimilarity(a: string, b: string): number {
  const ga = trigramsOf(similarityKey(a));
  const gb = trigramsOf(similarityKey(b));
  if (!ga.size || !gb.size) return 0;
  return jaccard(ga, gb);
}
