import type { Answer, AskResult } from '../search/types.js';

/**
 * How much the engine's answer to the turn alone and its answer to the turn in context each
 * count, by how much the turn leans on the one before. The turn's own words always count at
 * least as much as the context, except in a bare phrase ("L3 ล่ะ", "how many?") whose words
 * alone say almost nothing.
 */
export interface CombineWeights {
  standalone: number;
  context: number;
}

export interface CombineOptions {
  /** A frame or pronoun with words of its own ("แล้วต้องเผยแพร่ใน data.go.th ด้วยไหม"). */
  framed: CombineWeights;
  /** A bare phrase: its words alone match almost anything. */
  bare: CombineWeights;
  /**
   * The record the previous turn was answered with, as context, counts this much when the turn
   * has words of its own: it then usually asks something new about the same topic. A bare
   * phrase ("how many?", "แล้ว PMQA ล่ะ") more often asks more of the same record, so there
   * it counts in full.
   */
  previousRecord: number;
  /** Added to candidates from the previous answer's section: its topic. */
  sameSection: number;
  /** Combined confidence from which a follow-up counts as answered (the engine's own threshold is 0.5). */
  answerAt: number;
  /**
   * A follow-up's own words must find a record with at least this confidence by themselves, or
   * the context is not used. Measured on test/eval/followups.json: words the handouts do not
   * cover reach 0.19-0.32 (ทำงาน in "วีซ่าทำงาน", "tomorrow"), in-scope bare phrases 0.40 and up.
   */
  ownSupport: number;
}

export const DEFAULT_COMBINE_OPTIONS: CombineOptions = {
  framed: { standalone: 1, context: 0.6 },
  bare: { standalone: 0.3, context: 1 },
  previousRecord: 0.8,
  sameSection: 0.1,
  answerAt: 0.5,
  ownSupport: 0.35,
};

export interface Combined {
  result: AskResult;
  /** True when the turn alone would have shown the same first answer. */
  sameTop: boolean;
}

/**
 * Ranks the union of both answer lists by the weighted sum of the two confidences (a record
 * missing from a list counts 0 there), plus the section bonus. The shown confidence is the
 * weighted mean, never higher than the answer above it.
 */
export function combine(
  standalone: AskResult,
  contextual: AskResult,
  weights: CombineWeights,
  context: { previousId?: string; section?: string; previousFactor: number },
  options: CombineOptions,
  limit: number,
  /** Only the turn's own candidates may be chosen (a turn without follow-up markers). */
  ownOnly = false,
): Combined {
  const s = new Map(standalone.answers.map((a) => [a.id, a.score]));
  const c = new Map(contextual.answers.map((a) => [a.id, a.score]));
  const answers = new Map<string, Answer>();
  for (const a of [...(ownOnly ? [] : contextual.answers), ...standalone.answers]) answers.set(a.id, a);
  const total = weights.standalone + weights.context;
  const ranked = [...answers.values()]
    .map((answer) => {
      const contextScore = (c.get(answer.id) ?? 0) * (answer.id === context.previousId ? context.previousFactor : 1);
      const mean = (weights.standalone * (s.get(answer.id) ?? 0) + weights.context * contextScore) / total;
      const section = context.section !== undefined && `${answer.source.document}/${answer.source.section}` === context.section ? options.sameSection : 0;
      return { answer, mean, rank: mean + section };
    })
    .sort((a, b) => b.rank - a.rank);
  let ceiling = 1;
  const shown = ranked.slice(0, limit).map(({ answer, mean }) => {
    ceiling = Math.min(ceiling, Math.round(mean * 1000) / 1000);
    return { ...answer, score: ceiling };
  });
  const answered = shown.length > 0 && shown[0]!.score >= options.answerAt;
  return {
    result: { answered, status: answered ? 'answered' : 'none', lang: standalone.lang, answers: shown },
    sameTop: shown[0]?.id !== undefined && shown[0].id === standalone.answers[0]?.id,
  };
}

