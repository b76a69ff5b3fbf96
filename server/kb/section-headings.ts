import { INDICATORS, type Indicator } from './schema.js';

/**
 * Section headings as printed in OPDC handouts, mapped to the fixed slugs the
 * API exposes. Keys are compared after `headingKey` (no spaces, no ฯ, lower case).
 */
const KNOWN: { slug: string; th: string[]; en: string }[] = [
  { slug: 'overview', th: ['ภาพรวมการประเมินฯ', 'ภาพรวมการประเมิน', 'ภาพรวม'], en: 'Assessment overview' },
  { slug: 'data-catalog', th: ['ตัวชี้วัด Data catalog', 'Data catalog'], en: 'Data catalog indicator' },
  { slug: 'open-data', th: ['ตัวชี้วัด Open Data', 'Open Data'], en: 'Open Data indicator' },
  { slug: 'sharing-data', th: ['ตัวชี้วัด Sharing Data', 'Sharing Data'], en: 'Sharing Data indicator' },
  { slug: 'digitalize-process', th: ['ตัวชี้วัด Digitalize Process', 'Digitalize Process'], en: 'Digitalize Process indicator' },
  { slug: 'e-service', th: ['ตัวชี้วัด e-service', 'e-service'], en: 'e-Service indicator' },
  { slug: 'pmqa', th: ['ตัวชี้วัด PMQA', 'PMQA', 'ตัวชี้วัด PMQA 4.0'], en: 'PMQA indicator' },
];

export const GENERAL_SECTION = { slug: 'general', th: 'ทั่วไป', en: 'General' } as const;
KNOWN.push({ slug: GENERAL_SECTION.slug, th: [GENERAL_SECTION.th], en: GENERAL_SECTION.en });

function headingKey(heading: string): string {
  return heading.normalize('NFC').replace(/[\s\-ฯ]/g, '').toLowerCase();
}

const BY_KEY = new Map<string, { slug: string; en: string }>();
for (const k of KNOWN) for (const th of k.th) BY_KEY.set(headingKey(th), { slug: k.slug, en: k.en });
const BY_SLUG = new Map(KNOWN.map((k) => [k.slug, k]));

/** The fixed slug for a known heading, or undefined. */
export function knownSectionSlug(heading: string): string | undefined {
  return BY_KEY.get(headingKey(heading))?.slug ?? (BY_SLUG.has(heading) ? heading : undefined);
}

/** Thai title for a known slug (used when a table names its section by slug). */
export function sectionTitleTh(slug: string): string {
  return BY_SLUG.get(slug)?.th[0] ?? slug;
}

/** English title for a known slug ('' for generated ones: editors fill it in). */
export function sectionTitleEn(slug: string): string {
  return BY_SLUG.get(slug)?.en ?? '';
}

/** A slug for an unknown heading: its Latin words, else `section-<n>`. */
export function generatedSlug(heading: string, ordinal: number): string {
  const latin = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return latin || `section-${ordinal}`;
}

/** Indicator tags a new record gets from its section (editors refine them by hand). */
export function sectionIndicators(slug: string): Indicator[] {
  if (slug === 'data-catalog') return ['data-catalog', 'open-data'];
  return (INDICATORS as readonly string[]).includes(slug) ? [slug as Indicator] : [];
}
