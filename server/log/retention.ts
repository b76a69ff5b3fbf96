import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionOptions {
  store: Store;
  /** Question text and feedback comments older than this are blanked; 0 keeps them forever. */
  questionDays: number;
  /** LINE notification opt-ins older than this are deleted (they hold raw user ids); default 90. */
  notifyDays?: number;
  logger?: Logger;
  /** How often the purge runs; default every 6 hours (and once at start). */
  everyMs?: number;
  clock?: () => Date;
}

/** One purge pass; returns what it touched. Every instance may run it: the updates are idempotent. */
export async function purgeOnce(options: RetentionOptions): Promise<{ questions: number; notify: number }> {
  const now = (options.clock ?? (() => new Date()))().getTime();
  const questions = options.questionDays > 0 ? await options.store.purgeBefore(new Date(now - options.questionDays * DAY)) : 0;
  const notify = await options.store.purgeNotifyRequests(new Date(now - (options.notifyDays ?? 90) * DAY));
  return { questions, notify };
}

/** Starts the periodic purge; the returned function stops it. */
export function startRetention(options: RetentionOptions): () => void {
  const run = () =>
    purgeOnce(options).then(
      (r) => {
        if (r.questions + r.notify > 0) options.logger?.info({ ...r, questionDays: options.questionDays }, 'retention: old question text purged');
      },
      (err) => options.logger?.warn({ err }, 'retention purge failed; will try again'),
    );
  void run();
  const timer = setInterval(run, options.everyMs ?? 6 * 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
