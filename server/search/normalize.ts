import { fyShortYear, isTextCeYear, thaiShortYear, toBuddhistYear } from './fiscal-year.js';

/**
 * The one text normalization used both when indexing records and when reading a question, so
 * the two sides always meet on the same form. Every rule below exists because staff type the
 * same thing in several ways (see ../../../shared/DESIGN.md, "Who uses it") or because the PDF
 * extraction of the source handouts left variants in the text.
 *
 * Contract: pure, never throws on any string, and idempotent (normalize(normalize(s)) ===
 * normalize(s)); the property tests rely on both.
 */

const THAI_LETTER = '\u0E01-\u0E4E';

/** U+200B-U+200D, U+FEFF and the soft hyphen: invisible, but they split words for an index. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Thai digits (๐-๙) are written interchangeably with Arabic digits in official documents. */
const THAI_DIGIT = /[\u0E50-\u0E59]/g;

/**
 * Sara am (ำ, U+0E33) is often stored decomposed as nikhahit + sara aa (U+0E4D U+0E32), and a
 * tone mark typed after the nikhahit lands between the two ("น\u0E4D\u0E49\u0E32"). NFC does not
 * compose these (the decomposition is a compatibility one), so we do it: nikhahit, optional tone
 * marks, sara aa → tone marks + sara am, which is the order keyboards produce for "น้ำ".
 */
const DECOMPOSED_SARA_AM = /\u0E4D([\u0E48-\u0E4B]*)\u0E32/g;

/** Two sara e (เเ) typed for sara ae (แ) look identical on screen and are a very common typo. */
const DOUBLE_SARA_E = /\u0E40\u0E40/g;

/** Dashes and minus signs that PDF extraction and phone keyboards produce for a hyphen. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Full-width ASCII (from Thai/CJK input methods) folds to plain ASCII. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/**
 * Dotted Thai abbreviations (ก.พ.ร., ค.ร.ม., พ.ศ., สป.พม., สพร.) are written with and without
 * dots and sometimes with spaces after the dots; the dot after a Thai letter is never sentence
 * punctuation in this material (Thai ends sentences with a space), so it is dropped:
 * ก.พ.ร. = ก. พ. ร. = กพร. The space is removed only between single-letter pieces, so two
 * ordinary words separated by a stray dot and space are not glued together.
 */
const SPACED_THAI_INITIAL = new RegExp(`(?<![${THAI_LETTER}])([\u0E01-\u0E2E])\\. +(?=[\u0E01-\u0E2E]\\.)`, 'g');
const DOT_AFTER_THAI = new RegExp(`(?<=[${THAI_LETTER}])\\.`, 'g');

/**
 * Latin dotted names (data . go . th) lose the spaces around their dots; decimals such as 4.0
 * are untouched because they carry no spaces.
 */
const SPACED_LATIN_DOT = /(?<=[a-z0-9]) *\. *(?=[a-z])|(?<=[a-z]) *\. *(?=[a-z0-9])/g;

/**
 * The "electronic" prefix: e - SAR, e-SAR, e SAR and eSAR are one name, as are e-service,
 * e service and eservice. A standalone letter e joins the Latin word after it, across a hyphen
 * and/or spaces. Joining (rather than inserting a hyphen) is the only form reachable from all
 * four spellings. Other single letters are left alone: "a" and "i" are English words.
 */
const LETTER_PREFIX = /(?<![a-z0-9])(e) *(?:- *)?(?=[a-z])/g;

/**
 * Other Latin hyphenated compounds (Self - Assessment, COVID – 19) lose the spaces around the
 * hyphen so they become one token; the tokenizer also emits the parts, so "self assessment"
 * still matches. Digit-digit ranges (2563 - 2564, 32 - 33) keep their spaces: they are ranges.
 * A dash before a question word or an auxiliary is punctuation, as staff type "data catalog -
 * how many focus areas?": joining made "catalog-how" and lost both the question word and the
 * topic's concept.
 */
const CLAUSE_START = '(?:who|whom|whose|what|when|where|why|which|how|is|are|was|were|do|does|did|can|could|must|should|will|would|may|shall|has|have|had)(?![a-z0-9])';
const SPACED_LATIN_HYPHEN = new RegExp(`(?<=[a-z]) *- *(?!${CLAUSE_START})(?=[a-z0-9])|(?<=[a-z0-9]) *- *(?!${CLAUSE_START})(?=[a-z])`, 'g');

/**
 * Fiscal years. Staff write ปี 65, ปีงบ 65, ปีงบประมาณ 2565, พ.ศ. 2565, FY2022, FY22,
 * fiscal year 2022 or just 2022; the knowledge base uses Buddhist Era years. Every form
 * becomes the four-digit BE number, keeping whatever word preceded it (ปี, ปีงบ, fy) so no
 * other word is lost. Rules, in order:
 *  - two digits right after ปี/ปีงบ/ปีงบประมาณ/พศ: 25xx (a Thai writer's short year is BE);
 *  - two digits after fy: 15-35 → CE 20xx → BE, 50-99 → 25xx;
 *  - any standalone CE year 2015-2035 → BE (+543). Standalone means not part of a longer
 *    number, a decimal or a range written with dots; these years are the only CE years this
 *    material refers to, and the window keeps BE years (2563) and counts (500) unchanged.
 */
