import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/schema.js';
import type { Logger } from '../logger.js';
import { DEFAULT_LEXICON_DIR } from '../search/lexicon.js';
import type { SerializedAnalysisCache } from '../search/analysis-cache.js';
import { DEFAULT_INDEX_CACHE_DIR } from '../index-settings.js';
import { decodeAnalyses, encodeAnalyses } from './analysis-binary.js';
import { createAnswerer, type AnswererOptions, type ExplainingAnswerer } from '../search/answerer.js';
import { createAnswererAnalysingAhead, type ParallelAnalysisOptions } from './parallel-analysis.js';

/**
 * The analysis cache on disk, beside the knowledge: var/index-cache/analysis-<kb>.bin, one file
 * per knowledge-base folder. Read before an index build, written (temp file, then rename) after
 * it, so a restart or a reload after an edit analyses only changed texts. A missing, unreadable
 * or outdated file only means a full analysis, never an error.
 */

/** File name part for one knowledge-base folder, so two folders never share a cache. */
export function kbKey(kbDir: string): string {
  return createHash('sha1').update(path.resolve(kbDir)).digest('hex').slice(0, 12);
}

export function analysisFile(dir: string, kbDir: string): string {
  return path.join(dir, `analysis-${kbKey(kbDir)}.bin`);
}

/**
 * Every file of the word lists (the search's lexicon, kb/lexicon, and a lexicon folder in the
 * knowledge-base folder if it has one), in path order: part of the cache's version.
 */
export function readLexicon(kbDir: string): string[] {
  const roots = [...new Set([DEFAULT_LEXICON_DIR, path.join(kbDir, 'lexicon')].map((d) => path.resolve(d)))];
  return roots.flatMap((root) => readFolder(root).map((text) => `${root}\n${text}`));
}

function readFolder(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else out.push(`${path.relative(root, file)}\n${readFileSync(file, 'utf8')}`);
    }
  };
  walk(root);
  return out;
}

export function readStoredAnalyses(file: string, log?: Logger): SerializedAnalysisCache | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return decodeAnalyses(readFileSync(file));
  } catch (err) {
    log?.warn({ err, file }, 'analysis cache unreadable; analysing every record');
    return undefined;
  }
}

export async function writeStoredAnalyses(file: string, cache: SerializedAnalysisCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, encodeAnalyses(cache));
  await rename(tmp, file);
  // The JSON form this file replaced (analysis-<kb>.json) is never read again.
  await rm(file.replace(/\.bin$/, '.json'), { force: true });
}

export interface CachedAnswererOptions {
  kbDir: string;
  /** Folder of the cache files; default var/index-cache. */
  dir?: string;
  logger?: Logger;
  answerer?: AnswererOptions;
  /** Called when the cache file has been written (tests wait on it). */
  onSaved?: (file: string) => void;
  /**
   * Handed the background write when there is one (it settles when written or failed): the
   * index worker lets it finish before serving, because turning the cache into a file holds the
   * thread for ~0.7 s at 6,700 records.
   */
  saving?: (write: Promise<void>) => void;
}

/**
 * createAnswerer with the analysis cache: reads the stored analyses, builds, logs how many
 * texts were analysed, and stores this build's analyses in the background.
 */
export function createCachedAnswerer(kb: KnowledgeBase, options: CachedAnswererOptions): ExplainingAnswerer {
  const file = analysisFile(options.dir ?? DEFAULT_INDEX_CACHE_DIR, options.kbDir);
  const stored = readStoredAnalyses(file, options.logger);
  const answerer = createAnswerer(kb, { ...options.answerer, analysisCache: { stored, lexicon: readLexicon(options.kbDir) } });
  return store(answerer, options, file, stored, 0);
}

/**
 * createCachedAnswerer for a build that may have many texts to analyse: those the cache lacks
 * are analysed first, on several threads when there are enough of them (parallel-analysis.ts).
 */
export async function buildCachedAnswerer(kb: KnowledgeBase, options: CachedAnswererOptions & { parallel?: ParallelAnalysisOptions }): Promise<ExplainingAnswerer> {
  const file = analysisFile(options.dir ?? DEFAULT_INDEX_CACHE_DIR, options.kbDir);
  const stored = readStoredAnalyses(file, options.logger);
  const { answerer, ahead } = await createAnswererAnalysingAhead(kb, { stored, lexicon: readLexicon(options.kbDir), answerer: options.answerer }, options.parallel);
  if (ahead.analysed > 0) options.logger?.info({ analysed: ahead.analysed, threads: ahead.threads }, 'index texts analysed ahead, in parallel');
  for (const reason of ahead.helperErrors) options.logger?.warn({ reason }, 'an analysis thread failed; the build analyses its texts itself');
  return store(answerer, options, file, stored, ahead.analysed);
}

/** Logs the build's analysis counts and writes its analyses in the background when they changed. */
function store(answerer: ExplainingAnswerer, options: CachedAnswererOptions, file: string, stored: SerializedAnalysisCache | undefined, analysedAhead: number): ExplainingAnswerer {
  const cache = answerer.analysisCache!;
  options.logger?.info({ analysed: cache.misses, analysedAhead, fromCache: cache.hits }, 'index texts analysed');
  // Analyses made ahead are not in the file yet.
  const changed = analysedAhead > 0 || cache.misses > 0 || stored?.version !== cache.version || stored.entries.size !== cache.size;
  const serialized = changed ? cache.serialize() : undefined;
  cache.release();
  if (serialized) {
    const write = writeStoredAnalyses(file, serialized).then(
      () => options.onSaved?.(file),
      (err: unknown) => options.logger?.warn({ err, file }, 'analysis cache not written; the next build analyses every record'),
    );
    options.saving?.(write);
  }
  return answerer;
}
