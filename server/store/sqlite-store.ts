import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS, type Migration } from './migrations.js';
import { changeFromRow, editorFromRow, feedbackFromRow, notifyFromRow, questionFromRow, sessionFromRow, type Row } from './rows.js';
import type { KnowledgeChange, QuestionQuery, Store } from './types.js';

export interface SqliteStoreOptions {
  /** The database file; its directory is created. `:memory:` works for throw-away stores. */
  file: string;
  /** The store's clock (tests move it); default the system clock. */
  clock?: () => Date;
  /** Migrations to apply; default SQLITE_MIGRATIONS (tests pass more to check upgrades). */
  migrations?: Migration[];
}

const toDate = (v: unknown) => new Date(Number(v));
const ms = (d: Date | undefined) => (d ? d.getTime() : null);

/**
 * The embedded store: one SQLite file in WAL mode, so readers never wait for the writer and
 * several processes on one machine may share it. better-sqlite3 is synchronous; each call is
 * short (indexed lookups, small batches), so it does not hold the event loop noticeably.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? (() => new Date());
  if (options.file !== ':memory:') mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  // Another process may hold the write lock for a moment (two instances, a script).
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const migrations = options.migrations ?? SQLITE_MIGRATIONS;
  let closed = false;

  const now = () => clock().getTime();
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Row[];
  const get = (sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as Row | undefined;
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);

  function migrate(): void {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    // IMMEDIATE takes the write lock first, so two processes starting together apply each
    // migration once: the second waits (busy_timeout), then sees it applied.
    const apply = db.transaction(() => {
      const done = new Set(all('SELECT version FROM schema_migrations').map((r) => Number(r.version)));
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        db.exec(m.sql);
        run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', m.version, m.name, Date.now());
      }
    });
    apply.immediate();
  }

  function initPrepared() {
    const insertQuestion = db.prepare(`INSERT INTO questions
      (time, channel, question, lang, outcome, top_id, score, latency_ms, user_hash, request_id)
      VALUES (@time, @channel, @question, @lang, @outcome, @topId, @score, @latencyMs, @user, @requestId)`);
    return {
      appendQuestions: db.transaction((entries: Parameters<Store['appendQuestions']>[0]) => {
        for (const e of entries) {
          insertQuestion.run({
            time: ms(e.time) ?? now(),
            channel: e.channel,
            question: e.question,
            lang: e.lang,
            outcome: e.outcome,
            topId: e.topId ?? null,
            score: e.score ?? null,
            latencyMs: e.latencyMs,
            user: e.user ?? null,
            requestId: e.requestId ?? null,
          });
        }
      }),
    };
  }

  // Statements over tables need the tables: prepared lazily after migrate().
  let prepared: ReturnType<typeof initPrepared> | undefined;
  const p = () => (prepared ??= initPrepared());

  return {
    kind: 'sqlite',
    async migrate() {
      migrate();
    },
    async ping() {
      get('SELECT 1 AS ok');
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },

    async setting(key, init) {
      const existing = get('SELECT value FROM settings WHERE key = ?', key);
      if (existing) return existing.value as string;
      run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, init());
      return get('SELECT value FROM settings WHERE key = ?', key)!.value as string;
    },
    async getSetting(key) {
      return get('SELECT value FROM settings WHERE key = ?', key)?.value as string | undefined;
    },
    async putSetting(key, value) {
      run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
    },

    async appendQuestions(entries) {
      if (entries.length > 0) p().appendQuestions(entries);
    },
    async listQuestions(query: QuestionQuery = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.since) where.push('time >= ?'), params.push(ms(query.since));
      if (query.until) where.push('time < ?'), params.push(ms(query.until));
      if (query.outcomes) where.push(`outcome IN (${query.outcomes.map(() => '?').join(',') || 'NULL'})`), params.push(...query.outcomes);
      if (query.channel) where.push('channel = ?'), params.push(query.channel);
      if (query.unresolvedOnly) where.push('resolution_kind IS NULL');
      const sql = `SELECT * FROM questions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ?`;
      return all(sql, ...params, query.limit ?? 1000).map((r) => questionFromRow(r, toDate));
    },
    async resolveQuestion(id, resolution) {
      if (!/^\d+$/.test(id)) return false;
      const info = run(
        'UPDATE questions SET resolution_kind = ?, resolution_record = ?, resolution_by = ?, resolution_at = ? WHERE id = ?',
        resolution.kind,
        resolution.recordId ?? null,
        resolution.by,
        ms(resolution.at),
        Number(id),
      );
      return info.changes > 0;
    },
    async addFeedback(entry) {
      const time = ms(entry.time) ?? now();
      const info = run(
        `INSERT INTO feedback (time, record_id, question, helpful, reason, comment, channel, user_hash, request_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        time,
        entry.recordId,
        entry.question,
        entry.helpful ? 1 : 0,
        entry.reason ?? null,
        entry.comment ?? null,
        entry.channel,
        entry.user ?? null,
        entry.requestId ?? null,
      );
      return feedbackFromRow(get('SELECT * FROM feedback WHERE id = ?', info.lastInsertRowid)!, toDate);
    },
    async listFeedback(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.since) where.push('time >= ?'), params.push(ms(query.since));
      if (query.recordId) where.push('record_id = ?'), params.push(query.recordId);
      const sql = `SELECT * FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY time DESC, id DESC LIMIT ?`;
      return all(sql, ...params, query.limit ?? 1000).map((r) => feedbackFromRow(r, toDate));
    },
    async purgeBefore(before) {
      const t = ms(before);
      const purge = db.transaction(() => {
        const q = run("UPDATE questions SET question = '' WHERE time < ? AND question <> ''", t).changes;
        const f = run("UPDATE feedback SET question = '', comment = NULL WHERE time < ? AND (question <> '' OR comment IS NOT NULL)", t).changes;
        return q + f;
      });
      return purge();
    },

    async claimOnce(key, ttlMs) {
      const t = now();
      // One statement: the insert wins, or the update wins when the old claim expired.
      const info = run(
        'INSERT INTO claims (key, until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE claims.until <= ?',
        key,
        t + ttlMs,
        t,
      );
      // Expired claims are garbage; dropping a few on each claim keeps the table small.
      if (info.changes > 0) run('DELETE FROM claims WHERE key IN (SELECT key FROM claims WHERE until <= ? LIMIT 100)', t);
      return info.changes > 0;
    },

    async conversation(key, maxAgeMs) {
      return all('SELECT question, answer_id, time FROM turns WHERE conv_key = ? AND time >= ? ORDER BY id', key, now() - maxAgeMs).map((r) => ({
        question: r.question as string,
        ...(r.answer_id ? { answerId: r.answer_id as string } : {}),
        time: toDate(r.time),
      }));
    },
    async addTurn(key, turn, keep) {
      const add = db.transaction(() => {
        run('INSERT INTO turns (conv_key, question, answer_id, time) VALUES (?, ?, ?, ?)', key, turn.question, turn.answerId ?? null, ms(turn.time));
        run('DELETE FROM turns WHERE conv_key = ? AND id NOT IN (SELECT id FROM turns WHERE conv_key = ? ORDER BY id DESC LIMIT ?)', key, key, keep);
      });
      add();
    },

    async addNotifyRequest(request) {
      const id = randomUUID();
      run(
        'INSERT INTO notify_requests (id, question_id, question, line_user_id, lang, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        id,
        request.questionId,
        request.question,
        request.lineUserId,
        request.lang,
        now(),
      );
      return notifyFromRow(get('SELECT * FROM notify_requests WHERE id = ?', id)!, toDate);
    },
    async notifyRequestsFor(questionId) {
      return all('SELECT * FROM notify_requests WHERE question_id = ? ORDER BY created_at', questionId).map((r) => notifyFromRow(r, toDate));
    },
    async deleteNotifyRequest(id) {
      run('DELETE FROM notify_requests WHERE id = ?', id);
    },
    async purgeNotifyRequests(before) {
      return run('DELETE FROM notify_requests WHERE created_at < ?', ms(before)).changes;
    },

    async putEditor(e) {
      run(
        `INSERT INTO editors (name, role, password_hash, must_change, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
           must_change = excluded.must_change, created_at = excluded.created_at`,
        e.name,
        e.role,
        e.passwordHash,
        e.mustChangePassword ? 1 : 0,
        ms(e.createdAt),
      );
    },
    async getEditor(name) {
      const r = get('SELECT * FROM editors WHERE name = ?', name);
      return r && editorFromRow(r, toDate);
    },
    async listEditors() {
      return all('SELECT * FROM editors ORDER BY name').map((r) => editorFromRow(r, toDate));
    },
    async createSession(s) {
      run('INSERT INTO sessions (id, editor, csrf_token, expires_at) VALUES (?, ?, ?, ?)', s.id, s.editor, s.csrfToken, ms(s.expiresAt));
    },
    async getSession(id) {
      const r = get('SELECT * FROM sessions WHERE id = ? AND expires_at > ?', id, now());
      return r && sessionFromRow(r, toDate);
    },
    async deleteSession(id) {
      run('DELETE FROM sessions WHERE id = ?', id);
    },

    async getDraft() {
      const r = get('SELECT * FROM drafts WHERE id = 1');
      return r && { files: JSON.parse(r.files as string) as Record<string, string>, updatedBy: r.updated_by as string, updatedAt: toDate(r.updated_at) };
    },
    async putDraft(d) {
      run(
        `INSERT INTO drafts (id, files, updated_by, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET files = excluded.files, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        JSON.stringify(d.files),
        d.updatedBy,
        now(),
      );
    },
    async deleteDraft() {
      run('DELETE FROM drafts WHERE id = 1');
    },

    async recordChange(change) {
      const id = randomUUID();
      const time = now();
      const record = db.transaction(() => {
        const version = Number(get('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM changes')!.v);
        run(
          'INSERT INTO changes (id, version, author, time, summary, diff, files) VALUES (?, ?, ?, ?, ?, ?, ?)',
          id,
          version,
          change.author,
          time,
          change.summary,
          change.diff,
          JSON.stringify(change.files),
        );
        return version;
      });
      const version = record.immediate();
      return { ...change, files: { ...change.files }, id, version, time: new Date(time) } satisfies KnowledgeChange;
    },
    async listChanges(limit = 100) {
      return all('SELECT id, version, author, time, summary, diff FROM changes ORDER BY version DESC LIMIT ?', limit).map((r) => changeFromRow(r, toDate));
    },
    async getChange(id) {
      const r = get('SELECT * FROM changes WHERE id = ?', id);
      return r && { ...changeFromRow(r, toDate), files: JSON.parse(r.files as string) as Record<string, string> };
    },
    async publishedVersion() {
      return Number(get('SELECT COALESCE(MAX(version), 0) AS v FROM changes')!.v);
    },
  };
}
