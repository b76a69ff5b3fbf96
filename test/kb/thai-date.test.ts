import { describe, expect, it } from 'vitest';
import { fiscalYearOf, formatEnglishDate, formatThaiDate, parseThaiDate } from '../../server/kb/thai-date.js';

describe('parseThaiDate', () => {
  it.each([
    ['11 กันยายน 2563', '2020-09-11'],
    ['ข้อมูล ณ วันที่ 11 กันยายน 2563', '2020-09-11'],
    ['วันที่ 10 กันยายน 2564', '2021-09-10'],
    ['ณ วันที่ 1 มกราคม 2565', '2022-01-01'],
    ['10 ก.ย. 2564', '2021-09-10'],
    ['10 ก.ย 64', '2021-09-10'],
    ['๑๐ ก.ย. ๒๕๖๔', '2021-09-10'],
    ['3 ส.ค. 2564', '2021-08-03'],
    ['31 ธ.ค. 2564', '2021-12-31'],
    ['29 ก.พ. 2563', '2020-02-29'],
    ['1 มี.ค. 2565', '2022-03-01'],
    ['15 เม.ย. 2565', '2022-04-15'],
    ['7 มิ.ย. 2565', '2022-06-07'],
    ['5 กรกฎาคม 2565', '2022-07-05'],
    ['5 กรกฏาคม 2565', '2022-07-05'],
    ['17 พฤศจิกายน พ.ศ. 2564', '2021-11-17'],
    ['10 กันยายน 2021', '2021-09-10'],
    ['2021-09-10', '2021-09-10'],
    ['  วันที่   10   กันยายน   2564  ', '2021-09-10'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseThaiDate(text)).toBe(iso);
  });

  it.each([
    ['31 กันยายน 2564'],
    ['29 ก.พ. 2564'],
    ['10 กันยาย 2564'],
    ['วันที่ 10'],
    ['กันยายน 2564'],
    ['2021-13-01'],
    ['ประจำปีงบประมาณ พ.ศ. 2565'],
    [''],
  ])('returns undefined for %j', (text) => {
    expect(parseThaiDate(text)).toBeUndefined();
  });
});

describe('formatThaiDate', () => {
  it.each([
    ['2021-09-10', 'short', '10 ก.ย. 2564'],
    ['2021-09-10', 'long', '10 กันยายน 2564'],
    ['2020-01-01', 'short', '1 ม.ค. 2563'],
    ['2022-12-31', 'long', '31 ธันวาคม 2565'],
  ] as const)('formats %s (%s) as %s', (iso, style, text) => {
    expect(formatThaiDate(iso, style)).toBe(text);
  });

  it('round-trips through parseThaiDate', () => {
    for (const iso of ['2020-02-29', '2021-09-10', '2023-11-30']) {
      expect(parseThaiDate(formatThaiDate(iso, 'short'))).toBe(iso);
      expect(parseThaiDate(formatThaiDate(iso, 'long'))).toBe(iso);
    }
  });

  it('throws RangeError for a date that does not exist', () => {
    expect(() => formatThaiDate('2021-02-30', 'long')).toThrow(RangeError);
    expect(() => formatThaiDate('10/09/2021', 'short')).toThrow(/not an ISO date/);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2020-09-11', 2563],
    ['2020-09-30', 2563],
    ['2020-10-01', 2564],
  ])('puts %s in fiscal year %i', (iso, year) => {
    expect(fiscalYearOf(iso)).toBe(year);
  });
});

describe('formatEnglishDate', () => {
  it.each([
    ['2021-09-10', '10 Sep 2021'],
    ['2020-09-11', '11 Sep 2020'],
    ['2022-05-01', '1 May 2022'],
    ['not a date', 'not a date'],
  ])('formats %s as %s', (iso, text) => {
    expect(formatEnglishDate(iso)).toBe(text);
  });
});
