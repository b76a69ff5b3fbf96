import path from 'node:path';
import { REPO_ROOT } from './paths.js';

/**
 * The three settings the index worker needs, read from the environment by plain code with no
 * library: main.ts starts the worker with them before the configuration's schema (zod) and the
 * web framework load, so the first index build overlaps all of that. config.ts takes the same
 * three values from here; it also rejects an invalid one, which stops the server.
 */

export const DEFAULT_KB_DIR = path.join(REPO_ROOT, 'kb');
export const DEFAULT_INDEX_CACHE_DIR = path.join(REPO_ROOT, 'var', 'index-cache');

const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
export const FLAG_WORDS = [...TRUE_WORDS, '0', 'false', 'off', 'no'] as const;

/** An on/off variable's value; undefined when it is none of FLAG_WORDS. */
export function parseFlag(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  return (FLAG_WORDS as readonly string[]).includes(word) ? TRUE_WORDS.includes(word) : undefined;
}

export interface IndexSettings {
  /** KB_DIR: the knowledge-base folder (default kb/). */
  kbDir: string;
  /** INDEX_CACHE: folder of the analysis cache (default var/index-cache); null when "off". */
  indexCacheDir: string | null;
  /** KB_WORKER: build and query the index in a worker thread (default on). */
  kbWorker: boolean;
}

export function indexSettings(env: NodeJS.ProcessEnv): IndexSettings {
  // Unset and blank are the same thing: "use the default" (as in config.ts).
  const set = (name: string) => (env[name] === undefined || env[name]!.trim() === '' ? undefined : env[name]);
  const cache = set('INDEX_CACHE');
  const worker = set('KB_WORKER');
  return {
    kbDir: set('KB_DIR') ?? DEFAULT_KB_DIR,
    indexCacheDir: cache === undefined ? DEFAULT_INDEX_CACHE_DIR : cache.toLowerCase() === 'off' ? null : cache,
    // An invalid value starts no early worker; config.ts then reports it.
    kbWorker: worker === undefined ? true : (parseFlag(worker) ?? false),
  };
}
