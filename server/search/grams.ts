import { normalize } from './normalize.js';
import { trigramsOf } from './trigram.js';

export { dice } from './trigram.js';

/**
 * Character trigrams of a question normalized for search (normalize.ts) with spaces removed.
 * Thai segmentation of a short, colloquial question can disagree with the segmentation of the
 * record (compounds, typos, particles glued on); overlapping character trigrams do not depend
 * on where words end. Grams and similarity: trigram.ts.
 */
export function charGrams(text: string): Set<string> {
  return trigramsOf(normalize(text).replace(/\s+/g, ''));
}
