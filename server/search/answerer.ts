import type { KbDocument, KnowledgeBase } from '../kb/schema.js';
import { createAnalyzer, indexTerms, type Analyzer } from './analyze.js';
import {
  ANSWER_THRESHOLD,
  confidence,
  DEFAULT_WEIGHTS,
  features,
  marginOf,
  queryStats,
  type ConfidenceWeights,
  type Features,
} from './confidence.js';
import { CONCEPT_PREFIX } from './expand.js';
import { compileFilters } from './filters.js';
import { analysisVersion, createAnalysisCache, type AnalysisCache, type SerializedAnalysisCache } from './analysis-cache.js';
import type { EngineChoice } from './engine/select.js';
import type { EngineName } from './engine/types.js';
import { buildIndex, FIELD_BOOST, type Field, type SearchIndex } from './index.js';
import { detectLanguage } from './language.js';
import { charGrams, dice } from './grams.js';
import { negatedTerms } from './negation.js';
import { INTENT_PREFIX } from './register.js';
import { renderAnswer } from './render.js';
import { createSpeller } from './spell.js';
import type { SegmenterEngine } from './segment.js';
import type { Answer, Answerer, AskQuery, AskResult, Lang } from './types.js';

export interface AnswererOptions {
  /** Thai segmentation engine; wordcut scored higher on the gold file (see segment.test.ts). */
  engine?: SegmenterEngine;
  /** Retrieval engine: 'auto' picks MiniSearch or the compact index by size (engine/select.ts). */
  retrieval?: EngineChoice;
  /**
   * Analyses of an earlier build (analysis-cache.ts); texts found there are not analysed again.
   * `lexicon` is the word lists' contents, part of the cache's version. The answerer's
   * `analysisCache` then holds this build's analyses, to be stored for the next build.
   */
  analysisCache?: { stored?: SerializedAnalysisCache; lexicon?: readonly string[] };
  /** Logistic weights of the confidence model. */
  weights?: ConfidenceWeights;
  /** Minimum confidence for answered: true. */
  threshold?: number;
  /** Suggestions below this confidence are not worth showing when declining. */
  suggestionFloor?: number;
  /**
   * Total IDF weight of a question's content words below which its confidence is scaled down:
   * one rare word (df 1 of 77: 3.9) asks enough; "ปี" or "e-service" alone, found in a third of
   * the records (about 1), does not.
   */
  minQuestionWeight?: number;
  /** How many BM25 hits are scored for confidence; more only costs time. */
  candidates?: number;
  fieldBoost?: Partial<Record<Field, number>>;
  /**
   * Query weight of a concept token relative to a word. A concept often repeats a word of the
   * question in another form (e-service → c:e-service); 0.3-0.5 was no better than 1 on the
   * dev half, so it counts like a word.
   */
  conceptBoost?: number;
  /** Query weight of a question-intent token (register.ts); 0 leaves them out. */
  intentBoost?: number;
  /**
   * Terms in more than this share of records (and in more than commonTermMinDf records) are
   * left out of the BM25 query; with few records every term is kept.
   */
  commonTermShare?: number;
  commonTermMinDf?: number;
  /** BM25 parameters handed to MiniSearch. */
  bm25?: { k: number; b: number; d: number };
  /**
   * Final ranking of the BM25 candidates: a weighted sum of BM25 relative to the best hit and
   * the coverage features of confidence.ts. BM25 alone favours long answers that repeat a
   * common word; coverage asks how much of the question a record accounts for.
   */
  rank?: { bm25: number; coverage: number; questionCoverage: number; year: number; intent: number; similarity: number };
}

const defaultOptions = {
  engine: 'wordcut' as SegmenterEngine,
  retrieval: 'auto' as EngineChoice,
  weights: DEFAULT_WEIGHTS,
  threshold: ANSWER_THRESHOLD,
  suggestionFloor: 0.1,
  minQuestionWeight: 3,
  candidates: 8,
  fieldBoost: FIELD_BOOST as Partial<Record<Field, number>>,
  conceptBoost: 1,
  intentBoost: 0.5,
  commonTermShare: 0.05,
  commonTermMinDf: 500,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  rank: { bm25: 1, coverage: 1, questionCoverage: 1, year: 0.5, intent: 0.2, similarity: 2 },
};

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
/**
 * The route accepts 500 characters; ask() is also called in-process (LINE, scripts), so it
 * bounds its own work rather than trusting every caller.
 */
const MAX_QUESTION_CHARS = 2000;
const SUPERSEDED_FACTOR = 0.85;

