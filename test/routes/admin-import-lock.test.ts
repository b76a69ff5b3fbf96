import { afterEach, describe, expect, it } from 'vitest';
import { withImportLock } from '../../server/kb/import-lock.js';
import { expectError } from '../support/expect-error.js';
import { SAMPLE_BATCH, SAMPLE_BATCH_QUESTION } from '../support/sample-batch.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'admin-token-for-lock-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('POST /api/admin/batches while another import runs', () => {
  it('returns 409 with a readable message, then imports once the first has finished', async () => {
    t = await buildTestApp({ ADMIN_TOKEN: TOKEN });
    let release!: () => void;
    // Another process (kb:import, a second replica) holding the knowledge base's import lock.
    const other = withImportLock(t.kbDir, 'kb:import other.txt', () => new Promise<void>((r) => (release = r)));
    await expect.poll(() => release !== undefined).toBe(true);
    const payload = { filename: 'fy2566-e-service.txt', content: SAMPLE_BATCH };
    const busy = await t.app.inject({ method: 'POST', url: '/api/admin/batches', payload, headers: auth });
    expectError(busy, 409, /Another import into this knowledge base is running \(kb:import other\.txt/);
    release();
    await other;
    const ok = await t.app.inject({ method: 'POST', url: '/api/admin/batches', payload, headers: auth });
    expect(ok.statusCode).toBe(201);
    const ask = await t.app.inject({ method: 'POST', url: '/api/ask', payload: { question: SAMPLE_BATCH_QUESTION } });
    expect(ask.json().answers[0].id).toBe('fy2566-e-service/e-service/1');
  });
});
