import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GlossarySchema, type Concept } from '../../server/kb/schema.js';

const file = fileURLToPath(new URL('../../kb/glossary.json', import.meta.url));
const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
const parsed = GlossarySchema.safeParse(raw);
// An invalid file fails the schema test with its issues listed; the other tests then see no concepts.
const glossary = parsed.success ? parsed.data : { concepts: [] as Concept[] };

/**
 * The key concept expansion matches on (server/search/expand.ts): case-folded, with spaces,
 * dots, hyphens and other punctuation gone, so ก.พ.ร. = กพร and e - SAR = esar.
 */
function fold(form: string): string {
  return form.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}\p{M}]/gu, '');
}

function forms(c: Concept): string[] {
  return [...c.th, ...c.en, ...c.abbreviations, ...c.transliterations, ...c.synonyms];
}

// The expander also treats a concept's id as one of its forms (e-service → eservice).
const byForm = new Map<string, string[]>();
for (const c of glossary.concepts) {
  for (const f of new Set([c.id, ...forms(c)].map(fold))) byForm.set(f, [...(byForm.get(f) ?? []), c.id]);
}

function conceptOf(form: string): string | undefined {
  const ids = byForm.get(fold(form));
  return ids?.length === 1 ? ids[0] : undefined;
}

// Thai letters plus the digits, dots, hyphens and single spaces Thai terms are written with.
const THAI_FORM = /^(?=.*[\u0E01-\u0E5B])[\u0E00-\u0E7F0-9.\- ]+$/;

