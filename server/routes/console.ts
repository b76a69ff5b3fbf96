import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Console, Actor } from '../console/console.js';
import { ConsoleError, type ConsoleErrorKind } from '../console/errors.js';
import type { SessionInfo } from '../console/accounts.js';
import { HttpError, parseOr400 } from '../errors.js';
import { bearerMatches } from './admin.js';
import {
  AlternateSchema,
  AskSchema,
  BatchSchema,
  LexiconSchema,
  NewRecordSchema,
  PasswordSchema,
  PublishSchema,
  RecordPatchSchema,
  RecordQuerySchema,
  SignInSchema,
} from './console-schemas.js';

/**
 * The editors' console API under /api/console. Sign-in sets a random session id in an httpOnly,
 * SameSite=Strict cookie (Secure over https); every state-changing request must also carry the
 * session's CSRF token in `x-csrf-token`. `Authorization: Bearer <ADMIN_TOKEN>` works too, as a
 * publisher named "admin-token", without CSRF (no cookie is involved). All work is done by
 * server/console/ (the domain code the CLI uses as well).
 */
export const SESSION_COOKIE = 'opdc_console';
const CSRF_HEADER = 'x-csrf-token';
/** Batches arrive whole in one JSON body (base64 for files): PDFs of handouts are a few MB. */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

const STATUS: Record<ConsoleErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
};

export interface ConsoleRoutesOptions {
  console: Console;
  adminToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleActor?: Actor & { session?: SessionInfo };
  }
}

/** Runs a console action, turning its refusals into the shared error body. */
async function run<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof ConsoleError) throw new HttpError(STATUS[e.kind], e.message, e.issues);
    throw e;
  }
}

const recordId = (params: unknown) => {
  const p = params as { doc: string; section: string; number: string };
  return `${p.doc}/${p.section}/${p.number}`;
};

