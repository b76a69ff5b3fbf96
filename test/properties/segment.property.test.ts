import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/search/normalize.js';
import { createSegmenter, segment, type Segmenter } from '../../server/search/segment.js';
import { anyCodePoints, anyUnits, combiningOnly, emojiText, longRun, loneSurrogates, rtlText, thaiText } from './arbitraries.js';

/*
 * segment.ts's contract: whitespace separates tokens and is dropped; within a whitespace-free
 * chunk the tokens concatenate back to the chunk, in order. So joining the tokens gives back
 * the input without its whitespace: no character lost, duplicated or moved, whatever the engine.
 */

const RUNS = { numRuns: 250 };
// Runs up to 5,000 characters cost milliseconds each in wordcut; fewer of them keep the file fast.
const LONG_RUNS = { numRuns: 40 };

const segmenters: Record<string, Segmenter> = {
  'segment() (wordcut)': segment,
  'intl engine': createSegmenter({ engine: 'intl' }),
  // As the analyzer builds it: extra dictionary words, including dotted and Latin-bearing forms.
  'wordcut with extra words': createSegmenter({ words: ['อีเซอร์วิส', 'โอเพ่นดาต้า', 'กพร', 'e-service', 'ข้อมูล'] }),
};

const inputs = {
  'Thai-heavy text': thaiText,
  'Thai combining marks alone': combiningOnly,
  'any UTF-16 units': anyUnits,
  'any code points': anyCodePoints,
  'lone surrogates': loneSurrogates,
  'right-to-left text': rtlText,
  emoji: emojiText,
  'long runs of one character': longRun,
};

const withoutWhitespace = (s: string) => s.split(/\s+/).join('');

describe.each(Object.entries(segmenters))('%s', (_name, cut) => {
  it.each(Object.entries(inputs))('loses and reorders no character of %s', (_input, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (s) => {
        const tokens = cut(s);
        expect(tokens.join('')).toBe(withoutWhitespace(s));
        for (const t of tokens) expect(t).toMatch(/^\S+$/);
      }),
      arbitrary === longRun ? LONG_RUNS : RUNS,
    );
  });

  it('gives back normalized text without its whitespace', () => {
    fc.assert(
      fc.property(fc.oneof(thaiText, anyCodePoints, emojiText), (s) => {
        const normalized = normalize(s);
        expect(cut(normalized).join('')).toBe(withoutWhitespace(normalized));
      }),
      RUNS,
    );
  });
});
