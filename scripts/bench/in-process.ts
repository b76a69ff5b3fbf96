import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { decodeAnalyses, encodeAnalyses } from '../../server/index-cache/analysis-binary.js';
import { decodeEngineSnapshot, encodeEngineSnapshot } from '../../server/index-cache/engine-snapshot.js';
import { decodeRecordsSnapshot, encodeRecordsSnapshot } from '../../server/index-cache/records-snapshot.js';
import { createAnswerer, type ExplainingAnswerer } from '../../server/search/answerer.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { createAnswererAnalysingAhead } from '../../server/index-cache/parallel-analysis.js';
import { buildSyntheticKb } from '../synthetic-kb.js';
import { emitPartial, emitResult } from './child.js';
import { chooseEngine, createCompactRetriever, type EngineChoice } from '../../server/search/engine/retrievers.js';
import { createMiniSearchRetriever } from '../../server/search/retrieve.js';
import type { BenchQuery } from './queries.js';
import { questionStream } from './question-stream.js';
import { MB, median, round, summarize, type LatencySummary } from './stats.js';

/**
 * One knowledge-base size, measured in a process of its own (run by bench.ts with --expose-gc)
 * so one size's heap cannot leak into the next one's numbers.
 *
 * Usage: node --expose-gc --import tsx scripts/bench/in-process.ts --size real|<records>
 *        [--asks N per round] [--rounds R] [--seconds S per round] [--warmup N]
 *        [--engine auto|minisearch|compact] [--warm-build] [--compare-engines]
 *
 * Every ask is a distinct question (question-stream.ts) made from this knowledge base's records.
 * The build runs with an empty analysis cache (a cold build, analysing on every core as the index
 * worker does once there are enough texts); --warm-build builds a second time
 * from the first build's analyses, as a restart or a reload after an edit does.
 */

export interface InProcessResult {
  size: string;
  records: number;
  /** The retrieval engine that served (engine/select.ts). */
  engine: string;
  /** 1-minute load average of the machine when this size started (other helpers share it). */
  load1m: number;
  /** Build with every record's analysis in the cache (--warm-build). */
  warmBuildMs?: number;
  /** Build over unchanged records, as a restart: analyses and both snapshots (records, engine) read from their bytes (--warm-build). */
  restartBuildMs?: number;
  /** Each round's latencies: the spread between rounds says how far to trust one figure. */
  rounds: LatencySummary[];
  /** Time to recombine the synthetic records; not part of the product's work. */
  generateMs: number;
  buildMs: number;
  /** Threads the cold build analysed on (parallel-analysis.ts; 1 below its threshold). */
  buildThreads: number;
  /** heapUsed after build and gc: knowledge plus index plus the runtime. */
  heapUsedMb: number;
  /** heapUsed growth from building the index (after gc, knowledge already loaded). */
  indexHeapMb: number;
  rssMb: number;
  asks: number;
  latencyMs: LatencySummary;
  byKind: Record<BenchQuery['kind'], LatencySummary & { answeredRate: number }>;
  /** The product's text pipeline (normalize, segment, expand) on the same questions: how much of an ask is text work. */
  textPrepUs: LatencySummary;
  /** Text analysis of a record's fields (all six), ms per record, on a sample. */
  analyzeMsPerRecord: number;
  /** Share of build time that text analysis accounts for (analyzeMsPerRecord × records ÷ buildMs). */
  analysisShareOfBuild: number;
  /** createAnalyzer alone (segmenter dictionary, glossary expander): the fixed part of every build. */
  analyzerInitMs: number;
  /**
   * Where the slow asks come from: GC pauses and preemption. `slowAsksInGc` is the share of asks
   * above p99 that overlapped a GC pause; involuntary context switches mean another process
   * took the core.
   */
  tail: { gcPauses: number; gcMs: number; slowAsks: number; slowAsksInGc: number; involuntaryContextSwitches: number };
  /** The questions with the highest median latency: a slow question is slow every time, noise is not. */
  slowestQuestions: { question: string; medianMs: number }[];
  /** Build ms per record with each Thai engine on the same sample (--compare-engines). */
  engineBuildMsPerRecord?: { wordcut: number; intl: number; sample: number };
}

function collectGarbage(): void {
  if (typeof global.gc !== 'function') throw new Error('bench: run with node --expose-gc so heap numbers are after gc');
  // Twice: the first pass can leave objects that become unreachable only after finalizers run.
  global.gc();
  global.gc();
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'real' },
    asks: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '40' },
    warmup: { type: 'string', default: '300' },
    'compare-engines': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'auto' },
    'warm-build': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const engineChoice = values.engine as EngineChoice;
if (!['auto', 'minisearch', 'compact'].includes(engineChoice)) throw new Error('bench: --engine takes auto, minisearch or compact');
const maxAsks = Number(values.asks);
const maxSeconds = Number(values.seconds);
const warmup = Number(values.warmup);
if (![maxAsks, maxSeconds, warmup].every((n) => Number.isFinite(n) && n >= 0)) throw new Error('bench: --asks, --seconds and --warmup take non-negative numbers');

