/**
 * Spelling correction of Latin words against the knowledge base's own vocabulary, for English
 * questions typed in a hurry (shring → sharing, templete → template, e-servcie → eservice).
 * Thai is not corrected: DESIGN.md rules out fuzzy matching on Thai, where one changed letter
 * is often a different word.
 *
 * Symmetric-delete lookup (as in SymSpell): a word and a known word match when deleting at
 * most one letter from each gives the same string. That covers one insertion, deletion,
 * substitution or transposition, and is a hash lookup per candidate instead of a scan.
 * Only words of five or more letters are corrected: short words have too many neighbours. An
 * everyday English word is never corrected: "annual leave" is not a misspelt "manual level".
 */

export type Speller = (word: string) => string;

const MIN_LENGTH = 5;
const LATIN_WORD = /^[a-z]+$/;

function deletes(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Builds a speller from known words with their frequencies. Unknown words of five or more
 * letters become the most frequent known word within one edit; anything else, and any word
 * `isWord` accepts (default: none), is returned as is.
 */
export function createSpeller(frequencies: ReadonlyMap<string, number>, isWord: (word: string) => boolean = () => false): Speller {
  const byDelete = new Map<string, string[]>();
  for (const word of frequencies.keys()) {
    if (word.length < MIN_LENGTH - 1 || !LATIN_WORD.test(word)) continue;
    for (const d of new Set(deletes(word))) {
      const list = byDelete.get(d);
      if (list) list.push(word);
      else byDelete.set(d, [word]);
    }
  }
  return (word) => {
    if (word.length < MIN_LENGTH || frequencies.has(word) || !LATIN_WORD.test(word) || isWord(word)) return word;
    let best = word;
    let bestCount = 0;
    for (const d of deletes(word)) {
      for (const candidate of byDelete.get(d) ?? []) {
        const count = frequencies.get(candidate) ?? 0;
        if (count > bestCount || (count === bestCount && candidate < best)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  };
}
