import { execSync } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ChildTimeoutError, ROOT, runChild, SERVER_NODE_FLAGS } from './bench/child.js';
import { measureColdStart } from './bench/cold-start.js';
import { measureHttp } from './bench/http-load.js';
import { measureImportUnderLoad } from './bench/import-under-load.js';
import { round } from './bench/stats.js';
import type { InProcessResult } from './bench/in-process.js';
import { machineInfo } from './bench/machine.js';
import { markdown, type BenchReport } from './bench/report.js';
import { measureSegmenters } from './bench/segmenters.js';
import { checkTargets, p50Of, p99Of, type IncompleteSize } from './bench/targets.js';
import os from 'node:os';
import { loadKnowledgeBase } from '../server/kb/load.js';

/**
 * `npm run bench [-- --quick] [-- --scale-100k]`: in-process answering at the real knowledge
 * base and synthetic ones of 1,000 and 10,000 records (distinct questions, 3 rounds, cold and
 * warm-cache builds, heap after GC), HTTP throughput of uncached asks against /api/health and a
 * bare fastify hello in the same run, cold start of the bundle and of `npm start`, segmenters.
 * A full run writes bench-results/latest.{json,md} (committed); --quick writes quick.{json,md}.
 * `--only inprocess,http,cold,segment` runs some phases and only prints; `--sizes real,1000`
 * keeps only those in-process sizes.
 * `--scale-100k` adds the 100,000-record size (bounded by --max-build-seconds, default 300 s for
 * the child's whole run) and also writes bench-results/scale-100k.json, which later runs show
 * when they skip that size.
 */