const load1m = round(os.loadavg()[0]!, 2);
const base = await loadKnowledgeBase();
let kb: KnowledgeBase = base;
let generateMs = 0;
if (values.size !== 'real') {
  const size = Number(values.size);
  if (!Number.isInteger(size) || size < 1) throw new Error(`bench: --size must be "real" or a record count, not ${values.size}`);
  const t = performance.now();
  kb = buildSyntheticKb(base, { size });
  generateMs = performance.now() - t;
}

collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const retriever = engineChoice === 'auto' ? undefined : engineChoice === 'compact' ? createCompactRetriever : createMiniSearchRetriever;
/**
 * As the server's index worker builds (index-cache/parallel-analysis.ts): texts analysed ahead on
 * every core when there are enough of them, then the index over those analyses. A function, so
 * the merged analyses are garbage once the answerer has released them (below, before the heap is measured).
 */
async function coldBuild() {
  const { answerer, ahead } = await createAnswererAnalysingAhead(kb, { lexicon: [], answerer: { retriever } });
  return { answerer, threads: ahead.threads };
}
// Variables, not constants: the answerer is dropped before the warm builds (see timeWarmBuild).
let answerer: ExplainingAnswerer | undefined;
let buildThreads: number;
({ answerer, threads: buildThreads } = await coldBuild());
const buildMs = performance.now() - buildStart;
const engine = chooseEngine(engineChoice, kb.records.length);

/**
 * Builds a second answerer from the first build's analyses (warm), then a third from both
 * snapshots (unchanged records), and returns how long each took. It runs after the asks, once
 * the heap and the latencies are measured, and once the serving answerer is dropped: the server
 * builds every index in a new worker, whose heap holds no other index (at 100,000 records a
 * live 325 MB index in the same heap made the warm build's garbage collections mark it too, and
 * what these builds leave behind added ~80 MB to the heap after GC in some runs). In a function
 * of its own so that its answerers are garbage once it returns.
 */
async function timeWarmBuild(file: Buffer): Promise<{ warmMs: number; restartMs: number }> {
  // From the files' bytes, as the server's index worker starts: reading them is part of the build.
  let t = performance.now();
  const { answerer: warm } = await createAnswererAnalysingAhead(kb, {
    stored: decodeAnalyses(file),
    lexicon: [],
    answerer: { retriever, engineSnapshot: {}, recordsSnapshot: {} },
  });
  const warmMs = performance.now() - t;
  if (warm.analysisCache!.misses > 0) throw new Error(`bench: warm build analysed ${warm.analysisCache!.misses} texts`);
  const engineFile = encodeEngineSnapshot(warm.engineSnapshot!.make()!);
  const recordsFile = encodeRecordsSnapshot(warm.recordsSnapshot!.take()!);
  t = performance.now();
  const { answerer: restart } = await createAnswererAnalysingAhead(kb, {
    stored: decodeAnalyses(file),
    lexicon: [],
    answerer: { retriever, engineSnapshot: { stored: decodeEngineSnapshot(engineFile) }, recordsSnapshot: { stored: decodeRecordsSnapshot(recordsFile) } },
  });
  const restartMs = performance.now() - t;
  if (!restart.engineSnapshot!.restored || !restart.recordsSnapshot!.restored) throw new Error('bench: the restart did not read its snapshots');
  return { warmMs, restartMs };
}
// The analyses as the server writes them (bytes outside the JS heap), then dropped before the
// heap is measured, as the server drops them once written (index-cache/analysis-file.ts).
const analysesFile = encodeAnalyses(answerer.analysisCache!.serialize());
answerer.analysisCache!.release();

collectGarbage();
const afterBuild = process.memoryUsage().heapUsed;
emitPartial({ records: answerer.size, buildMs: round(buildMs, 1), heapUsedMb: round(afterBuild / MB, 1), indexHeapMb: round((afterBuild - heapBefore) / MB, 1) });

answerer.analysisCache?.resetCounts();

// Distinct questions: warm-up first, then each round its own.
const stream = questionStream(kb.records, { count: warmup + rounds * maxAsks });
const sequence = stream.slice(warmup);

for (let i = 0; i < warmup; i++) answerer.ask({ question: stream[i]!.question });
collectGarbage();
const memory = process.memoryUsage();

const gcPauses: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => gcPauses.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });
const switchesBefore = process.resourceUsage().involuntaryContextSwitches;

