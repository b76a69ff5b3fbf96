/**
 * Fits the one scoring model (server/search/score.ts) and writes its weights with the hash of
 * the data they were fitted on to server/search/scoring-weights.json:
 *   npx tsx scripts/fit-scoring.ts [--dry-run]
 *
 * Data: every retrieved candidate of every training question (the dev half of test/eval, which
 * is record-disjoint from the test half, plus test/search/offtopic-probes.json); label 1 when
 * the candidate is a record the question expects. Class-balanced, L2-regularized logistic
 * regression by gradient descent (9 weights and ~1,500 rows need nothing more). The features
 * do not depend on the weights, so one pass collects them.
 *
 * Then the threshold: over the training questions' best candidates, the threshold with the
 * fewest errors (in-scope questions declined or answered wrongly, as a share of in-scope, plus
 * off-topic questions answered, as a share of off-topic) is found, and the bias is moved so that
 * this threshold becomes options.threshold (0.5). test/search/scoring-weights.test.ts fails when
 * the training data no longer has the recorded hash: run this script again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../server/kb/load.js';
import { createAnswerer } from '../server/search/answerer.js';
import type { ScoringWeights } from '../server/search/options.js';
import { FEATURE_NAMES } from '../server/search/score.js';
import { QUESTIONS_FILE, readProbes, readQuestions, trainingHash, trainingRows } from './eval/data.js';

const WEIGHTS_FILE = fileURLToPath(new URL('../server/search/scoring-weights.json', import.meta.url));

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic(rows: Array<{ x: number[]; y: 0 | 1; offset?: number }>, l2 = 0.001, steps = 6000, rate = 0.5): number[] {
  const dims = rows[0]!.x.length;
  const w = new Array<number>(dims + 1).fill(0);
  const positives = rows.filter((r) => r.y === 1).length;
  const classWeight = [rows.length / (2 * (rows.length - positives)), rows.length / (2 * positives)];
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(dims + 1).fill(0);
    for (const { x, y, offset } of rows) {
      let z = w[0]! + (offset ?? 0);
      for (let i = 0; i < dims; i++) z += x[i]! * w[i + 1]!;
      const err = (sigmoid(z) - y) * classWeight[y]!;
      grad[0]! += err;
      for (let i = 0; i < dims; i++) grad[i + 1]! += err * x[i]!;
    }
    for (let i = 0; i <= dims; i++) w[i]! -= rate * (grad[i]! / rows.length + (i > 0 ? l2 * w[i]! : 0));
  }
  return w;
}

/** Features that differ between candidates of one question: they decide the order. */
const RANKING = FEATURE_NAMES.filter((k) => k !== 'unknown' && k !== 'specificity');
/**
 * No record of this knowledge base is superseded yet, so that weight cannot be fitted. It is
 * set, on the ranking scale before calibration, larger than every other feature's range: a
 * superseded record whose replacement is also a candidate is never the answer, its
 * replacement is (it stays visible below, with its supersededBy link).
 */
const SUPERSEDED_PRIOR = -10;
/**
 * Specificity is set too: the training questions hold too few that ask almost nothing (one
 * common word, a bare number), and fitted alone it took the wrong sign (off-topic questions are
 * long and specific). Weight W on (specificity - 1): one common word (specificity about 0.33)
 * loses 8 on the logit scale, more than a full match gains, so it is not answered whatever it
 * matches; two ordinary words (about 0.67) lose 4 and need a strong match.
 */
const SPECIFICITY_PRIOR = 12;

/**
 * Stage 1, the order: a conditional-logit (listwise softmax) model over each in-scope training
 * question's candidates, maximizing the probability of the expected records. Only differences
 * between candidates of one question matter here, so it has no bias.
 */