/**
 * Latin terms of 4+ letters that the index does not contain match longer indexed words
 * (digit → digital); never Thai (DESIGN.md), and never a term that matches as it is: the
 * stemmer already joins plurals, and a prefix expansion costs a scan of the term tree.
 */
/** A token that is only a number (2565, 7, 4.0). */
const NUMERIC = /^[\d.,]+$/;

const PREFIX_TERM = /^[a-z][a-z0-9.-]{3,}$/;

export interface ScoredCandidate {
  id: string;
  bm25: number;
  features: Features;
  score: number;
}

/** What ask() decided and why; the evaluation script reads it to tune and explain. */
export interface Explained extends AskResult {
  candidates: ScoredCandidate[];
  terms: string[];
}

export interface ExplainingAnswerer extends Answerer {
  explain(query: AskQuery): Explained;
  /** This build's text analyses, when options.analysisCache was given. */
  readonly analysisCache?: AnalysisCache;
  /** The retrieval engine serving this knowledge base. */
  readonly retrievalEngine: EngineName;
}

export function createAnswerer(kb: KnowledgeBase, options: AnswererOptions = {}): ExplainingAnswerer {
  const opts = { ...defaultOptions, ...options, fieldBoost: { ...defaultOptions.fieldBoost, ...options.fieldBoost } };
  const analyzer: Analyzer = createAnalyzer(kb.glossary, { engine: opts.engine });
  const analysisCache = options.analysisCache
    ? createAnalysisCache(analysisVersion(analyzer, { glossary: kb.glossary, lexicon: options.analysisCache.lexicon }), options.analysisCache.stored)
    : undefined;
  const index: SearchIndex = buildIndex(kb, analysisCache ? analysisCache.wrap(analyzer) : analyzer, { engine: opts.retrieval });
  const documents = new Map<string, KbDocument>(kb.documents.map((d) => [d.id, d]));
  const corpus = { documentFrequency: index.documentFrequency, size: index.size, isWordPart: index.isWordPart };
  const speller = createSpeller(spellingVocabulary(index, analyzer, kb));

  const render = (id: string, lang: Lang, score: number): Answer => {
    const { record } = index.records.get(id)!;
    return renderAnswer(record, documents.get(record.source.document), lang, score);
  };

  const explain = (query: AskQuery): Explained => {
    const question = (query.question ?? '').slice(0, MAX_QUESTION_CHARS);
    const lang = query.lang ?? detectLanguage(question);
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(query.limit ?? DEFAULT_LIMIT)));
    const accept = compileFilters(query.filters, documents);

    const analysis = analyzer.analyze(question, speller);
    const stats = queryStats(analysis.units, corpus);
    const terms = [...new Set([...indexTerms(analysis), ...negatedTerms(analysis.units)])];
    if (terms.length === 0) return { answered: false, status: 'none', lang, answers: [], candidates: [], terms };
    // A term in most records ranks nothing but costs a pass over most postings; at scale those
    // passes are the query time. Such terms are left out of the BM25 query (coverage in
    // confidence.ts still counts them), keeping at least the rarest few to rank with.
    const searchTerms = rankingTerms(terms, index, Math.max(opts.commonTermMinDf, opts.commonTermShare * index.size));

    const hits = index.engine.retrieve({
      terms: searchTerms.map((term) => ({
        term,
        boost: term.startsWith(CONCEPT_PREFIX) ? opts.conceptBoost : term.startsWith(INTENT_PREFIX) ? opts.intentBoost : 1,
        prefix: PREFIX_TERM.test(term) && !index.documentFrequency.has(term),
      })),
      fieldBoost: opts.fieldBoost,
      bm25: opts.bm25,
      ...(accept ? { accept: (id: string) => accept(index.records.get(id)!.record) } : {}),
      limit: Math.max(opts.candidates, limit),
    });

    // Rank first on BM25 plus coverage, then compute each candidate's margin against the best
    // other candidate in that final order, so confidence describes the list the user sees.
    const top = hits[0]?.score ?? 1;
    const intents = terms.filter((t) => t.startsWith(INTENT_PREFIX));
    const queryGrams = charGrams(question);
    const scored = hits.map((hit) => {
      const indexed = index.records.get(hit.id)!;
      const f = features(stats, corpus, indexed);
      // The record's own question asks the same kind of thing (how / when / who ...).
      const sameIntent = intents.some((t) => indexed.questionTerms.has(t)) ? 1 : 0;
      // Guidance is per fiscal year: when the question names one, records about it come first.
      // Superseded guidance gives way to current guidance (preferCurrent() then guarantees it
      // ranks below its own replacement).
      const rank =
        (opts.rank.bm25 * (hit.score / top) +
          opts.rank.coverage * f.coverage +
          opts.rank.questionCoverage * f.questionCoverage -
          opts.rank.year * f.yearMismatch +
          opts.rank.intent * sameIntent +
          opts.rank.similarity * Math.max(0, ...indexed.questionGrams.map((g) => dice(queryGrams, g)))) *
        (index.records.get(hit.id)!.record.supersededBy ? SUPERSEDED_FACTOR : 1);
      return { id: hit.id, bm25: hit.score, features: f, rank };
    });
    scored.sort((a, b) => b.rank - a.rank);
    // A question of one common word or only numbers ("ปี", "2565", "7") is covered by many
    // records equally well, so coverage says nothing about which one it means: such questions
    // get a confidence scaled down by how little they ask.
    // Numbers narrow a question (ข้อ 7, ปี 2565) but never say what it is about.
    const topicWeight = stats.units.reduce((sum, u) => (NUMERIC.test(u.unit.token) ? sum : sum + u.weight), 0);
    const asked = Math.min(1, topicWeight / opts.minQuestionWeight);
    const ranked: ScoredCandidate[] = scored.map((c, i) => {
      const bestOther = i === 0 ? (scored[1]?.rank ?? 0) : scored[0]!.rank;
      const f = { ...c.features, margin: marginOf(c.rank, bestOther) };
      return { id: c.id, bm25: c.bm25, features: f, score: confidence(f, opts.weights) * asked };
    });
    // Ranking and confidence weigh the evidence differently; the list must not claim more
    // confidence in an answer than in the one shown above it.
    const ordered = preferCurrent(ranked, (id) => index.records.get(id)?.record.supersededBy);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.score > ordered[i - 1]!.score) ordered[i] = { ...ordered[i]!, score: ordered[i - 1]!.score };
    }

    const answered = ordered.length > 0 && ordered[0]!.score >= opts.threshold;
    const shown = (answered ? ordered : ordered.filter((c) => c.score >= opts.suggestionFloor)).slice(0, limit);
    return {
      answered,
      status: answered ? 'answered' : 'none',
      lang,
      answers: shown.map((c) => render(c.id, lang, Math.round(c.score * 1000) / 1000)),
      candidates: ordered,
      terms,
    };
  };

  return {
    ask(query: AskQuery): AskResult {
      const { answered, status, lang, answers } = explain(query);
      return { answered, status, lang, answers };
    },
    explain,
    retrievalEngine: index.engine.name,
    ...(analysisCache ? { analysisCache } : {}),
    record(id: string, lang: Lang = 'th'): Answer | undefined {
      return index.records.has(id) ? render(id, lang, 1) : undefined;
    },
    size: index.size,
  };
}

