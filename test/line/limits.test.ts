import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../server/store/memory-store.js';
import type { Store } from '../../server/store/types.js';
import { startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { USER_ID, groupTextEvent, textEvent } from '../support/line-events.js';

let t: LineTestApp;
let slowConversation = 0;
beforeAll(async () => {
  const clock = () => new Date(t?.clock.now ?? Date.now());
  const inner = createMemoryStore(clock);
  // A store whose conversation lookups can be made slow, to see the loading indicator.
  const store: Store = {
    ...inner,
    async conversation(key, maxAgeMs) {
      if (slowConversation > 0) await new Promise((r) => setTimeout(r, slowConversation));
      return inner.conversation(key, maxAgeMs);
    },
  };
  t = await startLineTestApp({ LINE_CONCURRENCY: '3', LOG_LEVEL: process.env.DEBUG_LINE ? 'warn' : 'silent' }, {}, { store });
});
afterAll(() => t.closeAll());
beforeEach(() => {
  t.line.reset();
  t.clock.now = Date.now();
  slowConversation = 0;
});
afterEach(() => expect(t.line.problems()).toEqual([]));

const follow = (i: number) => ({ type: 'follow', webhookEventId: `follow-${i}-${t.clock.now}`, timestamp: t.clock.now, replyToken: `r-${i}`, source: { type: 'user', userId: `U${String(i).padStart(32, '0')}` } });

describe('LINE limits', () => {
  it('handles at most 50 events of one delivery and drops the 51st', async () => {
    const events = Array.from({ length: 51 }, (_, i) => follow(i));
    expect((await t.deliver(events)).statusCode).toBe(200);
    const tokens = t.line.replies().map((r) => r.body.replyToken);
    expect(tokens).toHaveLength(50);
    expect(tokens).not.toContain('r-50');
  });

  it('keeps at most LINE_CONCURRENCY calls to LINE in flight', async () => {
    t.line.set({ delayMs: 40 });
    await t.deliver(Array.from({ length: 12 }, (_, i) => follow(100 + i)));
    expect(t.line.replies()).toHaveLength(12);
    expect(t.line.maxConcurrent()).toBeLessThanOrEqual(3);
  });

  it('answers an event without webhookEventId once per content for 10 minutes', async () => {
    const { webhookEventId: _id, ...event } = textEvent('data catalog ต้องมีกี่ชุดข้อมูล', { timestamp: t.clock.now });
    await t.deliver([event]);
    await t.deliver([{ ...event, replyToken: 'another-token', deliveryContext: { isRedelivery: true } }]);
    expect(t.line.replies()).toHaveLength(1);
    const { webhookEventId: _id2, ...other } = textEvent('data catalog ต้องมีกี่ชุดข้อมูล', { timestamp: t.clock.now + 1 });
    await t.deliver([other]);
    expect(t.line.replies()).toHaveLength(2);
  });

  it('skips an event older than the reply token\'s lifetime', async () => {
    await t.deliver([textEvent('data catalog ต้องมีกี่ชุดข้อมูล', { timestamp: t.clock.now - 2 * 60 * 1000 })]);
    expect(t.line.calls).toHaveLength(0);
  });

  it('shows the loading indicator one-to-one when the answer takes more than half a second, never in groups', async () => {
    slowConversation = 900;
    await t.deliver([textEvent('data catalog ต้องมีกี่ชุดข้อมูล', { timestamp: t.clock.now })]);
    expect(t.line.loadings()).toHaveLength(1);
    expect(t.line.loadings()[0]!.body).toEqual({ chatId: USER_ID, loadingSeconds: 20 });
    expect(t.line.calls.map((c) => c.path)).toEqual(['/v2/bot/chat/loading/start', '/v2/bot/message/reply']);
    t.line.reset();
    await t.deliver([{ ...groupTextEvent('data catalog ต้องมีกี่ชุดข้อมูล', { mentionBot: true }), timestamp: t.clock.now }]);
    expect(t.line.loadings()).toHaveLength(0);
    expect(t.line.replies()).toHaveLength(1);
  });
});
