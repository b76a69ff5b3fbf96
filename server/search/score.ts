import type { CorpusStats, QuestionAnalysis, WeightedUnit } from './analyze-question.js';
import type { IndexedRecord } from './index.js';
import type { ScoringWeights } from './options.js';
import { CONCEPT_PREFIX } from './prefixes.js';
import type { RetrievedCandidate } from './retrieve.js';
import { gramDice, type GramSet } from './gram-set.js';

/**
 * Stage 3 of the pipeline: one scoring model. Each retrieved candidate gets features that mean
 * the same thing for any question, and one logistic function of them is both the order shown
 * and the confidence reported (the probability that the record answers the question), so no
 * second model and no repair of the order is needed. The weights are fitted by
 * scripts/fit-scoring.ts (class-balanced logistic regression on the training half of the
 * evaluation plus off-topic probes) and stored with the hash of that data.
 *
 *  - bm25: retrieval score relative to the question's best candidate: term rarity and field
 *    (question > alternates > answer > context);
 *  - coverage: the IDF-weighted share of the question's content words that the record holds
 *    (a word also counts when a glossary concept covering it is in the record). Off-topic
 *    questions have words the knowledge base has never seen, with the highest IDF;
 *  - questionCoverage: the same share against the record's question and alternates only;
 *  - unknown: the IDF-weighted share of words that are in neither the knowledge base, the
 *    glossary nor the general word lists (lexicon.ts): the direct off-topic signal;
 *  - yearMismatch: the question names fiscal years and the record is about none of them;
 *  - similarity: character-trigram similarity with the record's closest question phrasing;
 *  - answerType: the question asks for a count / date / agency / procedure and the record's
 *    answer holds one (answer-type.ts);
 *  - superseded: the record is superseded by another candidate of the same question;
 *  - specificity: how much the question asks (one common word or only numbers: little).
 * unknown and specificity are the same for every candidate of a question: they calibrate the
 * confidence and never change the order.
 */

export interface Features {
  /** BM25 score relative to the best retrieved candidate, in [0, 1]. */
  bm25: number;
  /** IDF-weighted share of the question's content words found anywhere in the record. */
  coverage: number;
  /** The same share against the record's question and alternates only. */
  questionCoverage: number;
  /** IDF-weighted share of question words the knowledge base and general word lists lack. */
  unknown: number;
  /** 1 when the question names fiscal years and the record is about none of them. */
  yearMismatch: number;
  /** Character-trigram Dice similarity with the record's closest question phrasing. */
  similarity: number;
  /** 1 when the record's answer holds what the question asks for (a count, a date, an agency, steps). */
  answerType: number;
  /** 1 when the record is superseded and the record replacing it is also a candidate. */
  superseded: number;
  /**
   * How much the question asks: its content words' total IDF over options.minQuestionWeight,
   * at most 1. A question of one common word or only numbers ("ปี", "2565", "e-service") is
   * covered by many records equally well, so a high coverage says little. The same for every
   * candidate of a question: it moves the confidence, never the order.
   */
  specificity: number;
}

export const FEATURE_NAMES = ['bm25', 'coverage', 'questionCoverage', 'unknown', 'yearMismatch', 'similarity', 'answerType', 'superseded', 'specificity'] as const satisfies ReadonlyArray<keyof Features>;

export interface ScoredCandidate {
  id: string;
  features: Features;
  score: number;
  /** Question terms the record holds: "why it matched". */
  matched: string[];
}

const PREFIX_MIN = 4;
const LATIN = /^[a-z]/;

function termIn(term: string, terms: ReadonlySet<string>, corpus: CorpusStats): boolean {
  if (terms.has(term)) return true;
  // The retriever expands unknown Latin terms by prefix (retrieve.ts); coverage must agree.
  if (term.length >= PREFIX_MIN && LATIN.test(term) && !corpus.documentFrequency.has(term)) {
    for (const t of terms) if (t.startsWith(term)) return true;
  }
  return false;
}

/** A Latin compound (secretary-general, data.go.th): its terms are the whole, then its parts. */
const COMPOUND = /[a-z0-9][.-][a-z0-9]/;

