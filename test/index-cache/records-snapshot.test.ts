import { describe, expect, it } from 'vitest';
import { decodeRecordsSnapshot, encodeRecordsSnapshot } from '../../server/index-cache/records-snapshot.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { analyseRecords, assembleIndex, buildIndex } from '../../server/search/index.js';
import { fixtureKb } from '../search/answerer-fixture.js';

describe('records snapshot file', () => {
  const records = analyseRecords(fixtureKb, createAnalyzer(fixtureKb.glossary));
  const file = encodeRecordsSnapshot({ key: 'k1', records });

  it('reads back every record’s term ids, the vocabulary, the token counts and the answer kinds', () => {
    const read = decodeRecordsSnapshot(file);
    expect(read.key).toBe('k1');
    expect(read.records.vocabulary.terms).toEqual(records.vocabulary.terms);
    expect([...read.records.tokenFrequency]).toEqual([...records.tokenFrequency]);
    expect([...read.records.answerTypes]).toEqual([...records.answerTypes]);
    expect(read.records.fields.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v]])))).toEqual(
      records.fields.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v]]))),
    );
  });

  it('gives the same index as analysing the records again', () => {
    const fromFile = assembleIndex(fixtureKb, decodeRecordsSnapshot(file).records);
    const built = buildIndex(fixtureKb, createAnalyzer(fixtureKb.glossary));
    for (const [id, r] of built.records) {
      expect([...fromFile.records.get(id)!.terms].sort()).toEqual([...r.terms].sort());
      expect([...fromFile.records.get(id)!.answerTypes].sort()).toEqual([...r.answerTypes].sort());
    }
    for (const term of built.vocabulary.terms) expect(fromFile.documentFrequency.get(term)).toBe(built.documentFrequency.get(term));
  });

  it('refuses a file cut short, another kind of file, or term ids outside the vocabulary, naming the problem', () => {
    expect(() => decodeRecordsSnapshot(file.subarray(0, file.length - 8))).toThrow(/records snapshot: file is truncated/);
    expect(() => decodeRecordsSnapshot(Buffer.from('opdc-engine-snapshot\n{}\n'))).toThrow(/not records snapshot file/);
    const [first, ...rest] = records.fields;
    const outside = { ...first!, question: Uint32Array.of(records.vocabulary.size) };
    expect(() => decodeRecordsSnapshot(encodeRecordsSnapshot({ key: 'k', records: { ...records, fields: [outside, ...rest] } }))).toThrow(/term id is outside the vocabulary/);
  });
});
