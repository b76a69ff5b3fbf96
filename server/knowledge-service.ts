import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { documentsDir, loadKnowledgeBase } from './kb/load.js';
import type { KnowledgeBase } from './kb/schema.js';
import type { Answerer } from './search/types.js';
import type { Logger } from './logger.js';
import { buildInWorker, type WorkerBuild } from './workers/worker-answerer.js';

/** One loaded knowledge base and the index built over it; replaced whole, never mutated. */
export interface KnowledgeSnapshot {
  kb: KnowledgeBase;
  answerer: Answerer;
  loadedAt: Date;
  /** Increments on every successful load, starting at 1. */
  version: number;
}

export interface ReloadError {
  message: string;
  at: Date;
}

export type ReloadOutcome = { ok: true; snapshot: KnowledgeSnapshot } | { ok: false; error: ReloadError };

export interface KnowledgeServiceOptions {
  kbDir: string;
  createAnswerer: (kb: KnowledgeBase) => Answerer;
  /** Injected so tests can make loading slow or fail. */
  load?: (kbDir: string) => Promise<KnowledgeBase>;
  logger?: Logger;
  /** Quiet period after the last file event before reloading. */
  debounceMs?: number;
  /**
   * Load and build in a worker thread (the server keeps answering from the old index meanwhile);
   * `createAnswerer` is then not used: the worker builds the default answerer and `wrapAnswerer`
   * (e.g. the answer cache) goes around the worker's proxy. Default false.
   */
  buildInWorker?: boolean;
  wrapAnswerer?: (answerer: Answerer) => Answerer;
  /** A worker build already under way (main.ts starts it early); the first load uses it. */
  firstBuild?: Promise<WorkerBuild>;
  /** The worker builds with the analysis cache in this folder (INDEX_CACHE); unset: no cache. */
  workerIndexCacheDir?: string;
  /** Told after every load attempt (metrics). */
  onLoad?: (result: { ok: boolean; ms: number; records?: number }) => void;
}

export interface KnowledgeService {
  readonly kbDir: string;
  /** The snapshot answering now; undefined until the first successful load. */
  current(): KnowledgeSnapshot | undefined;
  /** The error of the latest reload when it failed; cleared by the next success. */
  lastReloadError(): ReloadError | undefined;
  reload(): Promise<ReloadOutcome>;
  watch(): void;
  close(): Promise<void>;
}

const silent: Logger = { info() {}, warn() {}, error() {} };