const samples: number[] = [];
const starts: number[] = [];
const asked: BenchQuery[] = [];
const roundSummaries: LatencySummary[] = [];
const perKind = new Map<BenchQuery['kind'], { samples: number[]; answered: number }>();
const asksStart = performance.now();
for (let r = 0; r < rounds; r++) {
  const roundSamples: number[] = [];
  const deadline = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < maxAsks && performance.now() < deadline; i++) {
    const q = sequence[r * maxAsks + i]!;
    const t = performance.now();
    const result = answerer.ask({ question: q.question });
    const ms = performance.now() - t;
    samples.push(ms);
    roundSamples.push(ms);
    starts.push(t);
    asked.push(q);
    const k = perKind.get(q.kind) ?? { samples: [], answered: 0 };
    k.samples.push(ms);
    if (result.answered) k.answered++;
    perKind.set(q.kind, k);
  }
  roundSummaries.push(summarize(roundSamples));
}

const involuntaryContextSwitches = process.resourceUsage().involuntaryContextSwitches - switchesBefore;
// GC entries arrive asynchronously; one macrotask later they are all in.
await new Promise((r) => setTimeout(r, 50));
gcObserver.disconnect();
const asksEnd = performance.now();
const pausesInAsks = gcPauses.filter((g) => g.startTime >= asksStart && g.startTime <= asksEnd);
const p99 = summarize(samples).p99;
const slow = samples.map((ms, i) => ({ ms, start: starts[i]! })).filter((a) => a.ms >= p99);
const slowInGc = slow.filter((a) => pausesInAsks.some((g) => g.startTime < a.start + a.ms && g.startTime + g.duration > a.start));

// Every question is asked once, so the slowest are single timings (re-timed below, 5 times).
const slowestQuestions = samples
  .map((ms, i) => ({ question: asked[i]!.question, ms }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 3)
  .map(({ question }) => {
    const again: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      answerer!.ask({ question });
      again.push(performance.now() - t);
    }
    return { question, medianMs: round(median(again), 3) };
  });

const initStart = performance.now();
const analyzer = createAnalyzer(kb.glossary);
const analyzerInitMs = performance.now() - initStart;
const prep: number[] = [];
for (let pass = 0; pass < 2; pass++) {
  for (const q of sequence.slice(0, 600)) {
    const t = performance.now();
    analyzer.analyze(q.question);
    prep.push((performance.now() - t) * 1000);
  }
}

// Every field the index analyzes per record (see server/search/index.ts), on a spread sample.
const sampleSize = Math.min(300, kb.records.length);
const stride = Math.max(1, Math.floor(kb.records.length / sampleSize));
const analyzeStart = performance.now();
for (let i = 0; i < sampleSize; i++) {
  const r = kb.records[i * stride]!;
  for (const text of [r.question.th, r.question.en, [...r.alternates.th, ...r.alternates.en].join('\n'), r.answer.th, r.answer.en]) analyzer.tokenize(text);
}
const analyzeMsPerRecord = (performance.now() - analyzeStart) / sampleSize;

let engineBuildMsPerRecord: InProcessResult['engineBuildMsPerRecord'];
if (values['compare-engines']) {
  const sample = { ...kb, records: kb.records.slice(0, Math.min(1000, kb.records.length)) };
  const timeBuild = (engine: 'wordcut' | 'intl') => {
    const t = performance.now();
    createAnswerer(sample, { engine });
    return round((performance.now() - t) / sample.records.length, 3);
  };
  engineBuildMsPerRecord = { wordcut: timeBuild('wordcut'), intl: timeBuild('intl'), sample: sample.records.length };
}

const records = answerer.size;
answerer = undefined;
const warmBuild = values['warm-build'] ? await timeWarmBuild(analysesFile) : undefined;

const byKind = Object.fromEntries(
  [...perKind].map(([kind, k]) => [kind, { ...summarize(k.samples), answeredRate: round(k.answered / k.samples.length) }]),
) as InProcessResult['byKind'];

const result: InProcessResult = {
  size: values.size!,
  records,
  engine,
  load1m,
  warmBuildMs: warmBuild === undefined ? undefined : round(warmBuild.warmMs, 1),
  restartBuildMs: warmBuild === undefined ? undefined : round(warmBuild.restartMs, 1),
  rounds: roundSummaries,
  generateMs: round(generateMs, 1),
  buildMs: round(buildMs, 1),
  buildThreads,
  heapUsedMb: round(memory.heapUsed / MB, 1),
  indexHeapMb: round((memory.heapUsed - heapBefore) / MB, 1),
  rssMb: round(memory.rss / MB, 1),
  asks: samples.length,
  latencyMs: summarize(samples),
  byKind,
  textPrepUs: summarize(prep.slice(prep.length / 2)),
  analyzeMsPerRecord: round(analyzeMsPerRecord, 3),
  analysisShareOfBuild: round((analyzeMsPerRecord * kb.records.length) / buildMs, 2),
  analyzerInitMs: round(analyzerInitMs, 1),
  tail: {
    gcPauses: pausesInAsks.length,
    gcMs: round(pausesInAsks.reduce((sum, g) => sum + g.duration, 0), 1),
    slowAsks: slow.length,
    slowAsksInGc: round(slowInGc.length / Math.max(1, slow.length), 2),
    involuntaryContextSwitches,
  },
  slowestQuestions,
  engineBuildMsPerRecord,
};
emitResult(result);
