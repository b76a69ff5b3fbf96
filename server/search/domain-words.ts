import { lexicon } from './lexicon.js';

/**
 * Thai words of this domain that the general dictionaries lack or split (wordcut's dictionary
 * has no ตัวชี้วัด, ส่วนราชการ or ชุดข้อมูล), from kb/lexicon/domain-words.json. For search they
 * must stay whole: "ตัว|ชี้|วัด" would match any text containing ตัว. The glossary adds its own
 * surface forms on top when an answerer is built.
 */
export const DOMAIN_WORDS: readonly string[] = lexicon()['domain-words'].entries.map((e) => e.word);
