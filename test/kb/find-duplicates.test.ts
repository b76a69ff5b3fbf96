import { describe, expect, it } from 'vitest';
import { similarPairs } from '../../server/kb/find-duplicates.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KbRecord } from '../../server/kb/schema.js';
import { trigramSimilarity } from '../../server/kb/similarity.js';

const kb = await loadKnowledgeBase();

function withQuestion(r: KbRecord, th: string, id: string): KbRecord {
  return { ...r, id, question: { ...r.question, th } };
}

/** Every pair compared one by one: the definition similarPairs must reproduce. */
function bruteForce(records: KbRecord[], others: KbRecord[], threshold: number) {
  const out: { record: string; other: string; similarity: number }[] = [];
  for (const r of records) {
    for (const o of others) {
      const similarity = Math.round(trigramSimilarity(r.question.th, o.question.th) * 100) / 100;
      if (similarity >= threshold) out.push({ record: r.id, other: o.id, similarity });
    }
  }
  return out;
}

describe('similarPairs (duplicate questions on import)', () => {
  // Reworded, truncated and unrelated questions against the real records.
  const incoming = kb.records.slice(0, 30).flatMap((r, i) => [
    withQuestion(r, `${r.question.th} ครับ`, `new/${i}/polite`),
    withQuestion(r, r.question.th.slice(0, Math.ceil(r.question.th.length / 2)), `new/${i}/half`),
    withQuestion(r, 'วันหยุดราชการประจำปีมีวันไหนบ้าง', `new/${i}/unrelated`),
    withQuestion(r, '', `new/${i}/empty`),
  ]);

  it.each([0.3, 0.6, 0.9])('finds exactly the pairs a one-by-one comparison finds at threshold %s', (threshold) => {
    const found = similarPairs(incoming, kb.records, threshold).map((p) => ({ record: p.record.id, other: p.other.id, similarity: p.similarity }));
    expect(found).toEqual(bruteForce(incoming, kb.records, threshold));
  });

  it('flags a politely reworded question as a duplicate of its record and ignores an unrelated one', () => {
    const pairs = similarPairs(incoming, kb.records, 0.6);
    expect(pairs.some((p) => p.record.id === 'new/0/polite' && p.other.id === kb.records[0]!.id)).toBe(true);
    expect(pairs.some((p) => p.record.id.endsWith('/unrelated') || p.record.id.endsWith('/empty'))).toBe(false);
  });
});
