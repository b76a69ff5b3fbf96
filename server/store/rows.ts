import type { Channel, Editor, FeedbackReason, FeedbackRow, KnowledgeChange, NotifyRequest, Outcome, QuestionRow, Role, Session } from './types.js';

/**
 * Row → object mapping shared by the SQL stores. Column names are the same in both dialects;
 * only time values differ (SQLite: milliseconds, PostgreSQL: Date), so each store passes `toDate`.
 * NULL columns become absent properties, as in the memory store.
 */
export type Row = Record<string, unknown>;
export type ToDate = (value: unknown) => Date;

const opt = <T>(value: unknown): T | undefined => (value === null || value === undefined ? undefined : (value as T));

function defined<T extends object>(obj: T): T {
  for (const key of Object.keys(obj) as (keyof T)[]) if (obj[key] === undefined) delete obj[key];
  return obj;
}

export function questionFromRow(r: Row, toDate: ToDate): QuestionRow {
  const row: QuestionRow = defined({
    id: String(r.id),
    time: toDate(r.time),
    channel: r.channel as Channel,
    question: r.question as string,
    lang: r.lang as string,
    outcome: r.outcome as Outcome,
    topId: opt<string>(r.top_id),
    score: opt<number>(r.score),
    latencyMs: Number(r.latency_ms),
    user: opt<string>(r.user_hash),
    requestId: opt<string>(r.request_id),
  });
  if (r.resolution_kind) {
    row.resolution = defined({
      kind: r.resolution_kind as NonNullable<QuestionRow['resolution']>['kind'],
      recordId: opt<string>(r.resolution_record),
      by: r.resolution_by as string,
      at: toDate(r.resolution_at),
    });
  }
  return row;
}

export function feedbackFromRow(r: Row, toDate: ToDate): FeedbackRow {
  return defined({
    id: String(r.id),
    time: toDate(r.time),
    recordId: r.record_id as string,
    question: r.question as string,
    helpful: Boolean(r.helpful),
    reason: opt<FeedbackReason>(r.reason),
    comment: opt<string>(r.comment),
    channel: r.channel as Channel,
    user: opt<string>(r.user_hash),
    requestId: opt<string>(r.request_id),
  });
}

export function notifyFromRow(r: Row, toDate: ToDate): NotifyRequest {
  return {
    id: r.id as string,
    questionId: r.question_id as string,
    question: r.question as string,
    lineUserId: r.line_user_id as string,
    lang: r.lang as string,
    createdAt: toDate(r.created_at),
  };
}

export function editorFromRow(r: Row, toDate: ToDate): Editor {
  return {
    name: r.name as string,
    role: r.role as Role,
    passwordHash: r.password_hash as string,
    mustChangePassword: Boolean(r.must_change),
    createdAt: toDate(r.created_at),
  };
}

export function sessionFromRow(r: Row, toDate: ToDate): Session {
  return { id: r.id as string, editor: r.editor as string, csrfToken: r.csrf_token as string, expiresAt: toDate(r.expires_at) };
}

export function changeFromRow(r: Row, toDate: ToDate): Omit<KnowledgeChange, 'files'> {
  return {
    id: r.id as string,
    version: Number(r.version),
    author: r.author as string,
    time: toDate(r.time),
    summary: r.summary as string,
    diff: r.diff as string,
  };
}
