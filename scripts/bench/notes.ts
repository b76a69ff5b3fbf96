import { round } from './stats.js';
import type { BenchSections, TargetCheck } from './targets.js';

/**
 * For each missed target, an explanation built from the numbers of the same run and the plan
 * that follows from it. The plans are the engineering options in order of expected payoff;
 * the numbers decide which apply.
 */
export function explainMisses({ inProcess, incomplete = [], http, coldStart }: BenchSections, targets: TargetCheck[]): string[] {
  const notes: string[] = [];
  const missed = (prefix: string) => targets.some((t) => t.target.startsWith(prefix) && t.met === false);
  const real = inProcess.find((r) => r.size === 'real');
  const mid = inProcess.find((r) => r.size === '10000');
  const big = inProcess.find((r) => r.size === '100000');

  if (missed('real KB') && real) {
    const slowest = Object.entries(real.byKind).sort((a, b) => b[1].p99 - a[1].p99)[0];
    notes.push(
      `Real KB p99 ${round(real.latencyMs.p99)} ms (p50 ${round(real.latencyMs.p50)} ms); normalize+segment p99 is ${round(real.textPrepUs.p99 / 1000)} ms of it; ` +
        `slowest kind ${slowest?.[0]} (p99 ${round(slowest?.[1].p99 ?? NaN)} ms). Plan: profile answerer.ask with --cpu-prof on that kind; ` +
        'cache query expansion per normalized question; drop fuzzy/prefix matching for Thai terms.',
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
  if (missed('100,000 records: heap') && big) {
    notes.push(
      `100,000 records: heap ${big.heapUsedMb} MB, of which the index is ${big.indexHeapMb} MB (${round((big.indexHeapMb * 1024) / big.records, 1)} KB per record). ` +
        'Plan: index answers in one language per field instead of both, store only ids in MiniSearch (storeFields: []), and keep record text outside the index.',
    );
  }
  if (missed('HTTP') && http) {
    const askUs = 1e6 / http.ask.requestsPerSec;
    const pingUs = 1e6 / http.ping.requestsPerSec;
    notes.push(
      `HTTP: ${round(askUs, 0)} µs of server time per ask against ${round(pingUs, 0)} µs per ping; the difference (${round(askUs - pingUs, 0)} µs) compares with in-process p50 ` +
        `${real ? round(real.latencyMs.p50 * 1000, 0) : '?'} µs. Plan: if the difference is much larger than in-process answering, look at per-request work in the route ` +
        '(zod parse, question log, serialization: add a fastify response schema for fast-json-stringify); otherwise make ask faster.',
    );
  }
  if (missed('cold start') && coldStart) {
    notes.push(
      `Cold start median ${coldStart.medianMs} ms, of which ${coldStart.tsxBaselineMs} ms is \`node --import tsx\` starting with an empty module. ` +
        'Plan: ship a bundled build (esbuild is already a dependency) and start with plain node; load the index before listening but after binding signal handlers.',
    );
  }
  return notes;
}
