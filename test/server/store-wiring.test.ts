import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createFixtureKb } from '../support/fixture-kb.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('the app and its store', () => {
  it('uses SQLite under STORE_FILE by default and keeps the user-id salt there across restarts', async () => {
    const kb = await createFixtureKb();
    const dir = await mkdtemp(path.join(tmpdir(), 'opdc-wiring-'));
    dirs.push(dir);
    const config = loadConfig({ KB_DIR: kb.dir, STORE_FILE: path.join(dir, 'store.sqlite'), KB_WATCH: 'off', LOG_LEVEL: 'info' });
    const salts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const app = await buildApp(config);
      expect(app.store.kind).toBe('sqlite');
      salts.push(app.logSalt);
      await app.close();
    }
    expect(salts[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(salts[1]).toBe(salts[0]);
    await kb.cleanup();
  });
});
