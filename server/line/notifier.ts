import { randomUUID } from 'node:crypto';
import type { KnowledgeService } from '../knowledge-service.js';
import type { Logger } from '../logger.js';
import type { Lang } from '../search/types.js';
import type { Store } from '../store/types.js';
import type { LineClient } from './line-client.js';
import { answeredPushMessages } from './messages.js';

/** Tells LINE askers who opted in that an editor has answered their question. */
export interface Notifier {
  /** Pushes the answer card of `recordId` to everyone waiting on `questionId`, once, then forgets them. */
  questionAnswered(questionId: string, recordId: string): Promise<void>;
  /** Deletes opt-ins older than the retention period; returns how many. */
  purgeExpired(): Promise<number>;
}

export interface NotifierOptions {
  store: Store;
  client: LineClient;
  knowledge: KnowledgeService;
  publicBaseUrl: string;
  logger: Logger;
  now?: () => Date;
  /** Opt-ins are kept at most this long (they hold a raw LINE user id). Default 90 days. */
  retentionMs?: number;
  /** Attempts per push, all with the same retry key. Default 3. */
  attempts?: number;
}

export const NOTIFY_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
// Long enough for one push with its retries; a second caller (another replica, a double click) waits it out.
const CLAIM_MS = 10 * 60 * 1000;

export function createNotifier(options: NotifierOptions): Notifier {
  const { store, client, knowledge, publicBaseUrl, logger } = options;
  const now = options.now ?? (() => new Date());
  const retentionMs = options.retentionMs ?? NOTIFY_RETENTION_MS;
  const attempts = options.attempts ?? 3;

  async function pushOnce(to: string, messages: Parameters<LineClient['push']>[1]): Promise<'sent' | 'refused' | 'failed'> {
    // The same key on every attempt: if LINE took an earlier one, it answers 409 and sends nothing twice.
    const retryKey = randomUUID();
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await client.push(to, messages, retryKey);
        return 'sent';
      } catch (err) {
        const status = (err as { status?: number }).status;
        // 4xx other than 429: retrying will not help (blocked bot, bad request).
        if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
          logger.warn({ err, attempt }, 'LINE push refused');
          return 'refused';
        }
        logger.warn({ err, attempt }, 'LINE push failed');
      }
    }
    return 'failed';
  }

  return {
    async questionAnswered(questionId, recordId) {
      const requests = await store.notifyRequestsFor(questionId);
      if (requests.length === 0) return;
      const snapshot = knowledge.current();
      if (!snapshot) throw new Error('cannot notify askers: the knowledge base is not loaded');
      for (const request of requests) {
        if (now().getTime() - request.createdAt.getTime() > retentionMs) {
          await store.deleteNotifyRequest(request.id);
          continue;
        }
        if (!(await store.claimOnce(`line:notify:${request.id}`, CLAIM_MS))) continue;
        const lang: Lang = request.lang === 'en' ? 'en' : 'th';
        const answer = snapshot.answerer.record(recordId, lang);
        if (!answer) throw new Error(`cannot notify askers: no record ${recordId}`);
        const messages = answeredPushMessages(request.question, answer, lang, { publicBaseUrl, documents: snapshot.kb.documents, kb: snapshot.kb });
        const outcome = await pushOnce(request.lineUserId, messages);
        // Sent, or refused for good: either way the raw user id has served its purpose. After a
        // transient failure it stays, so the next call (or the editor's retry) can send it.
        if (outcome !== 'failed') await store.deleteNotifyRequest(request.id);
        logger.info({ questionId, recordId, outcome }, 'LINE push of an editor answer');
      }
    },
    purgeExpired() {
      return store.purgeNotifyRequests(new Date(now().getTime() - retentionMs));
    },
  };
}
