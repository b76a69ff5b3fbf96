/**
 * What kind of answer a question asks for, and whether a record's answer holds it:
 * กี่ / เท่าไร / how many → a count; เมื่อไร / เดือนไหน / when → a date or month; ใคร /
 * หน่วยงานไหน / who → an agency; อย่างไร / ยังไง / how → a procedure. Two records can share
 * every content word of "ต้องส่งกี่ชุด" while only one of them says how many; this is the
 * feature that tells them apart (score.ts). The cue words are closed-class Thai and English
 * question words and the months and agency nouns of any official text, not this knowledge
 * base's vocabulary.
 */
export type AnswerType = 'count' | 'date' | 'agency' | 'procedure';

/** Every kind, in a fixed order: the bit order wherever a set of kinds is stored as a mask. */
export const ANSWER_TYPES: readonly AnswerType[] = ['count', 'date', 'agency', 'procedure'];

/** Kinds of answer as a bit mask (a bit per ANSWER_TYPES entry), for typed arrays and caches. */
export function answerTypeMask(types: readonly AnswerType[]): number {
  return types.reduce((mask, t) => mask | (1 << ANSWER_TYPES.indexOf(t)), 0);
}

/** The kinds of answer of a mask made by answerTypeMask. */
export function answerTypesOfMask(mask: number): AnswerType[] {
  return ANSWER_TYPES.filter((_, bit) => mask & (1 << bit));
}

const NEXT_IS_DETERMINER = new Set(['ไหน', 'ใด']);
const DATE_NOUNS = new Set(['วัน', 'วันที่', 'เดือน', 'ช่วง', 'ช่วงไหน', 'ระยะเวลา', 'กำหนด']);
const AGENCY_NOUNS = new Set(['หน่วยงาน', 'ส่วนราชการ', 'กรม', 'กระทรวง', 'สำนักงาน', 'ที่']);

/** The answer type of a question from its (normalized, segmented) tokens, if it names one. */
export function answerTypeOf(tokens: readonly string[]): AnswerType | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t === 'กี่' || t === 'เท่าไร' || t === 'เท่าไหร่' || (t === 'how' && (next === 'many' || next === 'much'))) return 'count';
    if (t === 'เมื่อไร' || t === 'เมื่อไหร่' || t === 'เมื่อใด' || t === 'when' || t === 'deadline') return 'date';
    if ((t === 'what' || t === 'which') && (next === 'date' || next === 'month' || next === 'day')) return 'date';
    if (DATE_NOUNS.has(t) && next !== undefined && NEXT_IS_DETERMINER.has(next)) return 'date';
    if (t === 'ใคร' || t === 'who' || t === 'whom') return 'agency';
    if (t !== 'ที่' && AGENCY_NOUNS.has(t) && next !== undefined && NEXT_IS_DETERMINER.has(next)) return 'agency';
    if ((t === 'which' || t === 'what') && (next === 'agency' || next === 'office' || next === 'unit' || next === 'ministry')) return 'agency';
    if (t === 'อย่างไร' || t === 'ยังไง' || t === 'ไง' || t === 'วิธี' || t === 'ขั้นตอน' || (t === 'how' && next !== 'long' && next !== 'often')) return 'procedure';
  }
  return undefined;
}

const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
// normalize() drops the dots of abbreviations: ม.ค. → มค.
const THAI_MONTHS_SHORT = ['มค', 'กพ', 'มีค', 'เมย', 'พค', 'มิย', 'กค', 'สค', 'กย', 'ตค', 'พย', 'ธค'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = new RegExp(
  `${THAI_MONTHS.join('|')}|(?<![\\u0E01-\\u0E4E])(?:${THAI_MONTHS_SHORT.join('|')})(?![\\u0E01-\\u0E4E])|\\b(?:${EN_MONTHS.join('|')})\\b|ภายในวันที่|\\bdeadline\\b|\\bby the end of\\b|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
);
/** A number that is not a fiscal year (25xx) nor a section number (2.1). */
const COUNT = /(?<![\d.])(?!25\d\d(?!\d))\d{1,4}(?![\d.]\d)|ทุก|ทั้งหมด|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|all|every)\b/;
const AGENCY = /สำนักงาน|หน่วยงาน|ส่วนราชการ|กระทรวง|กรม|จังหวัด|คณะกรรมการ|สพร|กพร|\b(?:office|agency|agencies|ministry|department|province|committee|commission)\b/;
const PROCEDURE = /ขั้นตอน|วิธี|ดำเนินการ|ผ่านระบบ|จัดส่ง|กรอก|ยื่น|แนบ|บันทึก|\b(?:step|steps|submit|fill|upload|enter|attach|through|via)\b/;

const PATTERNS: Record<AnswerType, RegExp> = { count: COUNT, date: DATE, agency: AGENCY, procedure: PROCEDURE };

/** The answer types a text already normalized for search (normalize.ts) holds. */
export function answerTypesInNormalized(text: string): AnswerType[] {
  return (Object.entries(PATTERNS) as Array<[AnswerType, RegExp]>).filter(([, pattern]) => pattern.test(text)).map(([type]) => type);
}

