import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { importBatch } from '../../server/kb/import-batch.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';
import { SAMPLE_BATCH, SAMPLE_BATCH_DOCUMENT, SAMPLE_BATCH_QUESTION, SAMPLE_BATCH_RECORD } from '../support/sample-batch.js';

const TOKEN = 'live-update-token-0123-abcdefghijklmn';
let kb: TempKb | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  await kb?.cleanup();
  app = kb = undefined;
});

/** The real server on a loopback port, watching a temp copy of the knowledge base. */
async function startServer(): Promise<string> {
  kb = await createFixtureKb();
  app = await buildApp(loadConfig({ KB_DIR: kb.dir, QUESTION_LOG: 'off', KB_WATCH: 'on', ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '0', LOG_LEVEL: 'silent', LOG_SALT: 'live-salt-123' }));
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * Asks continuously until stopped, recording every status and which record came first,
 * so a test can show there was no failed request across a swap.
 */
function askInALoop(base: string, question: string) {
  const statuses: number[] = [];
  const tops: (string | undefined)[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      statuses.push(res.status);
      const body = (await res.json()) as { answers?: { id: string }[] };
      tops.push(body.answers?.[0]?.id);
    }
  })();
  return {
    statuses,
    tops,
    async stop() {
      running = false;
      await done;
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const health = async (base: string) => (await fetch(`${base}/api/health`)).json() as Promise<{ version: number; records: number; lastReloadError?: { message: string } }>;

describe('live knowledge updates', () => {
  it('serves a batch imported through the admin route with no failed request', async () => {
    const base = await startServer();
    const loop = askInALoop(base, SAMPLE_BATCH_QUESTION);
    await until(() => loop.statuses.length > 10);
    const res = await fetch(`${base}/api/admin/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ filename: 'batch-2566.txt', content: SAMPLE_BATCH, document: SAMPLE_BATCH_DOCUMENT }),
    });
    expect(res.status).toBe(201);
    await until(() => loop.tops.at(-1) === SAMPLE_BATCH_RECORD);
    const before = loop.statuses.length;
    await until(() => loop.statuses.length > before + 10);
    await loop.stop();
    expect(loop.statuses.every((s) => s === 200)).toBe(true);
    expect(loop.tops.at(-1)).toBe(SAMPLE_BATCH_RECORD);
    expect(loop.tops[0]).not.toBe(SAMPLE_BATCH_RECORD);
  });

  it('picks up a batch imported by the CLI function through the file watcher', async () => {
    const base = await startServer();
    const loop = askInALoop(base, SAMPLE_BATCH_QUESTION);
    await until(() => loop.statuses.length > 10);
    const report = await importBatch({ kbDir: kb!.dir, file: 'batch-2566.txt', content: Buffer.from(SAMPLE_BATCH), document: SAMPLE_BATCH_DOCUMENT });
    expect(report.written).toBe(true);
    await until(() => loop.tops.at(-1) === SAMPLE_BATCH_RECORD);
    await loop.stop();
    expect(loop.statuses.every((s) => s === 200)).toBe(true);
    expect((await health(base)).records).toBe(7);
  });

  it('keeps answering from the old index when a knowledge file is broken, and recovers', async () => {
    const base = await startServer();
    const loop = askInALoop(base, 'งานบริการ e-service ต้องเป็นงานบริการใหม่หรือใช้บริการเดิมได้');
    await until(() => loop.statuses.length > 10);
    const file = path.join(kb!.dir, 'documents', 'fy2565-potential-base.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.slice(0, good.length / 2));
    await until(async () => (await health(base)).lastReloadError !== undefined);
    const during = loop.statuses.length;
    await until(() => loop.statuses.length > during + 10);
    expect((await health(base))).toMatchObject({ version: 1, records: 5 });
    await writeFile(file, good);
    await until(async () => (await health(base)).lastReloadError === undefined);
    await loop.stop();
    expect(loop.statuses.every((s) => s === 200)).toBe(true);
    expect(loop.tops.every((id) => id === 'fy2565-potential-base/e-service/14')).toBe(true);
  });

  it('rejects a broken batch through the admin route and keeps the old index', async () => {
    const base = await startServer();
    const res = await fetch(`${base}/api/admin/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ filename: 'broken.txt', content: 'no table here\n', document: 'broken-doc' }),
    });
    expect(res.status).toBe(422);
    expect(await health(base)).toMatchObject({ version: 1, records: 5 });
    const ask = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'data catalog ต้องมีกี่ชุดข้อมูล' }) });
    expect(ask.status).toBe(200);
  });
});
