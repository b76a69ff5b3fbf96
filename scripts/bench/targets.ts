import type { ColdStartResult } from './cold-start.js';
import type { HttpResult } from './http-load.js';
import type { InProcessResult } from './in-process.js';
import { round } from './stats.js';

/** The targets from issue 6; each check says what was measured against what. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

/** A size whose child was killed at its time bound: what could be seen from outside. */
export interface IncompleteSize {
  size: string;
  reason: string;
  elapsedS: number;
  peakRssMb?: number;
  /** Build time projected from the largest completed size's ms per record. */
  projectedBuildS?: number;
  /** Heap projected from the largest completed size's index heap per record. */
  projectedHeapMb?: number;
  /** Present when the index was built before the child ran out of time (during the asks). */
  built?: { buildMs: number; heapUsedMb: number; indexHeapMb: number };
}

export interface BenchSections {
  inProcess: InProcessResult[];
  incomplete?: IncompleteSize[];
  /** Answer cache off: what answering costs. */
  http?: HttpResult;
  /** Answer cache at its shipped default, same question cycle: what a repeated question costs. */
  httpCached?: HttpResult;
  coldStart?: ColdStartResult;
}

const check = (target: string, value: number | undefined, limit: number, unit: string, atLeast = false): TargetCheck => ({
  target,
  measured: value === undefined ? 'not measured' : `${round(value, 2)} ${unit}`,
  met: value === undefined ? null : atLeast ? value >= limit : value < limit,
});

/**
 * `separate` is an unbounded 100,000-record run from another time (bench-results/scale-100k.json):
 * used, and labelled as such, only where this run's own 100,000-record child was killed.
 */
export function checkTargets({ inProcess, incomplete = [], http, coldStart }: BenchSections, separate?: InProcessResult): TargetCheck[] {
  const real = inProcess.find((r) => r.size === 'real');
  const mid = inProcess.find((r) => r.size === '10000');
  const big = inProcess.find((r) => r.size === '100000');
  const bigKilled = incomplete.find((r) => r.size === '100000');
  const checks = [
    check('real KB in-process p99 < 2 ms', real?.latencyMs.p99, 2, 'ms'),
    check('HTTP /api/ask ≥ 50% of trivial route req/s (answer cache off)', http ? Math.round(http.ratio * 1000) / 10 : undefined, 50, '%', true),
    check('100,000 records: index build < 60 s', big ? Math.round(big.buildMs / 100) / 10 : undefined, 60, 's'),
    check('100,000 records: p99 < 50 ms', big?.latencyMs.p99, 50, 'ms'),
    check('100,000 records: heap < 1.5 GB', big?.heapUsedMb, 1536, 'MB'),
    check('cold start < 2 s (median of 5)', coldStart?.medianMs, 2000, 'ms'),
  ];
  if (bigKilled) {
    // Killed at its bound: the build target is missed by measurement; the others are reported
    // with the best evidence there is, and marked unmet only when that evidence is conclusive.
    const projected = bigKilled.projectedBuildS === undefined ? '' : `; projected ${bigKilled.projectedBuildS} s from the 10,000-record build`;
    const built = bigKilled.built;
    checks[2] = built
      ? check(checks[2]!.target, Math.round(built.buildMs / 100) / 10, 60, 's')
      : { target: checks[2]!.target, measured: `> ${bigKilled.elapsedS} s (not finished, killed${projected})`, met: false };
    checks[3] = {
      target: checks[3]!.target,
      measured: mid ? `not measured (${built ? 'asks ran out of time' : 'no index'}); 10,000 records already p99 ${mid.latencyMs.p99.toFixed(1)} ms` : 'not measured (no index)',
      met: mid && mid.latencyMs.p99 >= 50 ? false : null,
    };
    checks[4] = built ? check(checks[4]!.target, built.heapUsedMb, 1536, 'MB') : {
      target: checks[4]!.target,
      measured:
        (bigKilled.peakRssMb === undefined ? 'not measured' : `peak RSS ${bigKilled.peakRssMb} MB after ${bigKilled.elapsedS} s of building`) +
        (bigKilled.projectedHeapMb === undefined ? '' : `; projected ${bigKilled.projectedHeapMb} MB from the 10,000-record index`),
      met: (bigKilled.peakRssMb ?? 0) > 1536 ? false : null,
    };
    if (separate) {
      const from = '(separate unbounded run, scale-100k.json)';
      if (!built) checks[2] = { ...checks[2]!, measured: `${checks[2]!.measured}; ${round(separate.buildMs / 1000, 0)} s ${from}` };
      checks[3] = { target: checks[3]!.target, measured: `${round(separate.latencyMs.p99, 0)} ms over ${separate.asks} asks ${from}`, met: separate.latencyMs.p99 < 50 };
      if (!built) checks[4] = { target: checks[4]!.target, measured: `${separate.heapUsedMb} MB ${from}`, met: separate.heapUsedMb < 1536 };
    }
  }
  return checks;
}
