import { randomUUID } from 'node:crypto';
import { sign } from '../../server/line/signature.js';

export const LINE_SECRET = 'test-channel-secret';
export const LINE_TOKEN = 'test-channel-access-token';
export const USER_ID = 'U0123456789abcdef0123456789abcdef';
export const GROUP_ID = 'C0123456789abcdef0123456789abcdef';

/** A text message event as LINE sends it (webhook.yml MessageEvent with TextMessageContent). */
export function textEvent(text: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'message',
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: `reply-${randomUUID()}`,
    source: { type: 'user', userId: USER_ID },
    message: { type: 'text', id: '1', quoteToken: 'q', text },
    ...overrides,
  };
}

/** A text message in a group; `mentionBot` puts "@OPDC Bot " in front, marked isSelf as LINE does. */
export function groupTextEvent(text: string, { mentionBot = false, groupId = GROUP_ID, userId = 'U9999999999abcdef0123456789abcdef' } = {}) {
  const at = '@OPDC Bot ';
  const full = mentionBot ? `${at}${text}` : text;
  return textEvent(full, {
    source: { type: 'group', groupId, userId },
    message: {
      type: 'text',
      id: '2',
      quoteToken: 'q',
      text: full,
      ...(mentionBot ? { mention: { mentionees: [{ index: 0, length: at.trimEnd().length, type: 'user', userId: 'Ubot', isSelf: true }] } } : {}),
    },
  });
}

export function postbackEvent(data: string, source: Record<string, string> = { type: 'user', userId: USER_ID }) {
  return { type: 'postback', mode: 'active', timestamp: Date.now(), webhookEventId: randomUUID(), deliveryContext: { isRedelivery: false }, replyToken: `reply-${randomUUID()}`, source, postback: { data } };
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
