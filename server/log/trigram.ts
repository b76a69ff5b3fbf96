/**
 * Character-trigram similarity for grouping logged questions. Characters rather than
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

export function trigrams(text: string): Set<string> {
  const chars = Array.from(` ${normalizeForSimilarity(text)} `);
  const out = new Set<string>();
  if (chars.length < 3) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
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
