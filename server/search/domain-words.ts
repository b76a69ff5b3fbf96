/**
 * Thai words of this domain that the general dictionaries lack or split (wordcut's dictionary
 * has no ตัวชี้วัด, ส่วนราชการ or ชุดข้อมูล). For search they must stay whole: "ตัว|ชี้|วัด"
 * would match any text containing ตัว. The glossary adds its own Thai surface forms on top of
 * this list when an answerer is built; this list covers words that are not glossary concepts
 * and the dot-less forms of abbreviations (normalize() removes the dots).
 */
export const DOMAIN_WORDS: readonly string[] = [
  // everyday words of official Thai that wordcut's bundled dictionary splits (หน่วย|งาน)
  'หน่วยงาน',
  'แนวทาง',
  'ช่องทาง',
  'ภายใต้',
  'ต่อเนื่อง',
  'ประจำปี',
  'ปีงบประมาณ',
  'รับผิดชอบ',
  'โคโรนา',
  // assessment vocabulary
  'ตัวชี้วัด',
  'ค่าน้ำหนัก',
  'องค์ประกอบ',
  'ประเด็นย่อย',
  'เป้าหมายขั้นสูง',
  'เป้าหมายขั้นต้น',
  'เป้าหมายมาตรฐาน',
  'คะแนนรวม',
  'ผลคะแนน',
  'หลักฐาน',
  'ถอดบทเรียน',
  'อุทธรณ์',
  // organizations and systems
  'ส่วนราชการ',
  'ระบบราชการ',
  'ส่วนภูมิภาค',
  'ส่วนกลาง',
  'ภาครัฐ',
  'รัฐบาลดิจิทัล',
  'องค์กรดิจิทัล',
  'ศูนย์ดำรงธรรม',
  'สำนักงานสถิติแห่งชาติ',
  'มหาดไทย',
  // data work
  'ชุดข้อมูล',
  'ฐานข้อมูล',
  'บัญชีข้อมูล',
  'คำอธิบายข้อมูล',
  // services
  'งานบริการ',
  'ผู้ให้บริการ',
  'ผู้รับบริการ',
  'ออนไลน์',
  'ดิจิทัล',
  'แพลตฟอร์ม',
  'เว็บไซต์',
  'โควิด',
  // abbreviations after normalize() drops their dots
  'กพร',
  'กพ',
  'ครม',
  'สพร',
  'อปท',
  'สปพม',
  'พศ',
  'ฯลฯ',
];
