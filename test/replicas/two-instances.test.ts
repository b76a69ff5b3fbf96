import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, dropPostgresSchema } from '../../server/store/postgres-store.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';
import { freshSchema, TEST_DATABASE_URL } from '../support/postgres.js';
import { SAMPLE_BATCH, SAMPLE_BATCH_QUESTION, SAMPLE_BATCH_RECORD } from '../support/sample-batch.js';
import { startServerProcess, waitFor, type ServerProcess } from '../support/server-process.js';

const TOKEN = 'replica-test-admin-token-0123456789';
const schema = freshSchema('replicas');
let kb: TempKb;
let a: ServerProcess;
let b: ServerProcess;

async function ask(server: ServerProcess, question: string) {
  const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { answers: { id: string }[] };
}

beforeAll(async () => {
  kb = await createFixtureKb();
  // One PostgreSQL, one shared knowledge folder (as a shared volume would be), file watching off:
  // only the store's marker can tell B about A's import.
  const env = {
    KB_DIR: kb.dir,
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    KB_WATCH: 'off',
    RELOAD_POLL_MS: '500',
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_MAX: '0',
    LINE_CHANNEL_SECRET: '',
    // Builds on the main thread: a worker started through tsx compiles the sources again (~15 s
    // on a loaded machine), which would measure tsx, not replication. knowledge-worker.test.ts
    // covers the worker.
    KB_WORKER: 'off',
  };
  // Started together: both run the migrations at once (the advisory lock orders them).
  [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  for (const s of [a, b]) expect(await waitFor(async () => (await fetch(`${s.url}/api/health/ready`)).status === 200, 90_000)).toBe(true);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await kb?.cleanup();
  await dropPostgresSchema(TEST_DATABASE_URL, schema);
});

describe('two server processes on one PostgreSQL', () => {
  it('serve a batch imported through one from the other within 10 s', async () => {
    expect((await ask(b, SAMPLE_BATCH_QUESTION)).answers[0]?.id).not.toBe(SAMPLE_BATCH_RECORD);
    const res = await fetch(`${a.url}/api/admin/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ filename: 'fy2566-e-service.txt', content: SAMPLE_BATCH }),
    });
    expect(res.status).toBe(201);
    expect((await ask(a, SAMPLE_BATCH_QUESTION)).answers[0]?.id).toBe(SAMPLE_BATCH_RECORD);
    const served = await waitFor(async () => (await ask(b, SAMPLE_BATCH_QUESTION)).answers[0]?.id === SAMPLE_BATCH_RECORD, 10_000);
    expect(served, `instance B did not serve the import within 10 s:\n${b.output().slice(-2000)}`).toBe(true);
  }, 180_000);

  it('write one question log: both instances’ questions are in the same table', async () => {
    await ask(a, 'คำถามจากเครื่อง A ข้อมูลเปิด');
    await ask(b, 'คำถามจากเครื่อง B ข้อมูลเปิด');
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const found = await waitFor(async () => {
        const rows = (await client.query(`SELECT question FROM ${schema}.questions WHERE question LIKE 'คำถามจากเครื่อง%'`)).rows;
        return rows.length === 2;
      }, 10_000);
      expect(found).toBe(true);
      // And one salt for hashing user ids, created once.
      expect((await client.query(`SELECT count(*)::int AS n FROM ${schema}.settings WHERE key = 'log-salt'`)).rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('let only one instance claim the same LINE event (store.claimOnce, as the webhook does)', async () => {
    // Two connections standing for the two instances; the line helper's webhook claims
    // `webhookEventId` through app.store.claimOnce before answering.
    const s1 = createPostgresStore({ url: TEST_DATABASE_URL, schema });
    const s2 = createPostgresStore({ url: TEST_DATABASE_URL, schema });
    try {
      const results = await Promise.all([s1.claimOnce('line:01HX-same-event', 600_000), s2.claimOnce('line:01HX-same-event', 600_000)]);
      expect(results.sort()).toEqual([false, true]);
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });
});
