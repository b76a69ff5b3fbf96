import type { InProcessResult } from './in-process.js';
import type { MachineInfo } from './machine.js';
import type { SegmenterResult } from './segmenters.js';
import { round } from './stats.js';
import { p50Of, p99Of, type BenchSections, type TargetCheck } from './targets.js';

export interface BenchReport extends BenchSections {
  mode: 'full' | 'quick';
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  /** `uptime` when the run started: the machine is shared, so every figure carries the load. */
  uptime: string;
  segmenters?: SegmenterResult[];
  targets: TargetCheck[];
  /** bench-results/scale-100k.json: a separate run of the 100,000-record size, when present. */
  patient100k?: { measuredAt: string; note: string; machine?: Partial<MachineInfo>; result: InProcessResult };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const ms = (n: number) => String(round(n, 3));
const range = (values: number[], digits = 3) => `${round(Math.min(...values), digits)}-${round(Math.max(...values), digits)}`;
const secs = (n: number) => (n >= 1000 ? `${round(n / 1000, 1)} s` : `${Math.round(n)} ms`);

export function markdown(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`### Benchmark (${r.mode} run, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.durationS} s)`, '');
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. \`uptime\` at start: ${r.uptime.trim()}. The machine is shared; each figure below carries the 1-minute load when it was taken, and ratios measured in one run are the figures to compare.`, '');

  out.push('| Target | Measured | Met |', '|---|---|---|');
  for (const t of r.targets) out.push(row([t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : '**no**']));
  out.push('');

  const sizes = [...r.inProcess, ...(r.patient100k && !r.inProcess.some((s) => s.size === '100000') ? [r.patient100k.result] : [])];
  if (sizes.length > 0) {
    out.push('In-process `answerer.ask`, distinct questions made from each size\'s own records (3 rounds; p50/p99 are medians of the rounds, range = min-max over rounds):', '');
    out.push('| Records | Engine | Load (1 min) | Build, cold | Build, warm analysis cache | Build, unchanged records (snapshots) | Heap after GC | Index heap | Asks | p50 ms | p99 ms | p99 range | Text analysis p50 µs |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of sizes) {
      out.push(
        row([
          s.size === 'real' ? `${s.records} (real)` : s.records.toLocaleString('en-US'),
          s.engine,
          s.load1m,
          s.buildThreads > 1 ? `${secs(s.buildMs)} (${s.buildThreads} threads)` : secs(s.buildMs),
          s.warmBuildMs === undefined ? '-' : secs(s.warmBuildMs),
          s.restartBuildMs === undefined ? '-' : secs(s.restartBuildMs),
          `${s.heapUsedMb} MB`,
          `${s.indexHeapMb} MB`,
          s.asks,
          ms(p50Of(s)),
          ms(p99Of(s)),
          range(s.rounds.map((x) => x.p99)),
          round(s.textPrepUs.p50, 1),
        ]),
      );
    }
    for (const s of r.incomplete ?? []) out.push(row([Number(s.size).toLocaleString('en-US'), '-', '-', s.built ? secs(s.built.buildMs) : `> ${s.elapsedS} s, killed`, '-', '-', s.built ? `${s.built.heapUsedMb} MB` : `${s.peakRssMb ?? '?'} MB RSS`, '-', 0, '-', '-', '-', '-']));
    out.push('');
    for (const s of sizes) {
      const name = s.size === 'real' ? 'real KB' : `${s.records.toLocaleString('en-US')} records`;
      out.push(
        `- ${name}: ${s.tail.gcPauses} GC pauses (${s.tail.gcMs} ms) during ${s.asks} asks, ${Math.round(s.tail.slowAsksInGc * 100)}% of asks above p99 overlapped one; ` +
          `${s.tail.involuntaryContextSwitches} involuntary context switches; slowest question re-timed median ${s.slowestQuestions[0]?.medianMs ?? '?'} ms.`,
      );
      if (s.engineBuildMsPerRecord) {
        const e = s.engineBuildMsPerRecord;
        out.push(`- Same build with the Intl.Segmenter engine, first ${e.sample} records: ${e.intl} ms per record against ${e.wordcut} ms with wordcut.`);
      }
    }
    out.push('');
  }

  if (r.http) {
    const h = r.http;
    out.push(`HTTP on 127.0.0.1 (autocannon, ${h.connections} connections, ${h.seconds} s per route per round, routes rotated each round; ask and health from the product app in its own process, rate limit and question log off; hello from a bare fastify app in another process; ${h.distinctQuestions} distinct questions sent, none twice):`, '');
    out.push('| Round | Load (1 min) | hello req/s | /api/health req/s | /api/ask req/s | ask p50 / p99 ms | ask ÷ health | ask ÷ hello | bytes per ask response |', '|---|---|---|---|---|---|---|---|---|');
    h.rounds.forEach((x, i) =>
      out.push(row([i + 1, x.load1m, x.hello.requestsPerSec, x.health.requestsPerSec, x.ask.requestsPerSec, `${x.ask.latencyP50Ms} / ${x.ask.latencyP99Ms}`, x.askToHealth, x.askToHello, x.ask.bytesPerResponse])),
    );
    out.push('', `Ratios, median (range) of the rounds: ask ÷ health ${h.askToHealth.median} (${h.askToHealth.min}-${h.askToHealth.max}); ask ÷ bare hello ${h.askToHello.median} (${h.askToHello.min}-${h.askToHello.max}). Errors: ${h.rounds.reduce((n, x) => n + x.ask.errors + x.ask.timeouts + x.ask.non2xx, 0)} non-2xx/errors on ask.`);
    if (h.cached) out.push('', `Cached figure (answer cache on, the same 60 questions repeated, so nearly all hits; not a measure of answering): ask ${h.cached.ask.requestsPerSec} req/s against health ${h.cached.health.requestsPerSec} (${h.cached.askToHealth} ×).`);
    out.push('');
  }

  if (r.coldStart) {
    const c = r.coldStart;
    const p = c.phasesMs;
    out.push(
      `Cold start, spawn to first 200 from /api/health, knowledge unchanged since the previous start: \`${c.command}\` median ${c.medianMs} ms (runs ${c.runs.join(', ')}); ` +
        (c.npmStart ? `\`npm start\` as shipped median ${c.npmStart.medianMs} ms (runs ${c.npmStart.runs.join(', ')}). ` : '') +
        `Bundle phases (medians, server log): first log line ${p.toFirstLog ?? '?'} ms, knowledge load and index ${p.knowledgeLoad ?? '?'} ms, listening ${p.toListening ?? '?'} ms.`,
      '',
    );
  }

  if (r.importUnderLoad) {
    const u = r.importUnderLoad;
    const waits = (s: typeof u.before) => `${s.count} asks, p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms`;
    out.push(
      `Import under load (the bundle, workers on; load ${u.load1m}): a ${u.batchMb} MB batch of ${u.batchRows} rows imported into ${u.records} records in ${secs(u.importMs)} (parse, merge, index build, swap) while one client asked distinct questions, answer cache off. ` +
        `Before: ${waits(u.before)}. During: ${waits(u.during)}. Extra wait: p99 ${u.extraP99Ms} ms, longest ${u.extraMaxMs} ms; ${u.failures} failed requests.`,
      '',
    );
  }

  if (r.segmenters) {
    out.push('Segmenters (Thai bench questions, µs per query):', '', '| Segmenter | µs/query | tokens/query |', '|---|---|---|');
    for (const s of r.segmenters) out.push(row([s.name, s.usPerQuery, s.tokensPerQuery]));
    out.push('');
  }
  return out.join('\n');
}
