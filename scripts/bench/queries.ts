/**
 * The benchmark's own question mix, written for the bench (not taken from test/eval, so the
 * eval set cannot be tuned against the bench or the other way round). Kinds are kept apart so
 * the report can say which kind is slow. Chat style on purpose: typos, Thai digits, dotted and
 * undotted abbreviations, BE and CE years, transliterations, keyword-only questions.
 */
export interface BenchQuery {
  kind: 'thai' | 'english' | 'mixed' | 'off-topic';
  question: string;
}

const thai = [
  'ส่งรายงานปี 2563 ตามกำหนดเดิมไหม',
  'รายงานผลโควิดผ่านระบบ e-SAR ได้ไหมคะ',
  'ตัวชี้วัด e-service ปี 65 ต้องทำระบบเดิมหรือเปล่า',
  'เลือกประเด็นย่อยมากกว่าหนึ่งประเด็นได้ไหม',
  'ใครเป็นคนตรวจประเมินชุดข้อมูล data catalog',
  'ไม่มี focus area ต้องทำอย่างไร',
  'คะแนน PMQA ๔.๐ ปี ๒๕๖๔ ออกเมื่อไหร่',
  'กรมตั้งใหม่ต้องประเมิน PMQA ไหม',
  'ก.พ.ร. จะแจ้งผลอุทธรณ์เป็นหนังสือไหม',
  'กพร แจ้งผลอุทธรณ์ยังไง',
  'สัญญาอนุญาตข้อมูลเปิด หน่วยงานกำหนดเองได้หรือไม่',
  'ถอดบทเรียนหมายถึงอะไรครับ',
  'ฐานข้อมูลจังหวัดยังต้องรายงานอยู่หรือเปล่า',
  'อีเซอร์วิส ที่ศูนย์ดำรงธรรมอำเภอ หมายถึงอะไร',
  'โอเพ่นดาต้า กับ แชร์ริ่งดาต้า ควรเลือกอันไหน',
  'ต้องทำ roadmap กับ action plan ไหมสำหรับ e service',
  'งานบริการ L1 ยื่นคำขอออนไลน์ 47 งาน',
  'มติ ค.ร.ม. 12 agenda เจ้าภาพหลักต้องเลือกอะไร',
  'ส่งตัวชี้วัดระดับกรมภายใน 31 ตุลาคม ทันไหม',
  'การคิดคะแนน potential base คิดยังไง',
  'เป้าหมายขั้นสูงต้องมีองค์ประกอบครบทุกหัวข้อหรือไม่',
  'บัญชีข้อมูล metadata 14 รายการ กรอกในระบบยังไง',
  'ทำ MOU แลกเปลี่ยนข้อมูลแล้วนับเป็น sharing data ได้ไหม',
  'ระบบราชการ 4.0 ประเมินตนเองตามเกณฑ์ 7 หมวด',
  'คณะกรรมการ pcio ต้องให้ความเห็นเรื่องรัฐบาลดิจิทัลไหม',
  'ค่าน้ำหนัก 10% ของฐานข้อมูลจังหวัด',
  'digitalize process คืออะไร',
  'ยกเว้นค่าธรรมเนียมปี 2564 กระทบ e-service ไหม',
  'ส่งรายงานไม่ทันจะเป็นไรไหมคะ',
  'อยากเปิดข้อมูลของกรม',
];

const english = [
  'Do we still report on the original indicators in 2020?',
  'Can an agency pick more than one sub-indicator for potential base?',
  'Who assesses the data catalog datasets?',
  'When are the PMQA 4.0 scores for FY2021 released?',
  'Is a roadmap required for e-service?',
  'open data licence rules',
  'What does lessons learned refer to in the report?',
  'Will OPDC send the appeal result by official letter?',
  'COVID-19 report through e-SAR',
  'provincial database indicator weight',
  'must a newly established department do PMQA',
  'e-service at the Damrongdhama center',
  'fiscal year 2022 data catalog focus area',
  'how is the potential base scored',
  'sharing data MOU between agencies',
];

const mixed = ['e - SAR ปี 2020', 'PMQA ปีงบ 65', 'focus area data catalog', 'e-Service Agenda 12 เรื่อง', 'ก. พ. ร.'];

const offTopic = [
  'วันนี้อากาศเป็นอย่างไร',
  'วิธีทำแกงเขียวหวาน',
  'ผลบอลเมื่อคืน',
  'ขอเบอร์โทรร้านพิซซ่าหน่อย',
  'What is the capital of France?',
  'best pizza recipe',
  'how do I reset my iPhone',
  'หวยงวดนี้ออกอะไร',
  'hello',
  '???',
];

export const BENCH_QUERIES: readonly BenchQuery[] = [
  ...thai.map((question) => ({ kind: 'thai' as const, question })),
  ...english.map((question) => ({ kind: 'english' as const, question })),
  ...mixed.map((question) => ({ kind: 'mixed' as const, question })),
  ...offTopic.map((question) => ({ kind: 'off-topic' as const, question })),
];

/** Thai-script queries only, for the segmenter comparison. */
export const THAI_SEGMENT_QUERIES: readonly string[] = thai;