interface SizePlan {
  size: string;
  asks: number;
  seconds: number;
  warmup: number;
  timeoutMs: number;
  compareEngines?: boolean;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'max-build-seconds': { type: 'string', default: '300' },
      'scale-100k': { type: 'boolean', default: false },
      sizes: { type: 'string' },
    },
  });
  const quick = values.quick!;
  const maxBuildSeconds = Number(values['max-build-seconds']);
  if (!(maxBuildSeconds > 0)) throw new Error(`bench: --max-build-seconds takes a positive number, not ${values['max-build-seconds']}`);
  const phases = new Set((values.only ?? 'inprocess,http,cold,import,segment').split(','));
  for (const p of phases) if (!['inprocess', 'http', 'cold', 'import', 'segment'].includes(p)) throw new Error(`bench: unknown phase ${p} in --only (inprocess, http, cold, import, segment)`);

  const sizes: SizePlan[] = quick
    ? [
        { size: 'real', asks: 500, seconds: 5, warmup: 200, timeoutMs: 120_000 },
        { size: '1000', asks: 200, seconds: 5, warmup: 50, timeoutMs: 180_000 },
      ]
    : [
        { size: 'real', asks: 2000, seconds: 10, warmup: 500, timeoutMs: 240_000 },
        { size: '1000', asks: 1000, seconds: 10, warmup: 200, timeoutMs: 240_000 },
        { size: '10000', asks: 1000, seconds: 10, warmup: 100, timeoutMs: 480_000 },
        ...(values['scale-100k'] ? [{ size: '100000', asks: 500, seconds: 15, warmup: 20, timeoutMs: maxBuildSeconds * 1000 }] : []),
      ];

  // --sizes 100000 (with --only inprocess) measures one size alone.
  const wanted = values.sizes?.split(',');
  if (wanted) for (let i = sizes.length - 1; i >= 0; i--) if (!wanted.includes(sizes[i]!.size)) sizes.splice(i, 1);

  const log = (msg: string) => process.stderr.write(`bench: ${msg} (load ${os.loadavg()[0]!.toFixed(2)})\n`);
  const startedAt = new Date();
  const machine = machineInfo();
  const uptime = execSync('uptime', { encoding: 'utf8' });
  const t0 = performance.now();

  const inProcess: InProcessResult[] = [];
  const incomplete: IncompleteSize[] = [];
  if (phases.has('inprocess')) {
    for (const plan of sizes) {
      log(`in-process, ${plan.size} records (bound ${plan.timeoutMs / 1000} s)…`);
      let result: InProcessResult;
      try {
        result = await runChild<InProcessResult>('scripts/bench/in-process.ts', {
          nodeFlags: ['--expose-gc', ...SERVER_NODE_FLAGS],
          args: ['--size', plan.size, '--asks', String(plan.asks), '--rounds', '3', '--seconds', String(plan.seconds), '--warmup', String(plan.warmup), '--warm-build', ...(plan.compareEngines ? ['--compare-engines'] : [])],
          timeoutMs: plan.timeoutMs,
        });
      } catch (err) {
        if (!(err instanceof ChildTimeoutError)) throw err;
        incomplete.push({ size: plan.size, reason: err.message, elapsedS: Math.round(err.elapsedMs / 1000), peakRssMb: err.peakRssMb, built: err.partial as IncompleteSize['built'] });
        log(`  killed after ${Math.round(err.elapsedMs / 1000)} s (peak RSS ${err.peakRssMb ?? '?'} MB)`);
        continue;
      }
      log(`  ${result.records} records, ${result.engine}: build ${result.buildMs} ms (warm ${result.warmBuildMs ?? '-'} ms, unchanged ${result.restartBuildMs ?? '-'} ms), heap ${result.heapUsedMb} MB, p50 ${p50Of(result).toFixed(3)} ms, p99 ${p99Of(result).toFixed(3)} ms`);
      inProcess.push(result);
      if (result.size === '100000') {
        const file = path.join(ROOT, 'bench-results', 'scale-100k.json');
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(`${file}.tmp`, `${JSON.stringify({ note: SCALE_NOTE, measuredAt: new Date().toISOString(), machine: machineInfo(), result }, null, 2)}\n`);
        await rename(`${file}.tmp`, file);
      }
    }
  }

  let http;
  if (phases.has('http')) {
    log('HTTP: hello, health, uncached ask with distinct questions, 3 rounds; then the cached figure…');
    http = await measureHttp(quick ? { seconds: 3, rounds: 3, warmupSeconds: 1 } : { seconds: 5, rounds: 3, warmupSeconds: 2 });
    log(`  ask ÷ health ${http.askToHealth.median} (${http.askToHealth.min}-${http.askToHealth.max}), ask ÷ hello ${http.askToHello.median}`);
  }

  let coldStart;
  if (phases.has('cold')) {
    log('cold start…');
    coldStart = await measureColdStart(quick ? 2 : 5, 60_000, quick ? 1 : 3);
    log(`  bundle median ${coldStart.medianMs} ms, npm start median ${coldStart.npmStart?.medianMs ?? '-'} ms`);
  }

  let importUnderLoad;
  if (phases.has('import') && !quick) {
    log('import under load: a 5 MB batch into 5,000 records while a client asks…');
    importUnderLoad = await measureImportUnderLoad();
    log(`  waits p99 ${round(importUnderLoad.before.p99, 1)} → ${round(importUnderLoad.during.p99, 1)} ms, max ${round(importUnderLoad.before.max, 1)} → ${round(importUnderLoad.during.max, 1)} ms, ${importUnderLoad.failures} failed`);
  }

  let segmenters;
  if (phases.has('segment')) {
    log('segmenters…');
    segmenters = measureSegmenters((await loadKnowledgeBase()).glossary, quick ? 50 : 300);
  }

  const sections = { inProcess, incomplete, http, coldStart, importUnderLoad };
  const patient100k = await readFile(path.join(ROOT, 'bench-results', 'scale-100k.json'), 'utf8')
    .then((text) => JSON.parse(text) as BenchReport['patient100k'])
    .catch(() => undefined);
  const usable100k = patient100k?.result?.rounds ? patient100k : undefined;

  const report: BenchReport = {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationS: Math.round((performance.now() - t0) / 1000),
    machine,
    uptime,
    ...sections,
    segmenters,
    targets: checkTargets(sections, usable100k?.result),
    patient100k: usable100k,
  };

  const md = markdown(report);
  process.stdout.write(`${md}\n`);
  if (values.only !== undefined) return;

  const dir = path.join(ROOT, 'bench-results');
  const base = quick ? 'quick' : 'latest';
  await mkdir(dir, { recursive: true });
  // Temp file then rename: a killed run never leaves a half-written result behind.
  for (const [ext, text] of [['json', `${JSON.stringify(report, null, 2)}\n`], ['md', md]] as const) {
    const file = path.join(dir, `${base}.${ext}`);
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
  log(`wrote bench-results/${base}.json and bench-results/${base}.md`);
}

const SCALE_NOTE = 'The 100,000-record size (npm run bench -- --scale-100k). Build time depends on what else the machine is doing (see machine.loadAverage1m and result.load1m); heap does not.';

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message.startsWith('bench:') ? message : `bench: ${message}`}\n`);
  process.exit(1);
});
