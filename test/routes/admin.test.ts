import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bearerMatches } from '../../server/routes/admin.js';
import { expectError } from '../support/expect-error.js';
import { BROKEN_BATCH, SAMPLE_BATCH, SAMPLE_BATCH_DOCUMENT, SAMPLE_BATCH_QUESTION, SAMPLE_BATCH_RECORD } from '../support/sample-batch.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'admin-token-0123456789-abcdefghijklmn';
const auth = { authorization: `Bearer ${TOKEN}` };
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const batch = (app: TestApp, payload: object, headers: Record<string, string> = auth) =>
  app.app.inject({ method: 'POST', url: '/api/admin/batches', payload, headers });

describe('admin routes', () => {
  it.each([
    ['no', {}],
    ['a wrong', { authorization: 'Bearer wrong-token-0123456789' }],
    ['a non-bearer', { authorization: `Basic ${TOKEN}` }],
  ])('return 401 with %s token', async (_name, headers) => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/reload', headers });
    expectError(res, 401, /Authorization: Bearer/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('reloads the knowledge base on request', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/reload', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, version: 2, records: 5 });
  });

  it('reports a failed reload as 422 and keeps serving', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    await writeFile(path.join(t.kbDir, 'glossary.json'), '{');
    expectError(await t.app.inject({ method: 'POST', url: '/api/admin/reload', headers: auth }), 422, /still serving the previous index: .*glossary\.json/);
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'degraded', version: 1, lastReloadError: { message: expect.stringMatching(/glossary/) } });
  });

  it('imports a batch and answers from it at once', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const res = await batch(t, { filename: 'batch-2566.txt', content: SAMPLE_BATCH, document: SAMPLE_BATCH_DOCUMENT, title: 'คำถาม-คำตอบ ปีงบประมาณ 2566' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ report: { document: SAMPLE_BATCH_DOCUMENT, added: 2, written: true }, reload: { ok: true, version: 2, records: 7 } });
    expect(await readdir(path.join(t.kbDir, 'sources'))).toContain('batch-2566.txt');
    const ask = (await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: SAMPLE_BATCH_QUESTION } })).json();
    expect(ask.answers[0].id).toBe(SAMPLE_BATCH_RECORD);
  });

  it('writes nothing on a dry run', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const res = await batch(t, { filename: 'batch-2566.txt', content: SAMPLE_BATCH, document: SAMPLE_BATCH_DOCUMENT, dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ report: { added: 2, written: false }, reload: null });
    expect(await readdir(path.join(t.kbDir, 'documents'))).not.toContain(`${SAMPLE_BATCH_DOCUMENT}.json`);
  });

  it('returns 409 when the document exists and replace is not set', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const payload = { filename: 'batch-2566.txt', content: SAMPLE_BATCH, document: SAMPLE_BATCH_DOCUMENT };
    expect((await batch(t, payload)).statusCode).toBe(201);
    expectError(await batch(t, payload), 409, /already exists.*"replace": true/);
    expect((await batch(t, { ...payload, replace: true })).statusCode).toBe(201);
  });

  it('returns 422 with the problems for a broken batch and keeps the old index', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const body = expectError(await batch(t, { filename: 'broken.txt', content: BROKEN_BATCH, document: 'broken-doc' }), 422, /has \d error\(s\); nothing was written/);
    expect(body.issues?.some((i) => /no numbered question rows/.test(i.message))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ version: 1, records: 5 });
  });

  it.each([
    ['a path in the file name', { filename: '../x.txt', content: 'x' }, /filename: must be a plain file name/],
    ['a missing content', { filename: 'x.txt' }, /content/],
    ['an unknown field', { filename: 'x.txt', content: 'x', force: true }, /unknown field: force/],
  ])('returns 400 for %s', async (_name, payload, message) => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    expectError(await batch(t, payload), 400, message);
  });

  it('accepts a batch larger than the global body limit', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const padded = SAMPLE_BATCH + `\n${' '.repeat(200_000)}\n`;
    const res = await batch(t, { filename: 'batch-2566.txt', content: padded, document: SAMPLE_BATCH_DOCUMENT, dryRun: true });
    expect(res.statusCode).toBe(200);
  });

  it('names the batch limit when a batch is over 5 MB', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    const res = await batch(t, { filename: 'big.txt', content: 'x'.repeat(6 * 1024 * 1024) });
    expectError(res, 413, /limit is 5242880 bytes/);
  });
});

describe('bearerMatches', () => {
  it.each([
    [`Bearer ${TOKEN}`, true],
    [`bearer ${TOKEN}`, true],
    [`Bearer ${TOKEN}x`, false],
    [`Bearer`, false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(bearerMatches(header, TOKEN)).toBe(expected);
  });
});
