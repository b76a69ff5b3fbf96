import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COMPONENTS, INDICATORS } from '../kb/schema.js';
import { parseOr400 } from '../errors.js';
import type { Channel } from '../log/question-log.js';
import type { AskResult } from '../search/types.js';
import { askResponseSchema } from './ask-response-schema.js';
import { outcomeOf } from '../log/outcome.js';
import { QuestionTextSchema } from './question-schema.js';
import { requireSnapshot } from './require-snapshot.js';

const YearSchema = z
  .number({ error: 'must be a number' })
  .int('must be a whole year')
  .refine((y) => (y >= 2500 && y <= 2700) || (y >= 1957 && y <= 2157), 'must be a fiscal year in Buddhist Era (2565) or Common Era (2022)');

/** Earlier turns of the conversation, oldest first (DESIGN.md, additive). */
export const MAX_HISTORY_TURNS = 5;
const HistoryTurnSchema = z.strictObject(
  {
    question: QuestionTextSchema,
    answerId: z.string({ error: 'must be a string (a record id)' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  },
  { error: 'must be an object {question, answerId?}' },
);

export const AskBodySchema = z.strictObject({
  question: QuestionTextSchema,
  history: z
    .array(HistoryTurnSchema, { error: 'must be an array of earlier turns [{question, answerId?}], oldest first' })
    .max(MAX_HISTORY_TURNS, `must have at most ${MAX_HISTORY_TURNS} turns`)
    .optional(),
  lang: z.enum(['th', 'en'], { error: 'must be "th" or "en"' }).optional(),
  limit: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(10, 'must be at most 10').default(3),
  filters: z
    .strictObject({
      year: YearSchema.optional(),
      component: z.enum(COMPONENTS, { error: `must be one of ${COMPONENTS.join(', ')}` }).optional(),
      indicator: z.enum(INDICATORS, { error: `must be one of ${INDICATORS.join(', ')}` }).optional(),
    })
    .optional(),
});
export type AskBody = z.infer<typeof AskBodySchema>;

/** The web UI sends `x-client: web`; everything else over HTTP is the API. */
export function channelOf(request: FastifyRequest): Channel {
  return request.headers['x-client'] === 'web' ? 'web' : 'api';
}

export const askRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/api/ask',
    { schema: { ...askResponseSchema, tags: ['questions'], summary: 'Ask a question (Thai or English)', body: z.toJSONSchema(AskBodySchema, { io: 'input', unrepresentable: 'any' }) } },
    async (request): Promise<AskResult> => {
    const body = parseOr400(AskBodySchema, request.body, 'question request');
    const snapshot = requireSnapshot(app.knowledge);
    const started = performance.now();
    const result = await app.conversations.of(snapshot).askAsync(body);
    const top = result.answers[0];
    app.questionLog.question({
      channel: channelOf(request),
      question: body.question,
      lang: result.lang,
      outcome: outcomeOf(result),
      topId: top?.id,
      score: top?.score,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      requestId: String(request.id),
    });
    return result;
  });
};
