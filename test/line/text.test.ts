import { describe, expect, it } from 'vitest';
import { fitText, graphemes, truncateGraphemes, truncateUnits } from '../../server/line/text.js';

describe('graphemes', () => {
  it.each([
    ['ที่', 1],
    ['น้ำ', 1],
    ['กำหนด', 4],
    ['👍🏽', 1],
    ['e-service', 9],
  ])('counts %s as %i graphemes', (text, n) => {
    expect(graphemes(text)).toHaveLength(n);
  });
});

describe('truncateGraphemes', () => {
  it('leaves short labels alone', () => {
    expect(truncateGraphemes('ตัวชี้วัด PMQA', 20)).toBe('ตัวชี้วัด PMQA');
  });

  it('cuts long Thai labels to the limit with an ellipsis, never splitting a cluster', () => {
    const label = truncateGraphemes('งานบริการ e-service ต้องเป็นงานบริการใหม่หรือสามารถใช้งานบริการเดิมได้', 20);
    expect(graphemes(label).length).toBeLessThanOrEqual(20);
    expect(label.endsWith('…')).toBe(true);
    expect(label).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u);
  });
});

describe('truncateUnits', () => {
  it('does not split a surrogate pair', () => {
    expect(truncateUnits('ab😀', 3)).toBe('ab');
  });
});

describe('fitText', () => {
  const suffix = '…\n\nmore: http://x/records/a/b/1';

  it('returns text within the limit unchanged', () => {
    expect(fitText('short', 100, suffix)).toBe('short');
  });

  it('cuts at a paragraph boundary when one is near the end', () => {
    const text = `${'ก'.repeat(60)}\n\n${'ข'.repeat(60)}`;
    expect(fitText(text, 110, suffix)).toBe(`${'ก'.repeat(60)}${suffix}`);
  });

  it('cuts at a sentence boundary when no paragraph fits', () => {
    const text = 'First sentence here. Second sentence is here. Third one goes past the limit for sure.';
    const out = fitText(text, 80, '…');
    expect(out).toBe('First sentence here. Second sentence is here.…');
  });

  it('stays within the limit for long unbroken Thai text', () => {
    const out = fitText('ก่'.repeat(4000), 5000, suffix);
    expect(out.length).toBeLessThanOrEqual(5000);
    expect(out.endsWith(suffix)).toBe(true);
    expect(out.replace(suffix, '')).toMatch(/^(ก่)+$/);
  });
});

describe('fitText properties', () => {
  it('always fits, keeps a prefix of the input, and never splits a grapheme', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('ก', 'ที่', 'น้ำ', 'ำ', ' ', '\n', '\n\n', '. ', 'e-SAR', '😀', '👍🏽', 'ข้อ 14');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 20, max: 300 }), (pieces, max) => {
        const text = pieces.join('');
        const out = fitText(text, max, '…');
        expect(out.length).toBeLessThanOrEqual(max);
        if (out === text) return;
        expect(out.endsWith('…')).toBe(true);
        const kept = out.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // The cut lands on a grapheme boundary of the original text.
        const boundaries = new Set([0]);
        let at = 0;
        for (const g of graphemes(text)) boundaries.add((at += g.length));
        expect(boundaries.has(kept.length)).toBe(true);
      }),
    );
  });
});
