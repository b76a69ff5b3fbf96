import { describe, expect, it } from 'vitest';
import { numbersToDigits } from '../../server/search/numbers.js';
import { segment } from '../../server/search/segment.js';

const digits = (text: string) => numbersToDigits(segment(text)).join('|');

describe('numbersToDigits', () => {
  it.each([
    ['สิบสองเดือน', '12|เดือน'],
    ['ten focus areas', '10|focus|areas'],
    // classifier + เดียว is the number one, as the handouts write it
    ['เลือกได้ข้อเดียว', 'เลือก|ได้|ข้อ|1'],
    ['ตัวเดียว', 'ตัว|1'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(digits(text)).toBe(expected);
  });

  it.each([['อย่างเดียว'], ['ช่วงเวลาเดียวกัน'], ['เดียว']])('keeps "%s" as words: only, same', (text) => {
    expect(digits(text)).not.toContain('1');
  });
});
