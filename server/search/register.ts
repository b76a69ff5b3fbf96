import { lexicon } from './lexicon.js';
import { INTENT_PREFIX } from './prefixes.js';

export { INTENT_PREFIX };

/**
 * Two vocabularies that let a chat-style question meet the formal handout text, read from
 * kb/lexicon (lexicon.ts).
 *
 * FORMAL (formal.json): colloquial or everyday Thai words and their formal equivalents used in
 * official writing (รู้ → ทราบ, เยอะ → มาก). Staff ask the way they talk; the handouts are
 * written in the register of government letters. Both sides map to the formal word before
 * glossary expansion (rewrite.ts), so the index, the question and the glossary agree.
 *
 * INTENT (question-words.json): question words, which are stopwords for topic matching but tell
 * what kind of answer is wanted. Each maps to one intent token (`q:how`) in both languages.
 * ไหน/ใด/which are left out: they mostly work as determiners (ข้อไหน, หน่วยงานใด) and name no
 * kind of answer; as an intent they outranked the right record.
 */
export const FORMAL: ReadonlyMap<string, string> = new Map(lexicon().formal.entries.map((e) => [e.from, e.to]));

export const INTENT: ReadonlyMap<string, string> = new Map(lexicon()['question-words'].entries.map((e) => [e.word, e.intent]));
