import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess as startProcess, type ServerProcess } from '../../scripts/bench/server-process.js';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';

const root = path.join(import.meta.dirname, '..', '..');

/**
 * What `npm start` runs is the esbuild bundle, with most dependencies bundled in; every other
 * test runs the TypeScript source. This one builds the bundle and talks to it, so a dependency
 * that cannot live in a bundle (one reading files beside its own code, say) fails here.
 */
describe('the server bundle (scripts/build-server.mjs)', () => {
  let outdir: string;
  let kb: TempKb;
  let server: ServerProcess;
  const token = 'bundle-test-metrics-token-0123456789abcdef';

  beforeAll(async () => {
    // Inside the checkout: the bundle finds package.json and node_modules by walking up.
    outdir = mkdtempSync(path.join(root, 'var', 'bundle-test-'));
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', '--outdir', outdir], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    kb = await createFixtureKb();
    server = await startProcess({
      args: [path.join(outdir, 'main.mjs')],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', KB_DIR: kb.dir, QUESTION_LOG: 'off', KB_WATCH: 'off', METRICS_TOKEN: token, INDEX_CACHE: 'off' },
      ready: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      timeoutMs: 60_000,
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await kb?.cleanup();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('answers a question through its index worker, with the source', async () => {
    const res = await fetch(`${server.ready}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'e-service ใช้บริการเดิมได้ไหม' }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answered: boolean; answers: Array<{ id: string; source: unknown }> };
    expect(body.answered).toBe(true);
    expect(body.answers[0]!.source).toBeDefined();
  });

  it('rejects a bad request with a readable 400, through the one error handler', async () => {
    const res = await fetch(`${server.ready}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question": 5}' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/question/);
  });

  it('serves the API description, its page, health and metrics', async () => {
    const spec = (await (await fetch(`${server.ready}/api/docs/json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/ask');
    const page = await fetch(`${server.ready}/api/docs/static/index.html`);
    expect(page.status).toBe(200);
    expect((await fetch(`${server.ready}/api/health/ready`)).status).toBe(200);
    const metrics = await fetch(`${server.ready}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/process_cpu_user_seconds_total/);
  });

  it('loads only the dependencies it leaves external from node_modules', async () => {
    const { EXTERNAL } = (await import(pathToFileURL(path.join(root, 'scripts', 'build-server.mjs')).href)) as { EXTERNAL: string[] };
    const files = [...readdirSync(outdir).map((f) => path.join(outdir, f)), ...readdirSync(path.join(outdir, 'chunks')).map((f) => path.join(outdir, 'chunks', f))].filter((f) => f.endsWith('.mjs'));
    const imported = new Set<string>();
    for (const file of files) {
      // Static imports start a line; dynamic ones are import("…") calls.
      for (const m of readFileSync(file, 'utf8').matchAll(/^import\b[^;]*?["']([^"'.][^"']*)["'];|\bimport\(\s*["']([^"'.][^"']*)["']\s*\)/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('node:')) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...imported].filter((p) => !EXTERNAL.includes(p))).toEqual([]);
    expect(imported.has('fastify')).toBe(false);
    expect(imported.has('better-sqlite3')).toBe(true);
  });
});
