import type { Unit } from './analyze.js';
import { lexicon } from './lexicon.js';
import { INTENT_PREFIX, NEGATION_PREFIX } from './prefixes.js';

export { NEGATION_PREFIX };

/**
 * Negation-scoped terms. "กรมที่ไม่ใช่เจ้าภาพ" and "กรมที่เป็นเจ้าภาพ" share every content
 * word, and records about both cases sit side by side in one section; BM25 cannot tell them
 * apart. Each content word shortly after a negator also yields `n:<term>`, on both the record
 * and the question side, so a question that negates a word prefers records that negate it too.
 * The negator itself stays an ordinary term (ไม่ is not a stopword).
 */

/** Normalized tokens that negate what follows (kb/lexicon/negators.json). */
const NEGATORS: ReadonlySet<string> = new Set(lexicon().negators.entries.map((e) => e.word));

/**
 * Content words a negator reaches. Stopwords in between are skipped (ไม่|ได้|เป็น|ส่วนราชการ),
 * so two content words cover "not a government agency that hosts" as well as "not the host".
 */
export const NEGATION_SCOPE = 2;

/** Verbs a negator attaches to without changing what it negates: ไม่มี X is about X. */
const NEGATED_VERBS: ReadonlySet<string> = new Set(['มี']);

/** หรือ|ไม่ (the segmenter splits หรือไม่) closes a yes/no question; it negates nothing. */
const QUESTION_TAG_BEFORE = 'หรือ';

export function negatedTerms(units: readonly Unit[]): string[] {
  const out: string[] = [];
  let left = 0;
  let justNegated = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (NEGATORS.has(unit.token)) {
      if (units[i - 1]?.token === QUESTION_TAG_BEFORE) {
        left = 0;
        continue;
      }
      left = NEGATION_SCOPE;
      justNegated = true;
      continue;
    }
    if (justNegated && NEGATED_VERBS.has(unit.token)) continue;
    if (unit.terms.length > 0) justNegated = false;
    const term = unit.terms[0];
    if (left === 0 || term === undefined || term.startsWith(INTENT_PREFIX)) continue;
    out.push(NEGATION_PREFIX + term);
    left--;
  }
  return out;
}
