import type { QuestionAnalysis } from './analyze-question.js';
import { STATED_ONLY_TYPES, type AnswerType } from './answer-type.js';
import type { ScoringOptions } from './options.js';
import type { ScoredCandidate } from './score.js';
import type { AskStatus } from './types.js';

/**
 * Stage 4 of the pipeline: what to do with the ordered candidates.
 *  - A question about fiscal years no record covers is not answered from another year's
 *    guidance: status "none" with a year-not-covered message naming the nearest covered year
 *    (the best candidates stay as suggestions).
 *  - A question naming an abbreviation nobody in the knowledge base uses (LPA, ITA: an
 *    unknown name written in capitals, analyze-question.ts) asks about something no record is
 *    about, however well its other words match (options.declineUnknownNames): "none", with the
 *    best candidates as suggestions.
 *  - A question asking for a time of day, an amount of money or a contact (STATED_ONLY_TYPES)
 *    when no record of the knowledge base states one ("เปิดกี่โมง", "how much does it cost")
 *    asks what no record answers: "none", with the best candidates as suggestions.
 *  - The best candidate at or above the threshold is answered, unless the next ones are within
 *    `clarify.margin` of it and answer something different (their answers are not near-copies,
 *    and neither replaces the other): then the bot asks ("clarify") with 2-4 options.
 *  - Otherwise "none", with the candidates above the suggestion floor as suggestions.
 */

export interface YearNotCovered {
  kind: 'year-not-covered';
  /** The years asked about (BE). */
  years: number[];
  /** The covered fiscal year closest to them (the later one on a tie). */
  nearest: number;
}

export interface Decision {
  status: AskStatus;
  shown: ScoredCandidate[];
  message?: YearNotCovered;
}

export interface DecideContext {
  options: Pick<ScoringOptions, 'threshold' | 'suggestionFloor' | 'clarify' | 'declineUnknownNames'>;
  limit: number;
  /** Fiscal years some record is about. */
  coveredYears: readonly number[];
  /** The kinds of answer some record's answer states (answer-type.ts). */
  statedTypes: ReadonlySet<AnswerType>;
  /** Similarity of two records' answers in [0, 1]. */
  answerSimilarity(a: string, b: string): number;
  supersededBy(id: string): string | undefined;
}

export function nearestYear(years: readonly number[], covered: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const c of covered) {
    const d = Math.min(...years.map((y) => Math.abs(y - c)));
    if (d < bestDistance || (d === bestDistance && best !== undefined && c > best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function sameThing(a: string, b: string, ctx: DecideContext): boolean {
  return ctx.supersededBy(a) === b || ctx.supersededBy(b) === a || ctx.answerSimilarity(a, b) > ctx.options.clarify.sameAnswer;
}

export function decide(q: QuestionAnalysis, ranked: readonly ScoredCandidate[], ctx: DecideContext): Decision {
  const { threshold, suggestionFloor, clarify } = ctx.options;
  const suggestions = () => ranked.filter((c) => c.score >= suggestionFloor).slice(0, ctx.limit);
  if (ranked.length === 0) return { status: 'none', shown: [] };

  if (q.years.length > 0 && ctx.coveredYears.length > 0 && !q.years.some((y) => ctx.coveredYears.includes(y))) {
    const nearest = nearestYear(q.years, ctx.coveredYears)!;
    return { status: 'none', shown: suggestions(), message: { kind: 'year-not-covered', years: [...q.years], nearest } };
  }

  if (ctx.options.declineUnknownNames && q.unknownNames.length > 0) return { status: 'none', shown: suggestions() };
  if (q.answerType && STATED_ONLY_TYPES.has(q.answerType) && !ctx.statedTypes.has(q.answerType)) return { status: 'none', shown: suggestions() };

  const top = ranked[0]!;
  if (top.score < threshold) return { status: 'none', shown: suggestions() };

  const close = ranked.filter((c) => c.score >= threshold && top.score - c.score < clarify.margin);
  const options: ScoredCandidate[] = [top];
  for (const c of close.slice(1)) if (!options.some((o) => sameThing(o.id, c.id, ctx))) options.push(c);
  if (options.length >= 2) return { status: 'clarify', shown: options.slice(0, Math.max(2, Math.min(clarify.maxOptions, ctx.limit))) };

  return { status: 'answered', shown: ranked.slice(0, ctx.limit) };
}
