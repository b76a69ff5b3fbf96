import { z } from 'zod';

/**
 * The knowledge model. One file per document in `kb/documents/<id>.json`
 * (KnowledgeFile), one glossary in `kb/glossary.json`. Thai text is the
 * authoritative original; `en` is our translation ('' while untranslated).
 */

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a lower-case slug like "e-service"');

/** Controlled vocabulary for tags.indicators. Extend here (and in kb/README.md), never ad hoc. */
export const INDICATORS = [
  'e-service',
  'open-data',
  'data-catalog',
  'sharing-data',
  'digitalize-process',
  'decision-making',
  'pmqa',
  'provincial-database',
  'covid-19-report',
  'e-sar',
  'digital-government',
  'indicator-selection',
  'scoring',
  'timeline',
  'appeal',
  'training',
] as const;
export const IndicatorSchema = z.enum(INDICATORS);
export type Indicator = z.infer<typeof IndicatorSchema>;

export const COMPONENTS = ['performance-base', 'potential-base', 'general'] as const;
export const ComponentSchema = z.enum(COMPONENTS);
export type Component = z.infer<typeof ComponentSchema>;

export const AUDIENCES = ['province', 'agency'] as const;
export const AudienceSchema = z.enum(AUDIENCES);
export type Audience = z.infer<typeof AudienceSchema>;

/** Buddhist Era fiscal year, e.g. 2565 (= CE 2022). */
export const FiscalYearSchema = z.number().int().min(2500).max(2700);

export const LocalizedSchema = z.object({
  th: z.string().min(1),
  /** English translation; '' means not translated yet (kb:check reports it). */
  en: z.string(),
});
export type Localized = z.infer<typeof LocalizedSchema>;

export const SectionSchema = z.object({
  slug,
  title: z.object({ th: z.string().min(1), en: z.string() }),
});
export type Section = z.infer<typeof SectionSchema>;

export const DocumentSchema = z.object({
  id: slug,
  title: z.object({ th: z.string().min(1), en: z.string() }),
  /**
   * What cards call the document (editor-set; the full title is long: two lines on a desktop,
   * five on a phone). `en` '' means "use the Thai"; absent means cards fall back to the title.
   */
  shortName: z.object({ th: z.string().min(1).max(60, 'must be at most 60 characters'), en: z.string().max(60, 'must be at most 60 characters') }).optional(),
  date: z.iso.date(),
  fiscalYears: z.array(FiscalYearSchema).min(1),
  audience: z.array(AudienceSchema).min(1),
  /** File name under kb/sources/, exactly as received. */
  sourceFile: z.string().min(1),
  sections: z.array(SectionSchema).min(1),
});
export type KbDocument = z.infer<typeof DocumentSchema>;

export const RecordSchema = z.object({
  /** `<document>/<section>/<number>`: stable across re-imports. */
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/, 'must be <document>/<section>/<number>'),
  source: z.object({
    document: slug,
    section: slug,
    /** The question number printed in the source document. */
    number: z.number().int().positive(),
    /** 1-based line in the source file where the record starts. */
    line: z.number().int().positive().optional(),
  }),
  question: LocalizedSchema,
  answer: LocalizedSchema,
  alternates: z.object({ th: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
  tags: z.object({
    years: z.array(FiscalYearSchema),
    component: ComponentSchema.optional(),
    indicators: z.array(IndicatorSchema),
    audience: AudienceSchema.optional(),
  }),
  /** Id of a later record that replaces this guidance. */
  supersededBy: z.string().optional(),
  /**
   * Hash of the Thai question+answer the English was translated from. When a
   * re-import changes the Thai text, the translation is flagged as stale.
   */
  translatedFrom: z.string().optional(),
});
export type KbRecord = z.infer<typeof RecordSchema>;

export const KnowledgeFileSchema = z
  .object({ document: DocumentSchema, records: z.array(RecordSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const sections = new Set(file.document.sections.map((s) => s.slug));
    file.records.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['records', i, 'id'], message: `duplicate record id ${r.id}` });
      seen.add(r.id);
      if (r.source.document !== file.document.id)
        ctx.addIssue({ code: 'custom', path: ['records', i, 'source', 'document'], message: `record ${r.id} belongs to ${r.source.document}, not ${file.document.id}` });
      if (!sections.has(r.source.section))
        ctx.addIssue({ code: 'custom', path: ['records', i, 'source', 'section'], message: `record ${r.id} names unknown section ${r.source.section}` });
      const expected = `${r.source.document}/${r.source.section}/${r.source.number}`;
      if (r.id !== expected)
        ctx.addIssue({ code: 'custom', path: ['records', i, 'id'], message: `record id ${r.id} should be ${expected}` });
    });
  });
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;

export const ConceptSchema = z.object({
  id: slug,
  /** Thai surface forms, the preferred one first. */
  th: z.array(z.string().min(1)).min(1),
  /** English surface forms, the preferred one first. */
  en: z.array(z.string().min(1)).min(1),
  /** Abbreviations in any script, with and without dots: ก.พ.ร., กพร, OPDC. */
  abbreviations: z.array(z.string().min(1)).default([]),
  /** Thai spellings of English words: อีเซอร์วิส, โอเพ่นดาต้า. */
  transliterations: z.array(z.string().min(1)).default([]),
  /** Other words staff use for the same thing, either language. */
  synonyms: z.array(z.string().min(1)).default([]),
  /** The indicator this concept points at, when it names one. */
  indicator: IndicatorSchema.optional(),
  note: z.string().optional(),
  /**
   * Where the concept's forms come from: `general:<reference>` (a dictionary, the official
   * name list), `record:<id>` (a record whose text has them) or `editor`; absent means
   * editor. The leakage test (test/kb/lexicon-leakage.test.ts) reads it.
   */
  source: z.string().regex(/^(general:.+|record:[^\s]+|editor)$/).optional(),
});
export type Concept = z.infer<typeof ConceptSchema>;

export const GlossarySchema = z.object({ concepts: z.array(ConceptSchema).min(1) });
export type Glossary = z.infer<typeof GlossarySchema>;

/** Everything the answering side reads, loaded and validated. */
export interface KnowledgeBase {
  documents: KbDocument[];
  records: KbRecord[];
  glossary: Glossary;
}
