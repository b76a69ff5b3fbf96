/**
 * Versioned schema changes, one list per dialect. A version, once released, is never edited:
 * add a new one. Both lists must describe the same tables (test/store/contract.ts checks behaviour).
 *
 * Times: SQLite keeps milliseconds since the epoch (INTEGER); PostgreSQL keeps timestamptz.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial tables',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time INTEGER NOT NULL,
        channel TEXT NOT NULL,
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        outcome TEXT NOT NULL,
        top_id TEXT, score REAL, latency_ms REAL NOT NULL,
        user_hash TEXT, request_id TEXT,
        resolution_kind TEXT, resolution_record TEXT, resolution_by TEXT, resolution_at INTEGER
      );
      CREATE INDEX questions_time ON questions (time);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time INTEGER NOT NULL,
        record_id TEXT NOT NULL,
        question TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        reason TEXT, comment TEXT,
        channel TEXT NOT NULL,
        user_hash TEXT, request_id TEXT
      );
      CREATE INDEX feedback_time ON feedback (time);
      CREATE INDEX feedback_record ON feedback (record_id);
      CREATE TABLE claims (key TEXT PRIMARY KEY, until INTEGER NOT NULL);
      CREATE TABLE turns (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conv_key TEXT NOT NULL,
        question TEXT NOT NULL,
        answer_id TEXT,
        time INTEGER NOT NULL
      );
      CREATE INDEX turns_key ON turns (conv_key, id);
      CREATE TABLE notify_requests (
        id TEXT PRIMARY KEY,
        question_id TEXT NOT NULL,
        question TEXT NOT NULL,
        line_user_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX notify_question ON notify_requests (question_id);
      CREATE TABLE editors (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        must_change INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (id TEXT PRIMARY KEY, editor TEXT NOT NULL, csrf_token TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE drafts (id INTEGER PRIMARY KEY CHECK (id = 1), files TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE changes (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        author TEXT NOT NULL,
        time INTEGER NOT NULL,
        summary TEXT NOT NULL,
        diff TEXT NOT NULL,
        files TEXT NOT NULL
      );
    `,
  },
];

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial tables',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE questions (
        id BIGSERIAL PRIMARY KEY,
        time TIMESTAMPTZ NOT NULL,
        channel TEXT NOT NULL,
        question TEXT NOT NULL,
        lang TEXT NOT NULL,
        outcome TEXT NOT NULL,
        top_id TEXT, score DOUBLE PRECISION, latency_ms DOUBLE PRECISION NOT NULL,
        user_hash TEXT, request_id TEXT,
        resolution_kind TEXT, resolution_record TEXT, resolution_by TEXT, resolution_at TIMESTAMPTZ
      );
      CREATE INDEX questions_time ON questions (time);
      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        time TIMESTAMPTZ NOT NULL,
        record_id TEXT NOT NULL,
        question TEXT NOT NULL,
        helpful BOOLEAN NOT NULL,
        reason TEXT, comment TEXT,
        channel TEXT NOT NULL,
        user_hash TEXT, request_id TEXT
      );
      CREATE INDEX feedback_time ON feedback (time);
      CREATE INDEX feedback_record ON feedback (record_id);
      CREATE TABLE claims (key TEXT PRIMARY KEY, until TIMESTAMPTZ NOT NULL);
      CREATE TABLE turns (
        id BIGSERIAL PRIMARY KEY,
        conv_key TEXT NOT NULL,
        question TEXT NOT NULL,
        answer_id TEXT,
        time TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX turns_key ON turns (conv_key, id);
      CREATE TABLE notify_requests (
        id TEXT PRIMARY KEY,
        question_id TEXT NOT NULL,
        question TEXT NOT NULL,
        line_user_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX notify_question ON notify_requests (question_id);
      CREATE TABLE editors (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        must_change BOOLEAN NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE sessions (id TEXT PRIMARY KEY, editor TEXT NOT NULL, csrf_token TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL);
      CREATE TABLE drafts (id INTEGER PRIMARY KEY CHECK (id = 1), files TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
      CREATE TABLE changes (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        author TEXT NOT NULL,
        time TIMESTAMPTZ NOT NULL,
        summary TEXT NOT NULL,
        diff TEXT NOT NULL,
        files TEXT NOT NULL
      );
    `,
  },
];
