import type { InProcessResult } from './in-process.js';
import type { MachineInfo } from './machine.js';
import type { SegmenterResult } from './segmenters.js';
import { round } from './stats.js';
import type { BenchSections, TargetCheck } from './targets.js';

export interface BenchReport extends BenchSections {
  mode: 'full' | 'quick';
  startedAt: string;
  durationS: number;
  machine: MachineInfo;
  segmenters?: SegmenterResult[];
  targets: TargetCheck[];
  /** Measured explanation and plan for every missed target. */
  notes: string[];
  /** bench-results/scale-100k.json: a separate, unbounded run of the 100,000-record size, when present. */
  patient100k?: { measuredAt: string; note: string; machine?: Partial<MachineInfo>; result: InProcessResult };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const ms = (n: number) => String(round(n, 3));

export function markdown(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`### Benchmark (${r.mode} run, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.durationS} s)`, '');
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}. Load average (1 min) at start: ${m.loadAverage1m}${m.loadAverage1m > m.cores / 2 ? ' (busy: other work shared the cores, so latencies are pessimistic)' : ''}.`, '');

  out.push('| Target | Measured | Met |', '|---|---|---|');
  for (const t of r.targets) out.push(row([t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'yes' : '**no**']));
  out.push('');

  if (r.inProcess.length > 0 || (r.incomplete ?? []).length > 0) inProcessSection(r, out);

  if (r.http) {
    const h = r.http;
    out.push(`HTTP on 127.0.0.1 (autocannon, ${h.connections} connections, ${h.seconds} s per route taken in turns A-B-B-A, server in its own process, rate limit and question log off):`, '');
    out.push('| Route | req/s | p50 ms | p99 ms | requests | non-2xx | errors | bytes/response (with headers) |', '|---|---|---|---|---|---|---|---|');
    const c = r.httpCached;
    const rows = [
      { l: h.ping, label: `${h.ping.route} (cache-off run)` },
      { l: h.ask, label: `${h.ask.route}, answer cache off` },
      ...(c ? [{ l: c.ping, label: `${c.ping.route} (cache-on run)` }, { l: c.ask, label: `${c.ask.route}, answer cache on (default; 60 questions cycled, so nearly all hits)` }] : []),
    ];
    for (const { l, label } of rows) out.push(row([label, l.requestsPerSec, l.latencyP50Ms, l.latencyP99Ms, l.requests, l.non2xx, l.errors + l.timeouts, l.bytesPerResponse]));
    out.push('', `Ratio /api/ask ÷ /bench/ping: ${round(h.ratio * 100, 1)}% with the answer cache off${c ? `, ${round(c.ratio * 100, 1)}% with it on` : ''}.`, '');
  }

  if (r.coldStart) {
    const c = r.coldStart;
    const p = c.phasesMs;
    out.push(
      `Cold start (\`${c.command}\` to first 200 from /api/health): median ${c.medianMs} ms; runs ${c.runs.join(', ')} ms. ` +
        `Medians from the server's log: first log line at ${p.toFirstLog ?? '?'} ms (Node and imports; for comparison an empty module under tsx, as in npm run dev, takes ${c.tsxBaselineMs} ms), ` +
        `knowledge load and index build ${p.knowledgeLoad ?? '?'} ms, listening at ${p.toListening ?? '?'} ms.`,
      '',
    );
  }

  if (r.segmenters) {
    out.push('Segmenters (Thai bench questions, µs per query):', '', '| Segmenter | µs/query | tokens/query |', '|---|---|---|');
    for (const s of r.segmenters) out.push(row([s.name, s.usPerQuery, s.tokensPerQuery]));
    out.push('');
  }

  if (r.notes.length > 0) {
    out.push('Notes:', '');
    for (const n of r.notes) out.push(`- ${n}`);
    out.push('');
  }
  return out.join('\n');
}

function inProcessSection(r: BenchReport, out: string[]): void {
  out.push('In-process answering (`answerer.ask`, mixed Thai/English/off-topic questions, after warm-up):', '');
  out.push('| Records | Build | Heap used | Index heap | Asks | p50 ms | p99 ms | max ms | Thai p99 | English p99 | Off-topic p99 | Text analysis p50 µs |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const s of r.inProcess) {
    out.push(
      row([
        s.size === 'real' ? `${s.records} (real)` : s.records.toLocaleString('en-US'),
        s.buildMs >= 1000 ? `${round(s.buildMs / 1000, 1)} s` : `${Math.round(s.buildMs)} ms`,
        `${s.heapUsedMb} MB`,
        `${s.indexHeapMb} MB`,
        s.asks,
        ms(s.latencyMs.p50),
        ms(s.latencyMs.p99),
        ms(s.latencyMs.max),
        s.byKind.thai ? ms(s.byKind.thai.p99) : '-',
        s.byKind.english ? ms(s.byKind.english.p99) : '-',
        s.byKind['off-topic'] ? ms(s.byKind['off-topic'].p99) : '-',
        round(s.textPrepUs.p50, 1),
      ]),
    );
  }
  for (const s of r.incomplete ?? []) {
    const rss = s.peakRssMb === undefined ? '?' : `${s.peakRssMb} MB RSS (peak)`;
    const build = s.built ? `${round(s.built.buildMs / 1000, 1)} s (asks killed at ${s.elapsedS} s)` : `> ${s.elapsedS} s, killed`;
    const heap = s.built ? `${s.built.heapUsedMb} MB` : rss;
    out.push(row([Number(s.size).toLocaleString('en-US'), build, heap, s.built ? `${s.built.indexHeapMb} MB` : '-', 0, '-', '-', '-', '-', '-', '-', '-']));
  }
  out.push('');
  if (r.patient100k) {
    const p = r.patient100k.result;
    out.push(
      `- Separate unbounded run of 100,000 records (bench-results/scale-100k.json, ${r.patient100k.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load average ${r.patient100k.machine?.loadAverage1m ?? '?'}): build ${round(p.buildMs / 1000, 0)} s, ` +
        `heap ${p.heapUsedMb} MB (index ${p.indexHeapMb} MB), p50 ${round(p.latencyMs.p50, 0)} ms, p99 ${round(p.latencyMs.p99, 0)} ms over ${p.asks} asks, ` +
        `${p.tail.gcMs} ms of GC during the asks.`,
    );
  }
  for (const s of r.inProcess) {
    const name = s.size === 'real' ? 'real KB' : `${s.records.toLocaleString('en-US')} records`;
    out.push(
      `- ${name}: build ${round(s.buildMs / s.records, 2)} ms per record, of which text analysis (normalize, segment, expand) ≈ ${round(s.analyzeMsPerRecord, 2)} ms (${Math.round(s.analysisShareOfBuild * 100)}%); ` +
        `${round(s.analyzerInitMs, 0)} ms fixed (dictionary and glossary). Tail: ${s.tail.gcPauses} GC pauses (${s.tail.gcMs} ms) during ${s.asks} asks, ${Math.round(s.tail.slowAsksInGc * 100)}% of asks above p99 overlapped one; ` +
        `${s.tail.involuntaryContextSwitches} involuntary context switches; slowest question median ${s.slowestQuestions[0]?.medianMs ?? '?'} ms.`,
    );
    if (s.engineBuildMsPerRecord) {
      const e = s.engineBuildMsPerRecord;
      out.push(`- Same build with the Intl.Segmenter engine, first ${e.sample} records: ${e.intl} ms per record against ${e.wordcut} ms with wordcut (×${round(e.wordcut / e.intl, 1)}).`);
    }
  }
  out.push('');
}
