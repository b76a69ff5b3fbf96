/**
 * The committed evaluation baseline (test/eval/baseline.json) and the regression rule CI
 * applies: per group (category), no more than one question worse than the baseline in any
 * count: answered and right may drop by one, confidently wrong, false declines and off-topic
 * answers may rise by one. Absolute targets are not enforced (an editor's new batch
 * legitimately moves them); `npm run eval -- --write-baseline` records a new baseline after a
 * reviewed change.
 */
import { fileURLToPath } from 'node:url';
import type { Counts } from './evaluate.js';

export const BASELINE_FILE = fileURLToPath(new URL('../../test/eval/baseline.json', import.meta.url));

export type Baseline = Record<string, Pick<Counts, 'n' | 'answeredRight' | 'confidentlyWrong' | 'falseDeclines' | 'offTopicAnswered'>>;

/** How many questions a group may get worse by before CI fails. */
export const ALLOWED_WORSE = 1;

export function toBaseline(groups: ReadonlyArray<[string, Counts]>): Baseline {
  return Object.fromEntries(
    groups.map(([g, c]) => [g, { n: c.n, answeredRight: c.answeredRight, confidentlyWrong: c.confidentlyWrong, falseDeclines: c.falseDeclines, offTopicAnswered: c.offTopicAnswered }]),
  );
}

/** Human-readable regressions beyond the allowance; empty when the evaluation holds. */
export function regressions(baseline: Baseline, current: Baseline): string[] {
  const out: string[] = [];
  for (const [group, base] of Object.entries(baseline)) {
    const now = current[group];
    if (!now) {
      out.push(`${group}: group missing from the evaluation`);
      continue;
    }
    if (now.n !== base.n) out.push(`${group}: ${now.n} questions, baseline has ${base.n}: re-record the baseline with the new questions`);
    if (now.answeredRight < base.answeredRight - ALLOWED_WORSE) out.push(`${group}: answered and right ${now.answeredRight}, baseline ${base.answeredRight}`);
    for (const k of ['confidentlyWrong', 'falseDeclines', 'offTopicAnswered'] as const) {
      if (now[k] > base[k] + ALLOWED_WORSE) out.push(`${group}: ${k} ${now[k]}, baseline ${base[k]}`);
    }
  }
  return out;
}
