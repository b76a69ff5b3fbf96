import { jaccard, trigramsOf } from '../search/trigram.js';

export { jaccard };

/**
 * Character-trigram similarity for grouping logged questions (grams and Jaccard: the one
 * module server/search/trigram.ts). Characters rather than
 * words because Thai has no spaces between words and a segmenter would be overkill here.
 */
export function normalizeForSimilarity(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .toLowerCase()
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** Trigrams of the text padded with a space each side, so word starts and ends count. */
export function trigrams(text: string): Set<string> {
  return trigramsOf(` ${normalizeForSimilarity(text)} `);
}

export interface Cluster<T> {
  /** The first member, the one others were compared with. */
  representative: T;
  members: T[];
}

/**
 * Greedy single pass: each item joins the first cluster whose representative is at least
 * `threshold` similar, else starts a new one. Order matters, so callers put frequent items first.
 */
export function clusterBySimilarity<T>(items: T[], text: (item: T) => string, threshold: number): Cluster<T>[] {
  const clusters: (Cluster<T> & { grams: Set<string> })[] = [];
  for (const item of items) {
    const grams = trigrams(text(item));
    const home = clusters.find((c) => jaccard(c.grams, grams) >= threshold);
    if (home) home.members.push(item);
    else clusters.push({ representative: item, members: [item], grams });
  }
  return clusters.map(({ representative, members }) => ({ representative, members }));
}
