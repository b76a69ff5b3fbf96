import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/search/normalize.js';

describe('normalize', () => {
  it.each([
    // sara am, decomposed, with the tone mark before or between its parts
    ['น\u0E49\u0E4D\u0E32', 'น้ำ'],
    ['น\u0E4D\u0E49\u0E32หนัก', 'น้ำหนัก'],
    ['ค่าน\u0E49\u0E4D\u0E32หนัก', 'ค่าน้ำหนัก'],
    ['ก\u0E32\u0E4D', 'กา\u0E4D'],
    // Thai digits
    ['๒๕๖๕', '2565'],
    ['PMQA ๔.๐', 'pmqa 4.0'],
    // zero-width and soft hyphen
    ['ตัว\u200Bชี้\u200Cวัด\uFEFF', 'ตัวชี้วัด'],
    ['e-ser\u00ADvice', 'eservice'],
    // double sara e typed for sara ae
    ['เเนวทาง', 'แนวทาง'],
    // dotted abbreviations
    ['ก.พ.ร.', 'กพร'],
    ['ก. พ. ร.', 'กพร'],
    ['สำนักงาน ก.พ.ร. จะ', 'สำนักงาน กพร จะ'],
    ['ค.ร.ม.', 'ครม'],
    ['มติ ครม.', 'มติ ครม'],
    ['สพร.', 'สพร'],
    ['สป.พม.', 'สปพม'],
    // the e- prefix in every spelling
    ['e - SAR', 'esar'],
    ['e -SAR', 'esar'],
    ['e- SAR', 'esar'],
    ['e-SAR', 'esar'],
    ['eSAR', 'esar'],
    ['e SAR', 'esar'],
    ['E-Service', 'eservice'],
    ['e service', 'eservice'],
    ['eservice', 'eservice'],
    ['ระบบ e – SAR', 'ระบบ esar'],
    // other Latin compounds and names
    ['Self - Assessment', 'self-assessment'],
    ['COVID – 19', 'covid-19'],
    ['data . go . th', 'data.go.th'],
    ['data.go.th', 'data.go.th'],
    ['template3', 'template 3'],
    ['L1 L2', 'l1 l2'],
    ['ระบบราชการ 4.0', 'ระบบราชการ 4.0'],
    ['32 - 33 หน่วยงาน', '32 - 33 หน่วยงาน'],
    // dashes and full-width forms
    ['a—b', 'a-b'],
    ['ＰＭＱＡ', 'pmqa'],
    // fiscal years
    ['ปี 65', 'ปี 2565'],
    ['ปี65', 'ปี 2565'],
    ['ปีงบ 65', 'ปีงบ 2565'],
    ['ปีงบประมาณ 65', 'ปีงบประมาณ 2565'],
    ['ปีงบประมาณ 2565', 'ปีงบประมาณ 2565'],
    ['ปี ๖๕', 'ปี 2565'],
    ['พ.ศ. 2565', 'พศ 2565'],
    ['FY2022', 'fy 2565'],
    ['FY 2022', 'fy 2565'],
    ['FY22', 'fy 2565'],
    ['FY65', 'fy 2565'],
    ['fiscal year 2022', 'fiscal year 2565'],
    ['2022', '2565'],
    ['in 2021 and 2565', 'in 2564 and 2565'],
    // e-service levels and their ranges
    ['Level 1-3 criteria', 'l1 l2 l3 criteria'],
    ['L1-L3', 'l1 l2 l3'],
    ['ระดับ L1 ถึง L3', 'ระดับ l1 ถึง l3'],
    ['level 2', 'l2'],
    // numbers that are not years stay
    ['500 ราย', '500 ราย'],
    ['ข้อ 2.1', 'ข้อ 2.1'],
    ['1999', '1999'],
    // a spaced dash before a question word or an auxiliary is punctuation, not a compound
    ['data catalog - how many focus areas', 'data catalog - how many focus areas'],
    ['licence – who decides', 'licence - who decides'],
    ['Self - Assessment - is it needed', 'self-assessment - is it needed'],
    // English contractions, with or without the apostrophe: the negation stays a word
    ["we don't need to", 'we do not need to'],
    ['we dont need to', 'we do not need to'],
    ['we dooont need to', 'we do not need to'],
    ['it isn\u2019t required', 'it is not required'],
    ['agencies mustnt skip it', 'agencies must not skip it'],
    ["we can't and we won't", 'we cannot and we will not'],
    ['the cant wont matter', 'the cant wont matter'],
    ["what's due and whens it due", 'what is due and when is it due'],
    ['whose data', 'whose data'],
    // whitespace
    ['  a \t\n b  ', 'a b'],
    ['', ''],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('gives every spelling of a term the same form', () => {
    const groups = [
      ['e - SAR', 'e-SAR', 'eSAR', 'e SAR', 'E-sar'],
      ['e-service', 'e service', 'eservice', 'E-Service', 'e - Service'],
      ['ก.พ.ร.', 'กพร', 'ก. พ. ร.', 'กพร.'],
      ['ค.ร.ม.', 'ครม', 'ครม.'],
      ['ปี 65', 'ปี 2565', 'ปี ๖๕', 'ปี 2022'],
    ];
    for (const group of groups) expect(new Set(group.map(normalize)).size, group.join(' / ')).toBe(1);
  });

  it('is idempotent on any string', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalize(normalize(s)) === normalize(s)),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on strings built from the characters its rules look at', () => {
    const pieces = fc.constantFrom(
      'e', 'E', 'm', ' ', '  ', '-', '–', '.', 'ก', 'พ', 'ร', '.', 'ปี', 'ปีงบ', 'งบประมาณ', 'fy', 'FY', '20', '22', '65', '2022',
      '๖', '\u0E4D', '\u0E32', '\u0E49', 'เ', 'sar', 'service', 'data', 'go', 'th', '4.0', 'l1', '\u200B', 'template', '3',
      'do', 'n', "'", '\u2019', 't', 's', 'what', 'ca', 'wo', 'how', 'who',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const s = parts.join('');
        return normalize(normalize(s)) === normalize(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws, including on lone surrogates and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof normalize(s) === 'string'), { numRuns: 2000 });
    expect(normalize('\uD800a\uDC00\u0000')).toBeTypeOf('string');
  });
});
