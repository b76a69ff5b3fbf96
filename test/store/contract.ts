import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionEntry, Store } from '../../server/store/types.js';

/** A clock the tests move by hand, shared by the store under test. */
export class TestClock {
  constructor(private t = Date.parse('2026-03-01T08:00:00Z')) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface StoreHarness {
  /** A fresh, migrated, empty store on `clock`. */
  open(clock: TestClock): Promise<Store>;
  /** Releases whatever `open` made (files, schemas). */
  cleanup?(): Promise<void>;
}

const q = (over: Partial<QuestionEntry> = {}): QuestionEntry => ({
  channel: 'api',
  question: 'ตัวชี้วัดที่ 1 คืออะไร',
  lang: 'th',
  outcome: 'answered',
  latencyMs: 1.5,
  ...over,
});

/**
 * The one behaviour every Store implementation must have. Each implementation's test file
 * calls this with its harness; the same cases run against memory, SQLite and PostgreSQL.
 */
export function storeContract(name: string, harness: StoreHarness): void {
  describe(`Store contract: ${name}`, () => {
    let clock: TestClock;
    let store: Store;

    beforeEach(async () => {
      clock = new TestClock();
      store = await harness.open(clock);
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup?.();
    });

    it('migrates idempotently and answers ping', async () => {
      await store.migrate();
      await store.migrate();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('settings', () => {
      it('keeps the first value of setting() and ignores later inits', async () => {
        expect(await store.setting('log-salt', () => 'first')).toBe('first');
        expect(await store.setting('log-salt', () => 'second')).toBe('first');
        expect(await store.getSetting('log-salt')).toBe('first');
      });
      it('returns undefined for an unknown key and overwrites with putSetting', async () => {
        expect(await store.getSetting('nope')).toBeUndefined();
        await store.putSetting('k', 'a');
        await store.putSetting('k', 'b');
        expect(await store.getSetting('k')).toBe('b');
      });
    });

    describe('question log', () => {
      it('lists appended questions newest first with all their fields', async () => {
        await store.appendQuestions([
          q({ question: 'older', topId: 'r1', score: 0.75, user: 'hash1', requestId: 'req-1', time: new Date('2026-02-01T00:00:00Z') }),
          q({ question: 'newer', outcome: 'none', channel: 'line' }),
        ]);
        const rows = await store.listQuestions();
        expect(rows.map((r) => r.question)).toEqual(['newer', 'older']);
        expect(rows[1]).toMatchObject({ channel: 'api', lang: 'th', outcome: 'answered', topId: 'r1', score: 0.75, latencyMs: 1.5, user: 'hash1', requestId: 'req-1' });
        expect(rows[1]!.time.toISOString()).toBe('2026-02-01T00:00:00.000Z');
        expect(rows[0]!.time.getTime()).toBe(clock.now().getTime());
        expect(rows[0]!.topId).toBeUndefined();
        expect(typeof rows[0]!.id).toBe('string');
        expect(rows[0]!.id).not.toBe(rows[1]!.id);
      });
      it('keeps Thai text and emoji exactly', async () => {
        const text = 'การประเมิน ก.พ.ร. ปี ๒๕๖๘ 👍 “quotes” \\ back\'slash';
        await store.appendQuestions([q({ question: text })]);
        expect((await store.listQuestions())[0]!.question).toBe(text);
      });
      it('filters by time, outcome, channel, resolution and limit', async () => {
        await store.appendQuestions([
          q({ question: 'a', outcome: 'none', time: new Date('2026-01-01T00:00:00Z') }),
          q({ question: 'b', outcome: 'clarify', channel: 'web', time: new Date('2026-01-02T00:00:00Z') }),
          q({ question: 'c', outcome: 'none', channel: 'line', time: new Date('2026-01-03T00:00:00Z') }),
        ]);
        const names = async (query: Parameters<Store['listQuestions']>[0]) => (await store.listQuestions(query)).map((r) => r.question);
        expect(await names({ since: new Date('2026-01-02T00:00:00Z') })).toEqual(['c', 'b']);
        expect(await names({ until: new Date('2026-01-02T00:00:00Z') })).toEqual(['a']);
        expect(await names({ outcomes: ['none'] })).toEqual(['c', 'a']);
        expect(await names({ channel: 'web' })).toEqual(['b']);
        expect(await names({ limit: 1 })).toEqual(['c']);
        const c = (await store.listQuestions({ channel: 'line' }))[0]!;
        const at = new Date('2026-01-04T00:00:00Z');
        expect(await store.resolveQuestion(c.id, { kind: 'record', recordId: 'r9', by: 'editor1', at })).toBe(true);
        expect(await names({ unresolvedOnly: true })).toEqual(['b', 'a']);
        expect((await store.listQuestions({ channel: 'line' }))[0]!.resolution).toEqual({ kind: 'record', recordId: 'r9', by: 'editor1', at });
      });
      it('returns false when resolving an unknown question', async () => {
        expect(await store.resolveQuestion('999999', { kind: 'dismissed', by: 'e', at: clock.now() })).toBe(false);
        expect(await store.resolveQuestion('not-an-id', { kind: 'dismissed', by: 'e', at: clock.now() })).toBe(false);
      });
      it('appends a large batch in one call', async () => {
        await store.appendQuestions(Array.from({ length: 500 }, (_, i) => q({ question: `q${i}` })));
        expect(await store.listQuestions({ limit: 1000 })).toHaveLength(500);
        await store.appendQuestions([]);
      });
    });

    describe('feedback', () => {
      it('stores feedback with its optional fields and lists by record', async () => {
        const row = await store.addFeedback({ recordId: 'r1', question: 'q', helpful: false, reason: 'outdated', comment: 'ปีเก่า', channel: 'web', requestId: 'x' });
        expect(row).toMatchObject({ recordId: 'r1', helpful: false, reason: 'outdated', comment: 'ปีเก่า', channel: 'web' });
        await store.addFeedback({ recordId: 'r2', question: 'q2', helpful: true, channel: 'line', user: 'u' });
        expect((await store.listFeedback({ recordId: 'r1' })).map((f) => f.id)).toEqual([row.id]);
        const r2 = (await store.listFeedback({ recordId: 'r2' }))[0]!;
        expect(r2.helpful).toBe(true);
        expect(r2.comment).toBeUndefined();
        expect(await store.listFeedback()).toHaveLength(2);
      });
    });

    describe('retention', () => {
      it('blanks question text and comments older than the cut-off, keeps the counts', async () => {
        await store.appendQuestions([q({ question: 'old', time: new Date('2025-01-01T00:00:00Z') }), q({ question: 'new' })]);
        await store.addFeedback({ recordId: 'r', question: 'old fb', helpful: false, comment: 'c', channel: 'web', time: new Date('2025-01-01T00:00:00Z') });
        expect(await store.purgeBefore(new Date('2026-01-01T00:00:00Z'))).toBe(2);
        const rows = await store.listQuestions();
        expect(rows.map((r) => r.question)).toEqual(['new', '']);
        const fb = (await store.listFeedback())[0]!;
        expect(fb.question).toBe('');
        expect(fb.comment).toBeUndefined();
        expect(await store.purgeBefore(new Date('2026-01-01T00:00:00Z'))).toBe(0);
      });
    });

    describe('claimOnce', () => {
      it('lets the first claim win and the same key claim again after its time-to-live', async () => {
        expect(await store.claimOnce('evt-1', 60_000)).toBe(true);
        expect(await store.claimOnce('evt-1', 60_000)).toBe(false);
        expect(await store.claimOnce('evt-2', 60_000)).toBe(true);
        clock.advance(60_001);
        expect(await store.claimOnce('evt-1', 60_000)).toBe(true);
      });
      it('grants exactly one of many concurrent claims', async () => {
        const results = await Promise.all(Array.from({ length: 10 }, () => store.claimOnce('same', 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('conversations', () => {
      it('keeps the newest turns, oldest first, younger than the maximum age', async () => {
        for (let i = 1; i <= 7; i++) {
          await store.addTurn('line:u1', { question: `t${i}`, ...(i % 2 ? { answerId: `r${i}` } : {}), time: clock.now() }, 5);
          clock.advance(1000);
        }
        const turns = await store.conversation('line:u1', 3_600_000);
        expect(turns.map((t) => t.question)).toEqual(['t3', 't4', 't5', 't6', 't7']);
        expect(turns[0]!.answerId).toBe('r3');
        expect(turns[1]!.answerId).toBeUndefined();
        expect(await store.conversation('line:other', 3_600_000)).toEqual([]);
        expect((await store.conversation('line:u1', 2500)).map((t) => t.question)).toEqual(['t6', 't7']);
      });
    });

    describe('notify requests', () => {
      it('adds, finds by question, deletes and purges by age', async () => {
        const a = await store.addNotifyRequest({ questionId: '1', question: 'q', lineUserId: 'U1', lang: 'th' });
        clock.advance(10_000);
        const b = await store.addNotifyRequest({ questionId: '1', question: 'q', lineUserId: 'U2', lang: 'en' });
        expect((await store.notifyRequestsFor('1')).map((n) => n.lineUserId)).toEqual(['U1', 'U2']);
        expect(a.createdAt.getTime()).toBeLessThan(b.createdAt.getTime());
        await store.deleteNotifyRequest(b.id);
        expect((await store.notifyRequestsFor('1')).map((n) => n.id)).toEqual([a.id]);
        expect(await store.purgeNotifyRequests(new Date(a.createdAt.getTime() + 1))).toBe(1);
        expect(await store.notifyRequestsFor('1')).toEqual([]);
      });
    });

    describe('editors and sessions', () => {
      it('upserts editors and hides expired sessions', async () => {
        const createdAt = new Date('2026-01-01T00:00:00Z');
        await store.putEditor({ name: 'somchai', role: 'editor', passwordHash: 'scrypt$x', mustChangePassword: true, createdAt });
        await store.putEditor({ name: 'somchai', role: 'publisher', passwordHash: 'scrypt$y', mustChangePassword: false, createdAt });
        expect(await store.getEditor('somchai')).toEqual({ name: 'somchai', role: 'publisher', passwordHash: 'scrypt$y', mustChangePassword: false, createdAt });
        expect(await store.getEditor('nobody')).toBeUndefined();
        expect((await store.listEditors()).map((e) => e.name)).toEqual(['somchai']);
        const expiresAt = new Date(clock.now().getTime() + 60_000);
        await store.createSession({ id: 's1', editor: 'somchai', csrfToken: 'c', expiresAt });
        expect(await store.getSession('s1')).toEqual({ id: 's1', editor: 'somchai', csrfToken: 'c', expiresAt });
        clock.advance(60_000);
        expect(await store.getSession('s1')).toBeUndefined();
        await store.deleteSession('s1');
      });
    });

    describe('draft', () => {
      it('keeps one draft, replaced whole, until deleted', async () => {
        expect(await store.getDraft()).toBeUndefined();
        await store.putDraft({ files: { 'kb/a.json': '{"x":1}' }, updatedBy: 'a' });
        await store.putDraft({ files: { 'kb/b.json': 'ไทย' }, updatedBy: 'b' });
        expect(await store.getDraft()).toEqual({ files: { 'kb/b.json': 'ไทย' }, updatedBy: 'b', updatedAt: clock.now() });
        await store.deleteDraft();
        expect(await store.getDraft()).toBeUndefined();
      });
    });

    describe('knowledge changes', () => {
      it('numbers changes 1, 2, 3 and reports the latest as the published version', async () => {
        expect(await store.publishedVersion()).toBe(0);
        const c1 = await store.recordChange({ author: 'a', summary: 'first', diff: '+1', files: { 'f.json': '1' } });
        const c2 = await store.recordChange({ author: 'b', summary: 'second', diff: '+2', files: { 'f.json': '2' } });
        expect([c1.version, c2.version]).toEqual([1, 2]);
        expect(await store.publishedVersion()).toBe(2);
        expect((await store.listChanges()).map((c) => c.summary)).toEqual(['second', 'first']);
        expect((await store.listChanges())[0]).not.toHaveProperty('files');
        expect(await store.getChange(c1.id)).toEqual(c1);
        expect(await store.getChange('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      });
      it('gives concurrent publishes distinct versions', async () => {
        const made = await Promise.all(Array.from({ length: 5 }, (_, i) => store.recordChange({ author: 'x', summary: `s${i}`, diff: '', files: {} })));
        expect(made.map((c) => c.version).sort()).toEqual([1, 2, 3, 4, 5]);
      });
    });
  });
}
