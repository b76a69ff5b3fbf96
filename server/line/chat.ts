import { createHash } from 'node:crypto';
import type { LineEvent, LineSource } from './webhook-schema.js';

/** Where an event happened: a one-to-one chat, a group or a multi-person room. */
export interface Chat {
  kind: 'user' | 'group' | 'room';
  /** The user, group or room id: the conversation's identity. */
  id: string;
  /** The person who sent the event, when LINE says (in groups only if they agreed). */
  userId?: string;
}

export function chatOf(source: LineSource | undefined): Chat | undefined {
  if (!source) return undefined;
  if (source.type === 'group' && source.groupId) return { kind: 'group', id: source.groupId, userId: source.userId };
  if (source.type === 'room' && source.roomId) return { kind: 'room', id: source.roomId, userId: source.userId };
  if (source.userId) return { kind: 'user', id: source.userId, userId: source.userId };
  return undefined;
}

/** True when the text message mentions the bot itself (LINE marks that mentionee isSelf). */
export function mentionsBot(event: LineEvent): boolean {
  return event.message?.mention?.mentionees.some((m) => m.isSelf === true) ?? false;
}

/** The text without the "@bot" mentions, so the question is what the person typed. */
export function withoutSelfMentions(event: LineEvent): string {
  const text = event.message?.text ?? '';
  const spans = (event.message?.mention?.mentionees ?? []).filter((m) => m.isSelf).sort((a, b) => b.index - a.index);
  let out = text;
  // LINE counts index and length in UTF-16 units, which is what String#slice uses.
  for (const m of spans) out = `${out.slice(0, m.index)} ${out.slice(m.index + m.length)}`;
  return out;
}

/**
 * A key for events LINE sent without webhookEventId (older deliveries, some test tools): what
 * happened, where and when. Redeliveries of the same event give the same key; the reply token
 * is left out because it is not part of what the person did.
 */
export function contentKey(event: LineEvent): string {
  const { type, timestamp, source, message, postback } = event;
  const content = JSON.stringify([type, timestamp ?? null, source ?? null, message?.id ?? null, message?.text ?? null, message?.type ?? null, postback?.data ?? null]);
  return createHash('sha256').update(content).digest('hex');
}
