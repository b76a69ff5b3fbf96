import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedBatch } from '../../server/kb/batch-types.js';
import { parseBatch } from '../../server/kb/parse-batch.js';
import { isThaiLetter } from '../../server/kb/thai-text.js';
import { SEED_2565, fixture } from './kb-fixture.js';

/**
 * Property: wherever the page breaks fall, the parser recovers the same
 * questions and answers. The raw cells (HTML and all) come from the plain TSV
 * form of the 2565 seed; each generated layout mixes both row forms, repeats
 * the header at random places and splits random cells across a "page break"
 * at a point where a PDF extraction could split them.
 */
const HEADINGS = ['ภาพรวมการประเมินฯ', 'ตัวชี้วัด Data catalog', 'ตัวชี้วัด e-service', 'ตัวชี้วัด PMQA'];
const cells = readFileSync(fixture('layout-plain.tsv'), 'utf8')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [n, q, a, h] = line.split('\t') as [string, string, string, string];
    return { n, q, a, h };
  });

/** [headEnd, tailStart] pairs where a page break can cut `s`: inside Thai text, or at a single space not between Thai letters. */
function cutPoints(s: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < s.length - 1; i++) {
    if (isThaiLetter(s[i - 1]) && isThaiLetter(s[i])) out.push([i, i]);
    else if (s[i] === ' ' && /\S/.test(s[i - 1]!) && /\S/.test(s[i + 1]!) && !(isThaiLetter(s[i - 1]) && isThaiLetter(s[i + 1]))) out.push([i, i + 1]);
  }
  return out;
}
const cutCache = new Map<string, [number, number][]>();
function cut(s: string, at: number | null): [string, string] | undefined {
  if (at === null) return undefined;
  let points = cutCache.get(s);
  if (!points) cutCache.set(s, (points = cutPoints(s)));
  const p = points[Math.floor(at * points.length)];
  return p ? [s.slice(0, p[0]), s.slice(p[1])] : undefined;
}

interface RowLayout {
  twoColumn: boolean;
  headerBefore: boolean;
  cutQuestion: number | null;
  cutAnswer: number | null;
}

function render(layout: RowLayout[]): string {
  const lines = ['คำถาม-คำตอบ', 'วันที่ 10 กันยายน 2564'];
  let heading = '';
  cells.forEach((c, i) => {
    const l = layout[i]!;
    const header = l.twoColumn ? 'คำถาม\tคำตอบ' : 'ลำดับ\tคำถาม\tคำตอบ';
    if (c.h !== heading) lines.push('', (heading = c.h), '', header);
    else if (l.headerBefore) lines.push('', header);
    let q = cut(c.q, l.cutQuestion);
    // In the two-column form a continuation that starts like "12. …" would read as a new row: a real ambiguity, not generated.
    if (q && l.twoColumn && /^\s*(?:<[^<>]+>\s*)*\d+\.\s/.test(q[1])) q = undefined;
    const a = cut(c.a, l.cutAnswer);
    const [q1, q2] = q ?? [c.q, ''];
    const [a1, a2] = a ?? [c.a, ''];
    lines.push(l.twoColumn ? `${c.n}. ${q1}\t${a1}` : `${c.n}\t${q1}\t${a1}`);
    if (q || a) lines.push('', header, l.twoColumn ? `${q2}\t${a2}` : `\t${q2}\t${a2}`);
  });
  return `${lines.join('\n')}\n`;
}

const strip = (b: ParsedBatch) => b.rows.map(({ line: _line, ...r }) => r);

describe('parseBatch under random page layouts', () => {
  const expected = strip(parseBatch(readFileSync(SEED_2565), { fileName: '002.txt' }));

  it('recovers the same questions and answers wherever the page breaks fall', () => {
    expect(HEADINGS.every((h) => cells.some((c) => c.h === h))).toBe(true);
    const cutAt = fc.option(fc.double({ min: 0, max: 0.999, noNaN: true }), { freq: 3 });
    const rowLayout = fc.record({ twoColumn: fc.boolean(), headerBefore: fc.boolean(), cutQuestion: cutAt, cutAnswer: cutAt });
    fc.assert(
      fc.property(fc.array(rowLayout, { minLength: cells.length, maxLength: cells.length }), (layout) => {
        const batch = parseBatch(render(layout), { fileName: 'random.txt' });
        expect(batch.problems).toEqual([]);
        expect(strip(batch)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
