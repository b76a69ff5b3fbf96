import type { KbDocument, KnowledgeBase } from '../kb/schema.js';
import { analyzeQuestion, loadQuestionWordTables, type CorpusStats, type QuestionAnalysis } from './analyze-question.js';
import { createAnalyzer, type Analyzer } from './analyze.js';
import { decide } from './decide.js';
import { compileFilters } from './filters.js';
import { fiscalYearOfDate } from './fiscal-year.js';
import { analyseRecords, assembleIndex, type AnalysedRecords, type SearchIndex } from './index.js';
import { analysedRecordsKey } from './records-key.js';
import { resolveOptions, type ScoringOptions, type ScoringOptionsInput } from './options.js';
import { renderAnswer, yearNotCoveredText } from './render.js';
import type { RetrieverFactory } from './retrieve.js';
import { analysisVersion, createAnalysisCache, type AnalysisCache, type SerializedAnalysisCache } from './analysis-cache.js';
import { createAutoRetriever } from './engine/retrievers.js';
import { engineSnapshotKey } from './engine/snapshot-key.js';
import type { EngineSnapshot } from './engine/types.js';
import { scoreCandidates, type ScoredCandidate } from './score.js';
import { createSpeller } from './spell.js';
import { gramJaccard } from './gram-set.js';
import { createToneFallback } from './tone-fallback.js';
import { surfaceForms } from './expand.js';
import { normalize } from './normalize.js';
import { isGeneralWord, lexicon } from './lexicon.js';
import type { Answer, Answerer, AskQuery, AskResult, Explanation, Lang } from './types.js';

/**
 * The answering engine: analyze → retrieve → score → decide → render, each a module of its own
 * (analyze-question.ts, retrieve.ts, score.ts, decide.ts, render.ts). This file only wires them
 * over one knowledge base. Every tunable number is in options.ts.
 */

export interface AnswererOptions extends ScoringOptionsInput {
  /** The retrieval engine; by default MiniSearch or the compact index by size (engine/retrievers.ts). */
  retriever?: RetrieverFactory;
  /**
   * Analyses of an earlier build (analysis-cache.ts); texts found there are not analysed again.
   * `lexicon` is the word lists' contents, part of the cache's version. The answerer's
   * `analysisCache` then holds this build's analyses, to be stored for the next build.
   */
  analysisCache?: {
    stored?: SerializedAnalysisCache;
    lexicon?: readonly string[];
    /** The cache's version when the caller has already worked it out (analysisVersion with this analyzer and lexicon). */
    version?: string;
  };
  /** The analyzer, when the caller already made it for this glossary and engine (by default made here). */
  analyzer?: Analyzer;
  /**
   * A stored snapshot of the retrieval engine (engine/snapshot-key.ts): used instead of building
   * the engine when its key is this build's (needs `analysisCache`: the key is made from the
   * analysed records' key). The answerer's `engineSnapshot` then says whether it was, and makes
   * this build's snapshot to be stored for the next one.
   */
  engineSnapshot?: { stored?: StoredEngineSnapshot };
  /**
   * A stored snapshot of the analysed records (index.ts, AnalysedRecords): used instead of
   * reading every record's analyses when its key is this build's (needs `analysisCache`, whose
   * version is part of the key). The answerer's `recordsSnapshot` says whether it was, and hands
   * over this build's once.
   */
  recordsSnapshot?: {
    stored?: StoredRecordsSnapshot;
    /** This build's key when the caller has already worked it out (analysedRecordsKey with the analysis cache's version). */
    key?: string;
  };
}

/** Analysed records with the key of the build they were made by. */
export interface StoredRecordsSnapshot {
  key: string;
  records: AnalysedRecords;
}

/** An engine snapshot with the key of the build it was made by. */
export interface StoredEngineSnapshot {
  key: string;
  snapshot: EngineSnapshot;
}

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
/**
 * The route accepts 500 characters; ask() is also called in-process (LINE, scripts), so it
 * bounds its own work rather than trusting every caller.
 */
const MAX_QUESTION_CHARS = 2000;
/**
 * With filters, candidates are retrieved over the whole knowledge base and filtered after
 * scoring; a few times the usual number keeps enough of them inside the filter.
 */
const FILTERED_CANDIDATE_FACTOR = 4;

