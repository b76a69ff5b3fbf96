import { cp, mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analysisFile, engineFile, recordsFile } from '../../server/index-cache/analysis-file.js';
import { DEFAULT_INDEX_CACHE_DIR } from '../../server/index-settings.js';
import { DEFAULT_KB_DIR } from '../../server/kb/load.js';
import type { Glossary, KbDocument, KbRecord, KnowledgeFile } from '../../server/kb/schema.js';

/**
 * A small knowledge base with the real document ids, so route tests do not depend on
 * the full import being finished, and can add records (a very long answer) at will.
 */
export const FIXTURE_DOCUMENT: KbDocument = {
  id: 'fy2565-potential-base',
  title: { th: 'คำถาม-คำตอบ การประเมินศักยภาพ (Potential Base) ปีงบประมาณ 2565', en: 'Q&A: Potential Base assessment, fiscal year 2565' },
  date: '2021-09-10',
  fiscalYears: [2565],
  audience: ['agency'],
  sourceFile: '002_0c27346554988bac.txt',
  sections: [
    { slug: 'overview', title: { th: 'ภาพรวมการประเมินฯ', en: 'Assessment overview' } },
    { slug: 'data-catalog', title: { th: 'ตัวชี้วัด Data catalog', en: 'Data catalog indicator' } },
    { slug: 'e-service', title: { th: 'ตัวชี้วัด e-service', en: 'e-service indicator' } },
  ],
};

export const PROVINCIAL_DOCUMENT: KbDocument = {
  id: 'fy2563-provincial',
  title: { th: 'แนวทางการประเมินจังหวัด ปีงบประมาณ 2563-2564', en: 'Provincial assessment guideline, fiscal years 2563-2564' },
  date: '2020-09-11',
  fiscalYears: [2563, 2564],
  audience: ['province'],
  sourceFile: '000_3ba3b9301aa51fd5.txt',
  sections: [{ slug: 'general', title: { th: 'ทั่วไป', en: 'General' } }],
};

function record(document: KbDocument, section: string, number: number, q: [string, string], a: [string, string], indicators: KbRecord['tags']['indicators']): KbRecord {
  return {
    id: `${document.id}/${section}/${number}`,
    source: { document: document.id, section, number },
    question: { th: q[0], en: q[1] },
    answer: { th: a[0], en: a[1] },
    alternates: { th: [], en: [] },
    tags: { years: document.fiscalYears, component: document.id === 'fy2565-potential-base' ? 'potential-base' : 'general', indicators, audience: document.audience[0] },
  };
}

export const FIXTURE_RECORDS: KbRecord[] = [
  record(FIXTURE_DOCUMENT, 'overview', 1,
    ['ส่วนราชการสามารถเลือกมากกว่า 1 ประเด็นย่อยเพื่อเฉลี่ยน้ำหนักได้หรือไม่', 'Can an agency choose more than one sub-issue to average the weight?'],
    ['ให้หน่วยงานเลือกเพียง 1 ประเด็นย่อย โดยพิจารณาความสอดคล้องกับภารกิจของหน่วยงาน', 'Choose only one sub-issue, considering how well it fits the agency mission.'],
    ['indicator-selection']),
  record(FIXTURE_DOCUMENT, 'data-catalog', 1,
    ['ชุดข้อมูลที่ต้องจัดทำบัญชีข้อมูล Data catalog ต้องมีกี่ชุดข้อมูล', 'How many datasets must be listed in the Data catalog?'],
    ['ต้องจัดทำบัญชีข้อมูลอย่างน้อย 3 ชุดข้อมูล และลงทะเบียนในระบบบัญชีข้อมูลภาครัฐ', 'At least 3 datasets must be catalogued and registered in the government data catalog.'],
    ['data-catalog']),
  record(FIXTURE_DOCUMENT, 'e-service', 14,
    ['งานบริการ e-service ต้องเป็นงานบริการใหม่หรือสามารถใช้งานบริการเดิมได้', 'Must the e-service be a new service, or can an existing service be used?'],
    ['สามารถใช้งานบริการเดิมที่พัฒนาให้เป็นบริการอิเล็กทรอนิกส์แบบครบวงจรได้\n\nทั้งนี้ ต้องแสดงผลการพัฒนาที่เกิดขึ้นในปีงบประมาณ 2565', 'An existing service may be used if it is developed into a complete electronic service.\n\nThe development must happen in fiscal year 2565.'],
    ['e-service']),
  record(FIXTURE_DOCUMENT, 'e-service', 15,
    ['การประเมิน e-service ต้องส่งเอกสารหลักฐานอะไรบ้าง', 'What evidence must be submitted for the e-service assessment?'],
    ['ส่งภาพหน้าจอระบบบริการ และรายงานสถิติการใช้งานผ่านระบบ e-SAR', 'Submit screenshots of the service and usage statistics through the e-SAR system.'],
    ['e-service', 'e-sar']),
  record(PROVINCIAL_DOCUMENT, 'general', 1,
    ['กำหนดการส่งรายงานปี 2563 ให้ส่งตามกำหนดการเดิมใช้หรือไม่', 'Is the 2563 report due on the original schedule?'],
    ['สำนักงาน ก.พ.ร. จะมีหนังสือแจ้งรายละเอียดการรายงานผลการดำเนินงานรอบ 12 เดือน ผ่านระบบ e-SAR ให้ทราบอีกครั้งหนึ่ง', 'OPDC will send a letter with details of the 12-month report through the e-SAR system.'],
    ['timeline', 'e-sar']),
];

