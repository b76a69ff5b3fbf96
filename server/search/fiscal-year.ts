/**
 * The one place that knows how Thai fiscal years are counted. Pure (no Node imports): the web
 * bundle, LINE, the importer and the search all use it.
 *
 * - The knowledge base stores Buddhist Era (BE) years; BE = CE + 543.
 * - The Thai government's fiscal year N (BE) runs from 1 October of BE year N-1 to
 *   30 September of N (Budget Procedures Act B.E. 2561, s. 4), so a date in October-December
 *   belongs to the next fiscal year.
 * - Staff write years in either era. BE years in use are 25xx; any year below 2400 is read as
 *   CE (19xx-20xx). Inside free text only CE years 2015-2035 are converted (see normalize.ts):
 *   they are the only CE years this material refers to, and the window keeps counts such as
 *   500 unchanged.
 */

/** Buddhist Era = Common Era + 543. */
export const BE_OFFSET = 543;

/** Years below this are Common Era: BE years in use are 25xx, CE years 19xx-20xx. */
const FIRST_BE_YEAR = 2400;

/** CE years that free text may mean (normalize.ts converts only these). */
export const CE_TEXT_WINDOW = { from: 2015, to: 2035 } as const;

/** A year in either era as BE: 2022 → 2565, 2565 → 2565. */
export function toBuddhistYear(year: number): number {
  return year < FIRST_BE_YEAR ? year + BE_OFFSET : year;
}

/** A BE year as CE: 2565 → 2022. */
export function toCommonEra(beYear: number): number {
  return beYear - BE_OFFSET;
}

/** A two-digit year a Thai writer typed (ปี 65): always BE, 25xx. */
export function thaiShortYear(yy: number): number {
  return 2500 + yy;
}

/**
 * A two-digit year after "FY" (FY22, FY65): 15-35 are CE 20xx, 50-99 are BE 25xx, anything
 * else is not a year of this material (undefined).
 */
export function fyShortYear(yy: number): number | undefined {
  if (yy >= CE_TEXT_WINDOW.from - 2000 && yy <= CE_TEXT_WINDOW.to - 2000) return 2000 + yy + BE_OFFSET;
  if (yy >= 50) return 2500 + yy;
  return undefined;
}

/** True when a four-digit number in free text is a CE year to convert to BE. */
export function isTextCeYear(n: number): boolean {
  return n >= CE_TEXT_WINDOW.from && n <= CE_TEXT_WINDOW.to;
}

/** True for BE years this material can mean: 2540-2599 (CE 1997-2056). */
export function isBuddhistFiscalYear(n: number): boolean {
  return n >= 2540 && n <= 2599;
}

/** Thai fiscal year (BE) of an ISO date (yyyy-mm-dd...): the fiscal year starts on 1 October. */
export function fiscalYearOf(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return y + BE_OFFSET + (m >= 10 ? 1 : 0);
}

/** Fiscal year (BE) of a Date, in UTC+7 (Thailand has no daylight saving). */
export function fiscalYearOfDate(date: Date): number {
  const bangkok = new Date(date.getTime() + 7 * 3600_000);
  return fiscalYearOf(bangkok.toISOString());
}

/**
 * Fiscal years a record is about: its own tags, else its document's. Resolved once, when the
 * index is built (index.ts), and by the year filter.
 */
export function recordYears(tags: readonly number[], documentYears: readonly number[] | undefined): readonly number[] {
  return tags.length > 0 ? tags : (documentYears ?? []);
}

/**
 * The fiscal year a relative expression means (ปีนี้ = 0, ปีหน้า = +1, ปีที่แล้ว = -1).
 * "This year" is the current fiscal year by today's date; a knowledge base whose newest
 * guidance is older still answers "this year" with that date's year, so a question about a
 * year no record covers is told so rather than silently answered from an older year.
 */
export function resolveRelativeYear(offset: number, today: Date): number {
  return fiscalYearOfDate(today) + offset;
}
