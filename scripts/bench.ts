import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ChildTimeoutError, ROOT, runChild, SERVER_NODE_FLAGS } from './bench/child.js';
import { measureColdStart } from './bench/cold-start.js';
import { measureHttp } from './bench/http-load.js';
import type { InProcessResult } from './bench/in-process.js';
import { machineInfo } from './bench/machine.js';
import { explainMisses } from './bench/notes.js';
import { markdown, type BenchReport } from './bench/report.js';
import { measureSegmenters } from './bench/segmenters.js';
import { checkTargets, type IncompleteSize } from './bench/targets.js';
import { loadKnowledgeBase } from '../server/kb/load.js';

/**
 * `npm run bench [-- --quick]`: answering latency in-process on the real and synthetic
 * knowledge bases, HTTP throughput against a trivial route, cold start, and segmenters.
 * A full run writes bench-results/latest.{json,md} (committed); --quick writes
 * bench-results/quick.{json,md} so a smoke run never replaces the committed numbers.
 * `--only inprocess,http,cold,segment` runs some phases and only prints.
 * `--scale-100k` runs only the 100,000-record size, bounded at 30 minutes, and writes
 * bench-results/scale-100k.json, which full runs then show beside their own bounded attempt.
 * Every phase has a time bound; the whole full run stays under about five minutes.
 */

interface SizePlan {
  size: string;
  asks: number;
  seconds: number;
  warmup: number;
  timeoutMs: number;
  compareEngines?: boolean;
}

const SCALE_NOTE =
  'The 100,000-record size alone, without the five-minute bench\'s bound (npm run bench -- --scale-100k). ' +
  'Build time depends on what else the machine is doing (see machine.loadAverage1m); heap does not.';

