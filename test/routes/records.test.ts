import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /api/records/*', () => {
  it.each([
    ['raw', '/api/records/fy2565-potential-base/e-service/14'],
    ['URL-encoded', '/api/records/fy2565-potential-base%2Fe-service%2F14'],
  ])('returns one record by its %s id with score 1', async (_name, url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'fy2565-potential-base/e-service/14', score: 1, translated: false, source: { number: 14, section: 'e-service' } });
  });

  it('returns the English translation with lang=en', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/records/fy2563-provincial/general/1?lang=en' })).json();
    expect(body).toMatchObject({ id: 'fy2563-provincial/general/1', translated: true });
    expect(body.answer).toMatch(/OPDC/);
    expect(body.original.answer).toMatch(/ก\.พ\.ร\./);
  });

  it('returns 404 with the error shape for an unknown id', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/records/fy2565-potential-base/e-service/999' }), 404, /No record with id "fy2565-potential-base\/e-service\/999"/);
  });

  it('returns 404 for an empty id', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/records/' }), 404, /No record id/);
  });

  it('returns 400 for a bad lang', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/records/fy2563-provincial/general/1?lang=de' }), 400, /lang: must be "th" or "en"/);
  });
});

describe('GET /api/documents', () => {
  it('lists documents with section counts and facets', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/documents' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const doc = body.documents.find((d: { id: string }) => d.id === 'fy2565-potential-base');
    expect(doc).toMatchObject({ title: { th: expect.any(String), en: expect.any(String) }, date: '2021-09-10', fiscalYears: [2565], audience: ['agency'], records: 4 });
    expect(doc.sections).toEqual([
      { slug: 'overview', title: { th: 'ภาพรวมการประเมินฯ', en: 'Assessment overview' }, records: 1 },
      { slug: 'data-catalog', title: { th: 'ตัวชี้วัด Data catalog', en: 'Data catalog indicator' }, records: 1 },
      { slug: 'e-service', title: { th: 'ตัวชี้วัด e-service', en: 'e-service indicator' }, records: 2 },
    ]);
    expect(body.facets).toEqual({
      years: [2563, 2564, 2565],
      components: ['general', 'potential-base'],
      indicators: ['data-catalog', 'e-sar', 'e-service', 'indicator-selection', 'timeline'],
    });
  });
});

describe('GET /api/health', () => {
  it('reports the loaded index', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', records: 5, documents: 2, version: 1 });
    expect(Date.parse(res.json().loadedAt)).not.toBeNaN();
  });
});
