import { randomUUID } from 'node:crypto';
import { sign } from '../../server/line/signature.js';

export const LINE_SECRET = 'test-channel-secret';
export const LINE_TOKEN = 'test-channel-access-token';

export function textEvent(text: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: `reply-${randomUUID()}`,
    source: { type: 'user', userId: 'U0123456789abcdef0123456789abcdef' },
    message: { type: 'text', id: '1', quoteToken: 'q', text },
    ...overrides,
  };
}

export function signedRequest(body: object, secret = LINE_SECRET) {
  const payload = JSON.stringify(body);
  return {
    method: 'POST' as const,
    url: '/webhook/line',
    payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-line-signature': sign(payload, secret) },
  };
}
