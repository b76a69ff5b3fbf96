import type { ScoringWeights } from './options.js';
import fitted from './scoring-weights.json' with { type: 'json' };

/**
 * The weights scripts/fit-scoring.ts wrote, with the hash of the data they were fitted on
 * (test/search/scoring-weights.test.ts fails when that data has changed since).
 */
export interface FittedWeights {
  weights: ScoringWeights;
  /** sha256 of the training rows' questions and labels (scripts/eval/data.ts). */
  dataHash: string;
  rows: number;
  note: string;
}

export const FITTED = fitted as FittedWeights;
