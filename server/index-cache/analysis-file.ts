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
import { decodeEngineSnapshot, encodeEngineSnapshot } from './engine-snapshot.js';
import { decodeRecordsSnapshot, encodeRecordsSnapshot } from './records-snapshot.js';
import { createAnswerer, type AnswererOptions, type ExplainingAnswerer, type StoredEngineSnapshot, type StoredRecordsSnapshot } from '../search/answerer.js';
import { createAnswererAnalysingAhead, type ParallelAnalysisOptions } from './parallel-analysis.js';

/**
 * The index cache on disk, beside the knowledge, three files per knowledge-base folder:
 *  - var/index-cache/analysis-<kb>.bin, the analysis cache: a restart or a reload after an edit
 *    analyses only changed texts;
 *  - var/index-cache/records-<kb>.bin, the analysed records' snapshot (index.ts,
 *    AnalysedRecords): a restart over unchanged records reads every record's term ids at once
 *    instead of looking up each text's analysis;
 *  - var/index-cache/engine-<kb>.bin, the retrieval engine's snapshot: the engine's index is
 *    read instead of built (engine/snapshot-key.ts says when a snapshot stands for a build).
 * All are read before an index build and written (temp file, then rename) after it. A missing,
 * unreadable or outdated file only means more work, never an error.
 */

/** File name part for one knowledge-base folder, so two folders never share a cache. */
export function kbKey(kbDir: string): string {
  return createHash('sha1').update(path.resolve(kbDir)).digest('hex').slice(0, 12);
}

export function analysisFile(dir: string, kbDir: string): string {
  return path.join(dir, `analysis-${kbKey(kbDir)}.bin`);
}

export function engineFile(dir: string, kbDir: string): string {
  return path.join(dir, `engine-${kbKey(kbDir)}.bin`);
}

export function recordsFile(dir: string, kbDir: string): string {
  return path.join(dir, `records-${kbKey(kbDir)}.bin`);
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

/** A cache file decoded; undefined when missing, and when unreadable with a warning saying what happens instead. */
function readCacheFile<T>(file: string, decode: (bytes: Buffer) => T, log: Logger | undefined, unreadable: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return decode(readFileSync(file));
  } catch (err) {
    log?.warn({ err, file }, unreadable);
    return undefined;
  }
}

export function readStoredAnalyses(file: string, log?: Logger): SerializedAnalysisCache | undefined {
  return readCacheFile(file, decodeAnalyses, log, 'analysis cache unreadable; analysing every record');
}

function readStoredEngine(file: string, log?: Logger): StoredEngineSnapshot | undefined {
  return readCacheFile(file, decodeEngineSnapshot, log, 'engine snapshot unreadable; building the engine');
}

function readStoredRecords(file: string, log?: Logger): StoredRecordsSnapshot | undefined {
  return readCacheFile(file, decodeRecordsSnapshot, log, 'records snapshot unreadable; reading every record\'s analyses');
}