export function fitRanking(questions: Array<Array<{ x: number[]; y: 0 | 1 }>>, fixed: Map<number, number>, l2 = 0.01, steps = 3000, rate = 0.5): number[] {
  const dims = questions[0]![0]!.x.length;
  const w = new Array<number>(dims).fill(0);
  for (const [i, v] of fixed) w[i] = v;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(dims).fill(0);
    for (const cands of questions) {
      const z = cands.map((c) => c.x.reduce((s, xi, i) => s + xi * w[i]!, 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const all = e.reduce((a, b) => a + b, 0);
      const pos = e.reduce((a, v, i) => a + (cands[i]!.y ? v : 0), 0);
      cands.forEach((c, i) => {
        const g = (c.y ? e[i]! / pos : 0) - e[i]! / all;
        for (let k = 0; k < dims; k++) grad[k]! += g * c.x[k]!;
      });
    }
    for (let k = 0; k < dims; k++) if (!fixed.has(k)) w[k]! += rate * (grad[k]! / questions.length - l2 * w[k]!);
  }
  return w;
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const kb = await loadKnowledgeBase();
  const questions = readQuestions(QUESTIONS_FILE, new Set(kb.records.map((r) => r.id)));
  const training = trainingRows(questions, readProbes());
  const answerer = createAnswerer(kb);

  const perQuestion = training.map((t) => ({
    t,
    candidates: answerer.explain({ question: t.question, limit: 5 }).candidates.map((c) => ({
      x: RANKING.map((k) => c.features[k]!),
      unknown: c.features.unknown!,
      specificity: c.features.specificity!,
      y: (t.expect.includes(c.id) ? 1 : 0) as 0 | 1,
    })),
  }));
  const rankable = perQuestion.filter((q) => q.candidates.some((c) => c.y === 1) && q.candidates.length > 1).map((q) => q.candidates);
  const fixed = new Map([[RANKING.indexOf('superseded'), SUPERSEDED_PRIOR]]);
  const r = fitRanking(rankable, fixed);
  const zOf = (x: number[]) => x.reduce((s, xi, i) => s + xi * r[i]!, 0);

  // Stage 2, the confidence: a logistic map of the best candidate's ranking score plus the
  // question-level unknown-word share (the same for all candidates of a question, so the order
  // stays that of stage 1). Label: the best candidate is a right answer.
  const tops = perQuestion
    .filter((q) => q.candidates.length > 0)
    .map(({ t, candidates }) => {
      const best = candidates.reduce((a, b) => (zOf(b.x) > zOf(a.x) ? b : a));
      return { x: [zOf(best.x), best.unknown], offset: SPECIFICITY_PRIOR * (best.specificity - 1), y: best.y, inScope: t.expect.length > 0 };
    });
  const c = fitLogistic(tops.map(({ x, y, offset }) => ({ x, y, offset })));
  const p = (x: number[], offset: number) => sigmoid(c[0]! + offset + c[1]! * x[0]! + c[2]! * x[1]!);

  const inScope = tops.filter((t) => t.inScope);
  const off = tops.filter((t) => !t.inScope);
  const errorAt = (t: number) => inScope.filter((x) => p(x.x, x.offset) < t || !x.y).length / inScope.length + off.filter((x) => p(x.x, x.offset) >= t).length / off.length;
  let best = { t: 0.5, error: Infinity };
  for (let t = 0.05; t <= 0.95; t += 0.005) if (errorAt(t) < best.error - 1e-9) best = { t, error: errorAt(t) };
  // The middle of a plateau of equal error is the safer place.
  let hi = best.t;
  for (let t = best.t; t <= 0.95 && errorAt(t) <= best.error + 1e-9; t += 0.005) hi = t;
  const threshold = (best.t + hi) / 2;
  // specificity enters as W·(s - 1) = W·s - W: its constant part moves into the bias.
  const bias = c[0]! - SPECIFICITY_PRIOR - Math.log(threshold / (1 - threshold));
  const weights = {
    bias: round(bias),
    ...Object.fromEntries(RANKING.map((k, i) => [k, round(c[1]! * r[i]!)])),
    unknown: round(c[2]!),
    specificity: SPECIFICITY_PRIOR,
  } as unknown as ScoringWeights;
  const out = {
    weights,
    dataHash: trainingHash(training),
    rows: tops.length,
    note:
      `scripts/fit-scoring.ts: ${training.length} training questions (dev half + probes); order fitted on ${rankable.length} in-scope questions' candidates, ` +
      `confidence on ${tops.length} best candidates; fitted threshold ${threshold.toFixed(3)} moved to 0.5 (training error ${best.error.toFixed(3)}); superseded set to ${SUPERSEDED_PRIOR} before scaling (no superseded records yet)`,
  };
  console.log(JSON.stringify(out, null, 2));
  if (!dryRun) writeFileSync(WEIGHTS_FILE, `${JSON.stringify(out, null, 2)}\n`);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

await main();