export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (app, options) => {
  const c = options.console;
  await app.register(cookie);

  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge });

  const publicRoutes = new Set(['POST /api/console/session', 'GET /api/console/session']);
  // Allowed before the one-time password is replaced.
  const passwordRoutes = new Set(['POST /api/console/password', 'DELETE /api/console/session', 'GET /api/console/session']);

  app.addHook('onRequest', async (request) => {
    const route = `${request.method} ${request.routeOptions.url}`;
    if (options.adminToken && request.headers.authorization !== undefined) {
      if (!bearerMatches(request.headers.authorization, options.adminToken)) throw new HttpError(401, 'The Authorization header does not carry the ADMIN_TOKEN');
      request.consoleActor = { editor: 'admin-token', role: 'publisher' };
      return;
    }
    const session = await c.accounts.session(request.cookies[SESSION_COOKIE]);
    if (session) request.consoleActor = { editor: session.editor, role: session.role, session };
    if (publicRoutes.has(route)) return;
    if (!session) throw new HttpError(401, 'Sign in to the console first (no session, or it expired)');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== session.csrfToken) throw new HttpError(403, `CSRF check failed: send the session's token in the ${CSRF_HEADER} header`);
    }
    if (session.mustChangePassword && !passwordRoutes.has(route)) throw new HttpError(403, 'Choose a new password first: the one-time password only allows that');
  });

  const actor = (request: FastifyRequest): Actor => {
    if (!request.consoleActor) throw new HttpError(401, 'Sign in to the console first');
    return { editor: request.consoleActor.editor, role: request.consoleActor.role };
  };
  const me = (info: { editor: string; role: string; mustChangePassword?: boolean; csrfToken?: string }) => ({
    editor: info.editor,
    role: info.role,
    mustChangePassword: info.mustChangePassword ?? false,
    csrfToken: info.csrfToken ?? null,
  });

  app.post('/api/console/session', async (request, reply) => {
    const body = parseOr400(SignInSchema, request.body, 'sign-in');
    const session = await run(() => c.accounts.signIn(body.name, body.password, request.ip));
    setCookie(request, reply, session.sessionId, 8 * 3600);
    return reply.status(201).send(me(session));
  });
  app.get('/api/console/session', async (request) => {
    const a = request.consoleActor;
    if (!a) throw new HttpError(401, 'Not signed in');
    return me(a.session ?? a);
  });
  app.delete('/api/console/session', async (request, reply) => {
    const s = request.consoleActor?.session;
    if (s) await c.accounts.signOut(s.sessionId);
    setCookie(request, reply, '', 0);
    return reply.status(204).send();
  });
  app.post('/api/console/password', async (request) => {
    const body = parseOr400(PasswordSchema, request.body, 'password change');
    await run(() => c.accounts.changePassword(actor(request).editor, body.current, body.next));
    return { ok: true };
  });

  app.get('/api/console/vocabularies', async () => c.vocabularies());
  app.get('/api/console/documents', async () => run(() => c.documents()));
  app.get('/api/console/records', async (request) => {
    const query = parseOr400(RecordQuerySchema, request.query, 'record search');
    return run(() => c.records(query));
  });
  app.post('/api/console/records', async (request, reply) => {
    const body = parseOr400(NewRecordSchema, request.body, 'new record');
    return reply.status(201).send(await run(() => c.createRecord(actor(request), body)));
  });
  app.get('/api/console/records/:doc/:section/:number', async (request) => run(() => c.record(recordId(request.params))));
  app.patch('/api/console/records/:doc/:section/:number', async (request) => {
    const body = parseOr400(RecordPatchSchema, request.body, 'record change');
    return run(() => c.updateRecord(actor(request), recordId(request.params), body));
  });
  app.post('/api/console/records/:doc/:section/:number/validate', async (request) => {
    const body = parseOr400(RecordPatchSchema, request.body, 'record change');
    return run(() => c.validateRecord(recordId(request.params), body));
  });
  app.delete('/api/console/records/:doc/:section/:number', async (request, reply) => {
    await run(() => c.deleteRecord(actor(request), recordId(request.params)));
    return reply.status(204).send();
  });

  const batchInput = (body: ReturnType<typeof BatchSchema.parse>) => ({
    filename: body.filename,
    content: body.content !== undefined ? Buffer.from(body.content, 'utf8') : Buffer.from(body.contentBase64!, 'base64'),
    document: body.document,
    title: body.title,
    date: body.date,
    replace: body.replace,
  });
  app.post('/api/console/import/preview', { bodyLimit: BATCH_BODY_LIMIT }, async (request) => {
    const body = parseOr400(BatchSchema, request.body, 'batch');
    const { files: _files, ...preview } = await run(() => c.previewImport(batchInput(body)));
    return preview;
  });
  app.post('/api/console/import', { bodyLimit: BATCH_BODY_LIMIT }, async (request, reply) => {
    const body = parseOr400(BatchSchema, request.body, 'batch');
    const result = await run(() => c.importBatch(actor(request), batchInput(body)));
    return reply.status(201).send({ preview: result.preview, changed: result.draft.changed });
  });

  app.get('/api/console/draft', async () => run(() => c.review()));
  app.post('/api/console/draft/publish', async (request) => {
    const body = parseOr400(PublishSchema, request.body, 'publish request');
    return run(() => c.publish(actor(request), body.summary));
  });
  app.delete('/api/console/draft', async (request, reply) => {
    await run(() => c.discard(actor(request)));
    return reply.status(204).send();
  });
  app.get('/api/console/history', async () => run(() => c.history(100)));
  app.get('/api/console/history/:id', async (request) => run(() => c.change((request.params as { id: string }).id)));
  app.post('/api/console/history/:id/restore', async (request) => run(() => c.restore(actor(request), (request.params as { id: string }).id)));

  app.post('/api/console/ask', async (request) => {
    const body = parseOr400(AskSchema, request.body, 'test question');
    return run(() => c.ask(body.question, body.lang));
  });
  app.post('/api/console/batch-test', async () => run(() => c.batchTest()));

  app.get('/api/console/inbox', async () => run(() => c.inbox()));
  app.get('/api/console/inbox/stats', async () => run(() => c.inboxStats()));
  const group = (request: FastifyRequest) => (request.params as { group: string }).group;
  app.post('/api/console/inbox/:group/alternate', async (request) => {
    const body = parseOr400(AlternateSchema, request.body, 'alternate');
    return run(() => c.inboxAddAlternate(actor(request), group(request), body.recordId, body.lang, body.text));
  });
  app.post('/api/console/inbox/:group/record', async (request, reply) => {
    const body = parseOr400(NewRecordSchema, request.body, 'new record');
    return reply.status(201).send(await run(() => c.inboxNewRecord(actor(request), group(request), body)));
  });
  app.post('/api/console/inbox/:group/dismiss', async (request) => run(() => c.inboxDismiss(actor(request), group(request))));

  app.get('/api/console/glossary', async () => run(() => c.glossary()));
  app.put('/api/console/glossary/:id', async (request) => {
    const id = (request.params as { id: string }).id;
    const body = request.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Invalid concept: send a JSON object');
    if (body.id !== undefined && body.id !== id) throw new HttpError(400, `Invalid concept: id ${String(body.id)} does not match the URL (${id})`);
    await run(() => c.putConcept(actor(request), { ...body, id }));
    return { ok: true };
  });
  app.delete('/api/console/glossary/:id', async (request, reply) => {
    await run(() => c.deleteConcept(actor(request), (request.params as { id: string }).id));
    return reply.status(204).send();
  });
  app.put('/api/console/lexicon/:name', async (request) => {
    const body = parseOr400(LexiconSchema, request.body, 'lexicon file');
    await run(() => c.putLexicon(actor(request), (request.params as { name: string }).name, body.text));
    return { ok: true };
  });
};