export function createKnowledgeService(options: KnowledgeServiceOptions): KnowledgeService {
  const { kbDir, createAnswerer } = options;
  const load = options.load ?? loadKnowledgeBase;
  const log = options.logger ?? silent;
  const debounceMs = options.debounceMs ?? 300;

  let snapshot: KnowledgeSnapshot | undefined;
  let lastError: ReloadError | undefined;
  let version = 0;
  let running: Promise<ReloadOutcome> | undefined;
  let queued: Promise<ReloadOutcome> | undefined;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let disposeCurrent: (() => Promise<void>) | undefined;
  let firstBuild = options.buildInWorker ? options.firstBuild : undefined;
  /** The serving snapshot's worker was lost: nothing serves until the next load. */
  let servingLost = false;
  const retiring = new Set<() => Promise<void>>();

  async function build(): Promise<{ kb: KnowledgeBase; answerer: Answerer; dispose?: () => Promise<void>; lost?: Promise<string> }> {
    if (!options.buildInWorker) {
      const kb = await load(kbDir);
      return { kb, answerer: createAnswerer(kb) };
    }
    // Warm-up before the swap only when an index serves meanwhile: not for the first build, nor
    // for the replacement of a lost worker (requests get 503 until it serves).
    const serving = snapshot !== undefined && !servingLost;
    const started = firstBuild ?? buildInWorker(kbDir, { indexCacheDir: options.workerIndexCacheDir, warmUp: serving ? 'before-ready' : 'after-ready' });
    firstBuild = undefined;
    const built = await started;
    return { kb: built.kb, answerer: options.wrapAnswerer ? options.wrapAnswerer(built.answerer) : built.answerer, dispose: built.dispose, lost: built.lost };
  }

  // The old worker outlives the swap a little: a request that took the old snapshot just
  // before it may still call it.
  function retire(dispose: (() => Promise<void>) | undefined): void {
    if (!dispose) return;
    retiring.add(dispose);
    setTimeout(() => {
      if (retiring.delete(dispose)) void dispose().catch(() => {});
    }, 5000).unref();
  }

  async function loadOnce(): Promise<ReloadOutcome> {
    const started = performance.now();
    try {
      // Built beside the old index: requests keep using the old snapshot until the swap below.
      const { kb, answerer, dispose, lost } = await build();
      if (closed) {
        await dispose?.();
        throw new Error('knowledge service closed');
      }
      snapshot = { kb, answerer, loadedAt: new Date(), version: ++version };
      const serving = snapshot;
      // A worker that dies or hangs while serving is replaced at once, not at the next file change.
      void lost?.then((reason) => {
        if (closed || snapshot !== serving) return;
        servingLost = true;
        log.error({ reason, version: serving.version }, 'index worker lost; building a new one');
        // Not ready until the new worker serves (health/ready answers 503; the next load clears it).
        lastError = { message: `the index worker was lost (${reason}); rebuilding`, at: new Date() };
        void reload();
      });
      retire(disposeCurrent);
      disposeCurrent = dispose;
      lastError = undefined;
      servingLost = false;
      const ms = Math.round(performance.now() - started);
      log.info({ version, records: kb.records.length, documents: kb.documents.length, ms, worker: Boolean(options.buildInWorker) }, 'knowledge base loaded');
      options.onLoad?.({ ok: true, ms, records: kb.records.length });
      return { ok: true, snapshot };
    } catch (cause) {
      lastError = { message: (cause as Error).message, at: new Date() };
      log.error({ err: cause, servingVersion: snapshot?.version ?? null }, 'knowledge base reload failed; still serving the previous index');
      options.onLoad?.({ ok: false, ms: Math.round(performance.now() - started) });
      return { ok: false, error: lastError };
    }
  }

  // At most one load runs; requests arriving meanwhile share one follow-up load, because
  // the files may have changed after the running load read them.
  function reload(): Promise<ReloadOutcome> {
    if (!running) {
      running = loadOnce().finally(() => {
        running = undefined;
      });
      return running;
    }
    if (!queued) {
      queued = running.then(() => {
        queued = undefined;
        return reload();
      });
    }
    return queued;
  }

  function schedule(): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  }

  function watchDir(dir: string, accept: (name: string | null) => boolean): void {
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (accept(name === null ? null : String(name))) schedule();
      });
      w.on('error', (err) => log.warn({ err, dir }, 'knowledge watcher stopped'));
      watchers.push(w);
    } catch (err) {
      log.warn({ err, dir }, 'cannot watch knowledge directory; live updates off for it');
    }
  }

  return {
    kbDir,
    current: () => snapshot,
    lastReloadError: () => lastError,
    reload,
    watch() {
      if (watchers.length > 0 || closed) return;
      // Directories rather than files: editors and importers replace files by rename,
      // which would leave a watcher on the old inode.
      watchDir(documentsDir(kbDir), (name) => name === null || name.endsWith('.json'));
      watchDir(kbDir, (name) => name === null || name === 'glossary.json');
      log.info({ dir: path.resolve(kbDir) }, 'watching knowledge base for changes');
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      watchers = [];
      await Promise.allSettled([running, queued]);
      await disposeCurrent?.();
      disposeCurrent = undefined;
      // Workers waiting out their grace period stop now.
      await Promise.allSettled([...retiring].map((d) => d()));
      retiring.clear();
    },
  };
}
