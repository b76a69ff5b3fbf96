import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/store/sqlite-store.js';
import { SQLITE_MIGRATIONS } from '../../server/store/migrations.js';
import { storeContract } from './contract.js';

let dir: string | undefined;
storeContract('SQLite', {
  async open(clock) {
    dir = await mkdtemp(path.join(tmpdir(), 'opdc-store-'));
    const store = createSqliteStore({ file: path.join(dir, 'store.sqlite'), clock: clock.now });
    await store.migrate();
    return store;
  },
  async cleanup() {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
});

describe('SQLite store file', () => {
  it('keeps data across reopen, in WAL mode, and applies a later migration once', async () => {
    const d = await mkdtemp(path.join(tmpdir(), 'opdc-store-'));
    try {
      const file = path.join(d, 'nested', 'store.sqlite');
      const a = createSqliteStore({ file });
      await a.migrate();
      const salt = await a.setting('log-salt', () => 'kept');
      await a.close();
      const later = [...SQLITE_MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE settings ADD COLUMN note TEXT' }];
      const b = createSqliteStore({ file, migrations: later });
      const c = createSqliteStore({ file, migrations: later });
      await Promise.all([b.migrate(), c.migrate()]);
      expect(await b.setting('log-salt', () => 'other')).toBe(salt);
      await Promise.all([b.close(), c.close()]);
      const Database = (await import('better-sqlite3')).default;
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 99 }]);
      raw.close();
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});
