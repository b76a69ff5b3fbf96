import path from 'node:path';
import { REPO_ROOT } from '../paths.js';
import type { Store } from './types.js';

/** The embedded store's file when STORE_FILE is not set. */
export const DEFAULT_STORE_FILE = path.join(REPO_ROOT, 'var', 'store.sqlite');

export interface StoreConfig {
  /** PostgreSQL URL; when set, the shared PostgreSQL store is used (replicas). */
  databaseUrl?: string;
  /** PostgreSQL schema for the tables; default public. */
  databaseSchema?: string;
  /** SQLite file used otherwise; default DEFAULT_STORE_FILE. */
  storeFile?: string;
}

/**
 * The store the configuration asks for, migrated and ready: PostgreSQL when DATABASE_URL is
 * set, otherwise SQLite in a file under var/ (nothing to configure).
 */
export async function createStore(config: StoreConfig): Promise<Store> {
  // Each driver loads only when chosen: pg alone costs about 120 ms of a start.
  const store = config.databaseUrl
    ? (await import('./postgres-store.js')).createPostgresStore({ url: config.databaseUrl, schema: config.databaseSchema })
    : (await import('./sqlite-store.js')).createSqliteStore({ file: config.storeFile ?? DEFAULT_STORE_FILE });
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}
