import fc from 'fast-check';

/**
 * Text generators for the property tests. Thai needs its own: uniform Unicode almost never
 * produces Thai, and the interesting failures are in Thai-specific sequences (combining marks
 * with no base letter, decomposed sara am, tone marks stacked in the wrong order).
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Thai consonants, vowels, tone marks and signs, digits, and the two marks ฯ ๆ. */
export const THAI_CHARS = range(0x0e01, 0x0e3a)
  .concat(range(0x0e3f, 0x0e5b))
  .filter((c) => /\p{Assigned}/u.test(c));
/** Marks that combine with a preceding letter: above/below vowels, tone marks, thanthakhat, nikhahit. */
export const THAI_COMBINING = ['\u0E31', ...range(0x0e34, 0x0e3a), ...range(0x0e47, 0x0e4e)];

const thaiChar = fc.constantFrom(...THAI_CHARS);
const combining = fc.constantFrom(...THAI_COMBINING);
const glue = fc.constantFrom(' ', '  ', '\t', '\n', '.', '-', '\u2013', '\u200B', '\u00A0', 'e', 'E - ', 'ก.พ.ร.', 'ปี 65', '2022', '๒๕๖๕', 'L1', '4.0');
/** Decomposed sara am with and without a tone mark between its two halves. */
const decomposedSaraAm = fc.constantFrom('\u0E19\u0E4D\u0E32', '\u0E19\u0E4D\u0E49\u0E32', '\u0E01\u0E4D\u0E32', '\u0E4D\u0E32', '\u0E4D\u0E48\u0E32');

/** Thai-heavy strings: Thai letters mixed with combining marks alone, sara am variants and the formats staff type. */
export const thaiText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: thaiChar },
      { weight: 2, arbitrary: combining },
      { weight: 1, arbitrary: decomposedSaraAm },
      { weight: 2, arbitrary: glue },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Only combining marks, with no base letter at all. */
export const combiningOnly = fc.array(combining, { minLength: 1, maxLength: 20 }).map((p) => p.join(''));

/** Any string of UTF-16 code units: lone and reversed surrogates included. */
export const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });
/** Any code points across all planes (fast-check's 'binary' unit never splits a surrogate pair). */
export const anyCodePoints = fc.string({ unit: 'binary', maxLength: 60 });
/** Printable graphemes, multi-code-point ones included. */
export const anyGraphemes = fc.string({ unit: 'grapheme', maxLength: 40 });
/** Text with a lone high or low surrogate somewhere in it. */
export const loneSurrogates = fc
  .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800'), fc.string({ maxLength: 10 }))
  .map((p) => p.join(''));

/** Right-to-left text with bidi controls, mixed with Thai and Latin. */
export const rtlText = fc
  .array(fc.constantFrom('שלום', 'مرحبا', '\u202E', '\u202B', '\u200F', '\u2067', '\u2069', 'ภาษาไทย', 'abc', ' ', '123'), { maxLength: 12 })
  .map((p) => p.join(''));

/** Emoji, including ZWJ sequences, skin tones, flags and variation selectors. */
export const emojiText = fc
  .array(fc.constantFrom('\u{1F600}', '\u{1F469}\u200D\u{1F4BB}', '\u{1F44D}\u{1F3FD}', '\u{1F1F9}\u{1F1ED}', '\u2764\uFE0F', '\uFE0F', '\u200D', 'ตัวชี้วัด', ' '), { maxLength: 20 })
  .map((p) => p.join(''));

/** C0/C1 controls and DEL among ordinary text. */
export const controlText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u007F', '\u0085', '\u009F', 'e-service', 'ก'),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((p) => p.join(''));

/** A long run of one character, around the 500-character limit and past it. */
export const longRun = fc
  .record({
    char: fc.constantFrom('ก', 'a', ' ', '\u0E49', '\u{1F600}', '.', '1', 'ำ'),
    length: fc.oneof(fc.integer({ min: 480, max: 520 }), fc.integer({ min: 1, max: 5000 })),
  })
  .map(({ char, length }) => char.repeat(length));

/** Everything above, for "any string" properties. */
export const anyQuestionText = fc.oneof(anyUnits, anyCodePoints, anyGraphemes, loneSurrogates, thaiText, combiningOnly, rtlText, emojiText, controlText, longRun);
