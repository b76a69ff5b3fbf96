import { INTENT, INTENT_PREFIX } from './register.js';
import { isStopword } from './stopwords.js';

/**
 * From segmented tokens to index terms. Shared by indexing and querying so both sides produce
 * identical terms.
 */

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const LATIN_WORD = /^[a-z]+$/;
const LATIN_COMPOUND = /^[a-z0-9]+(?:[.-][a-z0-9]+)+$/;

/**
 * True for tokens worth indexing: punctuation and symbols carry no topic, nor do single Latin
 * letters (the t of "can't"; the e of e-service was joined to its word by normalize()).
 */
export function isContentToken(token: string): boolean {
  return HAS_WORD_CHAR.test(token) && !/^[a-z]$/.test(token);
}

/**
 * A deliberately light English stemmer: plural -s/-es/-ies, -ing, -ed, then a final -e, so
 * agencies = agency, indicators = indicator, sharing = shared = share. Porter-style stemming
 * would also conflate more distinct words (organization/organ); this material needs little.
 * Only plain Latin words of 4+ letters are touched; codes (l1, pmqa) and compounds are not.
 */
export function stemEnglish(word: string): string {
  if (word.length < 4 || !LATIN_WORD.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/**
 * Index terms for one token: an intent token for a question word (register.ts); nothing for
 * punctuation and stopwords; for a Latin compound
 * (self-assessment, covid-19, data.go.th) the whole compound plus its parts, so "self
 * assessment" typed with a space still meets it.
 */
export function termsOfToken(token: string): string[] {
  const intent = INTENT.get(token);
  if (intent) return [INTENT_PREFIX + intent];
  if (!isContentToken(token) || isStopword(token)) return [];
  // Decimals and section numbers (4.0, 2.1) are one thing; their digits alone mean nothing.
  if (!LATIN_COMPOUND.test(token) || /^[\d.]+$/.test(token)) return [stemEnglish(token)];
  const parts = token.split(/[.-]/).filter((p) => p !== '' && !isStopword(p)).map(stemEnglish);
  return [token, ...parts];
}
