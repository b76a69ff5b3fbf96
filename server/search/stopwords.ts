/**
 * Words that carry no topic: dropping them keeps BM25 from rewarding a record for sharing
 * "หรือไม่" with the question, and keeps the confidence's coverage measure about content.
 * Lists are small on purpose: a stopword can never be searched for, so words that can carry
 * meaning in this domain (ต้อง "must", ไม่ "not", ส่ง "submit", ใช้ "use") stay searchable.
 * Entries are in normalized form (lower case, no dots).
 */

const THAI = [
  // polite particles and chat endings
  'ครับ', 'คับ', 'ค้าบ', 'คร้าบ', 'ค่ะ', 'คะ', 'ค่า', 'คร่ะ', 'นะ', 'นะคะ', 'นะครับ', 'จ้า', 'จ้ะ', 'จ๊ะ', 'จ๋า', 'ฮะ', 'ฮับ',
  'เนอะ', 'น่ะ', 'หน่อย', 'ด้วย', 'อ่ะ', 'อะ', 'ล่ะ', 'หรอ', 'เหรอ', 'ป่ะ', 'ปะ', 'มะ', 'เถอะ', 'งะ', 'ง่ะ',
  'รบกวน', 'สอบถาม', 'ขอถาม', 'อยากทราบ', 'ทราบ', 'อยาก', 'ถาม', 'เรียน', 'ขอบคุณ', 'ขอบคุณครับ', 'ขอบคุณค่ะ',
  // question words and tags
  'ไหม', 'มั้ย', 'มั๊ย', 'หรือไม่', 'หรือเปล่า', 'เปล่า', 'รึเปล่า', 'ป่าว', 'อะไร', 'อย่างไร', 'ยังไง', 'ไง', 'ไหน', 'ใด', 'บ้าง',
  'เท่าไร', 'เท่าไหร่', 'ใช่', 'ใช่ไหม', 'หรือ', 'คือ',
  // function words
  'ที่', 'ซึ่ง', 'อัน', 'ของ', 'และ', 'กับ', 'แก่', 'แต่', 'ใน', 'จาก', 'โดย', 'เพื่อ', 'ว่า', 'ก็', 'จะ', 'ได้', 'ให้', 'เป็น', 'อยู่',
  'การ', 'ความ', 'นี้', 'นั้น', 'นั่น', 'นี่', 'ๆ', 'ฯ', 'ฯลฯ', 'แล้ว', 'เลย', 'ยัง', 'เช่น', 'ทั้ง', 'หาก', 'ถ้า', 'เมื่อ', 'ต่อ', 'ไป', 'มา',
  'แค่',
  'เรา', 'ผม', 'ดิฉัน', 'หนู', 'ท่าน', 'เขา', 'คุณ', 'เค้า', 'มัน', 'พวก',
];

const ENGLISH = [
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'doing', 'done',
  'of', 'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'about', 'as', 'into', 'onto', 'than', 'then',
  'and', 'or', 'but', 'if', 'so', 'that', 'this', 'these', 'those', 'it', 'its', 'there', 'here',
  'what', 'which', 'who', 'whom', 'whose', 'how', 'when', 'where', 'why',
  'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might',
  'i', 'we', 'you', 'they', 'he', 'she', 'me', 'us', 'them', 'my', 'our', 'your', 'their', 'his', 'her',
  'have', 'has', 'had', 'any', 'some', 'all', 'also', 'just', 'only', 'such', 'please', 'tell', 'know', 'want',
  'hi', 'hello', 'thanks', 'thank', 'yes', 'whether', 'anything', 'something', 'get', 'got', 'vs', 'now', 'still',
];

export const STOPWORDS: ReadonlySet<string> = new Set([...THAI, ...ENGLISH]);

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
