import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../../server/console/accounts.js';
import { expectError } from '../support/expect-error.js';
import { NEW_PASSWORD, signedIn } from '../support/console-session.js';
import { SAMPLE_BATCH } from '../support/sample-batch.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const RECORD = 'fy2565-potential-base/e-service/14';
const RECORD_URL = `/api/console/records/${RECORD}`;

/** Every console API: a request that is wrong in its input, and whether it changes state. */
const ROUTES: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; bad?: unknown; query?: string; publisher?: boolean }[] = [
  { method: 'GET', url: '/api/console/vocabularies' },
  { method: 'GET', url: '/api/console/documents' },
  { method: 'GET', url: '/api/console/records', query: '?status=broken' },
  { method: 'POST', url: '/api/console/records', bad: { document: 'fy2565-potential-base', section: 'e-service', question: { th: '' }, answer: { th: 'x' } } },
  { method: 'GET', url: RECORD_URL },
  { method: 'PATCH', url: RECORD_URL, bad: { tags: { indicators: ['no-such-indicator'] } } },
  { method: 'POST', url: `${RECORD_URL}/validate`, bad: { supersededBy: 'not an id' } },
  { method: 'DELETE', url: RECORD_URL },
  { method: 'POST', url: '/api/console/import/preview', bad: { filename: '../x.txt', content: 'a' } },
  { method: 'POST', url: '/api/console/import', bad: { filename: 'x.txt' } },
  { method: 'GET', url: '/api/console/draft' },
  { method: 'POST', url: '/api/console/draft/publish', bad: { summary: '' }, publisher: true },
  { method: 'DELETE', url: '/api/console/draft', publisher: true },
  { method: 'GET', url: '/api/console/history' },
  { method: 'POST', url: '/api/console/history/00000000-0000-0000-0000-000000000000/restore', publisher: true },
  { method: 'POST', url: '/api/console/ask', bad: { question: '' } },
  { method: 'POST', url: '/api/console/batch-test' },
  { method: 'GET', url: '/api/console/inbox' },
  { method: 'GET', url: '/api/console/inbox/stats' },
  { method: 'POST', url: '/api/console/inbox/q:1/alternate', bad: { recordId: RECORD, lang: 'fr' } },
  { method: 'POST', url: '/api/console/inbox/q:1/record', bad: { document: 'X', section: 'e-service', question: { th: 'q' }, answer: { th: 'a' } } },
  { method: 'POST', url: '/api/console/inbox/q:1/dismiss' },
  { method: 'GET', url: '/api/console/glossary' },
  { method: 'PUT', url: '/api/console/glossary/opdc', bad: { th: [], en: ['OPDC'] } },
  { method: 'DELETE', url: '/api/console/glossary/opdc' },
  { method: 'PUT', url: '/api/console/lexicon/words', bad: { text: '{not json' } },
  { method: 'POST', url: '/api/console/password', bad: { current: 'x' } },
];

const changesState = (method: string) => method !== 'GET';

