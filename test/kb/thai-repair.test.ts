import { describe, expect, it } from 'vitest';
import { THAI_PUA } from '../../server/kb/thai-pua.js';
import { brokenThai, emptyRepairCounts, repairThai, type RepairKind } from '../../server/kb/thai-repair.js';

describe('repairThai', () => {
  it.each<[string, string, string, Partial<Record<RepairKind, number>>]>([
    ['maps a shifted-down PUA tone mark back', 'ส\uF70Aวน', 'ส่วน', { pua: 1 }],
    ['maps a Mac PUA upper vowel back', 'ป\uF885ด', 'ปิด', { pua: 1 }],
    ['maps a descender-less yo ying back', '\uF70Fุ', 'ญุ', { pua: 1 }],
    ['drops a space before a tone mark', 'ต ้องการ', 'ต้องการ', { 'space-before-mark': 1 }],
    ['drops a space before a below vowel', 'ม ุม', 'มุม', { 'space-before-mark': 1 }],
    ['drops the space pdfjs adds after a mark that followed a space', 'ต ุ ลาคม', 'ตุลาคม', { 'space-before-mark': 1 }],
    ['composes nikhahit + sara aa', 'ทํา', 'ทำ', { 'sara-am': 1 }],
    ['composes nikhahit + tone + sara aa, tone first', 'นํ้า', 'น้ำ', { 'sara-am': 1 }],
    ['composes tone + nikhahit + sara aa', 'น้ํา', 'น้ำ', { 'sara-am': 1 }],
    ['puts the above vowel before the tone', 'ก่ิ', 'กิ่', { 'mark-order': 1 }],
    ['puts the below vowel before the tone', 'ปุ่', 'ปุ่', { 'mark-order': 1 }],
    ['makes sara ae of two sara e', 'เเละ', 'และ', { 'double-sara-e': 1 }],
    ['restores a lost nikhahit the dictionary confirms', 'ค าน า', 'คำนำ', { 'lost-nikhahit': 2 }],
    ['leaves a lost nikhahit the dictionary cannot confirm', 'ค าถาม', 'ค าถาม', {}],
    ['leaves clean Thai alone', 'สำนักงาน ก.พ.ร. ที่ตั้ง', 'สำนักงาน ก.พ.ร. ที่ตั้ง', {}],
  ])('%s', (_name, input, output, counts) => {
    const got = emptyRepairCounts();
    expect(repairThai(input, got)).toBe(output);
    expect(got).toEqual({ ...emptyRepairCounts(), ...counts });
  });

  it('is idempotent: repaired text needs no more repairs', () => {
    const once = repairThai('ส\uF70Aวน ต ้อง นํ้า เเละ ก่ิ');
    const counts = emptyRepairCounts();
    expect(repairThai(once, counts)).toBe(once);
    expect(counts).toEqual(emptyRepairCounts());
  });

  it('maps every PUA glyph of the table to a Thai mark or consonant', () => {
    for (const [pua, base] of THAI_PUA) {
      expect(pua >= 0xf700 && pua <= 0xf89e).toBe(true);
      expect(repairThai(`ก${String.fromCodePoint(pua)}`)).toBe(`ก${String.fromCodePoint(base)}`.normalize('NFC'));
    }
  });
});

describe('brokenThai', () => {
  it.each([
    ['a mark with no consonant', 'ว่า ่ การ', /no consonant/],
    ['a mark at the start', '่ไม่', /no consonant/],
    ['sara aa after a space', 'ค าถาม', /lost nikhahit/],
    ['a stray nikhahit', 'กํ', /stray nikhahit/],
  ])('flags %s', (_name, text, why) => {
    expect(brokenThai(text)).toMatch(why);
  });

  it('passes sound Thai', () => {
    expect(brokenThai('หน่วยงานสามารถเลือกได้ 1 ประเด็น (Potential Base)')).toBeUndefined();
  });
});
