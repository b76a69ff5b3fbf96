import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors.js';
import { stripControl } from '../log/strip-control.js';
import { channelOf } from './ask.js';
import { QuestionTextSchema } from './question-schema.js';
import { requireSnapshot } from './require-snapshot.js';

export const FeedbackBodySchema = z.strictObject({
  recordId: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  question: QuestionTextSchema,
  helpful: z.boolean({ error: 'must be true or false' }),
  // Control characters go before storing: a comment is later printed in reports and terminals.
  comment: z.string({ error: 'must be a string' }).transform(stripControl).pipe(z.string().trim().max(1000, 'must be at most 1000 characters')).optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBodySchema>;

export const feedbackRoutes: FastifyPluginAsync = async (app) => {
  app.post('/api/feedback', async (request, reply) => {
    const body = parseOr400(FeedbackBodySchema, request.body, 'feedback');
    const { answerer } = requireSnapshot(app.knowledge);
    if (!answerer.record(body.recordId)) throw new HttpError(404, `No record with id ${JSON.stringify(body.recordId)}`);
    app.questionLog.feedback({
      recordId: body.recordId,
      question: body.question,
      helpful: body.helpful,
      ...(body.comment ? { comment: body.comment } : {}),
      channel: channelOf(request),
      requestId: String(request.id),
    });
    return reply.status(202).send({ ok: true });
  });
};
