import type { BatchMeta } from './batch-types.js';
import type { Audience, Component } from './schema.js';
import { thaiDigitsToArabic } from './thai-date.js';

/**
 * Fiscal years printed in a title: "ประจำปีงบประมาณ พ.ศ. 2563 - 2564" → [2563, 2564].
 * Falls back to every BE year in the title.
 */
export function fiscalYearsFromTitle(title: string): number[] {
  const t = thaiDigitsToArabic(title);
  const range = /(?:ปีงบประมาณ|พ\.\s*ศ\.)\s*(?:พ\.\s*ศ\.\s*)?(25\d\d)(?:\s*[-–]\s*(25\d\d))?/.exec(t);
  if (range) {
    const from = Number(range[1]);
    const to = range[2] ? Number(range[2]) : from;
    if (to >= from && to - from < 10) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return [...new Set([...t.matchAll(/(?<!\d)(25\d\d)(?!\d)/g)].map((m) => Number(m[1])))].sort();
}

/** Provincial guidelines name จังหวัด; the agency ones name ส่วนราชการ. A guess editors can override in the file. */
function audienceFromTitle(title: string): Audience | undefined {
  if (title.includes('จังหวัด')) return 'province';
  if (title.includes('ส่วนราชการ') || title.includes('องค์การมหาชน')) return 'agency';
  return undefined;
}

function componentFromTitle(title: string): Component | undefined {
  if (/potential\s*base/i.test(title)) return 'potential-base';
  if (/performance\s*base/i.test(title)) return 'performance-base';
  return undefined;
}

export function guessMeta(title: string | undefined, date: string | undefined): BatchMeta {
  const meta: BatchMeta = { fiscalYears: title ? fiscalYearsFromTitle(title) : [] };
  if (title) meta.title = title;
  if (date) meta.date = date;
  const audience = title ? audienceFromTitle(title) : undefined;
  if (audience) meta.audience = audience;
  const component = title ? componentFromTitle(title) : undefined;
  if (component) meta.component = component;
  return meta;
}
