import { describe, expect, it } from 'vitest';
import { createQuestionLog, hashUserId } from '../../server/log/question-log.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import type { Store } from '../../server/store/types.js';

const entry = (question: string) => ({ channel: 'web' as const, question, lang: 'th', outcome: 'answered' as const, topId: 'a/b/1', score: 0.8, latencyMs: 1.2 });

/** A store whose appendQuestions fails while `failing` is true. */
function flakyStore(): Store & { failing: boolean; calls: number } {
  const inner = createMemoryStore();
  const store = Object.create(inner) as Store & { failing: boolean; calls: number };
  store.failing = true;
  store.calls = 0;
  store.appendQuestions = async (entries) => {
    store.calls++;
    if (store.failing) throw new Error('disk full');
    return inner.appendQuestions(entries);
  };
  return store;
}

describe('question log', () => {
  it('does not write on the request path but in one batch later, stamping the time of the call', async () => {
    const store = createMemoryStore();
    const log = createQuestionLog({ store, flushMs: 60_000 });
    const before = Date.now();
    log.question(entry('e-service คืออะไร'));
    log.question(entry('สอง'));
    log.feedback({ channel: 'api', recordId: 'a/b/1', question: 'e-service คืออะไร', helpful: false, comment: 'ไม่ตรง' });
    expect(await store.listQuestions()).toEqual([]);
    await log.flush();
    const rows = await store.listQuestions();
    expect(rows.map((r) => r.question).sort()).toEqual(['e-service คืออะไร', 'สอง']);
    expect(rows[0]).toMatchObject({ channel: 'web', outcome: 'answered', topId: 'a/b/1', score: 0.8 });
    expect(rows[0]!.time.getTime()).toBeGreaterThanOrEqual(before);
    expect(await store.listFeedback()).toMatchObject([{ recordId: 'a/b/1', helpful: false, comment: 'ไม่ตรง' }]);
    await log.close();
  });

  it('writes a full batch without waiting for the timer', async () => {
    const store = createMemoryStore();
    const log = createQuestionLog({ store, flushMs: 60_000, batchSize: 3 });
    for (const q of ['a', 'b', 'c']) log.question(entry(q));
    await expect.poll(async () => (await store.listQuestions()).length).toBe(3);
    await log.close();
  });

  it('flushes on close', async () => {
    const store = createMemoryStore();
    const log = createQuestionLog({ store, flushMs: 60_000 });
    log.question(entry('x'));
    await log.close();
    expect(await store.listQuestions()).toHaveLength(1);
  });

  it('writes nothing when off', async () => {
    const store = createMemoryStore();
    const log = createQuestionLog({ store, enabled: false });
    log.question(entry('x'));
    await log.close();
    expect(await store.listQuestions()).toEqual([]);
  });

  it('keeps entries through write errors, retries, and writes each exactly once when the store recovers', async () => {
    const store = flakyStore();
    const warnings: unknown[] = [];
    const log = createQuestionLog({ store, flushMs: 5, retryMs: 5, maxRetryMs: 20, logger: { warn: (o) => warnings.push(o), info() {}, error() {} } });
    log.question(entry('during outage 1'));
    log.question(entry('during outage 2'));
    await expect.poll(() => store.calls).toBeGreaterThanOrEqual(2);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    store.failing = false;
    log.question(entry('after recovery'));
    await expect.poll(async () => (await store.listQuestions()).length, { timeout: 5000 }).toBe(3);
    await log.close();
    expect((await store.listQuestions()).map((r) => r.question).sort()).toEqual(['after recovery', 'during outage 1', 'during outage 2']);
  });

  it('drops the oldest entries beyond its bound during a long outage and says how many', async () => {
    const store = flakyStore();
    const errors: Record<string, unknown>[] = [];
    const log = createQuestionLog({ store, flushMs: 60_000, retryMs: 60_000, maxQueued: 3, logger: { warn() {}, info() {}, error: (o) => errors.push(o as Record<string, unknown>) } });
    for (const q of ['1', '2', '3', '4', '5']) log.question(entry(q));
    store.failing = false;
    await log.close();
    expect((await store.listQuestions()).map((r) => r.question).sort()).toEqual(['3', '4', '5']);
    expect(errors).toContainEqual(expect.objectContaining({ dropped: 2 }));
  });
});

describe('hashUserId', () => {
  it('is a stable salted SHA-256 that does not contain the id', () => {
    const h = hashUserId('U4af4980629', 'salt-a');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashUserId('U4af4980629', 'salt-a'));
    expect(h).not.toBe(hashUserId('U4af4980629', 'salt-b'));
    expect(h).not.toContain('U4af4980629');
  });
});
