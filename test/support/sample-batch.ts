/**
 * A small batch in the shape of the real handouts (title, date, section heading,
 * tab-separated table with its header row), introducing questions no fixture has.
 */
export const SAMPLE_BATCH = `คำถาม-คำตอบ
การประชุมชี้แจงแนวทางการประเมิน ประจำปีงบประมาณ พ.ศ. 2566
วันที่ 15 กันยายน 2565

ตัวชี้วัด e-service

ลำดับ\tคำถาม\tคำตอบ
1\tระบบรับเรื่องร้องเรียนออนไลน์นับเป็นงานบริการ e-service ได้หรือไม่\tนับได้ หากประชาชนยื่นเรื่องและติดตามผลได้ครบทุกขั้นตอนผ่านระบบออนไลน์
2\tต้องรายงานจำนวนผู้ใช้บริการออนไลน์หรือไม่\tต้องรายงานสถิติผู้ใช้บริการรายเดือนผ่านระบบ e-SAR
`;

export const SAMPLE_BATCH_DOCUMENT = 'fy2566-e-service';
export const SAMPLE_BATCH_QUESTION = 'ระบบรับเรื่องร้องเรียนออนไลน์นับเป็นงานบริการ e-service ได้หรือไม่';
export const SAMPLE_BATCH_RECORD = 'fy2566-e-service/e-service/1';

/** Text with no table and no date: the importer must refuse it. */
export const BROKEN_BATCH = 'hello\nthis is not a Q&A table\n';
