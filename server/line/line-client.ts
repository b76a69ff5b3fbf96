import { randomUUID } from 'node:crypto';
import { createCallQueue } from './call-queue.js';
import type { LineMessage } from './messages.js';
import { LINE_LIMITS } from './messages.js';

export class LineApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LineApiError';
  }
}

/** The calls we make to the LINE Messaging API. */
export interface LineClient {
  reply(replyToken: string, messages: LineMessage[]): Promise<void>;
  /**
   * Pushes to one user. `retryKey` (a UUID) makes a retried push idempotent on LINE's side: a
   * second call with the same key is answered 409 and not delivered again.
   */
  push(to: string, messages: LineMessage[], retryKey?: string): Promise<void>;
  /** Shows the "typing" animation in a one-to-one chat (5-60 s, a multiple of 5). */
  startLoading(chatId: string, seconds?: number): Promise<void>;
}

export interface LineClientOptions {
  /** e.g. https://api.line.me; tests point it at a local fake. */
  apiBase: string;
  channelAccessToken: string;
  /** Per call; a reply token lives about a minute, and a hung call must not hold a slot that long. Default 10 s. */
  timeoutMs?: number;
  /** Calls in flight at once; the rest wait. Default 4. */
  concurrency?: number;
}

function checkCount(messages: LineMessage[]): void {
  if (messages.length < 1 || messages.length > LINE_LIMITS.messagesPerReply) {
    throw new LineApiError(`a LINE message call carries 1-${LINE_LIMITS.messagesPerReply} messages, not ${messages.length}`);
  }
}

function isStaleConnection(err: unknown): boolean {
  const code = ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string }))?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}

export function createLineClient({ apiBase, channelAccessToken, timeoutMs = 10_000, concurrency = 4 }: LineClientOptions): LineClient {
  const base = apiBase.replace(/\/+$/, '');
  const queue = createCallQueue(concurrency);

  async function post(path: string, body: unknown, extraHeaders: Record<string, string> = {}): Promise<Response> {
    const send = () =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${channelAccessToken}`, ...extraHeaders },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    try {
      try {
        return await send();
      } catch (cause) {
        // A pooled keep-alive connection the server had just closed: sent again once on a fresh
        // one. Safe: a reply token is single-use and a push carries its retry key.
        if (!isStaleConnection(cause)) throw cause;
        return await send();
      }
    } catch (cause) {
      throw new LineApiError(`LINE call ${path} failed: ${(cause as Error).message}`, undefined, { cause });
    }
  }

  async function check(path: string, response: Response, okStatuses: number[] = []): Promise<void> {
    if (!response.ok && !okStatuses.includes(response.status)) {
      const detail = (await response.text().catch(() => '')).slice(0, 500);
      throw new LineApiError(`LINE call ${path} returned ${response.status}: ${detail}`, response.status);
    }
    await response.body?.cancel().catch(() => {});
  }

  return {
    reply(replyToken, messages) {
      checkCount(messages);
      return queue.run(async () => check('/v2/bot/message/reply', await post('/v2/bot/message/reply', { replyToken, messages })));
    },
    push(to, messages, retryKey = randomUUID()) {
      checkCount(messages);
      // 409 with the same retry key: LINE already accepted this push, so it counts as sent.
      return queue.run(async () => check('/v2/bot/message/push', await post('/v2/bot/message/push', { to, messages }, { 'x-line-retry-key': retryKey }), [409]));
    },
    startLoading(chatId, seconds = 20) {
      const loadingSeconds = Math.min(60, Math.max(5, Math.round(seconds / 5) * 5));
      return queue.run(async () => check('/v2/bot/chat/loading/start', await post('/v2/bot/chat/loading/start', { chatId, loadingSeconds })));
    },
  };
}