export interface ExplainingAnswerer extends Answerer {
  explain(query: AskQuery): Explanation;
  /** This build's text analyses, when options.analysisCache was given. */
  readonly analysisCache?: AnalysisCache;
  /** When options.engineSnapshot was given: whether the stored one was used, and this build's. */
  readonly engineSnapshot?: { readonly restored: boolean; make(): StoredEngineSnapshot | undefined };
  /**
   * When options.recordsSnapshot was given: whether the stored one was used, and this build's,
   * handed over once (it holds every record's term ids, which the answerer itself lets go).
   */
  readonly recordsSnapshot?: { readonly restored: boolean; take(): StoredRecordsSnapshot | undefined };
}

export function createAnswerer(kb: KnowledgeBase, input: AnswererOptions = {}): ExplainingAnswerer {
  const options: ScoringOptions = resolveOptions(input);
  const analyzer: Analyzer = input.analyzer ?? createAnalyzer(kb.glossary, { engine: options.engine });
  const analysisCache = input.analysisCache
    ? createAnalysisCache(input.analysisCache.version ?? analysisVersion(analyzer, { glossary: kb.glossary, lexicon: input.analysisCache.lexicon }), input.analysisCache.stored)
    : undefined;
  // Record texts and glossary forms alike are analysed through the cache when there is one.
  const cached = analysisCache ? analysisCache.wrap(analyzer) : analyzer;
  // Both snapshots are keyed by the analysed records (the engine is built from them).
  const recordsKey =
    (input.recordsSnapshot || input.engineSnapshot) && analysisCache ? (input.recordsSnapshot?.key ?? analysedRecordsKey(kb, analyzer, analysisCache.version)) : undefined;
  const storedRecords = input.recordsSnapshot?.stored;
  const recordsRestored = input.recordsSnapshot !== undefined && recordsKey !== undefined && storedRecords?.key === recordsKey;
  const analysed: AnalysedRecords = recordsRestored ? storedRecords.records : analyseRecords(kb, cached);
  const built: SearchIndex = assembleIndex(kb, analysed);
  // Held for the snapshot only until it is taken: at 100,000 records these term ids are tens of MB.
  let untaken: AnalysedRecords | undefined = input.recordsSnapshot && recordsKey !== undefined ? analysed : undefined;
  const snapshotKey = input.engineSnapshot && recordsKey !== undefined ? engineSnapshotKey(recordsKey, options.retrieval) : undefined;
  const stored = input.engineSnapshot?.stored;
  const retriever = (input.retriever ?? createAutoRetriever)(built, options.retrieval, stored && stored.key === snapshotKey ? stored.snapshot : undefined);
  // The engine keeps its own copy of the field terms; holding them here as well would double
  // the index's heap (at 10,000 records, 116 MB instead of 51 MB).
  const { fields: _engineInput, ...index } = built;
  const documents = new Map<string, KbDocument>(kb.documents.map((d) => [d.id, d]));
  const corpus: CorpusStats = { documentFrequency: index.documentFrequency, size: index.size, isWordPart: index.isWordPart };
  // Glossary forms are cut once for both vocabularies below (about 1,200 forms, on every build).
  const formCuts = new Map<string, string[]>();
  const tokensOf = (form: string) => {
    let tokens = formCuts.get(form);
    if (!tokens) formCuts.set(form, (tokens = cached.analyze(form).units.map((u) => u.token)));
    return tokens;
  };
  const speller = createSpeller(spellingVocabulary(index, tokensOf, kb), isGeneralWord);
  const toneFallback = createToneFallback({ domain: domainVocabulary(index, analyzer, tokensOf), isGeneral: isGeneralWord });
  const latestYear = index.years.at(-1);
  loadQuestionWordTables();

  const render = (id: string, lang: Lang, score: number): Answer => {
    const r = index.records.get(id)!;
    return renderAnswer(r.record, r.document, lang, score, r.section);
  };

  const run = (query: AskQuery): { result: AskResult; analysis: QuestionAnalysis; ranked: ScoredCandidate[] } => {
    const question = (query.question ?? '').slice(0, MAX_QUESTION_CHARS);
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(query.limit ?? DEFAULT_LIMIT)));
    const today = fiscalYearOfDate(options.now());
    const analysis = analyzeQuestion(question, query.lang, {
      analyzer,
      speller,
      toneFallback,
      corpus,
      retrieval: options.retrieval,
      currentYear: latestYear === undefined ? today : Math.min(today, latestYear),
    });
    const accept = compileFilters(query.filters, documents);
    // Filters narrow what is shown, not what is judged: candidates are retrieved and scored over
    // the whole knowledge base, then filtered. A record inside the filter that is a weaker match
    // than one outside it keeps its weaker score, so the filter cannot force an answer that the
    // question does not support ("nothing in 2563 answers this" beats a confident wrong card).
    const retrieved = retriever.retrieve({
      terms: analysis.query,
      limit: Math.max(options.retrieval.candidates, limit) * (accept ? FILTERED_CANDIDATE_FACTOR : 1),
    });
    const scored = scoreCandidates(analysis, retrieved, {
      corpus,
      records: index.records,
      weights: options.weights,
      minQuestionWeight: options.minQuestionWeight,
    });
    const ranked = accept ? scored.filter((c) => accept(index.records.get(c.id)!.record)) : scored;
    const decision = decide(analysis, ranked, {
      options,
      limit,
      coveredYears: index.years,
      statedTypes: index.statedAnswerTypes,
      answerSimilarity: (a, b) => gramJaccard(index.records.get(a)!.answerGrams, index.records.get(b)!.answerGrams),
      supersededBy: (id) => index.records.get(id)?.record.supersededBy,
    });
    const lang = analysis.lang;
    const result: AskResult = {
      answered: decision.status === 'answered',
      status: decision.status,
      lang,
      answers: decision.shown.map((c) => render(c.id, lang, Math.round(c.score * 1000) / 1000)),
    };
    if (decision.message) {
      result.message = { kind: 'year-not-covered', text: yearNotCoveredText(decision.message.years, decision.message.nearest, lang) };
    }
    return { result, analysis, ranked };
  };

  return {
    ask: (query) => run(query).result,
    explain(query) {
      const { result, analysis, ranked } = run(query);
      return {
        result,
        terms: analysis.terms,
        years: analysis.years,
        ...(analysis.answerType ? { answerType: analysis.answerType } : {}),
        candidates: ranked.map((c) => ({ id: c.id, score: c.score, features: { ...c.features }, matched: c.matched })),
      };
    },
    record(id: string, lang: Lang = 'th'): Answer | undefined {
      return index.records.has(id) ? render(id, lang, 1) : undefined;
    },
    size: index.size,
    ...(analysisCache ? { analysisCache } : {}),
    ...(input.recordsSnapshot && recordsKey !== undefined
      ? {
          recordsSnapshot: {
            restored: recordsRestored,
            take: () => {
              const records = untaken;
              untaken = undefined;
              return records && { key: recordsKey, records };
            },
          },
        }
      : {}),
    ...(snapshotKey !== undefined
      ? {
          engineSnapshot: {
            restored: retriever.restored === true,
            make: () => {
              const snapshot = retriever.snapshot?.();
              return snapshot && { key: snapshotKey, snapshot };
            },
          },
        }
      : {}),
  };
}

