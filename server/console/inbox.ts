import { clusterBySimilarity } from '../log/trigram.js';
import type { FeedbackRow, QuestionRow, Store } from '../store/types.js';
import { ConsoleError } from './errors.js';

/**
 * Learning from staff: questions the bot declined, clarified or handed off, and answers that got
 * a 👎, grouped by similarity (character trigrams, as the question-log report groups them) so an
 * editor handles "the same question, asked five ways" once.
 */
export const INBOX_OUTCOMES = ['none', 'clarify', 'handoff'] as const;
/** Jaccard similarity of character trigrams at which two questions share a group. */
export const GROUP_SIMILARITY = 0.45;
const DISMISSED_FEEDBACK = 'console.dismissedFeedback';

export interface InboxItem {
  /** Question id ("q:<id>") or feedback id ("f:<id>"). */
  key: string;
  kind: 'none' | 'clarify' | 'handoff' | 'feedback';
  question: string;
  time: Date;
  /** The record it was (wrongly) answered with, for 👎 and suggestions. */
  recordId?: string;
  channel: string;
}

export interface InboxGroup {
  /** Key of the representative item; stable while the group's newest question stays. */
  id: string;
  question: string;
  count: number;
  newest: Date;
  kinds: Record<string, number>;
  items: InboxItem[];
}

async function dismissedFeedback(store: Store): Promise<Set<string>> {
  const raw = await store.getSetting(DISMISSED_FEEDBACK);
  try {
    return new Set(raw ? (JSON.parse(raw) as string[]) : []);
  } catch {
    return new Set();
  }
}

export async function inboxItems(store: Store, options: { limit?: number } = {}): Promise<InboxItem[]> {
  const limit = options.limit ?? 2000;
  const [questions, feedback, dismissed] = await Promise.all([
    store.listQuestions({ outcomes: [...INBOX_OUTCOMES], unresolvedOnly: true, limit }),
    store.listFeedback({ limit }),
    dismissedFeedback(store),
  ]);
  const fromQuestion = (q: QuestionRow): InboxItem => ({
    key: `q:${q.id}`,
    kind: q.outcome as InboxItem['kind'],
    question: q.question,
    time: q.time,
    ...(q.topId ? { recordId: q.topId } : {}),
    channel: q.channel,
  });
  const fromFeedback = (f: FeedbackRow): InboxItem => ({ key: `f:${f.id}`, kind: 'feedback', question: f.question, time: f.time, recordId: f.recordId, channel: f.channel });
  return [
    ...questions.filter((q) => q.question.trim()).map(fromQuestion),
    ...feedback.filter((f) => !f.helpful && f.question.trim() && !dismissed.has(f.id)).map(fromFeedback),
  ].sort((a, b) => b.time.getTime() - a.time.getTime());
}

/** Groups, the one with the newest question first; within a group, newest first. */
export function groupInbox(items: InboxItem[]): InboxGroup[] {
  return clusterBySimilarity(items, (i) => i.question, GROUP_SIMILARITY).map(({ representative, members }) => {
    const kinds: Record<string, number> = {};
    for (const m of members) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    return { id: representative.key, question: representative.question, count: members.length, newest: members[0]!.time, kinds, items: members };
  });
}

export async function findGroup(store: Store, groupId: string): Promise<InboxGroup> {
  const group = groupInbox(await inboxItems(store)).find((g) => g.id === groupId || g.items.some((i) => i.key === groupId));
  if (!group) throw new ConsoleError('not-found', `No open inbox group ${groupId} (someone may have handled it already)`);
  return group;
}

/**
 * Marks every question of a group as handled and hides its feedback; returns the question ids
 * (without the "q:" prefix) so callers can tell the askers.
 */
export async function resolveGroup(store: Store, group: InboxGroup, resolution: { kind: 'alternate' | 'record' | 'dismissed'; recordId?: string; by: string }): Promise<string[]> {
  const at = new Date();
  const questionIds = group.items.filter((i) => i.key.startsWith('q:')).map((i) => i.key.slice(2));
  for (const id of questionIds) await store.resolveQuestion(id, { ...resolution, at });
  const feedbackIds = group.items.filter((i) => i.key.startsWith('f:')).map((i) => i.key.slice(2));
  if (feedbackIds.length) {
    const dismissed = await dismissedFeedback(store);
    for (const id of feedbackIds) dismissed.add(id);
    await store.putSetting(DISMISSED_FEEDBACK, JSON.stringify([...dismissed].slice(-20_000)));
  }
  return questionIds;
}

export interface InboxStats {
  feedbackByRecord: { recordId: string; helpful: number; unhelpful: number }[];
  mostAskedThisWeek: { recordId: string; count: number }[];
  /** Share of questions declined (outcome none), per day, oldest first. */
  declinedShare: { day: string; asked: number; declined: number; share: number }[];
}

export async function inboxStats(store: Store, now: Date = new Date(), days = 14): Promise<InboxStats> {
  const weekAgo = new Date(now.getTime() - 7 * 86400_000);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const [feedback, week, recent] = await Promise.all([
    store.listFeedback({ limit: 10_000 }),
    store.listQuestions({ since: weekAgo, limit: 50_000 }),
    store.listQuestions({ since: start, limit: 50_000 }),
  ]);
  const byRecord = new Map<string, { helpful: number; unhelpful: number }>();
  for (const f of feedback) {
    const c = byRecord.get(f.recordId) ?? { helpful: 0, unhelpful: 0 };
    if (f.helpful) c.helpful++;
    else c.unhelpful++;
    byRecord.set(f.recordId, c);
  }
  const asked = new Map<string, number>();
  for (const q of week) if (q.outcome === 'answered' && q.topId) asked.set(q.topId, (asked.get(q.topId) ?? 0) + 1);
  const perDay = new Map<string, { asked: number; declined: number }>();
  for (let d = 0; d < days; d++) perDay.set(new Date(start.getTime() + d * 86400_000).toISOString().slice(0, 10), { asked: 0, declined: 0 });
  for (const q of recent) {
    if (q.outcome === 'smalltalk') continue;
    const day = perDay.get(q.time.toISOString().slice(0, 10));
    if (!day) continue;
    day.asked++;
    if (q.outcome === 'none') day.declined++;
  }
  return {
    feedbackByRecord: [...byRecord].map(([recordId, c]) => ({ recordId, ...c })).sort((a, b) => b.unhelpful - a.unhelpful || b.helpful - a.helpful).slice(0, 10),
    mostAskedThisWeek: [...asked].map(([recordId, count]) => ({ recordId, count })).sort((a, b) => b.count - a.count).slice(0, 10),
    declinedShare: [...perDay].map(([day, c]) => ({ day, ...c, share: c.asked ? Math.round((c.declined / c.asked) * 1000) / 1000 : 0 })),
  };
}
