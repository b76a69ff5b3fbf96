import { normalize } from './normalize.js';

/**
 * Relative fiscal years in a question: ปีนี้ / this year (0), ปีหน้า / next year (+1),
 * ปีที่แล้ว / last year (-1). Each becomes the BE year counted from `currentYear`, which the
 * answerer takes as the knowledge base's latest fiscal year, or today's fiscal year when that
 * is earlier (guidance for a coming year is published before it starts). Staff say ปีนี้ for
 * the current round of assessment, and the newest guidance is the one in force; "next year"
 * after it is a year no record covers, which decide.ts says so.
 * The expressions are ordinary Thai and English (Royal Institute Dictionary: ปีหน้า, ปีกลาย).
 */
const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [/ปี(?:งบประมาณ|งบ)?\s?(?:นี้|ปัจจุบัน)|(?:this|current) (?:fiscal |budget )?year/g, 0],
  [/ปี(?:งบประมาณ|งบ)?\s?(?:หน้า|ถัดไป)|next (?:fiscal |budget )?year|(?:the )?coming (?:fiscal )?year/g, 1],
  [/ปี(?:งบประมาณ|งบ)?\s?(?:ที่แล้ว|ก่อน|ที่ผ่านมา|กลาย)|(?:last|previous|past) (?:fiscal |budget )?year/g, -1],
];

export function relativeYearsIn(question: string, currentYear: number): number[] {
  const text = normalize(question);
  const out = new Set<number>();
  for (const [pattern, offset] of RELATIVE) if (text.match(pattern)) out.add(currentYear + offset);
  return [...out].sort((a, b) => a - b);
}
