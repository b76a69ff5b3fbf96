import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../server/app.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import type { Store } from '../../server/store/types.js';
import { createFixtureKb, type FixtureKbOptions } from './fixture-kb.js';

export interface TestApp {
  app: FastifyInstance;
  config: AppConfig;
  kbDir: string;
  logFile: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * Builds the real app over a temp fixture KB and a temp question log. `env` adds or
 * overrides environment variables (strings, as the process would see them).
 */
export async function buildTestApp(env: Record<string, string> = {}, kb: FixtureKbOptions = {}, deps: AppDeps = {}): Promise<TestApp> {
  const fixture = await createFixtureKb(kb);
  const logDir = await mkdtemp(path.join(tmpdir(), 'opdc-log-'));
  const logFile = path.join(logDir, 'questions.jsonl');
  const config = loadConfig({
    KB_DIR: fixture.dir,
    QUESTION_LOG: logFile,
    LOG_SALT: 'test-salt-0123456789',
    KB_WATCH: 'off',
    // Main-thread builds: a worker costs seconds per app; test/server/knowledge-worker.test.ts covers it.
    KB_WORKER: 'off',
    LOG_LEVEL: 'silent',
    ...env,
  });
  // The in-memory store: tests that need SQLite or PostgreSQL build their own app.
  const store = createMemoryStore();
  const app = await buildApp(config, { store, ...deps });
  await app.ready();
  return {
    app,
    config,
    store,
    kbDir: fixture.dir,
    logFile,
    async close() {
      await app.close();
      await fixture.cleanup();
      await rm(logDir, { recursive: true, force: true });
    },
  };
}
