import type { RecordSummary } from '../../server/console/records.js';
import type { BatchResult } from '../../server/console/test-pane.js';

export type { BatchResult, RecordSummary };
/**
 * Client for the console API (/api/console). Remembers the session's CSRF token from sign-in
 * (or GET /session) and sends it on every state-changing call; the session cookie itself is
 * httpOnly and travels on its own.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
export const setCsrf = (token: string | null) => {
  csrfToken = token;
};

const TIMEOUT_MS = 120_000;

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(0, (cause as Error).message);
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => undefined)) as { message?: string; issues?: { path: string; message: string }[] } | undefined;
  if (!response.ok) throw new ApiError(response.status, payload?.message ?? `HTTP ${response.status}`, payload?.issues ?? []);
  return payload as T;
}

export const recordPath = (id: string) => `/api/console/records/${id.split('/').map(encodeURIComponent).join('/')}`;

export interface Me {
  editor: string;
  role: 'editor' | 'publisher';
  mustChangePassword: boolean;
  csrfToken: string | null;
}

export interface KbRecord {
  id: string;
  source: { document: string; section: string; number: number; line?: number };
  question: { th: string; en: string };
  answer: { th: string; en: string };
  alternates: { th: string[]; en: string[] };
  tags: { years: number[]; component?: string; indicators: string[]; audience?: string };
  supersededBy?: string;
}

export interface RecordDetail {
  record: KbRecord;
  source: { document: string; title: { th: string; en: string }; date: string; sourceFile: string; section: string; sectionTitle?: { th: string; en: string }; number: number; line?: number };
  problems: { field: string; message: string; severity: 'error' | 'warning' }[];
  changedInDraft: boolean;
  feedback: { helpful: number; unhelpful: number };
}

export interface Problem {
  file: string;
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface DraftReview {
  changed: { path: string; change: string }[];
  updatedBy?: string;
  updatedAt?: string;
  review: { errors: Problem[]; warnings: Problem[]; counts: Record<string, number>; duplicates: { id: string; similarTo: string; similarity: number }[] };
  diff: { path: string; diff: string }[];
}

export interface Change {
  id: string;
  version: number;
  author: string;
  time: string;
  summary: string;
  diff: string;
}

export interface SideResult {
  status: string;
  answers: { id: string; score: number; question: string; matched: string[] }[];
  terms: string[];
  message?: string;
}

export interface ImportPreview {
  report: { document: string; records: number; untranslated: number; added: number; updated: number; unchanged: number; problems: Problem[]; duplicates: { id: string; similarTo: string; similarity: number }[] };
  records: KbRecord[];
  sideBySide: { id: string; other: string; kind: string; similarity?: number; mine: Pick<KbRecord, 'question' | 'answer'>; theirs: Pick<KbRecord, 'question' | 'answer'> }[];
  removed: string[];
}

export interface InboxGroup {
  id: string;
  question: string;
  count: number;
  newest: string;
  kinds: Record<string, number>;
  items: { key: string; kind: string; question: string; time: string; recordId?: string }[];
  suggestions: { id: string; question: string; score: number }[];
}

export interface InboxStats {
  feedbackByRecord: { recordId: string; helpful: number; unhelpful: number }[];
  mostAskedThisWeek: { recordId: string; count: number }[];
  declinedShare: { day: string; asked: number; declined: number; share: number }[];
}

export interface Concept {
  id: string;
  th: string[];
  en: string[];
  abbreviations: string[];
  transliterations: string[];
  synonyms: string[];
  indicator?: string;
  note?: string;
}
