/** Interface strings in both languages. Knowledge text never goes through here. */
export type Lang = 'th' | 'en';

const th = {
  appTitle: 'ถาม-ตอบ แนวทางการประเมิน ก.พ.ร.',
  appSubtitle: 'คำตอบจากเอกสารถาม-ตอบที่สำนักงาน ก.พ.ร. เผยแพร่ พร้อมแหล่งที่มาทุกครั้ง',
  skipToInput: 'ข้ามไปที่ช่องพิมพ์คำถาม',
  langGroup: 'ภาษาของหน้าจอ',
  filtersLabel: 'กรองคำตอบ',
  yearLabel: 'ปีงบประมาณ',
  yearAll: 'ทุกปีงบประมาณ',
  indicatorLabel: 'ตัวชี้วัด',
  indicatorAll: 'ทุกตัวชี้วัด',
  conversationLabel: 'บทสนทนา',
  inputLabel: 'คำถามของคุณ',
  inputPlaceholder: 'เช่น Template 3 ต้องส่งภายในเดือนไหน',
  inputHint: 'กด Enter เพื่อส่ง · Shift+Enter ขึ้นบรรทัดใหม่',
  send: 'ส่ง',
  welcome:
    'สวัสดี ถามเรื่องแนวทางการประเมินส่วนราชการและจังหวัดได้เลย ทั้งภาษาไทยและภาษาอังกฤษ คำตอบมาจากเอกสารถาม-ตอบของสำนักงาน ก.พ.ร. และบอกแหล่งที่มาทุกครั้ง',
  examplesLabel: 'ลองถาม',
  examples: ['Template 3 ต้องส่งภายในเดือนไหน', 'เลือกตัวชี้วัดมากกว่า 1 ประเด็นย่อยได้ไหม', 'จังหวัดรายงานผลการป้องกันโควิด 19 อย่างไร'],
  you: 'คุณ',
  bot: 'ผู้ช่วย',
  loading: 'กำลังค้นหาคำตอบ…',
  source: 'ที่มา',
  questionNumber: (n: number) => `ข้อ ${n}`,
  fiscalYear: (be: number) => `ปีงบ ${be}`,
  tagsLabel: 'หมวด',
  translatedNote: 'คำแปลภาษาอังกฤษ — ต้นฉบับภาษาไทยเป็นฉบับที่ใช้อ้างอิง',
  notTranslated: 'ยังไม่มีคำแปลภาษาอังกฤษ จึงแสดงต้นฉบับภาษาไทย',
  showOriginal: 'แสดงต้นฉบับภาษาไทย',
  hideOriginal: 'ซ่อนต้นฉบับภาษาไทย',
  originalHeading: 'ต้นฉบับภาษาไทย',
  othersLabel: 'คำตอบอื่นที่อาจเกี่ยวข้อง',
  helpfulQuestion: 'คำตอบนี้มีประโยชน์ไหม',
  helpful: 'มีประโยชน์',
  notHelpful: 'ไม่มีประโยชน์',
  feedbackSending: 'กำลังส่ง…',
  feedbackThanks: 'ขอบคุณสำหรับความคิดเห็น',
  feedbackFailed: 'ส่งความคิดเห็นไม่สำเร็จ ลองอีกครั้งได้',
  permalink: 'เปิดคำตอบนี้ในหน้าของตัวเอง',
  noAnswer: 'ยังไม่พบคำตอบที่ตรงกับคำถามนี้',
  rephraseHint: 'ลองเรียบเรียงคำถามใหม่โดยใช้คำสำคัญ เช่น ชื่อตัวชี้วัดหรือปีงบประมาณ',
  nearbyHint: 'หรือเลือกจากคำถามที่ใกล้เคียงด้านล่าง',
  filtersHint: 'ตัวกรองที่เลือกไว้อาจทำให้ไม่พบคำตอบ ลองเลือก “ทั้งหมด” แล้วถามอีกครั้ง',
  nearestLabel: 'คำถามที่ใกล้เคียง',
  superseded: 'คำตอบนี้มีฉบับที่ใหม่กว่าแล้ว',
  openNewer: 'เปิดคำตอบฉบับใหม่',
  errorRateLimited: 'มีคำถามเข้ามามากเกินไป กรุณารอสักครู่แล้วลองใหม่',
  errorNetwork: 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่',
  errorServer: 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่ภายหลัง',
  errorNotFound: 'ไม่พบคำตอบที่ต้องการ ลิงก์อาจไม่ถูกต้องหรือคำตอบถูกนำออกแล้ว',
  errorRequest: 'คำขอไม่ถูกต้อง',
  emptyQuestion: 'กรุณาพิมพ์คำถามก่อนส่ง',
  backToChat: 'กลับไปหน้าถาม-ตอบ',
  recordTitle: 'คำตอบจากเอกสารถาม-ตอบ',
};

export type Strings = typeof th;