export const FIXTURE_GLOSSARY: Glossary = {
  concepts: [
    { id: 'e-service', th: ['บริการอิเล็กทรอนิกส์'], en: ['e-service'], abbreviations: [], transliterations: ['อีเซอร์วิส'], synonyms: [], indicator: 'e-service' },
    { id: 'opdc', th: ['สำนักงาน ก.พ.ร.'], en: ['OPDC'], abbreviations: ['ก.พ.ร.', 'กพร'], transliterations: [], synonyms: [] },
  ],
};

/** A Thai answer well over LINE's 5,000-unit text limit, in paragraphs of sentences. */
export function longThaiAnswer(paragraphs = 40): string {
  const sentence = 'หน่วยงานต้องจัดทำแผนการพัฒนาบริการอิเล็กทรอนิกส์และรายงานผลการดำเนินงานผ่านระบบ e-SAR ตามกำหนด';
  return Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${Array(3).fill(sentence).join(' ')}`).join('\n\n');
}

export const LONG_RECORD: KbRecord = record(FIXTURE_DOCUMENT, 'e-service', 20,
  ['แผนการพัฒนาบริการอิเล็กทรอนิกส์ฉบับยาวต้องมีรายละเอียดอะไรบ้าง', 'What must the long electronic service development plan contain?'],
  [longThaiAnswer(), 'The plan must describe every step.'],
  ['e-service']);

export interface TempKb {
  dir: string;
  cleanup(): Promise<void>;
}

export interface FixtureKbOptions {
  /** Extra records for the 2565 document (e.g. LONG_RECORD). */
  extraRecords?: KbRecord[];
}

function split(records: KbRecord[], document: KbDocument): KnowledgeFile {
  return { document, records: records.filter((r) => r.source.document === document.id) };
}

/** Writes the fixture knowledge base into a fresh temp directory. */
export async function createFixtureKb(options: FixtureKbOptions = {}): Promise<TempKb> {
  const dir = await mkdtemp(path.join(tmpdir(), 'opdc-kb-'));
  const records = [...FIXTURE_RECORDS, ...(options.extraRecords ?? [])];
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  await mkdir(path.join(dir, 'sources'), { recursive: true });
  for (const doc of [FIXTURE_DOCUMENT, PROVINCIAL_DOCUMENT]) {
    await writeFile(path.join(dir, 'documents', `${doc.id}.json`), `${JSON.stringify(split(records, doc), null, 2)}\n`);
  }
  await writeFile(path.join(dir, 'glossary.json'), `${JSON.stringify(FIXTURE_GLOSSARY, null, 2)}\n`);
  return { dir, cleanup: () => removeKb(dir) };
}

/**
 * Removes a temp knowledge base and the index cache files a server built over it wrote in the
 * checkout's var/index-cache (three per folder: without this, every test run left ~180 there).
 */
async function removeKb(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const file of [analysisFile, recordsFile, engineFile]) await rm(file(DEFAULT_INDEX_CACHE_DIR, dir), { force: true });
}

/** A temp copy of the repository's kb/, for tests that write (imports); undefined when it has no documents yet. */
export async function copyRepoKb(): Promise<TempKb | undefined> {
  const docs = await readdir(path.join(DEFAULT_KB_DIR, 'documents')).catch(() => [] as string[]);
  if (!docs.some((d) => d.endsWith('.json'))) return undefined;
  const dir = await mkdtemp(path.join(tmpdir(), 'opdc-kb-'));
  await cp(DEFAULT_KB_DIR, dir, { recursive: true });
  return { dir, cleanup: () => removeKb(dir) };
}
