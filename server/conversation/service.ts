import type { KnowledgeSnapshot } from '../knowledge-service.js';
import type { Answerer } from '../search/types.js';
import { createConversation, type Conversation, type ConversationOptions } from './conversation.js';

/** One conversation layer per loaded knowledge base, for the routes and LINE alike. */
export interface Conversations {
  /** The layer over this snapshot's engine, built once per snapshot. */
  of(snapshot: KnowledgeSnapshot): Conversation;
}

export function createConversations(options: Omit<ConversationOptions, 'answerer' | 'records'> = {}): Conversations {
  // Keyed by the engine: a reload builds a new one, and the old layer goes with the old index.
  const built = new WeakMap<Answerer, Conversation>();
  return {
    of(snapshot) {
      let conversation = built.get(snapshot.answerer);
      if (!conversation) {
        conversation = createConversation({ ...options, answerer: snapshot.answerer, records: snapshot.kb.records });
        built.set(snapshot.answerer, conversation);
      }
      return conversation;
    },
  };
}
