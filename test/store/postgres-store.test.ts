import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createPostgresStore, dropPostgresSchema } from '../../server/store/postgres-store.js';
import { POSTGRES_MIGRATIONS } from '../../server/store/migrations.js';
import { freshSchema, TEST_DATABASE_URL } from '../support/postgres.js';
import { storeContract } from './contract.js';

// Every case gets its own schema, dropped afterwards: parallel runs never collide.
let schema: string | undefined;
storeContract('PostgreSQL', {
  async open(clock) {
    schema = freshSchema('contract');
    const store = createPostgresStore({ url: TEST_DATABASE_URL, schema, clock: clock.now });
    await store.migrate();
    return store;
  },
  async cleanup() {
    if (schema) await dropPostgresSchema(TEST_DATABASE_URL, schema);
  },
});

describe('PostgreSQL migrations', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await dropPostgresSchema(TEST_DATABASE_URL, s);
  });

  it('applies each migration once when several instances start at the same moment', async () => {
    const s = freshSchema('migrate');
    schemas.push(s);
    const later = [...POSTGRES_MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE settings ADD COLUMN note TEXT' }];
    const stores = Array.from({ length: 4 }, () => createPostgresStore({ url: TEST_DATABASE_URL, schema: s, migrations: later }));
    await Promise.all(stores.map((st) => st.migrate()));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    const rows = (await client.query(`SELECT version FROM ${s}.schema_migrations ORDER BY version`)).rows;
    await client.end();
    expect(rows).toEqual([{ version: 1 }, { version: 99 }]);
    // One shared salt whichever instance asks first.
    const salts = await Promise.all(stores.map((st, i) => st.setting('log-salt', () => `salt-${i}`)));
    expect(new Set(salts).size).toBe(1);
    await Promise.all(stores.map((st) => st.close()));
  });

  it('rejects a schema name that is not a plain identifier', () => {
    expect(() => createPostgresStore({ url: TEST_DATABASE_URL, schema: 'x; drop table y' })).toThrow(/invalid PostgreSQL schema name/);
  });
});
