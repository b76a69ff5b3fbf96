import type { Lang } from './types.js';

/**
 * The language a question is written in. Thai questions routinely carry English terms
 * (ตัวชี้วัด Data catalog ต้องทำอะไร) and English ones may quote a Thai term, so this
 * compares word counts, not characters: a Thai word averages about four characters (letters,
 * vowels and tone marks together), an English word is one run of letters, and a hyphen- or
 * dot-joined name (e-service, data.go.th) is one word. Ties and texts without letters are
 * Thai, the bot's primary language.
 */
const THAI_CHARS_PER_WORD = 4;

export function detectLanguage(text: string): Lang {
  const thaiChars = text.match(/[\u0E01-\u0E4E]/g)?.length ?? 0;
  const latinWords = text.match(/[A-Za-z]+(?:[.-][A-Za-z0-9]+)*/g)?.length ?? 0;
  return latinWords > thaiChars / THAI_CHARS_PER_WORD ? 'en' : 'th';
}
