import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

/**
 * Page routes of the real app over a tiny fake web build: real 404s for browsers,
 * `?lang=` in the served page, the handouts in kb/sources/ and the embedding policy.
 */

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const SOURCE_TEXT = 'ลำดับ\tคำถาม\tคำตอบ\n1\tถาม\tตอบ\n';

let t: TestApp;
let webRoot: string;
let outside: string;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(tmpdir(), 'opdc-pages-web-'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><html lang="th"><title>app</title></html>');
  await writeFile(path.join(webRoot, 'widget.js'), '(()=>{})();');
  t = await buildTestApp({}, {}, { webRoot });
  // The fixture's documents name these files; one is a symlink that leads out of kb/sources/.
  await writeFile(path.join(t.kbDir, 'sources', '002_0c27346554988bac.txt'), SOURCE_TEXT);
  outside = await mkdtemp(path.join(tmpdir(), 'opdc-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'not a handout');
  await symlink(path.join(outside, 'secret.txt'), path.join(t.kbDir, 'sources', '000_3ba3b9301aa51fd5.txt'));
  await writeFile(path.join(t.kbDir, 'unpublished.txt'), 'beside sources/');
  await mkdir(path.join(t.kbDir, 'sources', 'sub'));
});

afterAll(async () => {
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('pages', () => {
  it('serves the chat page with 200', async () => {
    const res = await t.app.inject({ url: '/', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<html lang="th">');
  });

  it('serves a record page with 200 and its language from ?lang=en', async () => {
    const res = await t.app.inject({ url: '/records/fy2565-potential-base/e-service/14?lang=en', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    const thai = await t.app.inject({ url: '/records/fy2565-potential-base%2Fe-service%2F14?lang=th', headers: HTML });
    expect(thai.statusCode).toBe(200);
    expect(thai.body).toContain('<html lang="th">');
  });

  it('ignores an unknown ?lang= on a page', async () => {
    const res = await t.app.inject({ url: '/?lang=de', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="th">');
  });

  it.each([
    ['a missing record', '/records/fy2565-potential-base/e-service/999'],
    ['an unknown path', '/no/such/page'],
    ['an unknown file', '/nope.html'],
  ])('returns the 404 page with status 404 for %s', async (_name, url) => {
    const res = await t.app.inject({ url, headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>app</title>');
  });

  it('keeps the 404 page in the language a link asks for', async () => {
    const res = await t.app.inject({ url: '/records/a/b/1?lang=en', headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="en">');
  });

  it('answers API clients with the JSON 404 body', async () => {
    expectError(await t.app.inject({ url: '/no/such/page', headers: { accept: 'application/json' } }), 404, /No route for GET \/no\/such\/page/);
    expectError(await t.app.inject({ url: '/api/nothing', headers: HTML }), 404, /No route/);
    expectError(await t.app.inject({ method: 'POST', url: '/no/such/page', headers: HTML }), 404, /No route for POST/);
  });

  it('serves the compact chat for the widget at /embed', async () => {
    const res = await t.app.inject({ url: '/embed?lang=en', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
  });

  it('lets other sites load widget.js', async () => {
    const res = await t.app.inject({ url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('forbids framing by default', async () => {
    const res = await t.app.inject({ url: '/embed', headers: HTML });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('GET /sources/:name', () => {
  it('serves a published document\'s handout read-only with its content type', async () => {
    const res = await t.app.inject({ url: '/sources/002_0c27346554988bac.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe("inline; filename*=UTF-8''002_0c27346554988bac.txt");
    expect(res.body).toBe(SOURCE_TEXT);
    const head = await t.app.inject({ method: 'HEAD', url: '/sources/002_0c27346554988bac.txt' });
    expect(head.statusCode).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(SOURCE_TEXT));
  });

  it.each(['PUT', 'POST', 'DELETE'] as const)('refuses %s', async (method) => {
    expect((await t.app.inject({ method, url: '/sources/002_0c27346554988bac.txt', payload: 'x' })).statusCode).toBe(404);
  });

  it.each([
    ['dot-dot with encoded slashes', '/sources/..%2F..%2Fpackage.json'],
    ['an encoded dot-dot', '/sources/%2E%2E%2Funpublished.txt'],
    ['a backslash', '/sources/..%5Cunpublished.txt'],
    ['a hidden file', '/sources/.env'],
  ])('returns 400 for %s', async (_name, url) => {
    expectError(await t.app.inject({ url }), 400, /Not a source file name/);
  });

  it.each([
    ['a raw dot-dot path', '/sources/../unpublished.txt'],
    ['a sub-folder', '/sources/sub/x.txt'],
  ])('never serves a file outside kb/sources/ for %s', async (_name, url) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('beside sources/');
  });

  it('returns 404 for a file no document names', async () => {
    await writeFile(path.join(t.kbDir, 'sources', 'draft.txt'), 'not published');
    expectError(await t.app.inject({ url: '/sources/draft.txt' }), 404, /No published document/);
  });

  it('returns 404 for a listed file that is a symlink leading outside kb/sources/', async () => {
    const res = await t.app.inject({ url: '/sources/000_3ba3b9301aa51fd5.txt' });
    expectError(res, 404, /not inside kb\/sources/);
    expect(res.body).not.toContain('not a handout');
  });
});

describe('GET /api/documents', () => {
  it('lists each document\'s short name (the title when unset) and its source file URL', async () => {
    const body = (await t.app.inject({ url: '/api/documents' })).json();
    const doc = body.documents.find((d: { id: string }) => d.id === 'fy2565-potential-base');
    expect(doc.shortName).toEqual(doc.title);
    expect(doc.source).toEqual({ file: '002_0c27346554988bac.txt', url: '/sources/002_0c27346554988bac.txt', contentType: 'text/plain; charset=utf-8' });
  });
});

describe('FRAME_ANCESTORS', () => {
  it('puts the configured sites into frame-ancestors and drops X-Frame-Options', async () => {
    const embedded = await buildTestApp({ FRAME_ANCESTORS: 'https://intranet.example.go.th, https://*.agency.go.th' }, {}, { webRoot });
    try {
      const res = await embedded.app.inject({ url: '/embed', headers: HTML });
      expect(res.headers['content-security-policy']).toContain('frame-ancestors https://intranet.example.go.th https://*.agency.go.th');
      expect(res.headers['x-frame-options']).toBeUndefined();
    } finally {
      await embedded.close();
    }
  });
});
