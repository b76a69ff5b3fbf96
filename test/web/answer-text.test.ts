import { describe, expect, it } from 'vitest';
import { parseAnswerText, type Block } from '../../web/src/answer-text.js';

describe('parseAnswerText', () => {
  const cases: { name: string; text: string; blocks: Block[] }[] = [
    { name: 'keeps a single paragraph', text: 'Template 3 ระบุเฉพาะข้อมูลเปิดทั้งหมด', blocks: [{ kind: 'p', text: 'Template 3 ระบุเฉพาะข้อมูลเปิดทั้งหมด' }] },
    {
      name: 'splits paragraphs on a blank line',
      text: 'ย่อหน้าแรก\n\nย่อหน้าที่สอง',
      blocks: [
        { kind: 'p', text: 'ย่อหน้าแรก' },
        { kind: 'p', text: 'ย่อหน้าที่สอง' },
      ],
    },
    {
      name: 'turns "• " lines into one bullet list after a paragraph',
      text: 'กำหนดส่ง ดังนี้\n\n• Template 1 ภายในเดือนธันวาคม 2564\n• Template 2 ภายในเดือนเมษายน 2565',
      blocks: [
        { kind: 'p', text: 'กำหนดส่ง ดังนี้' },
        { kind: 'ul', items: ['Template 1 ภายในเดือนธันวาคม 2564', 'Template 2 ภายในเดือนเมษายน 2565'] },
      ],
    },
    {
      name: 'ends a list at the first line that is not an item',
      text: '• หนึ่ง\n• สอง\nหมายเหตุ: ท้ายรายการ',
      blocks: [
        { kind: 'ul', items: ['หนึ่ง', 'สอง'] },
        { kind: 'p', text: 'หมายเหตุ: ท้ายรายการ' },
      ],
    },
    {
      name: 'keeps printed numbers of a numbered list, even across a blank line',
      text: '1. ข้อแรก\n2. ข้อสอง\n\n4. ข้อสี่',
      blocks: [{ kind: 'ol', items: [{ n: 1, text: 'ข้อแรก' }, { n: 2, text: 'ข้อสอง' }, { n: 4, text: 'ข้อสี่' }] }],
    },
    {
      name: 'does not mistake a year at the start of a sentence for a list item',
      text: '2565. เป็นปีแรกของการประเมิน',
      blocks: [{ kind: 'p', text: '2565. เป็นปีแรกของการประเมิน' }],
    },
    {
      name: 'keeps line breaks inside a paragraph and tolerates CRLF and ● bullets',
      text: 'บรรทัดหนึ่ง\r\nบรรทัดสอง\r\n\r\n● ข้อ',
      blocks: [
        { kind: 'p', text: 'บรรทัดหนึ่ง\nบรรทัดสอง' },
        { kind: 'ul', items: ['ข้อ'] },
      ],
    },
    {
      name: 'leaves markup in the text as plain characters',
      text: '<script>window.__xss=1</script>',
      blocks: [{ kind: 'p', text: '<script>window.__xss=1</script>' }],
    },
    { name: 'gives no blocks for blank text', text: ' \n\n ', blocks: [] },
  ];

  it.each(cases)('$name', ({ text, blocks }) => {
    expect(parseAnswerText(text)).toEqual(blocks);
  });
});
