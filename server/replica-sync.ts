import { randomUUID } from 'node:crypto';
import type { KnowledgeService } from './knowledge-service.js';
import type { Logger } from './logger.js';
import type { Store } from './store/types.js';

/** Settings key an instance bumps after changing the knowledge files (imports, reloads on request). */
export const KNOWLEDGE_MARKER = 'knowledge-marker';

export interface ReplicaSync {
  /** Tells every instance that the knowledge files changed (this one has already reloaded). */
  announce(): Promise<void>;
  stop(): void;
}

export interface ReplicaSyncOptions {
  store: Store;
  knowledge: KnowledgeService;
  /** Poll interval; default 3000 ms, so a change is served everywhere well within 10 s. */
  everyMs?: number;
  logger?: Logger;
}

/**
 * Keeps replicas on the same knowledge: each polls a marker in the shared store (the published
 * version of the console's changes, plus a setting bumped after imports) and reloads when it
 * moves. The knowledge files themselves travel on a shared volume or with the release; the
 * marker only says "read them again".
 */
export function startReplicaSync(options: ReplicaSyncOptions): ReplicaSync {
  const { store, knowledge, logger } = options;
  let seen: string | undefined;
  let stopped = false;
  let polling = false;

  const marker = async () => `${await store.publishedVersion()}:${(await store.getSetting(KNOWLEDGE_MARKER)) ?? ''}`;

  async function poll(): Promise<void> {
    if (polling || stopped) return;
    polling = true;
    try {
      const now = await marker();
      if (seen === undefined) seen = now;
      else if (now !== seen) {
        seen = now;
        logger?.info({ marker: now }, 'knowledge changed on another instance; reloading');
        await knowledge.reload();
      }
    } catch (err) {
      logger?.warn({ err }, 'cannot read the knowledge marker from the store; will try again');
    } finally {
      polling = false;
    }
  }

  void poll();
  const timer = setInterval(() => void poll(), options.everyMs ?? 3000);
  timer.unref();

  return {
    async announce() {
      const value = `${new Date().toISOString()} ${randomUUID()}`;
      await store.putSetting(KNOWLEDGE_MARKER, value);
      // This instance has the change already: do not reload it again on the next poll.
      seen = await marker();
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
