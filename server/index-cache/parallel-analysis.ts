import { availableParallelism } from 'node:os';
import type { Glossary, KnowledgeBase } from '../kb/schema.js';
import { analysisVersion, createAnalysisCache, mergeAnalyses, missingTexts, type SerializedAnalysisCache } from '../search/analysis-cache.js';
import { createAnalyzer, type Analyzer } from '../search/analyze.js';
import { createAnswerer, type AnswererOptions, type ExplainingAnswerer } from '../search/answerer.js';
import { resolveOptions } from '../search/options.js';
import { indexTexts } from '../search/index.js';
import { analysedRecordsKey } from '../search/records-key.js';
import type { SegmenterEngine } from '../search/segment.js';
import { runWorkerJob } from '../workers/run-job.js';

/**
 * Analysing the texts an index build needs, on several threads, before the build: the build then
 * finds them all in the cache. Segmentation is most of a build without cached analyses (the first
 * over a large knowledge base, and every build after the glossary or a word list changed, since
 * that changes every analysis): 10,000 records took 10.6 s on one thread.
 *
 * The texts the cache lacks are split into equal shares: this thread analyses the first while
 * helper threads (knowledge-worker.ts, job 'analyse') analyse the others, each with an analyzer
 * of its own over the same glossary, and the shares are merged into one cache. Small builds stay
 * on one thread: a helper costs about half a second to start.
 */

export interface ParallelAnalysisOptions {
  /** Threads in all, this one included (default: the machine's available parallelism). */
  threads?: number;
  /** Fewer texts to analyse than this: no helper threads (default 4,000, about 1,000 records). */
  minTexts?: number;
}

export interface AnalyseJob {
  kind: 'analyse';
  glossary: Glossary;
  /** The word lists' contents, as the build's version was made from them. */
  lexicon: readonly string[];
  engine: SegmenterEngine;
  version: string;
  texts: string[];
}

export interface AnalysedAhead {
  /** The stored analyses plus those made here; `stored` itself when nothing was analysed ahead. */
  stored: SerializedAnalysisCache | undefined;
  /** Texts analysed ahead of the build (0: the build analyses what it lacks itself). */
  analysed: number;
  threads: number;
  /** Why helper threads failed: their texts are left to the build, which analyses them itself. */
  helperErrors: string[];
}

const DEFAULT_MIN_TEXTS = 4000;
/** Every 16th record's texts estimate how many the cache lacks. */
const SAMPLE_STRIDE = 16;

/** Analyses `texts` with `analyzer` into a cache of their own. */
function analyseAll(analyzer: Analyzer, version: string, texts: readonly string[]): SerializedAnalysisCache {
  const cache = createAnalysisCache(version);
  const cached = cache.wrap(analyzer);
  for (const text of texts) cached.analyze(text);
  return cache.serialize();
}

export async function analyseAhead(
  kb: KnowledgeBase,
  input: { analyzer: Analyzer; engine: SegmenterEngine; version: string; lexicon: readonly string[]; stored?: SerializedAnalysisCache },
  options: ParallelAnalysisOptions = {},
): Promise<AnalysedAhead> {
  const minTexts = options.minTexts ?? DEFAULT_MIN_TEXTS;
  const oneThread: AnalysedAhead = { stored: input.stored, analysed: 0, threads: 1, helperErrors: [] };
  // A warm start lacks a few analyses at most, and every record's texts made and hashed here
  // and again by the build cost a tenth of it (0.3 s at 30,000 records): a sample of the
  // records says so first.
  const sample = indexTexts(kb, kb.records.filter((_, i) => i % SAMPLE_STRIDE === 0));
  if (missingTexts(input.stored, input.version, sample).length * SAMPLE_STRIDE < minTexts / 2) return oneThread;
  const missing = missingTexts(input.stored, input.version, indexTexts(kb));
  // No share smaller than minTexts / 2: below that a helper's start costs more than it saves.
  const threads = Math.min(options.threads ?? availableParallelism(), Math.floor(missing.length / Math.max(1, minTexts / 2)));
  if (missing.length < minTexts || threads < 2) return oneThread;
  const size = Math.ceil(missing.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => missing.slice(i * size, (i + 1) * size));
  const helpers = shares.slice(1).map((share) =>
    runWorkerJob<{ analyses: SerializedAnalysisCache }>({ kind: 'analyse', glossary: kb.glossary, lexicon: input.lexicon, engine: input.engine, version: input.version, texts: share }),
  );
  // Whatever happens to this thread's share, every helper's outcome is awaited, so none is left running unobserved.
  let own: SerializedAnalysisCache;
  let outcomes: PromiseSettledResult<{ analyses: SerializedAnalysisCache }>[];
  try {
    own = analyseAll(input.analyzer, input.version, shares[0]!);
  } finally {
    outcomes = await Promise.allSettled(helpers);
  }
  const parts = [own];
  let analysed = shares[0]!.length;
  const helperErrors: string[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === 'fulfilled') {
      parts.push(outcome.value.analyses);
      analysed += shares[i + 1]!.length;
    } else helperErrors.push(outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason));
  }
  return { stored: mergeAnalyses(input.version, input.stored, parts), analysed, threads, helperErrors };
}

/**
 * createAnswerer with the analysis cache, its missing texts analysed ahead (analyseAhead): the
 * index worker's build (index-cache/analysis-file.ts) and the bench's.
 */
export async function createAnswererAnalysingAhead(
  kb: KnowledgeBase,
  input: { stored?: SerializedAnalysisCache; lexicon: readonly string[]; answerer?: AnswererOptions },
  options: ParallelAnalysisOptions = {},
): Promise<{ answerer: ExplainingAnswerer; ahead: AnalysedAhead }> {
  const engine = resolveOptions(input.answerer ?? {}).engine;
  const analyzer = input.answerer?.analyzer ?? createAnalyzer(kb.glossary, { engine });
  const version = analysisVersion(analyzer, { glossary: kb.glossary, lexicon: input.lexicon });
  // Records read back from their snapshot need no analyses at all.
  const records = input.answerer?.recordsSnapshot;
  const recordsKey = records ? analysedRecordsKey(kb, analyzer, version) : undefined;
  const ahead =
    records?.stored !== undefined && records.stored.key === recordsKey
      ? { stored: input.stored, analysed: 0, threads: 1, helperErrors: [] }
      : await analyseAhead(kb, { analyzer, engine, version, lexicon: input.lexicon, stored: input.stored }, options);
  const answerer = createAnswerer(kb, {
    ...input.answerer,
    analyzer,
    analysisCache: { stored: ahead.stored, lexicon: input.lexicon, version },
    ...(records ? { recordsSnapshot: { ...records, key: recordsKey } } : {}),
  });
  return { answerer, ahead };
}

/** A helper thread's share (job 'analyse'). */
export function analyseShare(job: AnalyseJob): SerializedAnalysisCache {
  const analyzer = createAnalyzer(job.glossary, { engine: job.engine });
  // The version names the analyzer's behaviour: analyses made by a different one must never
  // enter the cache (the same code over the same inputs cannot differ, but this is cheap).
  const version = analysisVersion(analyzer, { glossary: job.glossary, lexicon: job.lexicon });
  if (version !== job.version) throw new Error('parallel analysis: this thread\'s analyzer differs from the build\'s');
  return analyseAll(analyzer, version, job.texts);
}
