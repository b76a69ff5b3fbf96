import { describe, expect, it } from 'vitest';
import { generalRank, MIN_SHARE, rarityShare } from '../../server/search/general-frequency.js';

describe('how common a word is in general use', () => {
  it('ranks Thai words by the Thai National Corpus and English words by SUBTLEX-US, most frequent first', () => {
    expect(generalRank('ที่')).toBe(1);
    expect(generalRank('ส่ง')!).toBeLessThan(generalRank('นวัตกรรม')!);
    expect(generalRank('the')).toBeLessThanOrEqual(3);
    expect(generalRank('keep')!).toBeLessThan(generalRank('budget')!);
  });

  it('lets a word keep more of its weight the rarer it is, never less than the floor', () => {
    expect(rarityShare('ที่')).toBe(MIN_SHARE);
    expect(rarityShare('ส่ง')).toBeLessThan(rarityShare('นวัตกรรม'));
    expect(rarityShare('keep')).toBeLessThan(rarityShare('budget'));
    expect(rarityShare('budget')).toBeLessThan(1);
  });

  it('leaves domain terms, abbreviations and typos whole: they are in neither list', () => {
    expect(rarityShare('ตัวชี้วัดย่อย')).toBe(1);
    expect(rarityShare('ckan')).toBe(1);
    expect(rarityShare('templete')).toBe(1);
  });
});
