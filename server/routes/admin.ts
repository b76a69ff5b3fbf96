import { createHash, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ImportBusyError } from '../kb/import-lock.js';
import { runImport } from '../kb/run-import.js';
import { HttpError, parseOr400 } from '../errors.js';
import type { KnowledgeService, ReloadOutcome } from '../knowledge-service.js';

export const BatchBodySchema = z.strictObject({
  filename: z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .refine((f) => path.basename(f) === f && f !== '.' && f !== '..', 'must be a plain file name, without folders'),
  content: z.string({ error: 'must be a string (the batch text)' }).min(1, 'must not be empty'),
  document: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "fy2566-potential-base"').optional(),
  title: z.string().min(1, 'must not be empty').optional(),
  date: z.string().min(1, 'must not be empty').optional(),
  replace: z.boolean({ error: 'must be true or false' }).optional(),
  dryRun: z.boolean({ error: 'must be true or false' }).optional(),
});
export type BatchBody = z.infer<typeof BatchBodySchema>;

/** Imports carry a whole batch text; everything else keeps the small global limit. */
const BATCH_BODY_LIMIT = 5 * 1024 * 1024;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests so the comparison is constant-time whatever the token length. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

function reloadSummary(outcome: ReloadOutcome) {
  return outcome.ok
    ? { ok: true, version: outcome.snapshot.version, loadedAt: outcome.snapshot.loadedAt.toISOString(), records: outcome.snapshot.kb.records.length }
    : { ok: false, message: outcome.error.message };
}

export interface AdminOptions {
  token: string;
  knowledge: KnowledgeService;
}

export const adminRoutes: FastifyPluginAsync<AdminOptions> = async (app, { token, knowledge }) => {
  app.addHook('onRequest', async (request) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      throw new HttpError(401, 'Admin routes need the header Authorization: Bearer <ADMIN_TOKEN>', undefined, { headers: { 'www-authenticate': 'Bearer' } });
    }
  });

  app.post('/api/admin/reload', async () => {
    const outcome = await knowledge.reload();
    // The old index keeps serving, so a bad knowledge file is the editor's to fix: 422, not 5xx.
    if (!outcome.ok) throw new HttpError(422, `Reload failed; still serving the previous index: ${outcome.error.message}`);
    await app.announceKnowledgeChange();
    return reloadSummary(outcome);
  });

  app.post('/api/admin/batches', { bodyLimit: BATCH_BODY_LIMIT }, async (request, reply) => {
    const body = parseOr400(BatchBodySchema, request.body, 'batch');
    let report;
    const started = performance.now();
    try {
      report = await runImport({
        kbDir: knowledge.kbDir,
        file: body.filename,
        content: Buffer.from(body.content, 'utf8'),
        document: body.document,
        title: body.title,
        date: body.date,
        replace: body.replace,
        dryRun: body.dryRun,
      }, { worker: app.config.kbWorker });
    } catch (cause) {
      app.metrics.imports.inc({ result: cause instanceof ImportBusyError ? 'busy' : 'failed' });
      if (cause instanceof ImportBusyError) throw new HttpError(409, cause.message, undefined, { cause });
      throw new HttpError(422, `Batch ${body.filename} cannot be imported: ${(cause as Error).message}`, undefined, { cause });
    }
    const errors = report.problems.filter((p) => p.severity === 'error');
    app.metrics.imports.inc({ result: errors.length > 0 ? 'rejected' : report.written ? 'written' : 'dry-run' });
    app.metrics.importDuration.observe((performance.now() - started) / 1000);
    if (errors.length > 0) {
      const exists = errors.find((p) => /already exists|exists already|--replace|replace/i.test(p.message));
      const status = exists && !body.replace ? 409 : 422;
      return reply.status(status).send({
        error: status === 409 ? 'Conflict' : 'Unprocessable Entity',
        message: status === 409 ? `${exists!.message} (send "replace": true to overwrite it)` : `Batch ${body.filename} has ${errors.length} error(s); nothing was written`,
        requestId: String(request.id),
        issues: errors.map((p) => ({ path: `${p.file}${p.line ? `:${p.line}` : ''}`, message: p.message })),
        report,
      });
    }
    if (!report.written) return reply.status(200).send({ report, reload: null });
    const outcome = await knowledge.reload();
    if (outcome.ok) await app.announceKnowledgeChange();
    return reply.status(201).send({ report, reload: reloadSummary(outcome) });
  });
};
