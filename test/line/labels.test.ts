import { describe, expect, it } from 'vitest';
import type { KbRecord, KnowledgeBase } from '../../server/kb/schema.js';
import { quickReplyLabels, sectionShortName } from '../../server/line/labels.js';
import { graphemes } from '../../server/line/text.js';
import { FIXTURE_DOCUMENT, FIXTURE_GLOSSARY, FIXTURE_RECORDS, PROVINCIAL_DOCUMENT } from '../support/fixture-kb.js';

function withRecords(extra: KbRecord[]): KnowledgeBase {
  return { documents: [FIXTURE_DOCUMENT, PROVINCIAL_DOCUMENT], records: [...FIXTURE_RECORDS, ...extra], glossary: FIXTURE_GLOSSARY };
}

const base = FIXTURE_RECORDS.find((r) => r.id === 'fy2565-potential-base/data-catalog/1')!;
// Two questions that share their first 20+ graphemes, as the first version's labels showed.
const twin = (n: number, tail: string): KbRecord => ({
  ...base,
  id: `fy2565-potential-base/data-catalog/${n}`,
  source: { ...base.source, number: n },
  question: { th: `ตัวชี้วัด Data catalog ของหน่วยงาน ${tail}`, en: `Data catalog indicator of the agency: ${tail}` },
  // A real answer talks about what its question asks, which is what labels pick up.
  answer: { th: `กรณีนี้หน่วยงาน${tail.replace(/หรือไม่$/, '')}ตามแนวทาง`, en: '' },
});

describe('quickReplyLabels', () => {
  it('gives records whose questions start alike distinct labels of at most 20 graphemes', () => {
    const kb = withRecords([twin(30, 'ต้องเผยแพร่บนเว็บไซต์หรือไม่'), twin(31, 'ต้องปรับปรุงคำอธิบายข้อมูลทุกปีหรือไม่')]);
    const labels = quickReplyLabels(kb, ['fy2565-potential-base/data-catalog/30', 'fy2565-potential-base/data-catalog/31'], 'th');
    expect(new Set(labels).size).toBe(2);
    for (const l of labels) expect(graphemes(l).length).toBeLessThanOrEqual(20);
    expect(labels[0]).toMatch(/เผยแพร่|เว็บไซต์/);
    expect(labels[1]).toMatch(/ปรับปรุง|คำอธิบาย/);
  });

  it('uses the editor-set short title when a record has one', () => {
    const kb = withRecords([{ ...twin(32, 'x'), shortTitle: { th: 'เผยแพร่บนเว็บ', en: 'Publish on the web' } }]);
    expect(quickReplyLabels(kb, ['fy2565-potential-base/data-catalog/32'], 'th')).toEqual(['เผยแพร่บนเว็บ']);
    expect(quickReplyLabels(kb, ['fy2565-potential-base/data-catalog/32'], 'en')).toEqual(['Publish on the web']);
  });

  it('keeps labels unique even when editors gave two records the same short title, and apart from reserved ones', () => {
    const kb = withRecords([{ ...twin(33, 'a'), shortTitle: { th: 'ส่งเมื่อไร', en: '' } }, { ...twin(34, 'b'), shortTitle: { th: 'ส่งเมื่อไร', en: '' } }, { ...twin(35, 'c'), shortTitle: { th: 'แจ้งฉัน', en: '' } }]);
    const labels = quickReplyLabels(kb, ['fy2565-potential-base/data-catalog/33', 'fy2565-potential-base/data-catalog/34', 'fy2565-potential-base/data-catalog/35'], 'th', ['แจ้งฉัน']);
    expect(new Set([...labels, 'แจ้งฉัน']).size).toBe(4);
    expect(labels[1]).toMatch(/ข้อ 34$/);
  });

  it('names the section when the records come from different sections', () => {
    const kb = withRecords([]);
    const labels = quickReplyLabels(kb, ['fy2565-potential-base/data-catalog/1', 'fy2565-potential-base/e-service/15'], 'th');
    expect(labels[0]).toMatch(/^Data catalog /);
    expect(labels[1]).toMatch(/^e-service /);
  });
});

describe('sectionShortName', () => {
  it('drops the words that sibling sections share', () => {
    expect(sectionShortName(FIXTURE_DOCUMENT, 'data-catalog', 'th')).toBe('Data catalog');
    expect(sectionShortName(FIXTURE_DOCUMENT, 'data-catalog', 'en')).toBe('Data catalog');
    expect(sectionShortName(FIXTURE_DOCUMENT, 'overview', 'th')).toBe('ภาพรวมการประเมินฯ');
    expect(sectionShortName(PROVINCIAL_DOCUMENT, 'general', 'th')).toBe('ทั่วไป');
  });
});