function covered(u: WeightedUnit, terms: ReadonlySet<string>, corpus: CorpusStats): boolean {
  if (u.unit.concepts.some((c) => terms.has(CONCEPT_PREFIX + c))) return true;
  const all = u.unit.terms;
  // A compound means what all its parts say together: "secretary-general" is not covered by a
  // record that says only "permanent secretary". It is covered by the whole or by every part
  // (so "self assessment" still covers "self-assessment"). Indexes, not slices: this runs for
  // every word of every candidate.
  if (all.length > 1 && COMPOUND.test(all[0]!)) {
    if (termIn(all[0]!, terms, corpus)) return true;
    for (let i = 1; i < all.length; i++) if (!termIn(all[i]!, terms, corpus)) return false;
    return true;
  }
  return all.some((t) => termIn(t, terms, corpus));
}

/** Features of one record for one question. */
export function features(q: QuestionAnalysis, corpus: CorpusStats, r: IndexedRecord, bm25: number, superseded: boolean, minQuestionWeight: number): Features {
  const yearMismatch = q.years.length > 0 && !q.years.some((y) => r.years.includes(y)) ? 1 : 0;
  let coverage = 0;
  let questionCoverage = 0;
  let unknown = 0;
  for (const u of q.units) {
    if (covered(u, r.terms, corpus)) coverage += u.weight;
    if (covered(u, r.questionTerms, corpus)) questionCoverage += u.weight;
    if (!u.known) unknown += u.weight;
  }
  const total = q.totalWeight || 1;
  return {
    bm25,
    coverage: coverage / total,
    questionCoverage: questionCoverage / total,
    unknown: unknown / total,
    yearMismatch,
    similarity: bestDice(q.grams, r.questionGrams),
    answerType: q.answerType !== undefined && r.answerTypes.has(q.answerType) ? 1 : 0,
    superseded: superseded ? 1 : 0,
    specificity: Math.min(1, q.topicWeight / minQuestionWeight),
  };
}

/** The best Dice similarity of the question to any phrasing (a loop: no array per candidate). */
function bestDice(grams: GramSet, phrasings: readonly GramSet[]): number {
  let best = 0;
  for (const g of phrasings) best = Math.max(best, gramDice(grams, g));
  return best;
}

export function logistic(f: Features, w: ScoringWeights): number {
  let z = w.bias;
  for (const k of FEATURE_NAMES) z += w[k] * f[k];
  return 1 / (1 + Math.exp(-z));
}

/**
 * The documented tie-break, so equal scores never leave the first card to chance: higher
 * score; then the record whose own question covers more of the question; then the newer
 * document; then the record id (knowledge-base order is not stable across edits, ids are).
 */
export function compareCandidates(a: ScoredCandidate & { date: string }, b: ScoredCandidate & { date: string }): number {
  return (
    b.score - a.score ||
    b.features.questionCoverage - a.features.questionCoverage ||
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface ScoreContext {
  corpus: CorpusStats;
  records: ReadonlyMap<string, IndexedRecord>;
  weights: ScoringWeights;
  minQuestionWeight: number;
}

/** Scores and orders the retrieved candidates. */
export function scoreCandidates(q: QuestionAnalysis, retrieved: readonly RetrievedCandidate[], ctx: ScoreContext): ScoredCandidate[] {
  const best = retrieved[0]?.score || 1;
  const ids = new Set(retrieved.map((c) => c.id));
  const scored = retrieved.map((c) => {
    const r = ctx.records.get(c.id)!;
    const replacement = r.record.supersededBy;
    const f = features(q, ctx.corpus, r, c.score / best, replacement !== undefined && ids.has(replacement), ctx.minQuestionWeight);
    const matched = q.terms.filter((t) => r.terms.has(t));
    return { id: c.id, features: f, score: logistic(f, ctx.weights), matched, date: r.document?.date ?? '' };
  });
  scored.sort(compareCandidates);
  return scored.map(({ date: _date, ...c }) => c);
}
