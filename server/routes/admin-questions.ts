import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors.js';
import { requireAdminToken } from './admin.js';
import { requireSnapshot } from './require-snapshot.js';

export const AnsweredBodySchema = z.strictObject({
  recordId: z.string({ error: 'must be a string (the id of the record that answers the question)' }).min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

const ParamsSchema = z.object({ id: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters') });

/**
 * POST /api/admin/questions/:id/answered {recordId}: an editor answered a logged question (until
 * the console's inbox does it). Marks the question resolved and tells LINE askers who asked to be
 * notified (`app.notifier`, present when LINE is configured).
 */
export const adminQuestionsRoutes: FastifyPluginAsync<{ token: string }> = async (app, { token }) => {
  app.addHook('onRequest', requireAdminToken(token));

  app.post('/api/admin/questions/:id/answered', async (request) => {
    const { id } = parseOr400(ParamsSchema, request.params, 'path');
    const body = parseOr400(AnsweredBodySchema, request.body, 'body');
    const { answerer } = requireSnapshot(app.knowledge);
    if (!answerer.record(body.recordId)) throw new HttpError(404, `No record with id ${JSON.stringify(body.recordId)}`);
    const found = await app.store.resolveQuestion(id, { kind: 'record', recordId: body.recordId, by: 'admin', at: new Date() });
    if (!found) throw new HttpError(404, `No logged question with id ${JSON.stringify(id)}`);
    await app.notifier?.questionAnswered(id, body.recordId);
    return { ok: true, questionId: id, recordId: body.recordId };
  });
};
