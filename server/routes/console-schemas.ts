import { z } from 'zod';
import { AUDIENCES, COMPONENTS, FiscalYearSchema, INDICATORS } from '../kb/schema.js';

/** Request bodies and queries of the console API (server/routes/console.ts), checked at the boundary. */
const text = (max: number) => z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).trim().min(1, 'must not be empty');
const slug = z.string({ error: 'must be a string' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "e-service"');

export const SignInSchema = z.strictObject({ name: nonEmpty(40), password: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters') });
export const PasswordSchema = z.strictObject({ current: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(200), next: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters') });

export const RecordQuerySchema = z.strictObject({
  q: text(200).optional(),
  year: z.coerce.number({ error: 'must be a number' }).int().min(2500, 'must be a Buddhist Era year like 2565').max(2700, 'must be a Buddhist Era year like 2565').optional(),
  document: slug.optional(),
  section: slug.optional(),
  indicator: z.enum(INDICATORS, { error: `must be one of ${INDICATORS.join(', ')}` }).optional(),
  status: z.enum(['untranslated', 'stale', 'untagged', 'superseded', 'negative-feedback'], { error: 'must be one of untranslated, stale, untagged, superseded, negative-feedback' }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').optional(),
});

const localizedPatch = z.strictObject({ th: text(20_000).optional(), en: text(20_000).optional() });
export const RecordPatchSchema = z.strictObject({
  question: localizedPatch.optional(),
  answer: localizedPatch.optional(),
  alternates: z.strictObject({ th: z.array(text(500)).max(100).optional(), en: z.array(text(500)).max(100).optional() }).optional(),
  tags: z
    .strictObject({
      years: z.array(FiscalYearSchema).max(20).optional(),
      component: z.enum(COMPONENTS, { error: `must be one of ${COMPONENTS.join(', ')}` }).optional(),
      indicators: z.array(z.enum(INDICATORS, { error: `must be one of ${INDICATORS.join(', ')}` })).max(20).optional(),
      audience: z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(', ')}` }).optional(),
    })
    .optional(),
  supersededBy: z.union([z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/, 'must be a record id like fy2565-potential-base/e-service/7'), z.null()]).optional(),
});

export const NewRecordSchema = z.strictObject({
  document: slug,
  section: slug,
  question: z.strictObject({ th: nonEmpty(2000), en: text(2000).optional() }),
  answer: z.strictObject({ th: nonEmpty(20_000), en: text(20_000).optional() }),
  indicators: z.array(z.enum(INDICATORS, { error: `must be one of ${INDICATORS.join(', ')}` })).max(20).optional(),
});

export const BatchSchema = z
  .strictObject({
    filename: nonEmpty(200).refine((f) => !/[\\/\u0000]/.test(f) && !f.startsWith('.'), 'must be a plain file name, without folders'),
    /** Text batches as text… */
    content: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional(),
    /** …or any file (PDF, DOCX, XLSX) as base64. */
    contentBase64: z.base64({ error: 'must be base64' }).min(1, 'must not be empty').optional(),
    document: slug.optional(),
    title: nonEmpty(500).optional(),
    date: nonEmpty(50).optional(),
    replace: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((b) => (b.content === undefined) !== (b.contentBase64 === undefined), { message: 'send exactly one of content (text) or contentBase64 (a file)', path: ['content'] });

export const PublishSchema = z.strictObject({ summary: nonEmpty(500) });
export const AskSchema = z.strictObject({ question: nonEmpty(500), lang: z.enum(['th', 'en'], { error: 'must be "th" or "en"' }).optional() });
export const AlternateSchema = z.strictObject({
  recordId: z.string({ error: 'must be a string' }).regex(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/, 'must be a record id'),
  lang: z.enum(['th', 'en'], { error: 'must be "th" or "en"' }),
  text: nonEmpty(500).optional(),
});
export const LexiconSchema = z.strictObject({ text: z.string({ error: 'must be a string' }).min(2, 'must not be empty').max(1_000_000) });