const THAI_SHORT_YEAR = /(ปี(?:งบประมาณ|งบ)?|พศ) ?(\d{2})(?![\d.])/g;
const FY_SHORT_YEAR = /(?<![a-z])fy ?(\d{2})(?![\d.])/g;
const FY_GLUED = /(?<![a-z])fy(?=\d{4}(?!\d))/g;
const CE_YEAR = /(?<![\d.])(20[1-3]\d)(?![\d.]\d)(?!\d)/g;

/**
 * A Latin word of three or more letters glued to a number (template3, covid19, pmqa4) is a
 * word and a number typed without a space. Shorter codes (l1, l2) are names and stay whole.
 */
const WORD_GLUED_NUMBER = /(?<![a-z0-9])([a-z]{3,})(?=\d)/g;

/**
 * The e-service indicator's levels are written L1, Level 1 and ระดับ L1, and ranges as
 * L1-L3, L1-3 or Level 1-3. Levels become l1, l2, l3 and a short range is spelled out, so a
 * question about "L1 to L3" meets "Level 1-3" and vice versa.
 */
const LEVEL_WORD = /(?<![a-z])level (\d)(?!\d)/g;
const LEVEL_RANGE = /(?<![a-z0-9])l(\d)-l?(\d)(?![\d.])/g;

function spellLevelRange(_m: string, from: string, to: string): string {
  const a = Number(from);
  const b = Number(to);
  if (b <= a || b - a > 4) return `l${a} l${b}`;
  return Array.from({ length: b - a + 1 }, (_, i) => `l${a + i}`).join(' ');
}

/**
 * English negation written as a contraction, with or without the apostrophe as chat types it
 * (don't, dont, doesn’t, isnt): the tokenizer drops the 't, so "we don't need to" read as "we
 * don need to" and the negation was lost. It becomes "<verb> not", as the records' English
 * writes it, and can't becomes cannot. can't and won't count only with their apostrophe: cant
 * and wont are words of their own.
 */
const NEGATED_VERB = /(?<![a-z])(do|does|did|is|are|was|were|has|have|had|could|should|would|must|need)n['\u2019]?t(?![a-z])/g;
const CANT_WONT = /(?<![a-z])(ca|wo)n['\u2019]t(?![a-z])/g;

/** "what's" / "whats" (what is), likewise how, who, where, when, why: the question word stays one. */
const QUESTION_WORD_IS = /(?<![a-z])(what|how|who|where|when|why)['\u2019]?s(?![a-z])/g;

const WHITESPACE = /\s+/g;

/**
 * Chat elongation: a letter typed three or more times in a row (ได้มั้ยยย, ค่าาา, sooo) is one
 * letter. No Thai or English word repeats a letter three times; digits are left alone
 * (1000, 555).
 */
const ELONGATED = /([\u0E01-\u0E4Ea-z])\1{2,}/g;

/**
 * Digits glued to a Latin word after them (เจ้าภาพ12agenda, 10focus) are a number and a word
 * typed without a space. Ordinals (1st, 2nd, 3rd, 4th) stay whole.
 */
const NUMBER_GLUED_WORD = /(?<![a-z0-9.])(\d+)(?=[a-z]{3,})/g;

function normalizeYears(text: string): string {
  return text
    .replace(THAI_SHORT_YEAR, (_m, word: string, yy: string) => `${word} ${thaiShortYear(Number(yy))}`)
    .replace(FY_SHORT_YEAR, (m, yy: string) => {
      const be = fyShortYear(Number(yy));
      return be === undefined ? m : `fy ${be}`;
    })
    .replace(FY_GLUED, 'fy ')
    .replace(CE_YEAR, (m, y: string) => (isTextCeYear(Number(y)) ? String(toBuddhistYear(Number(y))) : m));
}

function normalizeOnce(input: string): string {
  let s = input.replace(INVISIBLE, '');
  s = s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.toLowerCase().normalize('NFC');
  s = s.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50));
  s = s.replace(DECOMPOSED_SARA_AM, '$1\u0E33').replace(DOUBLE_SARA_E, '\u0E41');
  s = s.replace(DASHES, '-');
  s = s.replace(WHITESPACE, ' ');
  s = s.replace(ELONGATED, '$1');
  // After the elongation, so "dooont" is read as "dont".
  s = s.replace(NEGATED_VERB, '$1 not').replace(CANT_WONT, (_m, v: string) => (v === 'ca' ? 'cannot' : 'will not'));
  s = s.replace(QUESTION_WORD_IS, '$1 is');
  s = s.replace(SPACED_THAI_INITIAL, '$1.').replace(DOT_AFTER_THAI, '');
  s = s.replace(SPACED_LATIN_DOT, '.');
  s = s.replace(LETTER_PREFIX, '$1');
  s = s.replace(SPACED_LATIN_HYPHEN, '-');
  s = normalizeYears(s);
  s = s.replace(WORD_GLUED_NUMBER, '$1 ').replace(NUMBER_GLUED_WORD, '$1 ');
  s = s.replace(LEVEL_WORD, 'l$1').replace(LEVEL_RANGE, spellLevelRange);
  return s.trim();
}

/**
 * Normalizes text for indexing and matching. The rules above are written to be idempotent on
 * their own; the loop is a cheap guard (one extra pass on short text) that makes the contract
 * hold even where two rules interact, e.g. a rule exposing input for one that ran earlier.
 */
export function normalize(text: string): string {
  let out = normalizeOnce(text);
  for (let i = 0; i < 3; i++) {
    const next = normalizeOnce(out);
    if (next === out) return out;
    out = next;
  }
  return out;
}
