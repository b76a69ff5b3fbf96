import { describe, expect, it } from 'vitest';
import { decodeAnalyses, encodeAnalyses } from '../../server/index-cache/analysis-binary.js';
import { createAnswerer } from '../../server/search/answerer.js';
import { fixtureKb } from '../search/answerer-fixture.js';

const serialized = () => createAnswerer(fixtureKb, { analysisCache: {} }).analysisCache!.serialize();

describe('analysis cache file format', () => {
  it('reads back exactly what was written', () => {
    const cache = serialized();
    const back = decodeAnalyses(encodeAnalyses(cache));
    expect(back.version).toBe(cache.version);
    expect(back.strings).toEqual(cache.strings);
    expect([...back.entries]).toEqual([...cache.entries]);
    expect(Array.from(back.data)).toEqual(Array.from(cache.data));
  });

  it('serves a rebuild that analyses nothing, from the bytes alone', () => {
    const stored = decodeAnalyses(encodeAnalyses(serialized()));
    expect(createAnswerer(fixtureKb, { analysisCache: { stored } }).analysisCache!.misses).toBe(0);
  });

  it('refuses a truncated file or another kind of file with a readable error', () => {
    const bytes = encodeAnalyses(serialized());
    expect(() => decodeAnalyses(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    expect(() => decodeAnalyses(Buffer.from('{"version":"x","entries":{}}'))).toThrow(/not an analysis cache/);
  });
});