const en: Strings = {
  appTitle: 'OPDC assessment guideline Q&A',
  appSubtitle: 'Answers from the Q&A handouts published by the Office of the Public Sector Development Commission, always with their source',
  skipToInput: 'Skip to the question box',
  langGroup: 'Interface language',
  filtersLabel: 'Filter answers',
  yearLabel: 'Fiscal year',
  yearAll: 'All fiscal years',
  indicatorLabel: 'Indicator',
  indicatorAll: 'All indicators',
  conversationLabel: 'Conversation',
  inputLabel: 'Your question',
  inputPlaceholder: 'e.g. When is Template 3 due?',
  inputHint: 'Enter to send · Shift+Enter for a new line',
  send: 'Send',
  welcome:
    'Hello. Ask about the OPDC assessment guidelines for agencies and provinces, in Thai or English. Every answer comes from the published Q&A handouts and shows its source.',
  examplesLabel: 'Try asking',
  examples: ['When is Template 3 due?', 'Can we choose more than one sub-indicator?', 'How do provinces report on COVID-19 prevention?'],
  you: 'You',
  bot: 'Assistant',
  loading: 'Looking for an answer…',
  source: 'Source',
  questionNumber: (n: number) => `Q${n}`,
  fiscalYear: (be: number) => `FY${be} (${be - 543})`,
  tagsLabel: 'Topics',
  translatedNote: 'English translation — the Thai original is authoritative',
  notTranslated: 'No English translation yet: this is the Thai original',
  showOriginal: 'Show the Thai original',
  hideOriginal: 'Hide the Thai original',
  originalHeading: 'Thai original',
  othersLabel: 'Other likely answers',
  helpfulQuestion: 'Was this helpful?',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackSending: 'Sending…',
  feedbackThanks: 'Thanks for your feedback',
  feedbackFailed: "Couldn't send your feedback. You can try again.",
  permalink: 'Open this answer on its own page',
  noAnswer: "I couldn't find an answer to that",
  rephraseHint: 'Try rephrasing with key words such as the indicator name or fiscal year.',
  nearbyHint: 'Or pick one of the nearby questions below.',
  filtersHint: 'The filters you chose may be hiding the answer: set them to “All” and ask again.',
  nearestLabel: 'Nearby questions',
  superseded: 'A later answer replaces this one',
  openNewer: 'Open the newer answer',
  errorRateLimited: 'Too many questions right now. Please wait a moment and try again.',
  errorNetwork: "Can't reach the server. Check your connection and try again.",
  errorServer: 'Something went wrong on our side. Please try again later.',
  errorNotFound: 'That answer was not found. The link may be wrong or the answer was removed.',
  errorRequest: 'The request was not accepted',
  emptyQuestion: 'Please type a question first',
  backToChat: 'Back to the chat',
  recordTitle: 'Answer from the Q&A handouts',
};

export const STRINGS: Record<Lang, Strings> = { th, en };

/** Labels for the controlled indicator vocabulary (server/kb/schema.ts INDICATORS). */
const INDICATOR_LABELS: Record<string, { th: string; en: string }> = {
  'e-service': { th: 'e-Service', en: 'e-Service' },
  'open-data': { th: 'Open Data', en: 'Open Data' },
  'data-catalog': { th: 'Data Catalog', en: 'Data Catalog' },
  'sharing-data': { th: 'Sharing Data', en: 'Sharing Data' },
  'digitalize-process': { th: 'Digitalize Process', en: 'Digitalize Process' },
  'decision-making': { th: 'การใช้ข้อมูลในการตัดสินใจ', en: 'Data-driven decision making' },
  pmqa: { th: 'PMQA', en: 'PMQA' },
  'provincial-database': { th: 'ฐานข้อมูลจังหวัด', en: 'Provincial database' },
  'covid-19-report': { th: 'รายงานโควิด 19', en: 'COVID-19 report' },
  'e-sar': { th: 'e-SAR', en: 'e-SAR' },
  'digital-government': { th: 'รัฐบาลดิจิทัล', en: 'Digital government' },
  'indicator-selection': { th: 'การเลือกตัวชี้วัด', en: 'Indicator selection' },
  scoring: { th: 'การให้คะแนน', en: 'Scoring' },
  timeline: { th: 'กำหนดเวลา', en: 'Timeline' },
  appeal: { th: 'การอุทธรณ์', en: 'Appeals' },
  training: { th: 'การอบรม', en: 'Training' },
};

export function indicatorLabel(slug: string, lang: Lang): string {
  return INDICATOR_LABELS[slug]?.[lang] ?? slug;
}

const STORAGE_KEY = 'opdc-qa.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'th' || value === 'en';
}

/** Remembered choice first, then the browser's language; Thai for anything Thai, else English. */
export function initialLang(): Lang {
  const saved = readStorage();
  if (isLang(saved)) return saved;
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return preferred.toLowerCase().startsWith('th') ? 'th' : 'en';
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing or disabled storage: the choice just lasts for this page.
  }
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
