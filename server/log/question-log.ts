import { createHash } from 'node:crypto';
import type { Logger as FullLogger } from '../logger.js';
import type { FeedbackEntry, QuestionEntry, Store } from '../store/types.js';

export type { Channel, FeedbackEntry, QuestionEntry } from '../store/types.js';

export interface QuestionLog {
  /** Queues one question; never waits and never throws (a log must not fail a question). */
  question(entry: QuestionEntry): void;
  feedback(entry: FeedbackEntry): void;
  /** Writes everything queued so far (tests, shutdown); resolves even when the store fails. */
  flush(): Promise<void>;
  /** Flushes and stops the timers. */
  close(): Promise<void>;
}

export interface QuestionLogOptions {
  store: Store;
  logger?: Pick<FullLogger, 'warn' | 'error' | 'info'>;
  /** False: nothing is kept (QUESTION_LOG=off). Default true. */
  enabled?: boolean;
  /** Longest wait before queued entries are written; default 1000 ms. */
  flushMs?: number;
  /** Entries written per store call; a full batch is written at once. Default 200. */
  batchSize?: number;
  /** Entries kept while the store fails; the oldest are dropped beyond it. Default 10,000. */
  maxQueued?: number;
  /** First retry delay after a write error, doubled up to `maxRetryMs`. Default 1000 / 30,000 ms. */
  retryMs?: number;
  maxRetryMs?: number;
}

export function hashUserId(userId: string, salt: string): string {
  return createHash('sha256').update(salt).update('\0').update(userId).digest('hex');
}

type Queued = { kind: 'question'; entry: QuestionEntry } | { kind: 'feedback'; entry: FeedbackEntry };

/**
 * The question log in the store, written in batches off the request path: callers queue an
 * entry and return; a timer writes the queue in one store call. When the store fails, the batch
 * goes back to the queue and is retried with backoff (the log is never switched off for good);
 * the queue is bounded, so a long outage drops the oldest entries, counted in one warning.
 */
export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { store, logger } = options;
  const enabled = options.enabled ?? true;
  const flushMs = options.flushMs ?? 1000;
  const batchSize = options.batchSize ?? 200;
  const maxQueued = options.maxQueued ?? 10_000;
  const firstRetry = options.retryMs ?? 1000;
  const maxRetry = options.maxRetryMs ?? 30_000;

  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> | undefined;
  let retryDelay = 0;
  let failing = false;
  let dropped = 0;
  let closed = false;

  function schedule(delay: number): void {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, delay);
    // Pending log lines must not keep a finished process alive; close() flushes them.
    timer.unref();
  }

  function push(item: Queued): void {
    if (!enabled || closed) return;
    // Stamped now, not when written: the batch may wait a second or a retry.
    item.entry = { ...item.entry, time: item.entry.time ?? new Date() };
    queue.push(item);
    if (queue.length > maxQueued) {
      dropped += queue.length - maxQueued;
      queue = queue.slice(-maxQueued);
    }
    if (queue.length >= batchSize && !writing && !failing) {
      clearTimeout(timer);
      timer = undefined;
      void flush();
    } else schedule(failing ? retryDelay : flushMs);
  }

  // Removes items from the queue once written, so a retry never writes anything twice.
  function done(items: Queued[]): void {
    const set = new Set(items);
    queue = queue.filter((q) => !set.has(q));
  }

  async function writeBatch(batch: Queued[]): Promise<void> {
    const questions = batch.filter((b) => b.kind === 'question');
    if (questions.length > 0) {
      // One statement: either the whole batch is written or none of it.
      await store.appendQuestions(questions.map((b) => b.entry as QuestionEntry));
      done(questions);
    }
    // Feedback is rare (a click); one insert each is fine.
    for (const b of batch) {
      if (b.kind !== 'feedback') continue;
      await store.addFeedback(b.entry as FeedbackEntry);
      done([b]);
    }
  }

  async function flushOnce(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      try {
        await writeBatch(batch);
      } catch (err) {
        failing = true;
        retryDelay = Math.min(maxRetry, retryDelay ? retryDelay * 2 : firstRetry);
        logger?.warn({ err, queued: queue.length, retryInMs: retryDelay }, 'question log write failed; keeping entries and retrying');
        schedule(retryDelay);
        return;
      }
      if (failing) logger?.info({ written: batch.length }, 'question log writing again');
      failing = false;
      retryDelay = 0;
    }
    if (dropped > 0) {
      logger?.error({ dropped }, 'question log dropped entries while the store was failing');
      dropped = 0;
    }
  }

  function flush(): Promise<void> {
    if (!writing) {
      writing = flushOnce().finally(() => {
        writing = undefined;
      });
      return writing;
    }
    // A write is running: the caller waits for it and for what was queued meanwhile.
    return writing.then(() => (queue.length > 0 && !failing ? flush() : undefined));
  }

  return {
    question(entry) {
      push({ kind: 'question', entry });
    },
    feedback(entry) {
      push({ kind: 'feedback', entry });
    },
    flush,
    async close() {
      clearTimeout(timer);
      timer = undefined;
      await flush();
      closed = true;
      clearTimeout(timer);
      if (queue.length > 0) logger?.error({ lost: queue.length }, 'question log closed while the store was failing; entries lost');
      queue = [];
    },
  };
}
