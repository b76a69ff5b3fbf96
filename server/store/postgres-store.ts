import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, type Migration } from './migrations.js';
import { changeFromRow, editorFromRow, feedbackFromRow, notifyFromRow, questionFromRow, sessionFromRow, type Row } from './rows.js';
import type { QuestionQuery, Store } from './types.js';

export interface PostgresStoreOptions {
  /** A libpq-style URL (`DATABASE_URL`). */
  url: string;
  /** Schema holding the tables (created when missing); default the connection's own (`public`). Tests use a fresh one per run. */
  schema?: string;
  /** The store's clock (tests move it); default the system clock. */
  clock?: () => Date;
  /** Connections kept open; default 5 (each instance needs few: the log writes in batches). */
  poolSize?: number;
  migrations?: Migration[];
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string));
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The shared store for several instances: every instance of the bot points at one database and
 * sees the same question log, LINE claims, sessions and published version.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store & { readonly schema: string } {
  const clock = options.clock ?? (() => new Date());
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 5,
    // Every connection sees only this schema's tables.
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const migrations = options.migrations ?? POSTGRES_MIGRATIONS;
  let closed = false;

  const now = () => clock();
  const all = async (sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  const one = async (sql: string, params: unknown[] = []) => (await all(sql, params))[0];

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    schema,
    async migrate() {
      const client = await pool.connect();
      try {
        // A session-level advisory lock keyed on the schema: a second instance starting at the
        // same moment waits here, then finds every migration applied.
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [`opdc-store-migrations:${schema}`]);
        try {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
          await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
          const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)));
          for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
            if (done.has(m.version)) continue;
            await client.query('BEGIN');
            try {
              await client.query(m.sql);
              await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
              await client.query('COMMIT');
            } catch (err) {
              await client.query('ROLLBACK').catch(() => {});
              throw new Error(`store migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
            }
          }
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`opdc-store-migrations:${schema}`]);
        }
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },

    async setting(key, init) {
      const existing = await one('SELECT value FROM settings WHERE key = $1', [key]);
      if (existing) return existing.value as string;
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, init()]);
      return (await one('SELECT value FROM settings WHERE key = $1', [key]))!.value as string;
    },
    async getSetting(key) {
      return (await one('SELECT value FROM settings WHERE key = $1', [key]))?.value as string | undefined;
    },
    async putSetting(key, value) {
      await pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
    },

    async appendQuestions(entries) {
      if (entries.length === 0) return;
      // One multi-row INSERT per batch: the log costs one round trip however busy the bot is.
      const cols = 10;
      const values: unknown[] = [];
      const rows = entries.map((e, i) => {
        values.push(e.time ?? now(), e.channel, e.question, e.lang, e.outcome, e.topId ?? null, e.score ?? null, e.latencyMs, e.user ?? null, e.requestId ?? null);
        return `(${Array.from({ length: cols }, (_, c) => `$${i * cols + c + 1}`).join(', ')})`;
      });
      await pool.query(
        `INSERT INTO questions (time, channel, question, lang, outcome, top_id, score, latency_ms, user_hash, request_id) VALUES ${rows.join(', ')}`,
        values,
      );
    },
    async listQuestions(query: QuestionQuery = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (v: unknown) => (params.push(v), `$${params.length}`);
      if (query.since) where.push(`time >= ${param(query.since)}`);
      if (query.until) where.push(`time < ${param(query.until)}`);
      if (query.outcomes) where.push(`outcome = ANY(${param(query.outcomes)}::text[])`);
      if (query.channel) where.push(`channel = ${param(query.channel)}`);
      if (query.unresolvedOnly) where.push('resolution_kind IS NULL');
      const sql = `SELECT * FROM questions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ${param(query.limit ?? 1000)}`;
      return (await all(sql, params)).map((r) => questionFromRow(r, toDate));
    },
    async resolveQuestion(id, resolution) {
      if (!/^\d{1,18}$/.test(id)) return false;
      const res = await pool.query(
        'UPDATE questions SET resolution_kind = $1, resolution_record = $2, resolution_by = $3, resolution_at = $4 WHERE id = $5',
        [resolution.kind, resolution.recordId ?? null, resolution.by, resolution.at, id],
      );
      return (res.rowCount ?? 0) > 0;
    },
    async addFeedback(entry) {
      const r = await one(
        `INSERT INTO feedback (time, record_id, question, helpful, reason, comment, channel, user_hash, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [entry.time ?? now(), entry.recordId, entry.question, entry.helpful, entry.reason ?? null, entry.comment ?? null, entry.channel, entry.user ?? null, entry.requestId ?? null],
      );
      return feedbackFromRow(r!, toDate);
    },
    async listFeedback(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (v: unknown) => (params.push(v), `$${params.length}`);
      if (query.since) where.push(`time >= ${param(query.since)}`);
      if (query.recordId) where.push(`record_id = ${param(query.recordId)}`);
      const sql = `SELECT * FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ${param(query.limit ?? 1000)}`;
      return (await all(sql, params)).map((r) => feedbackFromRow(r, toDate));
    },
    async purgeBefore(before) {
      return transaction(async (c) => {
        const q = await c.query("UPDATE questions SET question = '' WHERE time < $1 AND question <> ''", [before]);
        const f = await c.query("UPDATE feedback SET question = '', comment = NULL WHERE time < $1 AND (question <> '' OR comment IS NOT NULL)", [before]);
        return (q.rowCount ?? 0) + (f.rowCount ?? 0);
      });
    },

    async claimOnce(key, ttlMs) {
      const t = now();
      // The unique key decides between instances: a concurrent insert of the same key waits for
      // the first to commit, then sees its unexpired claim and updates nothing.
      const res = await pool.query(
        'INSERT INTO claims (key, until) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET until = EXCLUDED.until WHERE claims.until <= $3',
        [key, new Date(t.getTime() + ttlMs), t],
      );
      const claimed = (res.rowCount ?? 0) > 0;
      if (claimed) await pool.query('DELETE FROM claims WHERE key IN (SELECT key FROM claims WHERE until <= $1 LIMIT 100)', [t]);
      return claimed;
    },

    async conversation(key, maxAgeMs) {
      const since = new Date(now().getTime() - maxAgeMs);
      return (await all('SELECT question, answer_id, time FROM turns WHERE conv_key = $1 AND time >= $2 ORDER BY id', [key, since])).map((r) => ({
        question: r.question as string,
        ...(r.answer_id ? { answerId: r.answer_id as string } : {}),
        time: toDate(r.time),
      }));
    },
    async addTurn(key, turn, keep) {
      await transaction(async (c) => {
        await c.query('INSERT INTO turns (conv_key, question, answer_id, time) VALUES ($1, $2, $3, $4)', [key, turn.question, turn.answerId ?? null, turn.time]);
        await c.query('DELETE FROM turns WHERE conv_key = $1 AND id NOT IN (SELECT id FROM turns WHERE conv_key = $1 ORDER BY id DESC LIMIT $2)', [key, keep]);
      });
    },

    async addNotifyRequest(request) {
      const r = await one(
        'INSERT INTO notify_requests (id, question_id, question, line_user_id, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [randomUUID(), request.questionId, request.question, request.lineUserId, request.lang, now()],
      );
      return notifyFromRow(r!, toDate);
    },
    async notifyRequestsFor(questionId) {
      return (await all('SELECT * FROM notify_requests WHERE question_id = $1 ORDER BY created_at', [questionId])).map((r) => notifyFromRow(r, toDate));
    },
    async deleteNotifyRequest(id) {
      await pool.query('DELETE FROM notify_requests WHERE id = $1', [id]);
    },
    async purgeNotifyRequests(before) {
      return (await pool.query('DELETE FROM notify_requests WHERE created_at < $1', [before])).rowCount ?? 0;
    },

    async putEditor(e) {
      await pool.query(
        `INSERT INTO editors (name, role, password_hash, must_change, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash,
           must_change = EXCLUDED.must_change, created_at = EXCLUDED.created_at`,
        [e.name, e.role, e.passwordHash, e.mustChangePassword, e.createdAt],
      );
    },
    async getEditor(name) {
      const r = await one('SELECT * FROM editors WHERE name = $1', [name]);
      return r && editorFromRow(r, toDate);
    },
    async listEditors() {
      return (await all('SELECT * FROM editors ORDER BY name')).map((r) => editorFromRow(r, toDate));
    },
    async createSession(s) {
      await pool.query('INSERT INTO sessions (id, editor, csrf_token, expires_at) VALUES ($1, $2, $3, $4)', [s.id, s.editor, s.csrfToken, s.expiresAt]);
    },
    async getSession(id) {
      const r = await one('SELECT * FROM sessions WHERE id = $1 AND expires_at > $2', [id, now()]);
      return r && sessionFromRow(r, toDate);
    },
    async deleteSession(id) {
      await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
    },

    async getDraft() {
      const r = await one('SELECT * FROM drafts WHERE id = 1');
      return r && { files: JSON.parse(r.files as string) as Record<string, string>, updatedBy: r.updated_by as string, updatedAt: toDate(r.updated_at) };
    },
    async putDraft(d) {
      await pool.query(
        `INSERT INTO drafts (id, files, updated_by, updated_at) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET files = EXCLUDED.files, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(d.files), d.updatedBy, now()],
      );
    },
    async deleteDraft() {
      await pool.query('DELETE FROM drafts WHERE id = 1');
    },

    async recordChange(change) {
      const id = randomUUID();
      const time = now();
      const version = await transaction(async (c) => {
        // Two publishers at once: the lock orders them, so versions stay 1, 2, 3 ... without gaps.
        await c.query('LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE');
        const v = Number((await c.query('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM changes')).rows[0].v);
        await c.query('INSERT INTO changes (id, version, author, time, summary, diff, files) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          id,
          v,
          change.author,
          time,
          change.summary,
          change.diff,
          JSON.stringify(change.files),
        ]);
        return v;
      });
      return { ...change, files: { ...change.files }, id, version, time };
    },
    async listChanges(limit = 100) {
      return (await all('SELECT id, version, author, time, summary, diff FROM changes ORDER BY version DESC LIMIT $1', [limit])).map((r) => changeFromRow(r, toDate));
    },
    async getChange(id) {
      const r = await one('SELECT * FROM changes WHERE id = $1', [id]);
      return r && { ...changeFromRow(r, toDate), files: JSON.parse(r.files as string) as Record<string, string> };
    },
    async publishedVersion() {
      return Number((await one('SELECT COALESCE(MAX(version), 0) AS v FROM changes'))!.v);
    },
  };
}

/** Drops a schema and everything in it (tests' cleanup). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema) || schema === 'public') throw new Error(`refusing to drop schema ${JSON.stringify(schema)}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
