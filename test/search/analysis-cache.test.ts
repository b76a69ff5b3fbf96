import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { createAnalysisCache, mergeAnalyses, missingTexts } from '../../server/search/analysis-cache.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { createAnswerer } from '../../server/search/answerer.js';
import { fixtureKb } from './answerer-fixture.js';

const QUESTIONS = ['ส่งชุดข้อมูลได้เมื่อไหร่', 'What are levels L1, L2 and L3?', 'บริการอิเล็กทรอนิกส์ ปี 2565'];

function withChangedAnswer(kb: KnowledgeBase, index: number, answer: string): KnowledgeBase {
  const records = kb.records.map((r, i) => (i === index ? { ...r, answer: { ...r.answer, th: answer } } : r));
  return { ...kb, records };
}

describe('analysis cache', () => {
  it('analyses every text on the first build and none on a rebuild of the same knowledge', () => {
    const first = createAnswerer(fixtureKb, { analysisCache: {} });
    expect(first.analysisCache!.misses).toBeGreaterThan(fixtureKb.records.length);
    expect(first.analysisCache!.hits).toBeGreaterThan(0); // shared section and document titles

    const again = createAnswerer(fixtureKb, { analysisCache: { stored: first.analysisCache!.serialize() } });
    expect(again.analysisCache!.misses).toBe(0);
  });

  it('re-analyses only the changed record after an edit, and answers as a full build does', () => {
    const stored = createAnswerer(fixtureKb, { analysisCache: {} }).analysisCache!.serialize();
    const edited = withChangedAnswer(fixtureKb, 1, 'คำตอบใหม่ที่แก้ไขแล้ว ส่งชุดข้อมูลภายในเดือนตุลาคม');

    const rebuilt = createAnswerer(edited, { analysisCache: { stored } });
    // The record's answer field (Thai and English in one text) is the only new text.
    expect(rebuilt.analysisCache!.misses).toBe(1);

    const full = createAnswerer(edited);
    for (const question of QUESTIONS) expect(rebuilt.explain({ question })).toEqual(full.explain({ question }));
  });

  it('is not used when the glossary changes', () => {
    const stored = createAnswerer(fixtureKb, { analysisCache: {} }).analysisCache!.serialize();
    const concepts = fixtureKb.glossary.concepts.map((c) => (c.id === 'dataset' ? { ...c, synonyms: [...c.synonyms, 'data set'] } : c));
    const rebuilt = createAnswerer({ ...fixtureKb, glossary: { concepts } }, { analysisCache: { stored } });
    expect(rebuilt.analysisCache!.version).not.toBe(stored.version);
    expect(rebuilt.analysisCache!.hits).toBeLessThan(rebuilt.analysisCache!.misses);
    expect(rebuilt.analysisCache!.misses).toBeGreaterThan(fixtureKb.records.length);
  });

  it('is not used when the lexicon changes', () => {
    const stored = createAnswerer(fixtureKb, { analysisCache: { lexicon: ['words.txt\nชุดข้อมูล'] } }).analysisCache!.serialize();
    const same = createAnswerer(fixtureKb, { analysisCache: { stored, lexicon: ['words.txt\nชุดข้อมูล'] } });
    expect(same.analysisCache!.misses).toBe(0);
    const changed = createAnswerer(fixtureKb, { analysisCache: { stored, lexicon: ['words.txt\nชุดข้อมูล\nบัญชีข้อมูล'] } });
    expect(changed.analysisCache!.misses).toBeGreaterThan(fixtureKb.records.length);
  });

  it('ignores a stored cache of another format or version', () => {
    const cache = createAnalysisCache('v2', { format: 999, version: 'v2', strings: ['a'], data: Int32Array.of(1, 0, 0, 0), entries: new Map([['x', 0]]) });
    expect(cache.serialize().entries.size).toBe(0);
  });

  it('stores only the texts the latest build used', () => {
    const stored = createAnswerer(fixtureKb, { analysisCache: {} }).analysisCache!.serialize();
    const edited = withChangedAnswer(fixtureKb, 1, 'ข้อความใหม่');
    const next = createAnswerer(edited, { analysisCache: { stored } }).analysisCache!.serialize();
    expect(next.entries.size).toBe(stored.entries.size);
    expect([...next.entries.keys()]).not.toEqual([...stored.entries.keys()]);
  });

  it('keeps each distinct string once, and drops the strings only a replaced text used', () => {
    const stored = createAnswerer(withChangedAnswer(fixtureKb, 1, 'zebrafoo ข้อความใหม่'), { analysisCache: {} }).analysisCache!.serialize();
    expect(stored.strings).toContain('zebrafoo');
    expect(new Set(stored.strings).size).toBe(stored.strings.length);
    const next = createAnswerer(fixtureKb, { analysisCache: { stored } }).analysisCache!.serialize();
    expect(next.strings).not.toContain('zebrafoo');
    expect(stored.strings).toContain('zebrafoo'); // the caller's copy is not changed
  });

  describe('made in parts (threads) and merged', () => {
    const analyzer = createAnalyzer(fixtureKb.glossary);
    const texts = [...fixtureKb.records.map((r) => r.answer.th), ...fixtureKb.records.map((r) => r.question.en)];
    const part = (version: string, share: readonly string[]) => {
      const cache = createAnalysisCache(version);
      const wrapped = cache.wrap(analyzer);
      for (const text of share) wrapped.analyze(text);
      return cache.serialize();
    };

    it('reads back every text of every part as the analyzer itself analyses it, each string once', () => {
      const half = Math.floor(texts.length / 2);
      // The parts overlap by one text, and the first also serves as the stored base.
      const base = part('v1', texts.slice(0, half + 1));
      const merged = mergeAnalyses('v1', base, [part('v1', texts.slice(half))]);
      expect(merged.entries.size).toBe(new Set(texts).size);
      expect(new Set(merged.strings).size).toBe(merged.strings.length);
      const reading = createAnalysisCache('v1', merged);
      const wrapped = reading.wrap(analyzer);
      for (const text of texts) expect(wrapped.analyze(text)).toEqual(analyzer.analyze(text));
      expect(reading.misses).toBe(0);
      expect(base.entries.size).toBe(half + 1); // the base is not changed
    });

    it('starts from nothing when the stored analyses are of another version, and refuses a part of another version', () => {
      const merged = mergeAnalyses('v2', part('v1', texts.slice(0, 3)), [part('v2', texts.slice(3, 5))]);
      expect(merged.entries.size).toBe(new Set(texts.slice(3, 5)).size);
      expect(() => mergeAnalyses('v2', undefined, [part('v1', texts.slice(0, 1))])).toThrow(/version v1/);
    });

    it('lists the distinct texts the stored analyses lack, or all of them for another version', () => {
      const stored = part('v1', texts.slice(0, 4));
      expect(missingTexts(stored, 'v1', [...texts, ...texts])).toEqual([...new Set(texts.slice(4))].filter((t) => !texts.slice(0, 4).includes(t)));
      expect(missingTexts(stored, 'v2', texts)).toEqual([...new Set(texts)]);
      expect(missingTexts(undefined, 'v1', texts.slice(0, 2))).toEqual([...new Set(texts.slice(0, 2))]);
    });
  });
});
