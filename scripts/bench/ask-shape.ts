import { z } from 'zod';

/**
 * The fixed POST /api/ask response contract (../shared/DESIGN.md), checked on live responses
 * by the soak and the property tests. Loose objects: additive fields are allowed by the contract.
 */
export const AnswerShape = z.looseObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/),
  score: z.number().min(0).max(1),
  question: z.string(),
  answer: z.string(),
  original: z.looseObject({ question: z.string().min(1), answer: z.string().min(1) }),
  translated: z.boolean(),
  tags: z.looseObject({ years: z.array(z.number().int()), component: z.string().optional(), indicators: z.array(z.string()) }),
  source: z.looseObject({
    document: z.string().min(1),
    title: z.string(),
    section: z.string().min(1),
    sectionTitle: z.string(),
    number: z.number().int().positive(),
    date: z.iso.date(),
  }),
});

export const AskResponseShape = z.looseObject({
  answered: z.boolean(),
  lang: z.enum(['th', 'en']),
  answers: z.array(AnswerShape),
});

export const ErrorBodyShape = z.looseObject({
  error: z.string().min(1),
  message: z.string().min(1),
  requestId: z.string().min(1),
  issues: z.array(z.looseObject({ path: z.string(), message: z.string() })).optional(),
});

/** Why a 200 ask body breaks the contract, or undefined when it is fine. */
export function askShapeProblem(body: unknown, limit: number): string | undefined {
  const parsed = AskResponseShape.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (parsed.data.answers.length > limit) return `${parsed.data.answers.length} answers for limit ${limit}`;
  if (parsed.data.answered && parsed.data.answers.length === 0) return 'answered is true with no answers';
  return undefined;
}

export function errorShapeProblem(body: unknown): string | undefined {
  const parsed = ErrorBodyShape.safeParse(body);
  return parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** GET /api/records/:id: one Answer with score 1. */
export function recordShapeProblem(body: unknown): string | undefined {
  const parsed = AnswerShape.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return parsed.data.score === 1 ? undefined : `score ${parsed.data.score}, expected 1`;
}

const DocumentsShape = z.looseObject({
  documents: z.array(z.looseObject({ id: z.string(), records: z.number().int().nonnegative(), sections: z.array(z.looseObject({ slug: z.string(), records: z.number() })) })).min(1),
  facets: z.looseObject({ years: z.array(z.number()), components: z.array(z.string()), indicators: z.array(z.string()) }),
});

export function documentsShapeProblem(body: unknown): string | undefined {
  const parsed = DocumentsShape.safeParse(body);
  return parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

export function healthShapeProblem(body: unknown): string | undefined {
  const b = body as { status?: unknown; records?: unknown };
  return b?.status === 'ok' && typeof b.records === 'number' && b.records > 0 ? undefined : `health body ${JSON.stringify(body).slice(0, 200)}`;
}
