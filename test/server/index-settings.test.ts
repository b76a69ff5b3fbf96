import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { DEFAULT_INDEX_CACHE_DIR, DEFAULT_KB_DIR, indexSettings } from '../../server/index-settings.js';

describe('index settings read before the configuration loads', () => {
  it('default to the repository knowledge, var/index-cache and a worker', () => {
    expect(indexSettings({})).toEqual({ kbDir: DEFAULT_KB_DIR, indexCacheDir: DEFAULT_INDEX_CACHE_DIR, kbWorker: true });
    expect(indexSettings({ KB_DIR: '  ', INDEX_CACHE: '', KB_WORKER: ' ' })).toEqual(indexSettings({}));
  });

  it('turn the cache and the worker off by their words', () => {
    expect(indexSettings({ INDEX_CACHE: 'OFF', KB_WORKER: ' no ' })).toMatchObject({ indexCacheDir: null, kbWorker: false });
  });

  it.each([{}, { KB_DIR: '/srv/kb', INDEX_CACHE: '/tmp/cache', KB_WORKER: 'on' }, { INDEX_CACHE: 'off', KB_WORKER: '0' }])('agree with loadConfig for %j', (env) => {
    const config = loadConfig(env);
    expect(indexSettings(env)).toEqual({ kbDir: config.kbDir, indexCacheDir: config.indexCacheDir, kbWorker: config.kbWorker });
  });

  it('start no early worker for a KB_WORKER value that loadConfig rejects', () => {
    expect(indexSettings({ KB_WORKER: 'maybe' }).kbWorker).toBe(false);
    expect(() => loadConfig({ KB_WORKER: 'maybe' })).toThrow(ConfigError);
  });
});
