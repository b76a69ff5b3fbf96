import { describe, expect, it } from 'vitest';
import { purgeOnce } from '../../server/log/retention.js';
import { createMemoryStore } from '../../server/store/memory-store.js';

describe('retention', () => {
  it('blanks question text older than the configured days and keeps newer', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const store = createMemoryStore(() => now);
    const day = 86_400_000;
    await store.appendQuestions([
      { channel: 'api', question: 'old', lang: 'th', outcome: 'none', latencyMs: 1, time: new Date(now.getTime() - 31 * day) },
      { channel: 'api', question: 'recent', lang: 'th', outcome: 'none', latencyMs: 1, time: new Date(now.getTime() - 29 * day) },
    ]);
    expect(await purgeOnce({ store, questionDays: 30, clock: () => now })).toEqual({ questions: 1, notify: 0 });
    expect((await store.listQuestions()).map((q) => q.question)).toEqual(['recent', '']);
  });

  it('keeps everything when the retention is 0 days', async () => {
    const store = createMemoryStore();
    await store.appendQuestions([{ channel: 'api', question: 'ancient', lang: 'th', outcome: 'none', latencyMs: 1, time: new Date('2000-01-01T00:00:00Z') }]);
    expect((await purgeOnce({ store, questionDays: 0 })).questions).toBe(0);
    expect((await store.listQuestions())[0]!.question).toBe('ancient');
  });
});
