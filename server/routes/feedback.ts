import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors.js';
import { stripControl } from '../log/strip-control.js';
import { channelOf } from './ask.js';
import { QuestionTextSchema } from './question-schema.js';
import { requireSnapshot } from './require-snapshot.js';

export const FEEDBACK_REASONS = ['wrong', 'outdated', 'unclear', 'other'] as const;

export const FeedbackBodySchema = z
  .strictObject({
    recordId: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    question: QuestionTextSchema,
    helpful: z.boolean({ error: 'must be true or false' }),
    /** Why an answer did not help (the web page's 👎 choice). Additive. */
    reason: z.enum(FEEDBACK_REASONS, { error: `must be one of ${FEEDBACK_REASONS.join(', ')}` }).optional(),
    // Control characters go before storing: a comment is later printed in reports and terminals.
    comment: z.string({ error: 'must be a string' }).transform(stripControl).pipe(z.string().trim().max(1000, 'must be at most 1000 characters')).optional(),
  })
  .refine((b) => b.reason === undefined || !b.helpful, { path: ['reason'], message: 'is only for helpful: false' });
export type FeedbackBody = z.infer<typeof FeedbackBodySchema>;

export const feedbackRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/feedback', { schema: { tags: ['questions'], summary: 'Say whether an answer helped', body: z.toJSONSchema(FeedbackBodySchema, { io: 'input', unrepresentable: 'any' }) } }, async (request, reply) => {
    const body = parseOr400(FeedbackBodySchema, request.body, 'feedback');
    const { answerer } = requireSnapshot(app.knowledge);
    if (!answerer.record(body.recordId)) throw new HttpError(404, `No record with id ${JSON.stringify(body.recordId)}`);
    app.questionLog.feedback({
      recordId: body.recordId,
      question: body.question,
      helpful: body.helpful,
      ...(body.reason ? { reason: body.reason } : {}),
      ...(body.comment ? { comment: body.comment } : {}),
      channel: channelOf(request),
      requestId: String(request.id),
    });
    return reply.status(202).send({ ok: true });
  });
};
