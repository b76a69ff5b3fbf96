import { describe, expect, it } from 'vitest';
import { charGrams, gramDice, gramJaccard, gramSetOf } from '../../server/search/gram-set.js';
import { normalize } from '../../server/search/normalize.js';
import { dice, jaccard, trigramsOf } from '../../server/search/trigram.js';

const texts = [
  'หน่วยงานต้องส่งแบบฟอร์มภายในวันที่ 30 กันยายน',
  'ต้องส่งแบบฟอร์มเมื่อไหร่',
  'How many services must an agency submit?',
  'e-service ต้องมีกี่งาน',
  'ข้อมูลเปิดภาครัฐ Open Data',
  'ส่งแล้ว 👍 ส่งแล้ว 👍',
  'ab',
  '',
];
const stringGrams = (text: string) => trigramsOf(normalize(text).replace(/\s+/g, ''));

describe('gram sets (character trigrams as sorted numbers)', () => {
  it('give the same Dice and Jaccard as the string sets for every pair of texts', () => {
    const sets = texts.map(charGrams);
    texts.forEach((a, i) =>
      texts.forEach((b, j) => {
        expect(gramDice(sets[i]!, sets[j]!)).toBeCloseTo(dice(stringGrams(a), stringGrams(b)), 12);
        expect(gramJaccard(sets[i]!, sets[j]!)).toBeCloseTo(jaccard(stringGrams(a), stringGrams(b)), 12);
      }),
    );
  });

  it('hold each distinct gram once, in ascending order', () => {
    const set = gramSetOf('ส่งส่งส่งส่ง');
    expect(set.codes.length).toBe(trigramsOf('ส่งส่งส่งส่ง').size);
    expect([...set.codes]).toEqual([...set.codes].sort((a, b) => a - b));
  });

  it('tell apart grams that differ only in a character outside the Basic Multilingual Plane', () => {
    expect(gramDice(gramSetOf('ok👍'), gramSetOf('ok👎'))).toBe(0);
    expect(gramDice(gramSetOf('ok👍'), gramSetOf('ok👍'))).toBe(1);
  });
});