// Each sign-in hashes and checks passwords with scrypt at full cost: slow on a busy machine.
describe('console API guards', { timeout: 120_000 }, () => {
  let shared: TestApp;
  let publisher: Awaited<ReturnType<typeof signedIn>>;
  let editor: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    shared = await buildTestApp({ RATE_LIMIT_MAX: '0' });
    publisher = await signedIn(shared.app, 'publisher1', 'publisher');
    editor = await signedIn(shared.app, 'editor1', 'editor');
  });
  afterAll(() => shared.close());

  it.each(ROUTES.filter((r) => r.url !== '/api/console/password'))('$method $url returns 401 without a session', async (route) => {
    const res = await shared.app.inject({ method: route.method, url: route.url, payload: changesState(route.method) ? (route.bad as object) ?? {} : undefined });
    expectError(res, 401, /Sign in/);
  });

  it.each(ROUTES.filter((r) => changesState(r.method)))('$method $url returns 403 without the CSRF token', async (route) => {
    const res = await shared.app.inject({ method: route.method, url: route.url, headers: { cookie: publisher.cookie, 'x-csrf-token': 'wrong' }, payload: (route.bad as object) ?? {} });
    expectError(res, 403, /CSRF/);
  });

  it.each(ROUTES.filter((r) => r.bad !== undefined || r.query))('$method $url returns 400 with a readable message for bad input', async (route) => {
    const res = await shared.app.inject({ method: route.method, url: route.url + (route.query ?? ''), headers: publisher.headers, payload: route.bad as object });
    const body = expectError(res, 400);
    expect(body.message).toMatch(/must|unknown|send|valid|JSON|not/i);
  });

  it.each(ROUTES.filter((r) => r.publisher))('$method $url returns 403 for an editor without the publisher role', async (route) => {
    const res = await shared.app.inject({ method: route.method, url: route.url, headers: editor.headers, payload: route.method === 'POST' ? { summary: 'x' } : undefined });
    expectError(res, 403, /publisher/);
  });
});

