import { describe, expect, it } from 'vitest';
import { joinContinuation, normalizeThai } from '../../server/kb/thai-text.js';

describe('normalizeThai', () => {
  it.each([
    ['composes decomposed sara am', 'ทํางาน', 'ทำงาน'],
    ['composes sara am after a tone mark', 'น้ํา', 'น้ำ'],
    ['puts the tone mark before a composed sara am', 'น\u0E4D\u0E49\u0E32', 'น้ำ'],
    ['drops zero-width spaces', 'ข้อ\u200Bมูล', 'ข้อมูล'],
    ['leaves composed text alone', 'สำนักงาน ก.พ.ร.', 'สำนักงาน ก.พ.ร.'],
  ])('%s', (_name, input, output) => {
    expect(normalizeThai(input)).toBe(output);
  });
});

describe('joinContinuation', () => {
  it.each([
    ['joins a Thai word split by a page break without a space', 'คำอธิบายชุด', 'ข้อมูล (metadata)', 'คำอธิบายชุดข้อมูล (metadata)'],
    ['joins Thai and Latin with a space', 'ระบบ', 'e-SAR', 'ระบบ e-SAR'],
    ['joins after a digit with a space', 'ภายในเดือนธันวาคม 2564', '<ul> ● Template 2', 'ภายในเดือนธันวาคม 2564 <ul> ● Template 2'],
    ['trims the break', 'หน่วยงาน  ', '  สามารถ', 'หน่วยงานสามารถ'],
    ['keeps the head when the tail is empty', 'คำถาม', '', 'คำถาม'],
    ['takes the tail when the head is empty', '', 'คำตอบ', 'คำตอบ'],
  ])('%s', (_name, head, tail, joined) => {
    expect(joinContinuation(head, tail)).toBe(joined);
  });
});
