import { normalize } from './normalize.js';

/**
 * Character trigrams of a normalized text with spaces removed. Thai segmentation of a short,
 * colloquial question can disagree with the segmentation of the record (compounds, typos,
 * particles glued on); overlapping character trigrams do not depend on where words end.
 */
export function charGrams(text: string): Set<string> {
  const s = normalize(text).replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Dice similarity of two gram sets, in [0, 1]. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
