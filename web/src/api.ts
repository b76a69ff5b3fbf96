import type { DocumentsResponse } from '../../server/routes/documents.js';
import type { Answer, AskFilters, AskResult, BotMessage, HistoryTurn, Lang } from '../../server/search/types.js';
import type { FeedbackBody } from '../../server/routes/feedback.js';

/** Client for the JSON API in ../shared/DESIGN.md. Every call says it comes from the web UI. */

export type { Answer, AskResult, BotMessage, HistoryTurn, Lang };
export type FeedbackReason = NonNullable<FeedbackBody['reason']>;

/** The shape GET /api/documents returns, taken from the route so the two cannot drift. */
export type DocumentsResult = DocumentsResponse;
export type DocumentSummary = DocumentsResponse['documents'][number];

/** Why a call failed, in terms the UI can explain: the HTTP status (0 = no response) and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

const TIMEOUT_MS = 15_000;

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'x-client': 'web',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(0, `${method} ${path}: ${(cause as Error).message}`, { cause });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = (payload as { message?: unknown } | undefined)?.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : `${method} ${path}: HTTP ${response.status}`);
  }
  if (payload === undefined) throw new ApiError(response.status, `${method} ${path}: response is not JSON`);
  return payload as T;
}

/** At most this many earlier turns go with a question (the API's limit). */
export const HISTORY_TURNS = 5;

export interface AskOptions {
  /** The interface language: answers come in it when a translation exists. */
  lang: Lang;
  filters?: AskFilters;
  /** Earlier turns, oldest first; only the last HISTORY_TURNS are sent. */
  history?: HistoryTurn[];
  limit?: number;
}

export function ask(question: string, options: AskOptions): Promise<AskResult> {
  const active = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  const history = (options.history ?? []).slice(-HISTORY_TURNS);
  return call('POST', '/api/ask', {
    question,
    lang: options.lang,
    limit: options.limit ?? 4,
    ...(Object.keys(active).length ? { filters: active } : {}),
    ...(history.length ? { history } : {}),
  });
}

export function getRecord(id: string, lang: Lang): Promise<Answer> {
  // Ids are `<document>/<section>/<number>` slugs; keep the slashes so the URL reads like the id.
  const path = id.split('/').map(encodeURIComponent).join('/');
  return call('GET', `/api/records/${path}?lang=${lang}`);
}

export function getDocuments(): Promise<DocumentsResult> {
  return call('GET', '/api/documents');
}

export function sendFeedback(recordId: string, question: string, helpful: boolean, detail: { reason?: FeedbackReason; comment?: string } = {}): Promise<{ ok: true }> {
  const comment = detail.comment?.trim();
  return call('POST', '/api/feedback', {
    recordId,
    question: question.slice(0, 500),
    helpful,
    ...(detail.reason ? { reason: detail.reason } : {}),
    ...(comment ? { comment } : {}),
  });
}