async function writeCacheFile(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

export async function writeStoredAnalyses(file: string, cache: SerializedAnalysisCache): Promise<void> {
  await writeCacheFile(file, encodeAnalyses(cache));
  // The JSON form this file replaced (analysis-<kb>.json) is never read again.
  await rm(file.replace(/\.bin$/, '.json'), { force: true });
}

export interface CachedAnswererOptions {
  kbDir: string;
  /** Folder of the cache files; default var/index-cache. */
  dir?: string;
  logger?: Logger;
  answerer?: AnswererOptions;
  /**
   * Handed the background writes when there are any (it settles when written or failed): the
   * index worker lets them finish before serving, because turning the cache into a file holds
   * the thread for ~0.7 s at 6,700 records.
   */
  saving?: (write: Promise<void>) => void;
}

/** Where one build's cache files are, and what the analysis file held. */
interface CacheFiles {
  analysis: string;
  records: string;
  engine: string;
  storedAnalyses: SerializedAnalysisCache | undefined;
}

/** The cache files read, and the answerer options that hand them to the build. */
function readCacheFiles(options: CachedAnswererOptions): { files: CacheFiles; snapshots: Pick<AnswererOptions, 'engineSnapshot' | 'recordsSnapshot'> } {
  const dir = options.dir ?? DEFAULT_INDEX_CACHE_DIR;
  const analysis = analysisFile(dir, options.kbDir);
  const records = recordsFile(dir, options.kbDir);
  const engine = engineFile(dir, options.kbDir);
  return {
    files: { analysis, records, engine, storedAnalyses: readStoredAnalyses(analysis, options.logger) },
    snapshots: {
      recordsSnapshot: { stored: readStoredRecords(records, options.logger) },
      engineSnapshot: { stored: readStoredEngine(engine, options.logger) },
    },
  };
}

/**
 * createAnswerer with the analysis cache: reads the stored analyses, builds, logs how many
 * texts were analysed, and stores this build's analyses in the background.
 */
export function createCachedAnswerer(kb: KnowledgeBase, options: CachedAnswererOptions): ExplainingAnswerer {
  const { files, snapshots } = readCacheFiles(options);
  const answerer = createAnswerer(kb, { ...options.answerer, ...snapshots, analysisCache: { stored: files.storedAnalyses, lexicon: readLexicon(options.kbDir) } });
  return store(answerer, options, files, 0);
}

/**
 * createCachedAnswerer for a build that may have many texts to analyse: those the cache lacks
 * are analysed first, on several threads when there are enough of them (parallel-analysis.ts).
 */
export async function buildCachedAnswerer(kb: KnowledgeBase, options: CachedAnswererOptions & { parallel?: ParallelAnalysisOptions }): Promise<ExplainingAnswerer> {
  const { files, snapshots } = readCacheFiles(options);
  const { answerer, ahead } = await createAnswererAnalysingAhead(
    kb,
    { stored: files.storedAnalyses, lexicon: readLexicon(options.kbDir), answerer: { ...options.answerer, ...snapshots } },
    options.parallel,
  );
  if (ahead.analysed > 0) options.logger?.info({ analysed: ahead.analysed, threads: ahead.threads }, 'index texts analysed ahead, in parallel');
  for (const reason of ahead.helperErrors) options.logger?.warn({ reason }, 'an analysis thread failed; the build analyses its texts itself');
  return store(answerer, options, files, ahead.analysed);
}

/**
 * Logs the build's analysis counts and, in the background, writes what the next build can use:
 * the analyses when they changed, and each snapshot that was made rather than read back. A
 * build that read the records' snapshot looked up no record's analysis, so its cache holds only
 * the glossary's forms and the file on disk, which has them all, is left as it is.
 */
function store(answerer: ExplainingAnswerer, options: CachedAnswererOptions, files: CacheFiles, analysedAhead: number): ExplainingAnswerer {
  const cache = answerer.analysisCache!;
  const stored = files.storedAnalyses;
  const recordsRead = answerer.recordsSnapshot?.restored === true;
  const engineRead = answerer.engineSnapshot?.restored === true;
  options.logger?.info(
    { analysed: cache.misses, analysedAhead, fromCache: cache.hits, recordsSnapshot: recordsRead ? 'read' : 'made', engineSnapshot: engineRead ? 'read' : 'built' },
    'index texts analysed',
  );
  // Analyses made ahead are not in the file yet.
  const changed = analysedAhead > 0 || cache.misses > 0 || stored?.version !== cache.version || stored.entries.size !== cache.size;
  const serialized = changed && !recordsRead ? cache.serialize() : undefined;
  cache.release();
  const records = answerer.recordsSnapshot?.take();
  const writes: Promise<void>[] = [];
  const settle = (file: string, writing: Promise<void>, failed: string) =>
    writes.push(writing.catch((err: unknown) => options.logger?.warn({ err, file }, failed)));
  if (serialized) settle(files.analysis, writeStoredAnalyses(files.analysis, serialized), 'analysis cache not written; the next build analyses every record');
  if (records && !recordsRead) settle(files.records, writeCacheFile(files.records, encodeRecordsSnapshot(records)), 'records snapshot not written; the next start reads every analysis');
  const engine = engineRead ? undefined : answerer.engineSnapshot?.make();
  if (engine) settle(files.engine, writeCacheFile(files.engine, encodeEngineSnapshot(engine)), 'engine snapshot not written; the next start builds the engine');
  if (writes.length > 0) options.saving?.(Promise.all(writes).then(() => undefined));
  return answerer;
}
