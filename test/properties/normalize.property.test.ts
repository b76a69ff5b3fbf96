import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/search/normalize.js';
import { anyCodePoints, anyGraphemes, anyUnits, combiningOnly, controlText, emojiText, longRun, loneSurrogates, rtlText, thaiText } from './arbitraries.js';

const RUNS = { numRuns: 300 };

const inputs = {
  'any UTF-16 units': anyUnits,
  'any code points': anyCodePoints,
  'printable graphemes': anyGraphemes,
  'lone surrogates': loneSurrogates,
  'Thai-heavy text': thaiText,
  'Thai combining marks alone': combiningOnly,
  'right-to-left text': rtlText,
  emoji: emojiText,
  'control characters': controlText,
  'long runs of one character': longRun,
};

describe('normalize', () => {
  describe.each(Object.entries(inputs))('on %s', (_name, arbitrary) => {
    it('never throws and returns a string', () => {
      fc.assert(fc.property(arbitrary, (s) => typeof normalize(s) === 'string'), RUNS);
    });

    it('is idempotent', () => {
      fc.assert(
        fc.property(arbitrary, (s) => {
          const once = normalize(s);
          expect(normalize(once)).toBe(once);
        }),
        RUNS,
      );
    });
  });

  it('leaves no decomposed sara am, Thai digit or zero-width space behind', () => {
    fc.assert(
      fc.property(thaiText, (s) => {
        const out = normalize(s);
        // Nikhahit followed (after tone marks) by sara aa is the decomposed form of sara am.
        expect(out).not.toMatch(/\u0E4D[\u0E48-\u0E4B]*\u0E32/);
        expect(out).not.toMatch(/[\u0E50-\u0E59\u200B]/);
      }),
      RUNS,
    );
  });

  it('treats decomposed and composed sara am alike', () => {
    fc.assert(
      fc.property(thaiText, thaiText, (before, after) => {
        expect(normalize(`${before}น\u0E4D\u0E49\u0E32${after}`)).toBe(normalize(`${before}น\u0E49\u0E33${after}`));
      }),
      RUNS,
    );
  });
});
