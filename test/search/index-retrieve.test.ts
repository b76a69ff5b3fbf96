import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../server/search/analyze.js';
import { buildIndex } from '../../server/search/index.js';
import { defaultOptions } from '../../server/search/options.js';
import { createMiniSearchRetriever, rankingTerms } from '../../server/search/retrieve.js';
import { createSpeller } from '../../server/search/spell.js';
import { dice, jaccard, trigramsOf } from '../../server/search/trigram.js';
import { fixtureKb } from './answerer-fixture.js';

const index = buildIndex(fixtureKb, createAnalyzer(fixtureKb.glossary));

describe('index', () => {
  it('resolves each record’s document, section and fiscal years once', () => {
    const r = index.records.get('old-guide/general/1')!;
    expect(r.document?.id).toBe('old-guide');
    expect(r.section?.slug).toBe('general');
    expect(r.years).toEqual([2564]);
    expect(index.years).toEqual([2564, 2565]);
  });

  it('counts a term once per record in its document frequency', () => {
    const withTerm = [...index.records.values()].filter((r) => r.terms.has('ชุดข้อมูล')).length;
    expect(withTerm).toBeGreaterThan(0);
    expect(index.documentFrequency.get('ชุดข้อมูล')).toBe(withTerm);
  });

  it('keeps question terms a subset of all terms', () => {
    for (const r of index.records.values()) for (const t of r.questionTerms) expect(r.terms.has(t)).toBe(true);
  });

  it('treats the start or end of an indexed Thai word as known, and short pieces as not', () => {
    expect(index.isWordPart('ชุด')).toBe(true);
    expect(index.isWordPart('ชุ')).toBe(false);
  });
});

describe('MiniSearch retriever', () => {
  const retriever = createMiniSearchRetriever(index, defaultOptions.retrieval);

  it('returns candidates best first, at most limit of them', () => {
    const hits = retriever.retrieve({ terms: [{ term: 'l1', weight: 1 }, { term: 'ชุดข้อมูล', weight: 1 }], limit: 2 });
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits.length).toBeGreaterThan(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });

  it('returns only records the filter accepts', () => {
    const hits = retriever.retrieve({ terms: [{ term: 'ชุดข้อมูล', weight: 1 }], limit: 10, filter: (id) => id.startsWith('old-guide/') });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.id.startsWith('old-guide/'))).toBe(true);
  });

  it('returns nothing for no terms', () => {
    expect(retriever.retrieve({ terms: [], limit: 5 })).toEqual([]);
  });

  it('ranks a record higher when its term weighs more in the query', () => {
    const light = retriever.retrieve({ terms: [{ term: 'l1', weight: 0.1 }, { term: 'ชุดข้อมูล', weight: 1 }], limit: 4 });
    const heavy = retriever.retrieve({ terms: [{ term: 'l1', weight: 5 }, { term: 'ชุดข้อมูล', weight: 1 }], limit: 4 });
    expect(heavy[0]!.id).toBe('new-guide/e-service/2');
    expect(light[0]!.id).not.toBe('new-guide/e-service/2');
  });
});

describe('rankingTerms', () => {
  const df = (t: string) => ({ common: 900, rare: 2, other: 5 })[t] ?? 0;
  const t = (term: string) => ({ term, weight: 1 });
  it('drops terms in more records than the cut-off but keeps the rarest three', () => {
    expect(rankingTerms([t('common'), t('rare'), t('other'), t('x')], df, 500).map((x) => x.term)).toEqual(['rare', 'other', 'x']);
    expect(rankingTerms([t('common'), t('rare')], df, 500).map((x) => x.term)).toEqual(['rare', 'common']);
  });
});

describe('speller', () => {
  const speller = createSpeller(new Map([['template', 5], ['temple', 1], ['service', 9], ['sharing', 3]]));
  it.each([
    ['templete', 'template'],
    ['servcie', 'service'],
    ['shring', 'sharing'],
  ])('corrects %j to %j (one edit)', (typed, known) => {
    expect(speller(typed)).toBe(known);
  });

  it('leaves known words, short words, Thai and far-off words alone', () => {
    expect(speller('temple')).toBe('temple');
    expect(speller('tmpl')).toBe('tmpl');
    expect(speller('แบบฟอร์ม')).toBe('แบบฟอร์ม');
    expect(speller('xylophone')).toBe('xylophone');
  });

  it('leaves a word that the given word list knows, however close to a known word', () => {
    const everyday = createSpeller(new Map([['manual', 4], ['level', 6]]), (w) => w === 'annual' || w === 'leave');
    expect(everyday('annual')).toBe('annual');
    expect(everyday('leave')).toBe('leave');
    expect(everyday('manaul')).toBe('manual');
  });
});

describe('trigram similarity', () => {
  it('is 1 for the same text and 0 for texts sharing no trigram', () => {
    expect(jaccard(trigramsOf('แบบฟอร์ม'), trigramsOf('แบบฟอร์ม'))).toBe(1);
    expect(dice(trigramsOf('แบบฟอร์ม'), trigramsOf('xyzw'))).toBe(0);
  });

  it('counts Thai code points, so a tone mark is one character', () => {
    expect([...trigramsOf('ส่ง')]).toEqual(['ส่ง']);
    expect(trigramsOf('ส่งงาน').size).toBe(4);
  });

  it('rates a paraphrase closer than an unrelated text', () => {
    const q = trigramsOf('ต้องส่งแบบฟอร์มเมื่อไร');
    expect(dice(q, trigramsOf('ส่งแบบฟอร์มเมื่อไหร่'))).toBeGreaterThan(dice(q, trigramsOf('ราคาทองวันนี้')));
  });

  it('treats two empty sets as identical for Jaccard and as unrelated for Dice', () => {
    expect(jaccard(new Set(), new Set())).toBe(1);
    expect(dice(new Set(), new Set())).toBe(0);
  });
});
