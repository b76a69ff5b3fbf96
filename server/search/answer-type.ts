/**
 * What kind of answer a question asks for, and whether a record's answer holds it:
 * กี่ / เท่าไร / how many → a count; เมื่อไร / เดือนไหน / when → a date or month; ใคร /
 * หน่วยงานไหน / who → an agency; อย่างไร / ยังไง / how → a procedure. Two records can share
 * every content word of "ต้องส่งกี่ชุด" while only one of them says how many; this is the
 * feature that tells them apart (score.ts). The cue words are closed-class Thai and English
 * question words and the months and agency nouns of any official text, not this knowledge
 * base's vocabulary.
 */
export type AnswerType = 'count' | 'date' | 'agency' | 'procedure' | StatedOnlyType;

/**
 * Kinds of fact a record either states or does not, and that nothing else answers: a time of
 * day (กี่โมง, what time), an amount of money (กี่บาท, how much does it cost) and a contact
 * (เบอร์โทร, phone number). A question asking for one of them, put to a knowledge base where no
 * record states one, asks what no record can answer however well its topic words match ("เปิด
 * กี่โมง" matched by the one record about that office): decide.ts declines it. Counts, dates,
 * agencies and procedures are different: almost every record states some, and a question asking
 * for one is often answered by a record that says it in other words.
 */
export type StatedOnlyType = 'time' | 'money' | 'contact';

export const STATED_ONLY_TYPES: ReadonlySet<AnswerType> = new Set<StatedOnlyType>(['time', 'money', 'contact']);

/**
 * Every kind, in a fixed order: the bit order wherever a set of kinds is stored as a mask. New
 * kinds go at the end, so a stored mask keeps its meaning.
 */
export const ANSWER_TYPES: readonly AnswerType[] = ['count', 'date', 'agency', 'procedure', 'time', 'money', 'contact'];

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

/** Thai nouns of a price or charge, asked for as "<noun> ... เท่าไร" (ค่าธรรมเนียมงานนี้เท่าไร). */
const MONEY_NOUNS = new Set(['ราคา', 'ธรรมเนียม', 'ชำระ', 'เงิน', 'บาท']);
const HOW_MUCH_THAI = new Set(['เท่าไร', 'เท่าไหร่']);
/**
 * How far (in words) a price word and its "how much" may be apart. Thai is kept close: in
 * "ยกเว้นค่าธรรมเนียมแล้วนับผู้ใช้เท่าไร" the fee is the condition and the count is asked.
 */
const MONEY_SPAN_THAI = 3;
const MONEY_SPAN_ENGLISH = 5;
/** English nouns and verbs of a price or charge, asked for as "how much ... <word>". */
const MONEY_WORDS = new Set(['cost', 'costs', 'fee', 'fees', 'price', 'charge', 'charged', 'pay', 'paid', 'money', 'budget', 'baht']);
/** "what time frame / period / limit" asks for a period, not a time of day. */
const NOT_TIME_OF_DAY = new Set(['frame', 'period', 'limit', 'of', 'line', 'span']);
const HOURS = new Set(['opening', 'office', 'business', 'working']);
const CONTACT_NOUNS = new Set(['phone', 'telephone', 'contact', 'email', 'e-mail']);

/**
 * A time of day, an amount of money or a contact (STATED_ONLY_TYPES), if the question asks for
 * one. Checked before the other kinds: "กี่โมง" and "how much does it cost" hold the cues of a
 * count too.
 */
function statedOnlyTypeOf(tokens: readonly string[]): StatedOnlyType | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if ((t === 'กี่' && (next === 'โมง' || next === 'ทุ่ม')) || (t === 'what' && next === 'time' && !NOT_TIME_OF_DAY.has(tokens[i + 2] ?? ''))) return 'time';
    if (HOURS.has(t) && next === 'hours') return 'time';
    if ((t === 'กี่' && next === 'บาท') || (MONEY_NOUNS.has(t) && tokens.slice(i + 1, i + 1 + MONEY_SPAN_THAI).some((w) => HOW_MUCH_THAI.has(w)))) return 'money';
    if (t === 'how' && next === 'much' && tokens.slice(i + 2, i + 2 + MONEY_SPAN_ENGLISH).some((w) => MONEY_WORDS.has(w))) return 'money';
    if (t === 'เบอร์' || (CONTACT_NOUNS.has(t) && (next === 'number' || next === 'address')) || t === 'hotline') return 'contact';
  }
  return undefined;
}

/** The answer type of a question from its (normalized, segmented) tokens, if it names one. */
export function answerTypeOf(tokens: readonly string[]): AnswerType | undefined {
  const stated = statedOnlyTypeOf(tokens);
  if (stated) return stated;
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

/** A clock time (09.00 น., 4 pm) or the Thai words for the hour; ชั่วโมง is a duration. */
const TIME = /\d{1,2}[.:]\d{2}\s*(?:น(?![\u0E01-\u0E4E])|นาฬิกา)|(?<!ชั่ว)โมง|นาฬิกา|ทุ่ม|\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b|o'clock/;
const MONEY = /บาท|฿|\b(?:baht|thb)\b/;
/** A Thai telephone number (02-123-4567, 081 234 5678), an e-mail address or the words for one. */
const CONTACT = /เบอร์|(?<!\d)0\d{1,2}[- ]?\d{3}[- ]?\d{3,4}(?!\d)|[a-z0-9._-]+@[a-z0-9-]+\.[a-z]|\bhotline\b/;

const PATTERNS: Record<AnswerType, RegExp> = { count: COUNT, date: DATE, agency: AGENCY, procedure: PROCEDURE, time: TIME, money: MONEY, contact: CONTACT };

/** The answer types a text already normalized for search (normalize.ts) holds. */
export function answerTypesInNormalized(text: string): AnswerType[] {
  return (Object.entries(PATTERNS) as Array<[AnswerType, RegExp]>).filter(([, pattern]) => pattern.test(text)).map(([type]) => type);
}

