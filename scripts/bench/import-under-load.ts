import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { ROOT, SERVER_NODE_FLAGS } from './child.js';
import { startAskingClient } from './asking-client.js';
import { startServerProcess } from './server-process.js';
import { scaleBatch, writeScaleKb } from './scale-kb.js';
import { round, summarize, type LatencySummary } from './stats.js';

/**
 * The operations issue's figure: a 5 MB batch imported through the admin route into a
 * knowledge base of 5,000 records while one client keeps asking (distinct questions, answer
 * cache off), against the bundle as `npm start` runs it (parse, merge and index build in
 * workers). Waits before the import and during it (until the import's response, i.e. the new
 * index is serving); test/server/import-under-load.test.ts asserts the same scenario fails no
 * request.
 */
export interface ImportUnderLoadResult {
  records: number;
  batchRows: number;
  batchMb: number;
  importMs: number;
  load1m: number;
  before: LatencySummary;
  during: LatencySummary;
  /** during − before, for the p99 and the longest wait. */
  extraP99Ms: number;
  extraMaxMs: number;
  failures: number;
}

const TOKEN = 'bench-import-under-load-token-0123456789';

export async function measureImportUnderLoad(options: { records?: number; batchBytes?: number; beforeSeconds?: number } = {}): Promise<ImportUnderLoadResult> {
  const { records = 5000, batchBytes = 5_000_000, beforeSeconds = 5 } = options;
  spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const kbDir = await mkdtemp(path.join(tmpdir(), 'bench-scale-kb-'));
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'bench-index-cache-'));
  const storeDir = await mkdtemp(path.join(tmpdir(), 'bench-store-'));
  try {
    await writeScaleKb(kbDir, records);
    const questions = (await loadKnowledgeBase(kbDir)).records.map((r) => r.question.th);
    const batch = await scaleBatch(batchBytes);
    const server = await startServerProcess({
      args: [...SERVER_NODE_FLAGS, 'dist/main.mjs'],
      cwd: ROOT,
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      timeoutMs: 120_000,
      keepOutput: false,
      env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      KB_DIR: kbDir,
      INDEX_CACHE: cacheDir,
      STORE_FILE: path.join(storeDir, 'store.sqlite'),
      KB_WATCH: 'off',
      ADMIN_TOKEN: TOKEN,
      RATE_LIMIT_MAX: '0',
      ANSWER_CACHE: '0',
      // Info: the 'listening on' line tells the port.
      LOG_LEVEL: 'info',
      },
    });
    const url = server.ready;
    try {
      const client = startAskingClient(url, questions, 'before');
      await new Promise((r) => setTimeout(r, beforeSeconds * 1000));
      const load1m = os.loadavg()[0]!;
      client.enter('during');
      const started = performance.now();
      const res = await fetch(`${url}/api/admin/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ filename: 'fy2566-bench-batch.txt', content: batch.text }),
      });
      const body = await res.text();
      const importMs = performance.now() - started;
      const { waits, failures } = await client.stop();
      if (res.status !== 201) throw new Error(`bench: the import answered ${res.status}: ${body.slice(0, 500)}`);
      const before = summarize(waits.get('before') ?? []);
      const during = summarize(waits.get('during') ?? []);
      return {
        records,
        batchRows: batch.rows,
        batchMb: round(Buffer.byteLength(batch.text) / 1e6, 2),
        importMs: Math.round(importMs),
        load1m: round(load1m, 2),
        before,
        during,
        extraP99Ms: round(during.p99 - before.p99, 1),
        extraMaxMs: round(during.max - before.max, 1),
        failures: failures.length,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await Promise.all([kbDir, cacheDir, storeDir].map((d) => rm(d, { recursive: true, force: true })));
  }
}
