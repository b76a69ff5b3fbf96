import { z } from 'zod';
import type { FeedbackReason } from '../store/types.js';
import type { Lang } from '../search/types.js';

/**
 * What a postback button asks for. Postback data comes back from LINE as a string the user's
 * client could have altered, so it is parsed with zod like any other input. The form is a
 * URL query (short, readable in logs) and stays within LINE's 300-character limit: record ids
 * are at most 200 characters (records schema) and the rest is a few short fields.
 */
export type Postback =
  /** Open a record as an answer card; `choice` when it was picked from "did you mean" options. */
  | { action: 'open'; recordId: string; lang: Lang; choice?: boolean }
  | { action: 'feedback'; recordId: string; lang: Lang; helpful: boolean }
  | { action: 'reason'; recordId: string; lang: Lang; reason: FeedbackReason }
  /** Opt in to a push when an editor answers; `hash` identifies the question asked. */
  | { action: 'notify'; lang: Lang; hash: string };

const lang = z.enum(['th', 'en']).catch('th');
const id = z.string().min(1).max(200);

const PostbackSchema = z.union([
  z.object({ a: z.literal('open'), r: id, l: lang, c: z.literal('1').optional() }).transform((p): Postback => ({ action: 'open', recordId: p.r, lang: p.l, ...(p.c ? { choice: true } : {}) })),
  // The first version's quick replies: `record=<id>&lang=<th|en>`; old chats still hold them.
  z.object({ record: id, lang }).transform((p): Postback => ({ action: 'open', recordId: p.record, lang: p.lang })),
  z.object({ a: z.literal('fb'), r: id, l: lang, v: z.enum(['1', '0']) }).transform((p): Postback => ({ action: 'feedback', recordId: p.r, lang: p.l, helpful: p.v === '1' })),
  z.object({ a: z.literal('why'), r: id, l: lang, w: z.enum(['wrong', 'outdated', 'unclear', 'other']) }).transform((p): Postback => ({ action: 'reason', recordId: p.r, lang: p.l, reason: p.w })),
  z.object({ a: z.literal('notify'), l: lang, h: z.string().regex(/^[0-9a-f]{16}$/) }).transform((p): Postback => ({ action: 'notify', lang: p.l, hash: p.h })),
]);

export function encodePostback(p: Postback): string {
  const fields: Record<string, string> =
    p.action === 'open'
      ? { a: 'open', r: p.recordId, l: p.lang, ...(p.choice ? { c: '1' } : {}) }
      : p.action === 'feedback'
        ? { a: 'fb', r: p.recordId, l: p.lang, v: p.helpful ? '1' : '0' }
        : p.action === 'reason'
          ? { a: 'why', r: p.recordId, l: p.lang, w: p.reason }
          : { a: 'notify', l: p.lang, h: p.hash };
  return new URLSearchParams(fields).toString();
}

/** The postback, or undefined when the data is not one of ours (or was tampered with). */
export function parsePostback(data: string): Postback | undefined {
  const parsed = PostbackSchema.safeParse(Object.fromEntries(new URLSearchParams(data)));
  return parsed.success ? parsed.data : undefined;
}
