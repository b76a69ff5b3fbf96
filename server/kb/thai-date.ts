/**
 * Thai dates as printed in OPDC handouts ("11 กันยายน 2563", "10 ก.ย. 2564",
 * "๑๐ ก.ย. ๖๔") to ISO and back. Pure (no Node imports): the web bundle and the
 * LINE code import it too.
 */

const MONTHS_LONG = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;
const MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.',
  'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

// Era and fiscal-year arithmetic lives in one module; re-exported for existing importers.
import { BE_OFFSET, fiscalYearOf } from '../search/fiscal-year.js';
export { BE_OFFSET, fiscalYearOf };

const THAI_DIGIT = /[๐-๙]/g;
export function thaiDigitsToArabic(text: string): string {
  return text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/** Month lookup keyed without dots or spaces, so "ก.ย.", "ก.ย" and "กย" all match. */
const MONTH_BY_KEY = new Map<string, number>();
MONTHS_LONG.forEach((m, i) => MONTH_BY_KEY.set(m, i + 1));
MONTHS_SHORT.forEach((m, i) => MONTH_BY_KEY.set(m.replace(/\./g, ''), i + 1));
// The ordinary misspelling of กรกฎาคม (ฏ → ฎ) is common in typed batches.
MONTH_BY_KEY.set('กรกฏาคม', 7);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year as printed → CE. 4-digit years above 2400 are BE; 2-digit years are BE 25xx ("ปี 64"). */
function toCeYear(printed: string): number | undefined {
  const n = Number(printed);
  if (printed.length === 2) return 2500 + n - BE_OFFSET;
  if (printed.length !== 4) return undefined;
  if (n > 2400) return n - BE_OFFSET;
  if (n >= 1900 && n < 2200) return n;
  return undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const DATE_RE =
  /^(?:ข้อมูล\s*)?(?:ณ\s*)?(?:วันที่\s*)?(\d{1,2})\s*([\u0E00-\u0E7F.\s]+?)\s*(?:พ\.\s*ศ\.\s*|ค\.\s*ศ\.\s*)?(\d{4}|\d{2})$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ISO date (YYYY-MM-DD) for a whole string that is a date, optionally led by
 * "วันที่" / "ณ วันที่" / "ข้อมูล ณ วันที่"; undefined when it is not a real date.
 * Also accepts an ISO date (CE) unchanged, so `--date` can take either form.
 */
export function parseThaiDate(text: string): string | undefined {
  const s = thaiDigitsToArabic(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
  let year: number | undefined;
  let month: number | undefined;
  let day: number;
  const iso = ISO_RE.exec(s);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const m = DATE_RE.exec(s);
    if (!m) return undefined;
    day = Number(m[1]);
    month = MONTH_BY_KEY.get(m[2]!.replace(/[.\s]/g, ''));
    year = toCeYear(m[3]!);
  }
  if (year === undefined || month === undefined || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "10 ก.ย. 2564" (short) or "10 กันยายน 2564" (long) for an ISO date; throws RangeError on a bad date. */
export function formatThaiDate(iso: string, style: 'short' | 'long'): string {
  const m = ISO_RE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`formatThaiDate: not an ISO date: ${JSON.stringify(iso)}`);
  }
  const names = style === 'short' ? MONTHS_SHORT : MONTHS_LONG;
  return `${day} ${names[month - 1]} ${year + BE_OFFSET}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "10 Sep 2021" for an ISO date, or the input unchanged when it is not one. Spelled out by hand
 * because ICU versions disagree on English month abbreviations ("Sep" vs "Sept").
 */
export function formatEnglishDate(iso: string): string {
  const m = ISO_RE.exec(iso);
  const month = MONTHS_EN[Number(m?.[2]) - 1];
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

