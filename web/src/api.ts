import type { DocumentsResponse } from '../../server/routes/documents.js';
import type { Answer, AskFilters, AskResult, Lang } from '../../server/search/types.js';

/** Client for the JSON API in ../shared/DESIGN.md. Every call says it comes from the web UI. */

export type { Answer, AskResult, Lang };

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

export function ask(question: string, filters: AskFilters, limit = 4): Promise<AskResult> {
  const active = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
  return call('POST', '/api/ask', { question, limit, ...(Object.keys(active).length ? { filters: active } : {}) });
}

export function getRecord(id: string, lang: Lang): Promise<Answer> {
  // Ids are `<document>/<section>/<number>` slugs; keep the slashes so the URL reads like the id.
  const path = id.split('/').map(encodeURIComponent).join('/');
  return call('GET', `/api/records/${path}?lang=${lang}`);
}

export function getDocuments(): Promise<DocumentsResult> {
  return call('GET', '/api/documents');
}

export function sendFeedback(recordId: string, question: string, helpful: boolean): Promise<{ ok: true }> {
  return call('POST', '/api/feedback', { recordId, question: question.slice(0, 500), helpful });
}