async function measureScale100k(): Promise<void> {
  const machine = machineInfo();
  const measuredAt = new Date().toISOString();
  process.stderr.write('bench: 100,000 records, bound 30 min…\n');
  const result = await runChild<InProcessResult>('scripts/bench/in-process.ts', {
    nodeFlags: ['--expose-gc', ...SERVER_NODE_FLAGS],
    args: ['--size', '100000', '--asks', '500', '--seconds', '30', '--warmup', '10'],
    timeoutMs: 30 * 60 * 1000,
  });
  const file = path.join(ROOT, 'bench-results', 'scale-100k.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify({ note: SCALE_NOTE, measuredAt, machine, result }, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  process.stderr.write(`bench: build ${Math.round(result.buildMs / 1000)} s, heap ${result.heapUsedMb} MB, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms; wrote bench-results/scale-100k.json\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'max-build-seconds': { type: 'string', default: '120' },
      'scale-100k': { type: 'boolean', default: false },
    },
  });
  if (values['scale-100k']) return measureScale100k();
  const quick = values.quick!;
  const maxBuildSeconds = Number(values['max-build-seconds']);
  if (!(maxBuildSeconds > 0)) throw new Error(`bench: --max-build-seconds takes a positive number, not ${values['max-build-seconds']}`);
  const phases = new Set((values.only ?? 'inprocess,http,cold,segment').split(','));
  for (const p of phases) if (!['inprocess', 'http', 'cold', 'segment'].includes(p)) throw new Error(`bench: unknown phase ${p} in --only (inprocess, http, cold, segment)`);


  const sizes: SizePlan[] = quick
    ? [
        { size: 'real', asks: 1000, seconds: 5, warmup: 200, timeoutMs: 60_000 },
        { size: '2000', asks: 300, seconds: 5, warmup: 50, timeoutMs: 120_000 },
      ]
    : [
        { size: 'real', asks: 5000, seconds: 20, warmup: 500, timeoutMs: 120_000 },
        { size: '10000', asks: 3000, seconds: 15, warmup: 100, timeoutMs: 240_000, compareEngines: true },
        // The bound covers generation, build, warm-up and asks; --max-build-seconds raises it for a patient run.
        { size: '100000', asks: 2000, seconds: 20, warmup: 20, timeoutMs: (maxBuildSeconds + 30) * 1000 },
      ];

  const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
  const startedAt = new Date();
  const machine = machineInfo();
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
          args: ['--size', plan.size, '--asks', String(plan.asks), '--seconds', String(plan.seconds), '--warmup', String(plan.warmup), ...(plan.compareEngines ? ['--compare-engines'] : [])],
          timeoutMs: plan.timeoutMs,
        });
      } catch (err) {
        if (!(err instanceof ChildTimeoutError)) throw err;
        const largest = inProcess.at(-1);
        const records = Number(plan.size);
        incomplete.push({
          size: plan.size,
          reason: err.message,
          elapsedS: Math.round(err.elapsedMs / 1000),
          peakRssMb: err.peakRssMb,
          projectedBuildS: largest && Number.isFinite(records) ? Math.round(((largest.buildMs / largest.records) * records) / 1000) : undefined,
          projectedHeapMb: largest && Number.isFinite(records) ? Math.round(largest.heapUsedMb + (largest.indexHeapMb / largest.records) * (records - largest.records)) : undefined,
          built: err.partial as IncompleteSize['built'],
        });
        log(`  killed after ${Math.round(err.elapsedMs / 1000)} s (peak RSS ${err.peakRssMb ?? '?'} MB)`);
        continue;
      }
      log(`  ${result.records} records: build ${result.buildMs} ms, heap ${result.heapUsedMb} MB, p50 ${result.latencyMs.p50.toFixed(3)} ms, p99 ${result.latencyMs.p99.toFixed(3)} ms over ${result.asks} asks`);
      inProcess.push(result);
    }
  }

  let http;
  let httpCached;
  if (phases.has('http')) {
    const timing = quick ? { seconds: 3, warmupSeconds: 1 } : { seconds: 10, warmupSeconds: 2 };
    log('HTTP load, answer cache off…');
    http = await measureHttp({ ...timing, answerCache: '0' });
    log(`  ping ${http.ping.requestsPerSec} req/s, ask ${http.ask.requestsPerSec} req/s, ratio ${http.ratio}`);
    log('HTTP load, answer cache at its default…');
    httpCached = await measureHttp({ ...timing, answerCache: '' });
    log(`  ping ${httpCached.ping.requestsPerSec} req/s, ask ${httpCached.ask.requestsPerSec} req/s, ratio ${httpCached.ratio}`);
  }

  let coldStart;
  if (phases.has('cold')) {
    log('cold start…');
    coldStart = await measureColdStart(quick ? 2 : 5);
    log(`  median ${coldStart.medianMs} ms`);
  }

  let segmenters;
  if (phases.has('segment')) {
    log('segmenters…');
    segmenters = measureSegmenters((await loadKnowledgeBase()).glossary, quick ? 50 : 300);
  }

  const sections = { inProcess, incomplete, http, httpCached, coldStart };
  // Kept beside the bounded run: the only full measurement of 100,000 records, taken separately
  // because it needs about ten minutes (see bench-results/README.md).
  const patient100k = await readFile(path.join(ROOT, 'bench-results', 'scale-100k.json'), 'utf8')
    .then((text) => JSON.parse(text) as BenchReport['patient100k'])
    .catch(() => undefined);

  const targets = checkTargets(sections, patient100k?.result);
  const report: BenchReport = {
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    durationS: Math.round((performance.now() - t0) / 1000),
    machine,
    ...sections,
    segmenters,
    targets,
    notes: explainMisses(sections, targets, patient100k?.result),
    patient100k,
  };

  const md = markdown(report);
  process.stdout.write(`${md}\n`);

  // A partial run (--only) is for working on one phase; its numbers never replace a whole run's.
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

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${message.startsWith('bench:') ? message : `bench: ${message}`}\n`);
  process.exit(1);
});
