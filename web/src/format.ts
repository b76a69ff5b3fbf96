import { formatEnglishDate, formatThaiDate } from '../../server/kb/thai-date.js';
import type { Answer, DocumentSummary } from './api.js';
import { STRINGS, type Lang } from './i18n.js';

/**
 * How a source is cited, always in the interface language whatever language the answer is in:
 * "Potential Base Q&A, FY2565 · Q14 · e-service indicator · 10 Sep 2021". One date format per
 * language (the ISO date stays in <time datetime>, for machines).
 */

export function formatDate(iso: string, lang: Lang): string {
  try {
    return lang === 'en' ? formatEnglishDate(iso) : formatThaiDate(iso, 'short');
  } catch {
    // A malformed date from the API still shows, as printed, next to nothing misleading.
    return iso;
  }
}

export interface SourceView {
  /** The editor's short name in the interface language (Thai when untranslated), else the title. */
  shortName: string;
  /** The full document title in the interface language (Thai when untranslated). */
  fullTitle: string;
  /** The language the two names above are in, for `lang` attributes. */
  nameLang: Lang;
  number: string;
  section: string;
  date: string;
  iso: string;
  /** The handout as received (GET /sources/<file>), when the documents list is loaded. */
  file?: { url: string; name: string; ext: string };
}

const pick = (text: { th: string; en: string }, lang: Lang) => (lang === 'en' && text.en ? text.en : text.th);

/**
 * `documents` (GET /api/documents) holds the names in both languages; without it (not loaded
 * yet, or a document added since) the answer's own source fields are the fallback.
 */
export function sourceView(answer: Answer, lang: Lang, documents: ReadonlyMap<string, DocumentSummary>): SourceView {
  const s = answer.source;
  const doc = documents.get(s.document);
  const section = doc?.sections.find((x) => x.slug === s.section);
  const english = lang === 'en' && Boolean(doc?.shortName.en);
  return {
    shortName: doc ? pick(doc.shortName, lang) : s.title,
    fullTitle: doc ? pick(doc.title, lang) : s.title,
    nameLang: doc ? (english ? 'en' : 'th') : /[\u0E00-\u0E7F]/.test(s.title) ? 'th' : 'en',
    number: STRINGS[lang].questionNumber(s.number),
    section: section ? pick(section.title, lang) : s.sectionTitle || s.section,
    date: formatDate(s.date, lang),
    iso: s.date,
    ...(doc?.source
      ? { file: { url: doc.source.url, name: doc.source.file, ext: (doc.source.file.split('.').pop() ?? '').toUpperCase() } }
      : {}),
  };
}

/** Year as stored (BE). Older clients might send CE; anything below 2400 is treated as CE. */
export function fiscalYearLabel(year: number, lang: Lang): string {
  return STRINGS[lang].fiscalYear(year < 2400 ? year + 543 : year);
}
