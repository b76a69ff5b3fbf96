/**
 * Two small vocabularies that let a chat-style question meet the formal handout text.
 *
 * FORMAL: colloquial or everyday Thai words and their formal equivalents used in official
 * writing (รู้ → ทราบ, เยอะ → มาก, เป้า → เป้าหมาย). Staff ask the way they talk; the
 * handouts are written in the register of government letters. Both sides map to the formal
 * word before glossary expansion (rewrite.ts, which also matches a word the segmenter cuts
 * in two), so the index, the question and the glossary agree. Only pairs of single words
 * with the same meaning in any context are listed.
 *
 * INTENT: question words, which are stopwords for topic matching but tell what kind of answer
 * is wanted: "how must we report" and "must we still report" share every content word. Each
 * maps to one intent token (`q:how`) in both languages; the confidence model ignores them.
 * ไหน/ใด/which are left out: they mostly work as determiners (ข้อไหน, หน่วยงานใด, เดือนไหน)
 * and name no kind of answer; as an intent they outranked the right record.
 */

export const FORMAL: ReadonlyMap<string, string> = new Map([
  ['รู้', 'ทราบ'],
  ['เยอะ', 'มาก'],
  ['อยากได้', 'ต้องการ'],
  ['อยาก', 'ต้องการ'],
  ['เอา', 'นำ'],
  ['ดู', 'พิจารณา'],
  ['เช็ค', 'ตรวจสอบ'],
  ['เช็ก', 'ตรวจสอบ'],
  ['คนไข้', 'ผู้ป่วย'],
  ['เว็บ', 'เว็บไซต์'],
  ['ตัวเอง', 'ตนเอง'],
  ['แก้', 'แก้ไข'],
  ['โหลด', 'ดาวน์โหลด'],
  ['บอก', 'แจ้ง'],
  ['จ่าย', 'ชำระ'],
  ['ทีหลัง', 'ภายหลัง'],
  ['ก่อนหน้า', 'ก่อน'],
  ['เหมือนกัน', 'เช่นเดียวกัน'],
  // everyday shortenings of formal words
  ['เป้า', 'เป้าหมาย'],
  ['งบ', 'งบประมาณ'],
  ['จนท', 'เจ้าหน้าที่'],
  ['ผอ', 'ผู้อำนวยการ'],
  ['แอป', 'แอปพลิเคชัน'],
  ['แอพ', 'แอปพลิเคชัน'],
  ['เน็ต', 'อินเทอร์เน็ต'],
  ['ตอนนี้', 'ปัจจุบัน'],
  ['ขั้นต่ำ', 'อย่างน้อย'],
]);

export const INTENT_PREFIX = 'q:';

export const INTENT: ReadonlyMap<string, string> = new Map([
  ['อย่างไร', 'how'],
  ['ยังไง', 'how'],
  ['ไง', 'how'],
  ['how', 'how'],
  ['เมื่อไร', 'when'],
  ['เมื่อไหร่', 'when'],
  ['เมื่อใด', 'when'],
  ['when', 'when'],
  ['ใคร', 'who'],
  ['who', 'who'],
  ['กี่', 'count'],
  ['เท่าไร', 'count'],
  ['เท่าไหร่', 'count'],
  ['อะไร', 'what'],
  ['what', 'what'],
  ['ทำไม', 'why'],
  ['why', 'why'],
]);
