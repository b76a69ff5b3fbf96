import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearOfDate, fyShortYear, isTextCeYear, recordYears, thaiShortYear, toBuddhistYear, toCommonEra } from '../../server/search/fiscal-year.js';

describe('fiscal years', () => {
  it('reads a year in either era as BE', () => {
    expect(toBuddhistYear(2023)).toBe(2566);
    expect(toBuddhistYear(2566)).toBe(2566);
    expect(toCommonEra(2566)).toBe(2023);
  });

  it('starts a fiscal year on 1 October', () => {
    expect(fiscalYearOf('2022-09-30')).toBe(2565);
    expect(fiscalYearOf('2022-10-01')).toBe(2566);
  });

  it('takes today in Thailand time: 30 September 18:00 UTC is already 1 October in Bangkok', () => {
    expect(fiscalYearOfDate(new Date('2022-09-30T16:00:00Z'))).toBe(2564 + 1);
    expect(fiscalYearOfDate(new Date('2022-09-30T18:00:00Z'))).toBe(2566);
  });

  it('reads two-digit years: Thai short years are BE, FY short years CE 15-35 or BE 50-99', () => {
    expect(thaiShortYear(66)).toBe(2566);
    expect(fyShortYear(23)).toBe(2566);
    expect(fyShortYear(66)).toBe(2566);
    expect(fyShortYear(40)).toBeUndefined();
  });

  it('converts only CE years 2015-2035 found in free text', () => {
    expect(isTextCeYear(2022)).toBe(true);
    expect(isTextCeYear(2000)).toBe(false);
  });

  it('gives a record its own year tags, else its document’s', () => {
    expect(recordYears([2564], [2563, 2564])).toEqual([2564]);
    expect(recordYears([], [2563, 2564])).toEqual([2563, 2564]);
    expect(recordYears([], undefined)).toEqual([]);
  });
});
