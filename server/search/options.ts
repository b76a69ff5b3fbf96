import type { Features } from './score.js';
import type { SegmenterEngine } from './segment.js';
import { FITTED } from './scoring-weights.js';

/**
 * Every tunable number of the answering pipeline, in one object with one set of defaults
 * (MiniSearch's Options/defaultOptions is the model). Each default says why it has its value
 * or which measurement chose it; "dev" is the training half of test/eval (scripts/eval.ts).
 */

/**
 * The one scoring model's weights (score.ts): a logistic model fitted by scripts/fit-scoring.ts,
 * one weight per feature (documented on `Features`) plus the bias.
 */
export interface ScoringWeights extends Features {
  bias: number;
}

export interface RetrievalOptions {
  /**
   * How many retrieved candidates are scored. 8 reached recall@5 of the full list on dev; more
   * only costs time (bench).
   */
  candidates: number;
  /**
   * Field boosts: a question phrased like the record's own question is the strongest evidence
   * (question 3, alternates 2.5); context (section and document titles) names the indicator a
   * terse question leaves out but says little else (0.6); negation-scoped terms (negation.ts)
   * are rare and decisive when they match (6).
   */
  fieldBoost: { question: number; alt: number; answer: number; context: number; negation: number };
  /**
   * Query weight of a concept token relative to a word. A concept often repeats a word of the
   * question in another form (e-service → c:e-service); 0.3-0.5 was no better than 1 on dev.
   */
  conceptWeight: number;
  /** Query weight of a question-word token (`q:how`): half a word, it says what kind, not what about. */
  intentWeight: number;
  /**
   * Terms in more than this share of records (and more than commonTermMinDf records) are left
   * out of the query: at 100k records such a term is a pass over most postings and ranks
   * nothing (scripts/bench). With fewer than 500 records every term is kept.
   */
  commonTermShare: number;
  commonTermMinDf: number;
  /** MiniSearch's BM25+ parameters; k 1.2 and b 0.7 are its defaults, d 0.5 likewise. */
  bm25: { k: number; b: number; d: number };
}

export interface ScoringOptions {
  /** Thai segmentation engine; wordcut scored search-F1 0.996 on the gold file, ICU 0.975. */
  engine: SegmenterEngine;
  retrieval: RetrievalOptions;
  weights: ScoringWeights;
  /**
   * Minimum score for status "answered". The fit script moves the model's bias so that the
   * threshold with the fewest errors on its training data (false declines + off-topic answers,
   * class-balanced) lands on 0.5.
   */
  threshold: number;
  /** Suggestions below this score are not worth showing when declining: fewer than 1 in 10 right on dev. */
  suggestionFloor: number;
  /**
   * Total IDF weight of a question's content words below which it counts as asking little: one
   * rare word (df 1 of 77: IDF 3.9) asks enough; "ปี" or "e-service" alone, in a third of the
   * records (IDF about 1), does not say which record is meant (score.ts, specificity).
   */
  minQuestionWeight: number;
  /**
   * "Did you mean": when the two best candidates are both above the threshold, within this
   * score of each other and answer different things, the bot asks instead of picking one.
   * Measured (all 344 questions): margin 0.02 in probability → answered and right 0.896,
   * confidently wrong 0.017, asked 0.037; the same test on the logit scale (0.25 / 0.5 / 1)
   * gave 0.906 / 0.890 / 0.873 right with 0.023 / 0.020 / 0.017 wrong, and no better on dev.
   */
  clarify: {
    margin: number;
    /** Answers more trigram-similar (Jaccard) than this say the same thing: no need to ask. */
    sameAnswer: number;
    /** Most options shown (the contract allows 2-4). */
    maxOptions: number;
  };
  /**
   * Decline a question that names an abbreviation in capitals that the knowledge base, the
   * glossary and the general word lists all lack (decide.ts). Measured on the dev half: one
   * near-domain question more declined, no in-scope question declined.
   */
  declineUnknownNames: boolean;
  /** Today's date, for relative years (ปีนี้, next year); injectable for tests. */
  now: () => Date;
}

export const defaultOptions: ScoringOptions = {
  engine: 'wordcut',
  retrieval: {
    candidates: 8,
    fieldBoost: { question: 3, alt: 2.5, answer: 1, context: 0.6, negation: 6 },
    conceptWeight: 1,
    intentWeight: 0.5,
    commonTermShare: 0.05,
    commonTermMinDf: 500,
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
  },
  weights: FITTED.weights,
  threshold: 0.5,
  suggestionFloor: 0.1,
  minQuestionWeight: 3,
  clarify: { margin: 0.02, sameAnswer: 0.5, maxOptions: 4 },
  declineUnknownNames: true,
  now: () => new Date(),
};

/** Options with nested parts merged over the defaults. */
export type ScoringOptionsInput = Partial<Omit<ScoringOptions, 'retrieval' | 'weights' | 'clarify'>> & {
  retrieval?: Partial<RetrievalOptions>;
  weights?: Partial<ScoringWeights>;
  clarify?: Partial<ScoringOptions['clarify']>;
};

export function resolveOptions(input: ScoringOptionsInput = {}): ScoringOptions {
  return {
    ...defaultOptions,
    ...input,
    retrieval: {
      ...defaultOptions.retrieval,
      ...input.retrieval,
      fieldBoost: { ...defaultOptions.retrieval.fieldBoost, ...input.retrieval?.fieldBoost },
    },
    weights: { ...defaultOptions.weights, ...input.weights },
    clarify: { ...defaultOptions.clarify, ...input.clarify },
  };
}
