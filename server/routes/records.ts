import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError, parseOr400 } from '../errors.js';
import type { Answer } from '../search/types.js';
import { requireSnapshot } from './require-snapshot.js';

export const RecordQuerySchema = z.object({
  lang: z.enum(['th', 'en'], { error: 'must be "th" or "en"' }).optional(),
});
export type RecordQuery = z.infer<typeof RecordQuerySchema>;

/** Record ids contain slashes; clients may send them raw or URL-encoded. */
export function recordIdFromPath(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, `Record id is not valid URL encoding: ${raw}`);
  }
}

export const recordsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/records/*', async (request): Promise<Answer> => {
    const { lang } = parseOr400(RecordQuerySchema, request.query, 'query');
    const id = recordIdFromPath((request.params as { '*': string })['*']);
    if (id === '') throw new HttpError(404, 'No record id given: use /api/records/<document>/<section>/<number>');
    const { answerer } = requireSnapshot(app.knowledge);
    const answer = answerer.record(id, lang);
    if (!answer) throw new HttpError(404, `No record with id ${JSON.stringify(id.slice(0, 200))}`);
    return answer;
  });
};
