import { round } from './stats.js';
import type { InProcessResult } from './in-process.js';
import type { BenchSections, TargetCheck } from './targets.js';

/**
 * For each missed target, an explanation built from the numbers of the same run and the plan
 * that follows from it. The plans are the engineering options in order of expected payoff;
 * the numbers decide which apply.
 */
export function explainMisses({ inProcess, incomplete = [], http, httpCached, coldStart }: BenchSections, targets: TargetCheck[], separate?: InProcessResult): string[] {
  const notes: string[] = [];
  const missed = (prefix: string) => targets.some((t) => t.target.startsWith(prefix) && t.met === false);
  const real = inProcess.find((r) => r.size === 'real');
  const mid = inProcess.find((r) => r.size === '10000');
  const big = inProcess.find((r) => r.size === '100000');

  if (missed('real KB') && real) {
    const slowest = real.slowestQuestions[0];
    notes.push(
      `Real KB: p99 ${round(real.latencyMs.p99)} ms but p50 ${round(real.latencyMs.p50)} ms, and the slowest question's median is ${slowest ? round(slowest.medianMs) : '?'} ms ` +
        `(${slowest ? JSON.stringify(slowest.question) : '?'}), so the tail is not one slow question: ${Math.round(real.tail.slowAsksInGc * 100)}% of the ${real.tail.slowAsks} asks above p99 overlapped a GC pause ` +
        `(${real.tail.gcPauses} pauses, ${real.tail.gcMs} ms in all), and the process was preempted ${real.tail.involuntaryContextSwitches} times while asking (another process took the core). ` +
        'Plan: re-run on an idle machine before tuning; then cut allocation per ask (MiniSearch allocates a match object per matching record and term, so fewer query terms per field and no prefix expansion on short terms both help).',
    );
  }
  const killed = incomplete.find((r) => r.size === '100000');
  if (mid && (killed || (big && (missed('100,000 records: p99') || missed('100,000 records: index'))))) {
    const engines = mid.engineBuildMsPerRecord;
    const measured = big
      ? `p99 ${round(mid.latencyMs.p99)} ms at 10,000 → ${round(big.latencyMs.p99)} ms at 100,000; build ${round(big.buildMs / 1000, 1)} s`
      : `${killed!.built ? `the build took ${round(killed!.built.buildMs / 1000, 1)} s but the asks did not finish within the bound` : `the build did not finish within ${killed!.elapsedS} s (peak RSS ${killed!.peakRssMb ?? '?'} MB)`}; at 10,000 records build took ${round(mid.buildMs / 1000, 1)} s ` +
        `(${round(mid.buildMs / mid.records, 2)} ms per record, so ≈ ${killed!.projectedBuildS} s for 100,000) and p99 was ${round(mid.latencyMs.p99)} ms (p50 ${round(mid.latencyMs.p50)} ms)`;
    notes.push(
      `100,000 records: ${measured}. Build: text analysis is ≈ ${Math.round(mid.analysisShareOfBuild * 100)}% of it, and ` +
        (engines ? `the Intl.Segmenter engine builds at ${engines.intl} ms per record against wordcut's ${engines.wordcut} (×${round(engines.wordcut / engines.intl, 1)}). ` : '') +
        `Query: text analysis is ${round(mid.textPrepUs.p50, 0)} µs p50 whatever the size, so the growth is index scoring: an OR query over 6 fields visits every record that holds any query term ` +
        `(off-topic questions with no known term stay at p99 ${round(mid.byKind['off-topic']?.p99 ?? NaN, 1)} ms), and the synthetic corpus, built from the seed vocabulary only, makes posting lists denser than a real one would be. ` +
        'Plan: (1) build: use the intl engine or cache segmentation per distinct text, and analyze in a worker at load so the old index keeps serving; ' +
        '(2) query: AND-first with an OR fallback, cap candidates per term (skip terms whose document frequency is above ~20% of records), pass boostDocument only when some record is superseded (it runs per posting), ' +
        'and apply year/component filters by keeping one index per fiscal year; (3) past that, replicas per document set behind the load balancer.',
    );
  }
  const heapRun = big ?? separate;
  if (missed('100,000 records: heap') && heapRun) {
    notes.push(
      `100,000 records${big ? '' : ' (separate unbounded run)'}: heap ${heapRun.heapUsedMb} MB, of which the index is ${heapRun.indexHeapMb} MB (${round((heapRun.indexHeapMb * 1024) / heapRun.records, 1)} KB per record)` +
        (mid ? `; at 10,000 records it was ${round((mid.indexHeapMb * 1024) / mid.records, 1)} KB per record, so the index grows linearly` : '') +
        '. Besides MiniSearch\'s posting maps, the index keeps two Sets of term strings per record for the confidence features; a one-off measurement at 3,000 records put those Sets at about half of the index heap (21.7 of 43.9 MB, ~54 bytes per entry). ' +
        'Plan: hold per-record terms as sorted Int32Array term ids (4 bytes per entry), compute document frequencies from MiniSearch instead of a second Map, and past that shard by fiscal year.',
    );
  }
  if (missed('HTTP') && http) {
    const askUs = 1e6 / http.ask.requestsPerSec;
    const pingUs = 1e6 / http.ping.requestsPerSec;
    notes.push(
      `HTTP, answer cache off: ${round(askUs, 0)} µs of server time per ask against ${round(pingUs, 0)} µs per ping, so answering adds about ${round(askUs - pingUs, 0)} µs per request ` +
        `(in-process mean ${real ? round(real.latencyMs.mean * 1000, 0) : '?'} µs, measured in another process and including its tail); an ask response is ${http.ask.bytesPerResponse} bytes with headers, ping ${http.ping.bytesPerResponse}. ` +
        'The target needs answering to cost no more than a ping. ' +
        (httpCached ? `With the shipped answer cache the ratio is ${round(httpCached.ratio * 100, 1)}%, but only because the bench repeats 60 questions. ` : '') +
        'Plan: make ask cheaper (see the in-process notes), and add a fastify response schema so fast-json-stringify serializes the ~7 KB answers.',
    );
  }
  if (missed('cold start') && coldStart) {
    const p = coldStart.phasesMs;
    const imports = p.toFirstLog === undefined ? undefined : p.toFirstLog - coldStart.tsxBaselineMs;
    notes.push(
      `Cold start median ${coldStart.medianMs} ms: \`node --import tsx\` with an empty module takes ${coldStart.tsxBaselineMs} ms, ` +
        `loading and transpiling the server's modules about ${imports ?? '?'} ms more (first log line at ${p.toFirstLog ?? '?'} ms), ` +
        `the knowledge load and index build ${p.knowledgeLoad ?? '?'} ms` +
        (real ? ` (in-process the build alone is ${round(real.buildMs, 0)} ms, ${round(real.analyzerInitMs, 0)} ms of it the segmenter dictionary and glossary)` : '') +
        `, and the server listens at ${p.toListening ?? '?'} ms. ` +
        'Plan: start from an esbuild bundle with plain node (removes tsx and per-module transpiling), build the wordcut dictionary once per process rather than per answerer, ' +
        'and on a restart keep the old replica serving until /api/health of the new one is 200.',
    );
  }
  return notes;
}