/** Words a misspelt question may have meant: the records' tokens and the glossary's forms. */
function spellingVocabulary(index: Pick<SearchIndex, 'tokenFrequency'>, tokensOf: (form: string) => string[], kb: KnowledgeBase): Map<string, number> {
  const words = new Map(index.tokenFrequency);
  for (const concept of kb.glossary.concepts) {
    for (const form of [...concept.en, ...concept.abbreviations, ...concept.synonyms]) {
      for (const token of tokensOf(form)) words.set(token, (words.get(token) ?? 0) + 1);
    }
  }
  return words;
}

/**
 * The Thai words a question typed without tone marks is matched towards: the records' tokens,
 * every glossary form (whole, as the segmenter keeps abbreviations and transliterations, and as
 * the analyzer cuts it), the domain words, and the lexicon's question words, stopwords and
 * negators (ไหม, เมื่อไหร่), which carry no topic but must not be left as junk.
 */
function domainVocabulary(index: Pick<SearchIndex, 'tokenFrequency'>, analyzer: Analyzer, tokensOf: (form: string) => string[]): Set<string> {
  const words = new Set(index.tokenFrequency.keys());
  for (const concept of analyzer.expander.concepts.values()) {
    for (const form of surfaceForms(concept)) {
      words.add(normalize(form));
      for (const token of tokensOf(form)) words.add(token);
    }
  }
  const lex = lexicon();
  for (const e of [...lex['question-words'].entries, ...lex.stopwords.entries, ...lex.negators.entries, ...lex['domain-words'].entries]) words.add(e.word);
  return words;
}