/** Fewest terms a BM25 query keeps, however common they all are. */
const MIN_RANKING_TERMS = 3;

function rankingTerms(terms: string[], index: SearchIndex, commonDf: number): string[] {
  const df = (t: string) => index.documentFrequency.get(t) ?? 0;
  const kept = terms.filter((t) => df(t) <= commonDf);
  if (kept.length >= MIN_RANKING_TERMS || kept.length === terms.length) return kept;
  const rarestCommon = terms.filter((t) => df(t) > commonDf).sort((a, b) => df(a) - df(b));
  return [...kept, ...rarestCommon.slice(0, MIN_RANKING_TERMS - kept.length)];
}

/** Words a misspelt question may have meant: the records' tokens and the glossary's forms. */
function spellingVocabulary(index: SearchIndex, analyzer: Analyzer, kb: KnowledgeBase): Map<string, number> {
  const words = new Map(index.tokenFrequency);
  for (const concept of kb.glossary.concepts) {
    for (const form of [...concept.en, ...concept.abbreviations, ...concept.synonyms]) {
      for (const u of analyzer.analyze(form).units) words.set(u.token, (words.get(u.token) ?? 0) + 1);
    }
  }
  return words;
}

/**
 * Superseded guidance never ranks above the record that replaces it: when both are found,
 * the old one moves to just below its replacement (and takes no more than its confidence).
 */
export function preferCurrent<T extends { id: string; score: number }>(ranked: T[], supersededBy: (id: string) => string | undefined): T[] {
  const out = [...ranked];
  for (const item of ranked) {
    const replacement = supersededBy(item.id);
    if (!replacement) continue;
    const at = out.indexOf(item);
    const newer = out.findIndex((c) => c.id === replacement);
    if (newer > at) {
      out.splice(at, 1);
      out.splice(newer, 0, { ...item, score: Math.min(item.score, out[newer - 1]!.score) });
    }
  }
  return out;
}
