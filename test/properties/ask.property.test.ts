import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askShapeProblem, errorShapeProblem } from '../../scripts/bench/ask-shape.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { anyQuestionText, longRun } from './arbitraries.js';

/*
 * POST /api/ask answers any string without a 5xx: 200 with the fixed response shape, or a 4xx
 * with the error body. Questions over 500 characters (code points) or blank after trimming are
 * a 400 by the fixed contract.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ RATE_LIMIT_MAX: '0', QUESTION_LOG: 'off' });
});
afterAll(async () => {
  await t?.close();
});

async function ask(body: object) {
  // JSON.stringify escapes lone surrogates (\ud800), so they reach the server as written.
  const res = await t.app.inject({ method: 'POST', url: '/api/ask', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  return { status: res.statusCode, body: res.json() as unknown };
}

function expectContract(status: number, body: unknown, limit: number): void {
  expect(status === 200 || (status >= 400 && status < 500), `status ${status}: ${JSON.stringify(body)}`).toBe(true);
  if (status === 200) expect(askShapeProblem(body, limit)).toBeUndefined();
  else expect(errorShapeProblem(body)).toBeUndefined();
}

describe('POST /api/ask on any string', () => {
  it('answers 200 or 4xx, never 5xx, with the fixed body shape', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestionText, fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), fc.constantFrom(undefined, 'th', 'en'), async (question, limit, lang) => {
        const { status, body } = await ask({ question, ...(limit ? { limit } : {}), ...(lang ? { lang } : {}) });
        expectContract(status, body, limit ?? 3);
        const length = [...question.trim()].length;
        if (length === 0 || length > 500) expect(status).toBe(400);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses runs of one character past 500 and keeps the readable message', async () => {
    await fc.assert(
      fc.asyncProperty(longRun, async (question) => {
        const { status, body } = await ask({ question });
        expectContract(status, body, 3);
        if ([...question.trim()].length > 500) {
          expect(status).toBe(400);
          expect((body as { message: string }).message).toMatch(/500/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps scores in [0, 1] and answers within the limit when filters are added', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyQuestionText,
        fc.integer({ min: 1, max: 10 }),
        fc.record({ year: fc.constantFrom(2563, 2564, 2565, 2020, 2022) }, { requiredKeys: [] }),
        async (question, limit, filters) => {
          const { status, body } = await ask({ question, limit, filters });
          expectContract(status, body, limit);
        },
      ),
      { numRuns: 150 },
    );
  });
});
