import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAskingClient } from '../../scripts/bench/asking-client.js';
import { scaleBatch, scaleBatchQuestion, writeScaleKb } from '../../scripts/bench/scale-kb.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'import-under-load-admin-token-0123456789';
const KB_RECORDS = 5000;
const BATCH_BYTES = 5_000_000;

let t: TestApp | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await t?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function summary(waits: number[]): string {
  const s = [...waits].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!.toFixed(1);
  return `${s.length} questions, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
}

describe(`a 5 MB batch imported into a knowledge base of ${KB_RECORDS} records while a client keeps asking`, () => {
  it('fails no request and serves the new records once imported (parse, merge and index build in workers)', async () => {
    const kbDir = await tempDir('opdc-scale-kb-');
    await writeScaleKb(kbDir, KB_RECORDS);
    const questions = (await loadKnowledgeBase(kbDir)).records.map((r) => r.question.th);
    expect(questions.length).toBe(KB_RECORDS);
    const batch = await scaleBatch(BATCH_BYTES);

    t = await buildTestApp({
      KB_DIR: kbDir,
      KB_WORKER: 'on',
      INDEX_CACHE: await tempDir('opdc-index-cache-'),
      ADMIN_TOKEN: TOKEN,
      RATE_LIMIT_MAX: '0',
      // Every question is asked once, so the cache would only hide the index's work.
      ANSWER_CACHE: '0',
    });
    expect((await t.app.knowledge.reload()).ok).toBe(true);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const ask = async (question: string) => {
      const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      return { status: res.status, body: (await res.json()) as { answers: { id: string }[] } };
    };

    const client = startAskingClient(base, questions, 'before');
    await new Promise((r) => setTimeout(r, 3000));
    client.enter('during');
    const res = await fetch(`${base}/api/admin/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ filename: 'fy2566-systems.txt', content: batch.text }),
    });
    const result = (await res.json()) as { report: { added: number }; reload: { ok: boolean; records: number } };
    const { waits, failures } = await client.stop();

    expect(res.status, JSON.stringify(result).slice(0, 500)).toBe(201);
    expect(result.report.added).toBe(batch.rows);
    expect(result.reload).toMatchObject({ ok: true, records: KB_RECORDS + batch.rows });
    expect(failures).toEqual([]);
    const before = waits.get('before') ?? [];
    const during = waits.get('during') ?? [];
    expect(before.length).toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);
    const last = batch.rows - 7;
    const served = await ask(scaleBatchQuestion(last));
    expect(served.body.answers[0]?.id).toBe(`fy2566-systems/e-service/${last}`);
    // Figures for the closing note, not assertions (timed assertions are not allowed here).
    console.log(`import under load (${KB_RECORDS} records + ${batch.rows} rows, ${(Buffer.byteLength(batch.text) / 1e6).toFixed(1)} MB): before ${summary(before)}; during ${summary(during)}`);
  }, 300_000);
});
