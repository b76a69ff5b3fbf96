import { describe, expect, it } from 'vitest';
import { groupInbox, inboxItems, inboxStats, resolveGroup } from '../../server/console/inbox.js';
import { createMemoryStore } from '../../server/store/memory-store.js';

const at = (iso: string) => new Date(iso);

describe('inbox', () => {
  it('groups declined, clarified and handed-off questions and 👎 feedback by similarity, newest group first', async () => {
    const store = createMemoryStore();
    await store.appendQuestions([
      { channel: 'web', question: 'ส่งรายงานรอบหกเดือนวันไหน', lang: 'th', outcome: 'none', latencyMs: 1, time: at('2026-11-01T01:00:00Z') },
      { channel: 'line', question: 'ส่งรายงานรอบหกเดือนวันไหนครับ', lang: 'th', outcome: 'clarify', latencyMs: 1, time: at('2026-11-03T01:00:00Z') },
      { channel: 'web', question: 'open data template due date', lang: 'en', outcome: 'handoff', latencyMs: 1, time: at('2026-11-02T01:00:00Z') },
      { channel: 'web', question: 'คำถามที่ตอบได้แล้ว', lang: 'th', outcome: 'answered', latencyMs: 1, time: at('2026-11-04T01:00:00Z') },
    ]);
    await store.addFeedback({ recordId: 'd/s/1', question: 'open data template due', helpful: false, channel: 'web', time: at('2026-11-02T02:00:00Z') });
    await store.addFeedback({ recordId: 'd/s/1', question: 'thanks', helpful: true, channel: 'web' });
    const groups = groupInbox(await inboxItems(store));
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['ส่งรายงานรอบหกเดือนวันไหนครับ', 2],
      ['open data template due', 2],
    ]);
    expect(groups[1]!.kinds).toEqual({ feedback: 1, handoff: 1 });
  });

  it('a resolved group leaves the inbox, feedback included', async () => {
    const store = createMemoryStore();
    await store.appendQuestions([{ channel: 'web', question: 'ต้องส่งกี่ชุดข้อมูล', lang: 'th', outcome: 'none', latencyMs: 1 }]);
    await store.addFeedback({ recordId: 'd/s/1', question: 'ต้องส่งกี่ชุดข้อมูลคะ', helpful: false, channel: 'web' });
    const [group] = groupInbox(await inboxItems(store));
    expect(group!.count).toBe(2);
    const ids = await resolveGroup(store, group!, { kind: 'alternate', recordId: 'd/s/1', by: 'somchai' });
    expect(ids).toHaveLength(1);
    expect(await inboxItems(store)).toEqual([]);
  });

  it('counts feedback per record, the week’s most-asked records and the daily share of declined questions', async () => {
    const store = createMemoryStore();
    const now = at('2026-11-10T12:00:00Z');
    await store.appendQuestions([
      { channel: 'web', question: 'a', lang: 'th', outcome: 'answered', topId: 'd/s/1', latencyMs: 1, time: at('2026-11-10T01:00:00Z') },
      { channel: 'web', question: 'b', lang: 'th', outcome: 'answered', topId: 'd/s/1', latencyMs: 1, time: at('2026-11-09T01:00:00Z') },
      { channel: 'web', question: 'c', lang: 'th', outcome: 'none', latencyMs: 1, time: at('2026-11-10T02:00:00Z') },
      { channel: 'web', question: 'old', lang: 'th', outcome: 'answered', topId: 'd/s/2', latencyMs: 1, time: at('2026-10-01T01:00:00Z') },
    ]);
    await store.addFeedback({ recordId: 'd/s/1', question: 'a', helpful: false, channel: 'web' });
    const stats = await inboxStats(store, now, 3);
    expect(stats.mostAskedThisWeek).toEqual([{ recordId: 'd/s/1', count: 2 }]);
    expect(stats.feedbackByRecord).toEqual([{ recordId: 'd/s/1', helpful: 0, unhelpful: 1 }]);
    expect(stats.declinedShare).toEqual([
      { day: '2026-11-08', asked: 0, declined: 0, share: 0 },
      { day: '2026-11-09', asked: 1, declined: 0, share: 0 },
      { day: '2026-11-10', asked: 2, declined: 1, share: 0.5 },
    ]);
  });
});
