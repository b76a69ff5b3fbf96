import type { TextMessage } from './messages.js';
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

export interface ReplyClient {
  reply(replyToken: string, messages: TextMessage[]): Promise<void>;
}

export interface ReplyClientOptions {
  apiBase: string;
  channelAccessToken: string;
  /** A reply token lives about a minute; a hung call must not hold work that long. */
  timeoutMs?: number;
}

/** Plain fetch to `{apiBase}/v2/bot/message/reply`, so tests can point it at a local fake. */
export function createReplyClient({ apiBase, channelAccessToken, timeoutMs = 10_000 }: ReplyClientOptions): ReplyClient {
  const url = `${apiBase.replace(/\/+$/, '')}/v2/bot/message/reply`;
  return {
    async reply(replyToken, messages) {
      if (messages.length < 1 || messages.length > LINE_LIMITS.messagesPerReply) {
        throw new LineApiError(`a reply carries 1-${LINE_LIMITS.messagesPerReply} messages, not ${messages.length}`);
      }
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${channelAccessToken}` },
          body: JSON.stringify({ replyToken, messages }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (cause) {
        throw new LineApiError(`LINE reply call failed: ${(cause as Error).message}`, undefined, { cause });
      }
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 500);
        throw new LineApiError(`LINE reply call returned ${response.status}: ${detail}`, response.status);
      }
      await response.body?.cancel().catch(() => {});
    },
  };
}
