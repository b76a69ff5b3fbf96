import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedBatch } from '../../server/kb/batch-types.js';
import { parseBatch } from '../../server/kb/parse-batch.js';
import { normalizeThai, thaiCharCounts } from '../../server/kb/thai-text.js';

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const SEED_2563 = repo('kb/sources/000_3ba3b9301aa51fd5.txt');
const SEED_2565 = repo('kb/sources/002_0c27346554988bac.txt');
const fixture = (name: string) => repo(`test/fixtures/batches/${name}`);
const parseFile = (file: string) => parseBatch(readFileSync(file), { fileName: file });
const row = (b: ParsedBatch, section: string, number: number) => {
  const r = b.rows.find((x) => x.section === section && x.number === number);
  if (!r) throw new Error(`no row ${section}/${number}`);
  return r;
};

describe('parseBatch on the 2563 provincial seed', () => {
  const batch = parseFile(SEED_2563);

  it('finds 20 questions numbered as printed in one general section, without problems', () => {
    expect(batch.problems).toEqual([]);
    expect(batch.sections.map((s) => s.slug)).toEqual(['general']);
    expect(batch.rows.map((r) => r.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reads the title, the fiscal years in it, the date and the audience', () => {
    expect(batch.meta.title).toMatch(/^แนวทางการประเมินส่วนราชการ.*ของจังหวัด ประจำปีงบประมาณ พ\.ศ\. 2563 - 2564$/);
    expect(batch.meta.fiscalYears).toEqual([2563, 2564]);
    expect(batch.meta.date).toBe('2020-09-11');
    expect(batch.meta.audience).toBe('province');
  });

  it('reads the <p>-wrapped "N. question" rows 18-20 without tags', () => {
    expect(row(batch, 'general', 18).question).toMatch(/^ในประเด็น PMQA 4\.0 เคยเสนอ.*เป็นไปได้หรือไม่$/);
    expect(row(batch, 'general', 18).answer).toMatch(/^สำนักงาน ก\.พ\.ร\. จะมีการอบรม.*โดยเฉพาะ$/);
    expect(row(batch, 'general', 20).question.startsWith('การให้บริการ e - Service ณ ศูนย์ดำรงธรรม')).toBe(true);
    for (const n of [18, 19, 20]) expect(row(batch, 'general', n).answer + row(batch, 'general', n).question).not.toMatch(/[<>]/);
  });

  it('records the source line of each question', () => {
    expect(row(batch, 'general', 1).line).toBe(8);
    expect(row(batch, 'general', 9).line).toBe(18);
    expect(row(batch, 'general', 18).line).toBe(29);
  });
});

describe('parseBatch on the 2565 potential-base seed', () => {
  const batch = parseFile(SEED_2565);
  const count = (section: string) => batch.rows.filter((r) => r.section === section).length;

  it('finds the four sections with 7/22/23/5 questions and no problems', () => {
    expect(batch.problems).toEqual([]);
    expect(batch.sections).toEqual([
      { slug: 'overview', title: 'ภาพรวมการประเมินฯ', line: 13 },
      { slug: 'data-catalog', title: 'ตัวชี้วัด Data catalog', line: 27 },
      { slug: 'e-service', title: 'ตัวชี้วัด e-service', line: 60 },
      { slug: 'pmqa', title: 'ตัวชี้วัด PMQA', line: 98 },
    ]);
    expect([count('overview'), count('data-catalog'), count('e-service'), count('pmqa')]).toEqual([7, 22, 23, 5]);
    for (const s of batch.sections) {
      const numbers = batch.rows.filter((r) => r.section === s.slug).map((r) => r.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('reads the date line, the fiscal year, the component and the audience', () => {
    expect(batch.meta.date).toBe('2021-09-10');
    expect(batch.meta.fiscalYears).toEqual([2565]);
    expect(batch.meta.component).toBe('potential-base');
    expect(batch.meta.audience).toBe('agency');
    expect(batch.meta.title).toContain('(Potential Base)');
    expect(batch.meta.title).not.toContain('คำถาม-คำตอบ');
  });

  it('joins data-catalog 21, whose question and answer both continue on the next page', () => {
    const r = row(batch, 'data-catalog', 21);
    expect(r.question.endsWith('และจะต้องนำเข้าคำอธิบายชุดข้อมูล (metadata) 14 คำอธิบายผ่านระบบฯ อย่างไร')).toBe(true);
    expect(r.answer).toContain('หรือหน่วยงานสามารถขอรับการสนับสนุนจากสำนักงานสถิติแห่งชาติ');
    expect(r.line).toBe(54);
    expect(row(batch, 'data-catalog', 22).question.startsWith('หน่วยงานมีการแลกเปลี่ยนข้อมูล')).toBe(true);
  });

  it('joins e-service 15 across the page break', () => {
    const r = row(batch, 'e-service', 15);
    expect(r.question).toContain('สำหรับส่วนราชการอื่นอีก 19 หน่วยงานที่ไม่อยู่ในเงื่อนไขให้ ส่วนราชการเลือกงานบริการอื่นๆ แทนใช่หรือไม่');
    expect(r.answer.endsWith('อาจพิจารณาเลือกพัฒนางานบริการ e-Service ที่เกี่ยวข้อง เพื่อเตรียมพร้อมในการเชื่อมโยงกับระบบ NSW แบบ paperless ตามเป้าหมายการพัฒนาได้')).toBe(true);
  });

  it('continues overview 2 answer list from a row with empty number and question cells', () => {
    expect(row(batch, 'overview', 2).answer).toBe(
      'หน่วยงานดำเนินการคัดเลือกตัวชี้วัดในองค์ประกอบที่ 2 และจัดส่งให้สำนักงาน ก.พ.ร. ภายในเดือนตุลาคม 2564\n\n' +
        'กรณีตัวชี้วัด ตัวชี้วัด Open Data จะมีกำหนดเวลาในการจัดส่ง Template ตามปฏิทิน ดังนี้\n\n' +
        '• Template 1 ภายในเดือนธันวาคม 2564\n• Template 2 ภายในเดือนเมษายน 2565\n• Template 3 ภายในเดือนพฤษภาคม 2565',
    );
  });

  it('keeps paragraphs and numbered items from HTML cells', () => {
    expect(row(batch, 'e-service', 1).answer.split('\n\n')).toHaveLength(3);
    expect(row(batch, 'data-catalog', 12).answer.split('\n\n')[1]).toMatch(/^\(1\) Open Data จุดประสงค์คือ/);
    expect(row(batch, 'overview', 7).answer).toMatch(/\n\n1\. สำนักงานปลัดกระทรวงส่ง file/);
  });

  it('never lets header rows, tags or bullets leak into the text', () => {
    for (const r of batch.rows) {
      for (const text of [r.question, r.answer]) {
        expect(text).not.toMatch(/ลำดับ\s*คำถาม|คำถาม\s*คำตอบ|[<>●\t]|\n{3}|^\s|\s$| {2}/);
      }
    }
  });
});

describe('Thai character preservation', () => {
  /** Every Thai character of the table cells (headers excluded), after the documented normalization. */
  const sourceCells = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('\t') && !/^(ลำดับ\t)?คำถาม\tคำตอบ$/.test(l.trim()))
      .map((l) => normalizeThai(l))
      .join('\n');

  it.each([[SEED_2563], [SEED_2565]])('keeps the multiset of Thai characters of %s', (file) => {
    const batch = parseFile(file);
    const records = batch.rows.map((r) => `${r.question}\n${r.answer}`).join('\n');
    expect(Object.fromEntries(thaiCharCounts(records))).toEqual(Object.fromEntries(thaiCharCounts(sourceCells(file))));
  });

  it('composes decomposed sara am and keeps everything else', () => {
    const batch = parseBatch('ลำดับ\tคำถาม\tคำตอบ\n1\tทํางานอย่างไร\tน้ํา ๑ ขวด\n', { fileName: 'x.txt' });
    expect(batch.rows[0]).toMatchObject({ question: 'ทำงานอย่างไร', answer: 'น้ำ ๑ ขวด' });
  });
});

describe('parseBatch on other layouts of the same content', () => {
  const strip = (b: ParsedBatch) => b.rows.map(({ line: _line, ...r }) => r);
  const seed = parseFile(SEED_2565);

  it.each([
    ['layout-three-column.txt', 'header rows moved, other rows split across page breaks'],
    ['layout-two-column.txt', '"N. question<TAB>answer" rows, some in <p>, two-column headers'],
    ['layout-plain.tsv', 'plain TSV with a header row and a section column'],
  ])('%s (%s) yields the same sections, questions and answers', (name) => {
    const batch = parseFile(fixture(name));
    expect(batch.problems).toEqual([]);
    expect(batch.sections.map((s) => [s.slug, s.title])).toEqual(seed.sections.map((s) => [s.slug, s.title]));
    expect(strip(batch)).toEqual(strip(seed));
  });

  it('reads CSV with quoted multi-line cells and reports the starting line of each row', () => {
    const csv = 'ลำดับ,คำถาม,คำตอบ\n1,"ส่งเมื่อใด","ภายใน\nเดือนตุลาคม"\n2,ใช้ระบบใด,e-SAR\n';
    const batch = parseBatch(csv, { fileName: 'batch.csv' });
    expect(batch.format).toBe('csv');
    expect(batch.problems).toEqual([]);
    expect(batch.rows).toEqual([
      { number: 1, section: 'general', question: 'ส่งเมื่อใด', answer: 'ภายใน เดือนตุลาคม', line: 2 },
      { number: 2, section: 'general', question: 'ใช้ระบบใด', answer: 'e-SAR', line: 4 },
    ]);
  });

  it('reads a TSV without a header row, section given as a slug', () => {
    const batch = parseBatch('1\tถาม\tตอบ\tpmqa\n2\tถามอีก\tตอบอีก\tpmqa\n', { fileName: 'b.tsv' });
    expect(batch.sections).toEqual([{ slug: 'pmqa', title: 'ตัวชี้วัด PMQA', line: 1 }]);
    expect(batch.rows.map((r) => r.number)).toEqual([1, 2]);
  });
});

describe('parseBatch problems', () => {
  it.each([
    ['duplicate-number.txt', 8, /duplicate number 2 in section general \(first at line 7\)/],
    ['missing-answer.txt', 7, /question 2 \(general\) has no answer/],
    ['bad-date.txt', 3, /unparseable date "วันที่ 31 กันยายน 2564"/],
    ['empty.txt', 1, /empty file/],
    ['binary-garbage.txt', 3, /binary data \(NUL byte\)/],
    ['tis620.txt', 1, /invalid UTF-8/],
    ['continuation-first.txt', 6, /continuation row .* before any numbered row/],
  ])('%s gives a line-numbered error', (name, line, message) => {
    const errors = parseFile(fixture(name)).problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, severity: 'error' });
    expect(errors[0]!.message).toMatch(message);
  });

  it.each([
    ['a row without a question', 'ลำดับ\tคำถาม\tคำตอบ\n1\t\tคำตอบ\n', 2, /has no question text/],
    ['a non-numeric number cell', 'ลำดับ\tคำถาม\tคำตอบ\nก\tถาม\tตอบ\n', 2, /number cell "ก" is not a number/],
    ['too many cells', 'ลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\tเกิน\n', 2, /expected 2 or 3 cells \(number, question, answer\), found 4/],
    ['stray text after a table', 'ลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n\nหมายเหตุ ท้ายเอกสาร\n', 4, /text outside the table/],
    ['a control character', 'ลำดับ\tคำถาม\tคำตอบ\n1\tถาม\x07\tตอบ\n', 2, /control character U\+0007/],
    ['a header without rows', 'ลำดับ\tคำถาม\tคำตอบ\n', 1, /no numbered question rows/],
  ])('reports %s', (_name, text, line, message) => {
    const errors = parseBatch(text, { fileName: 'x.txt' }).problems.filter((p) => p.severity === 'error');
    expect(errors[0]).toMatchObject({ line });
    expect(errors[0]!.message).toMatch(message);
  });

  it('warns about numbering gaps and unknown headings without failing', () => {
    const text = 'วันที่ 1 ต.ค. 2564\nตัวชี้วัด Smart Office\n\nลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n3\tถามอีก\tตอบอีก\n';
    const batch = parseBatch(text, { fileName: 'x.txt' });
    expect(batch.problems).toEqual([
      { line: 2, severity: 'warning', message: expect.stringMatching(/unknown section heading "ตัวชี้วัด Smart Office": using slug "smart-office"/) },
      { line: 6, severity: 'warning', message: 'numbering in section smart-office jumps from 1 to 3' },
    ]);
    expect(batch.rows.map((r) => r.section)).toEqual(['smart-office', 'smart-office']);
  });

  it('treats a line before the first table as title, not heading, until the date line', () => {
    const text = 'หัวเรื่องเอกสาร\n\nลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n';
    const batch = parseBatch(text, { fileName: 'x.txt' });
    expect(batch.meta.title).toBe('หัวเรื่องเอกสาร');
    expect(batch.sections.map((s) => s.slug)).toEqual(['general']);
  });

  it('gives an unknown Thai-only heading a generated slug', () => {
    const text = 'วันที่ 1 ต.ค. 2564\nหมวดพิเศษ\nลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n';
    expect(parseBatch(text, { fileName: 'x.txt' }).sections).toEqual([{ slug: 'section-1', title: 'หมวดพิเศษ', line: 2 }]);
  });

  it('ignores page numbers left by extraction', () => {
    const text = 'ลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n- 2 -\nลำดับ\tคำถาม\tคำตอบ\n2\tถามอีก\tตอบอีก\n';
    const batch = parseBatch(text, { fileName: 'x.txt' });
    expect(batch.problems).toEqual([]);
    expect(batch.rows).toHaveLength(2);
  });
});