describe('console API', { timeout: 120_000 }, () => {
  it('returns 401 for a wrong password and 201 with an httpOnly SameSite=Strict cookie for the right one', async () => {
    t = await buildTestApp();
    const { password } = await createAccounts({ store: t.app.store }).addEditor('somchai', 'editor');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/console/session', payload: { name: 'somchai', password: 'wrong-password' } });
    expectError(wrong, 401, /Wrong name or password/);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const right = await t.app.inject({ method: 'POST', url: '/api/console/session', payload: { name: 'somchai', password } });
    expect(right.statusCode).toBe(201);
    const cookie = String(right.headers['set-cookie']);
    expect(cookie).toMatch(/^opdc_console=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(right.json()).toMatchObject({ editor: 'somchai', role: 'editor', mustChangePassword: true });
  });

  it('allows only a password change until the one-time password is replaced', async () => {
    t = await buildTestApp();
    const { password } = await createAccounts({ store: t.app.store }).addEditor('somchai', 'editor');
    const res = await t.app.inject({ method: 'POST', url: '/api/console/session', payload: { name: 'somchai', password } });
    const headers = { cookie: String(res.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': res.json().csrfToken };
    expectError(await t.app.inject({ method: 'GET', url: '/api/console/records', headers }), 403, /new password/);
    expectError(await t.app.inject({ method: 'POST', url: '/api/console/password', headers, payload: { current: password, next: 'short' } }), 400, /at least 10/);
    expect((await t.app.inject({ method: 'POST', url: '/api/console/password', headers, payload: { current: password, next: NEW_PASSWORD } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/console/records', headers })).statusCode).toBe(200);
  });

  it('refuses sign-in after 5 failures for one name, even with the right password (429)', async () => {
    t = await buildTestApp({ RATE_LIMIT_MAX: '0' });
    const { password } = await createAccounts({ store: t.app.store }).addEditor('somchai', 'editor');
    for (let i = 0; i < 5; i++) expectError(await t.app.inject({ method: 'POST', url: '/api/console/session', payload: { name: 'somchai', password: `wrong-${i}` } }), 401);
    expectError(await t.app.inject({ method: 'POST', url: '/api/console/session', payload: { name: 'somchai', password } }), 429, /Too many failed sign-ins/);
  });

  it('accepts ADMIN_TOKEN as a publisher without a cookie', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: 'console-admin-token-7f3a9c2e5b8d1046ae2f' });
    const res = await t.app.inject({ method: 'GET', url: '/api/console/session', headers: { authorization: 'Bearer console-admin-token-7f3a9c2e5b8d1046ae2f' } });
    expect(res.json()).toMatchObject({ editor: 'admin-token', role: 'publisher' });
    expectError(await t.app.inject({ method: 'GET', url: '/api/console/draft', headers: { authorization: 'Bearer nope-nope-nope-nope' } }), 401, /ADMIN_TOKEN/);
  });

  it('edits go to the draft, publishing writes the files and the answer, restore brings the old text back', async () => {
    t = await buildTestApp();
    const ed = await signedIn(t.app, 'editor1', 'editor');
    const pub = await signedIn(t.app, 'publisher1', 'publisher');
    const file = path.join(t.kbDir, 'documents', 'fy2565-potential-base.json');
    const before = await readFile(file, 'utf8');

    const patch = await t.app.inject({ method: 'PATCH', url: RECORD_URL, headers: ed.headers, payload: { alternates: { th: ['ใช้ระบบงานเก่าทำ e-service ได้ไหม'] }, answer: { en: 'Yes: an existing service may be used.' } } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(patch.json().changedInDraft).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(before);

    const draft = (await t.app.inject({ method: 'GET', url: '/api/console/draft', headers: ed.headers })).json();
    expect(draft.changed).toEqual([{ path: 'documents/fy2565-potential-base.json', change: 'changed' }]);
    expect(draft.diff[0].diff).toMatch(/^\+ +"ใช้ระบบงานเก่าทำ e-service ได้ไหม"$/m);
    expect(draft.review.errors).toEqual([]);

    expectError(await t.app.inject({ method: 'POST', url: '/api/console/draft/publish', headers: ed.headers, payload: { summary: 'alt' } }), 403, /publisher/);
    const published = await t.app.inject({ method: 'POST', url: '/api/console/draft/publish', headers: pub.headers, payload: { summary: 'Alternate for e-service 14' } });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().change).toMatchObject({ author: 'publisher1', summary: 'Alternate for e-service 14', version: 2 });
    expect(await readFile(file, 'utf8')).toContain('ใช้ระบบงานเก่าทำ e-service ได้ไหม');
    expect(t.app.knowledge.current()!.answerer.record(RECORD, 'en')!.answer).toBe('Yes: an existing service may be used.');

    const history = (await t.app.inject({ method: 'GET', url: '/api/console/history', headers: pub.headers })).json();
    expect(history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    const restore = await t.app.inject({ method: 'POST', url: `/api/console/history/${history[1].id}/restore`, headers: pub.headers });
    expect(restore.statusCode, restore.body).toBe(200);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(t.app.knowledge.current()!.answerer.record(RECORD, 'en')!.answer).not.toBe('Yes: an existing service may be used.');
  });

  it('refuses to publish a draft with kb:check errors (422, with the messages)', async () => {
    t = await buildTestApp();
    const pub = await signedIn(t.app, 'publisher1', 'publisher');
    await t.app.inject({ method: 'PATCH', url: RECORD_URL, headers: pub.headers, payload: { answer: { en: '' } } });
    const res = await t.app.inject({ method: 'POST', url: '/api/console/draft/publish', headers: pub.headers, payload: { summary: 'x' } });
    const body = expectError(res, 422, /kb:check/);
    expect(body.issues!.map((i) => i.message)).toContain(`${RECORD}: untranslated (answer.en empty)`);
  });

  it('imports a batch into the draft only, reporting problems by line', async () => {
    t = await buildTestApp();
    const ed = await signedIn(t.app, 'editor1', 'editor');
    const preview = await t.app.inject({ method: 'POST', url: '/api/console/import/preview', headers: ed.headers, payload: { filename: 'new-batch.txt', content: SAMPLE_BATCH, document: 'fy2566-test-batch' } });
    expect(preview.statusCode, preview.body).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/console/import', headers: ed.headers, payload: { filename: 'new-batch.txt', content: SAMPLE_BATCH, document: 'fy2566-test-batch' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().changed).toEqual([{ path: 'documents/fy2566-test-batch.json', change: 'added' }]);
    await expect(readFile(path.join(t.kbDir, 'documents', 'fy2566-test-batch.json'))).rejects.toThrow(/ENOENT/);
  });
});
