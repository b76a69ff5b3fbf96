import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../server/search/engine/vocabulary.js';
import { gramDice, gramJaccard, indexGramSet, queryGramSet } from '../../server/search/gram-set.js';
import { charGrams } from '../../server/search/grams.js';
import { dice, jaccard } from '../../server/search/trigram.js';

const texts = [
  'หน่วยงานต้องส่งแบบฟอร์มภายในวันที่ 30 กันยายน',
  'ต้องส่งแบบฟอร์มเมื่อไหร่',
  'How many services must an agency submit?',
  'e-service ต้องมีกี่งาน',
  'ข้อมูลเปิดภาครัฐ Open Data',
  '',
];

describe('gram sets (character trigrams as sorted ids)', () => {
  it('give the same Dice and Jaccard as the string sets for every pair of record texts', () => {
    const dictionary = new Vocabulary();
    const sets = texts.map((t) => indexGramSet(charGrams(t), dictionary));
    texts.forEach((a, i) =>
      texts.forEach((b, j) => {
        expect(gramDice(sets[i]!, sets[j]!)).toBeCloseTo(dice(charGrams(a), charGrams(b)), 12);
        expect(gramJaccard(sets[i]!, sets[j]!)).toBeCloseTo(jaccard(charGrams(a), charGrams(b)), 12);
      }),
    );
  });

  it('count a question gram no record has in the size, so similarity is not inflated', () => {
    const dictionary = new Vocabulary();
    const record = indexGramSet(charGrams(texts[0]!), dictionary);
    const question = 'ต้องส่งแบบฟอร์มที่ไหนครับผม';
    const q = queryGramSet(charGrams(question), dictionary);
    expect(q.size).toBe(charGrams(question).size);
    expect(q.ids.length).toBeLessThan(q.size);
    expect(gramDice(q, record)).toBeCloseTo(dice(charGrams(question), charGrams(texts[0]!)), 12);
  });

  it('never add a question gram to the dictionary', () => {
    const dictionary = new Vocabulary();
    indexGramSet(charGrams(texts[1]!), dictionary);
    const before = dictionary.size;
    queryGramSet(charGrams('คำถามใหม่ที่ไม่มีในระบบเลย'), dictionary);
    expect(dictionary.size).toBe(before);
  });
});
