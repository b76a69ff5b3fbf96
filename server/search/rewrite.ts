import { normalize } from './normalize.js';
import { FORMAL } from './register.js';
import type { Segmenter } from './segment.js';
import { isContentToken } from './terms.js';

/**
 * Applies register.ts's colloquial → formal map to segmented tokens. The segmenter cuts some
 * keys and values into pieces (ขั้นต่ำ → ขั้น|ต่ำ, อย่างน้อย → อย่าง|น้อย), so a one-token
 * lookup never fired for them: keys are matched on the concatenation of up to MAX_SPAN
 * neighbouring tokens, and the formal word is emitted as the segmenter cuts it in running
 * text, so a question and a record that use the formal word end with the same tokens.
 */

/** Longest run of tokens one key may span. */
const MAX_SPAN = 3;

export type TokenRewriter = (tokens: readonly string[]) => string[];

export function createRegisterRewriter(segment: Segmenter): TokenRewriter {
  const formal = new Map<string, string[]>();
  for (const [colloquial, word] of FORMAL) {
    formal.set(normalize(colloquial), segment(normalize(word)).filter(isContentToken));
  }
  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let matched = 0;
      let key = '';
      for (let j = i; j < Math.min(tokens.length, i + MAX_SPAN); j++) {
        key += tokens[j];
        if (formal.has(key)) matched = j + 1 - i;
      }
      if (matched === 0) {
        out.push(tokens[i]!);
        i++;
      } else {
        out.push(...formal.get(tokens.slice(i, i + matched).join(''))!);
        i += matched;
      }
    }
    return out;
  };
}

