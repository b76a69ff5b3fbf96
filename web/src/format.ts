import { formatEnglishDate, formatThaiDate } from '../../server/kb/thai-date.js';
import type { Answer } from './api.js';
import { STRINGS, type Lang } from './i18n.js';

/** How a source is cited on a card: "ข้อ 14 · ตัวชี้วัด e-service · 10 ก.ย. 2564 (2021-09-10)". */

export function formatDate(iso: string, lang: Lang): string {
  if (lang === 'en') return formatEnglishDate(iso);
  try {
    return formatThaiDate(iso, 'short');
  } catch {
    // A malformed date from the API still shows, as printed, next to nothing misleading.
    return iso;
  }
}

/** The parts of the citation line, separate so the date can be a <time> element. */
export function citationParts(answer: Answer, lang: Lang): { number: string; section: string; date: string; iso: string } {
  const s = answer.source;
  return {
    number: STRINGS[lang].questionNumber(s.number),
    section: s.sectionTitle || s.section,
    date: formatDate(s.date, lang),
    iso: s.date,
  };
}

export function citationText(answer: Answer, lang: Lang): string {
  const c = citationParts(answer, lang);
  return `${c.number} · ${c.section} · ${c.date} (${c.iso})`;
}

/** Year as stored (BE). Older clients might send CE; anything below 2400 is treated as CE. */
export function fiscalYearLabel(year: number, lang: Lang): string {
  return STRINGS[lang].fiscalYear(year < 2400 ? year + 543 : year);
}