describe('kb/glossary.json', () => {
  it('validates against GlossarySchema', () => {
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []).toEqual([]);
  });

  it('has at least 80 concepts with unique ids', () => {
    const ids = glossary.concepts.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(80);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('gives no surface form or id to two concepts', () => {
    const shared = [...byForm].filter(([, ids]) => ids.length > 1).map(([f, ids]) => `${f}: ${ids.join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('folds every form to at least two characters, the shortest key the expander matches', () => {
    const short = glossary.concepts.flatMap((c) => forms(c).filter((f) => fold(f).length < 2).map((f) => `${c.id}: ${f}`));
    expect(short).toEqual([]);
  });

  it('lists no form twice within a concept', () => {
    const repeats = glossary.concepts.flatMap((c) => {
      const all = forms(c);
      return all.filter((f, i) => all.indexOf(f) !== i).map((f) => `${c.id}: ${f}`);
    });
    expect(repeats).toEqual([]);
  });

  it('writes every Thai form and transliteration in Thai script, trimmed, with single spaces', () => {
    const bad = glossary.concepts.flatMap((c) =>
      [...c.th, ...c.transliterations]
        .filter((f) => !THAI_FORM.test(f) || f !== f.trim() || /\s{2}/.test(f))
        .map((f) => `${c.id}: ${JSON.stringify(f)}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps every form trimmed and free of decomposed sara am and zero-width characters', () => {
    const bad = glossary.concepts.flatMap((c) =>
      forms(c)
        .filter((f) => f !== f.trim() || /\u0E4D\u0E32|[\u200B-\u200D\uFEFF]/.test(f) || f !== f.normalize('NFC'))
        .map((f) => `${c.id}: ${JSON.stringify(f)}`),
    );
    expect(bad).toEqual([]);
  });

  it('writes English forms in Latin script', () => {
    const bad = glossary.concepts.flatMap((c) => c.en.filter((f) => /[\u0E00-\u0E7F]/.test(f)).map((f) => `${c.id}: ${f}`));
    expect(bad).toEqual([]);
  });

  // Search treats every surface form as the concept, so a form that folds to a common
  // English word would drag unrelated questions into the concept ("is it…" → IT).
  const ENGLISH_FUNCTION_WORDS = new Set(
    'a an the is are be am it its in on of to or as at by do if me my no so up us we he she they this that and for may can will not with from was'.split(' '),
  );

  it('has no form that folds to a common English function word', () => {
    const bad = [...byForm.keys()].filter((f) => ENGLISH_FUNCTION_WORDS.has(f));
    expect(bad).toEqual([]);
  });

  // Forms staff actually type, grouped by the concept they must reach.
  const equivalences: Array<[string, string[]]> = [
    ['opdc', ['กพร', 'ก.พ.ร.', 'กพร.', 'OPDC', 'opdc', 'สำนักงาน ก.พ.ร.', 'สำนักงานคณะกรรมการพัฒนาระบบราชการ']],
    ['dga', ['สพร.', 'สพร', 'DGA', 'สำนักงานพัฒนารัฐบาลดิจิทัล']],
    ['nso', ['สสช.', 'สสช', 'NSO', 'สำนักงานสถิติแห่งชาติ']],
    ['cabinet', ['ค.ร.ม.', 'ครม.', 'ครม', 'คณะรัฐมนตรี', 'Cabinet']],
    ['cabinet-resolution', ['มติ ครม.', 'มติครม', 'มติ ค.ร.ม.', 'มติคณะรัฐมนตรี']],
    ['local-administrative-organization', ['อปท.', 'อปท', 'องค์กรปกครองส่วนท้องถิ่น']],
    ['e-service', ['อีเซอร์วิส', 'e-Service', 'e-service', 'eservice', 'e service', 'E-SERVICE', 'บริการอิเล็กทรอนิกส์', 'การให้บริการด้วยระบบอิเล็กทรอนิกส์']],
    ['open-data', ['โอเพ่นดาต้า', 'โอเพนดาต้า', 'ข้อมูลเปิด', 'การเปิดเผยข้อมูลภาครัฐ', 'Open Data', 'opendata']],
    ['data-catalog', ['บัญชีข้อมูล', 'ดาต้าแคตตาล็อก', 'ดาต้าแคตาล็อก', 'Data Catalog', 'data catalogue']],
    ['sharing-data', ['การแลกเปลี่ยนข้อมูล', 'แชร์ริ่งดาต้า', 'data sharing', 'Sharing Data']],
    ['digitalize-process', ['ดิจิทัลไลซ์โพรเซส', 'กระบวนการทำงานดิจิทัล', 'การพัฒนากระบวนการปฏิบัติงาน', 'Digitalize Process', 'Digitized Process']],
    ['digitize-data', ['Digitize Data', 'การพัฒนาระบบข้อมูลให้เป็นดิจิทัล']],
    ['decision-making', ['Decision Making', 'การใช้ข้อมูลสารสนเทศเพื่อประกอบการตัดสินใจ']],
    ['pmqa', ['PMQA 4.0', 'PMQA', 'พีเอ็มคิวเอ', 'เกณฑ์คุณภาพการบริหารจัดการภาครัฐ']],
    ['e-sar', ['อีซาร์', 'ระบบ e-SAR', 'esar', 'e-SAR', 'e - SAR', 'e -SAR', 'e – SAR']],
    ['license', ['สัญญาอนุญาต', 'license', 'licence']],
    ['potential-base', ['Potential Base', 'การประเมินศักยภาพในการดำเนินงาน', 'องค์ประกอบที่ 2', 'โพเทนเชียลเบส']],
    ['performance-base', ['Performance Base', 'การประเมินประสิทธิภาพในการดำเนินงาน', 'องค์ประกอบที่ 1']],
    ['indicator', ['ตัวชี้วัด', 'KPI', 'เคพีไอ', 'indicator']],
    ['fiscal-year', ['ปีงบประมาณ', 'ปีงบ', 'FY', 'fiscal year']],
    ['government-agency', ['ส่วนราชการ', 'government agency']],
    ['agency', ['หน่วยงาน', 'agency']],
    ['department', ['กรม', 'department']],
    ['province', ['จังหวัด', 'province']],
    ['provincial-database', ['ฐานข้อมูลจังหวัด', 'provincial database']],
    ['covid-19', ['โควิด-19', 'โควิด 19', 'โควิด', 'โรคติดเชื้อไวรัสโคโรนา 2019', 'COVID-19', 'COVID – 19', 'covid19']],
    ['focus-area', ['Focus Area', 'focus area', 'โฟกัสแอเรีย', 'ประเด็นมุ่งเน้น']],
    ['dataset', ['ชุดข้อมูล', 'dataset', 'data set']],
    ['metadata', ['คำอธิบายชุดข้อมูล', 'เมทาดาตา', 'เมตาดาต้า', 'metadata']],
    ['template', ['Template', 'เทมเพลต', 'แบบฟอร์ม']],
    ['biz-portal', ['Biz Portal', 'bizportal', 'ไบซ์พอร์ทัล']],
    ['ckan', ['CKAN']],
    ['data-go-th', ['data.go.th']],
    ['gd-catalog', ['GD Catalog', 'GD catalog']],
    ['agenda-service', ['Agenda', '12 Agenda', '12 agenda']],
    ['roadmap', ['Roadmap', 'โรดแมป', 'แผนที่นำทาง']],
    ['action-plan', ['Action Plan', 'แผนปฏิบัติการ']],
    ['mou', ['MOU', 'MoU', 'บันทึกข้อตกลงความร่วมมือ']],
    ['digital-government', ['รัฐบาลดิจิทัล', 'digital government']],
    ['public-sector-4-0', ['ระบบราชการ 4.0', 'Public Sector 4.0']],
    ['thailand-4-0', ['Thailand 4.0', 'ประเทศไทย 4.0']],
    ['digital-organization', ['องค์กรดิจิทัล', 'digital organisation']],
    ['damrongdhama-center', ['ศูนย์ดำรงธรรม']],
    ['district', ['อำเภอ']],
    ['self-assessment', ['Self - Assessment', 'การประเมินตนเอง']],
    ['appeal', ['อุทธรณ์', 'การอุทธรณ์', 'appeal']],
    ['score', ['คะแนน', 'score']],
    ['weight', ['ค่าน้ำหนัก', 'weight']],
    ['evidence', ['หลักฐาน', 'evidence']],
    ['monitoring', ['การติดตามผล', 'Monitoring']],
    ['lessons-learned', ['การถอดบทเรียน', 'lessons learned']],
    ['training', ['การอบรม', 'training']],
    ['workshop', ['สัมมนาเชิงปฏิบัติการ', 'workshop']],
    ['report', ['รายงาน', 'การรายงานผล', 'report']],
    ['deadline', ['กำหนดส่ง', 'deadline']],
    ['advanced-target', ['เป้าหมายขั้นสูง', 'เป้าหมายชั้นสูง', 'advanced target']],
    ['pcio', ['PCIO', 'pcio']],
    ['l1-online-application', ['L1', 'ยื่นคำขอออนไลน์', 'การยื่นคำขอออนไลน์']],
    ['l2-online-payment', ['L2', 'การชำระเงินออนไลน์']],
    ['l3-electronic-document', ['L3', 'การออกเอกสารอิเล็กทรอนิกส์']],
    ['acmecs', ['ACMECS']],
    ['nsw', ['NSW', 'National Single Window']],
    ['office-of-the-permanent-secretary', ['สำนักงานปลัดกระทรวง', 'Office of the Permanent Secretary']],
    ['ministry', ['กระทรวง', 'ministry']],
    ['public-organization', ['องค์การมหาชน', 'public organization']],
    ['fee', ['ค่าธรรมเนียม', 'fee']],
    ['paperless', ['paperless', 'ไร้กระดาษ']],
  ];

  it.each(equivalences)('maps every listed form to %s', (id, list) => {
    expect(glossary.concepts.some((c) => c.id === id)).toBe(true);
    expect(list.map((f) => [f, conceptOf(f)])).toEqual(list.map((f) => [f, id]));
  });

  // Terms that look alike but are different things must stay apart.
  const distinct: Array<[string, string]> = [
    ['ก.พ.ร.', 'ก.พ.'],
    ['ครม.', 'มติ ครม.'],
    ['ส่วนราชการ', 'หน่วยงาน'],
    ['ข้อมูลเปิด', 'การเปิดเผยข้อมูล'],
    ['บัญชีข้อมูล', 'ระบบบัญชีข้อมูล'],
    ['การแลกเปลี่ยนข้อมูล', 'การเชื่อมโยงข้อมูล'],
    ['ระบบราชการ 4.0', 'Thailand 4.0'],
    ['ระบบราชการ 4.0', 'PMQA 4.0'],
    ['PCIO', 'CIO'],
    ['สัญญาอนุญาต', 'ใบอนุญาต'],
    ['การอบรม', 'การสัมมนา'],
    ['โควิด-19', 'การรายงานผลโควิด-19'],
    ['มือถือ', 'สมาร์ทโฟน'],
    ['ชุดข้อมูล', 'ชุดข้อมูลเปิด'],
  ];

  it.each(distinct)('keeps %s and %s in different concepts', (a, b) => {
    expect(conceptOf(a)).toBeDefined();
    expect(conceptOf(b)).toBeDefined();
    expect(conceptOf(a)).not.toBe(conceptOf(b));
  });

  it('points only indicator-naming concepts at an indicator, and every core indicator has one', () => {
    const withIndicator = new Set(glossary.concepts.flatMap((c) => (c.indicator ? [c.indicator] : [])));
    for (const ind of ['e-service', 'open-data', 'data-catalog', 'sharing-data', 'digitalize-process', 'decision-making', 'pmqa', 'e-sar', 'provincial-database']) {
      expect(withIndicator, ind).toContain(ind);
    }
    // Organisations and generic words are not indicators.
    for (const id of ['opdc', 'dga', 'cabinet', 'data', 'covid-19', 'digitize-data']) {
      expect(glossary.concepts.find((c) => c.id === id)?.indicator, id).toBeUndefined();
    }
  });
});
