import type { Conversations } from '../../server/conversation/service.js';
import { createKnowledgeService, type KnowledgeService } from '../../server/knowledge-service.js';
import { createAnswerer } from '../../server/search/answerer.js';
import type { AskQuery, AskResult, Answerer } from '../../server/search/types.js';

export type Script = (query: AskQuery, real: Answerer) => AskResult | undefined;

/**
 * The real answerer over a knowledge base directory, recording every query it gets; `script`
 * may answer a query itself (to produce a "clarify" or a small-talk result on demand) and
 * returns undefined to let the real answerer answer.
 */
export async function scriptedKnowledge(kbDir: string, script: Script = () => undefined): Promise<{ knowledge: KnowledgeService; queries: AskQuery[] }> {
  const queries: AskQuery[] = [];
  const knowledge = createKnowledgeService({
    kbDir,
    createAnswerer: (kb) => {
      const real = createAnswerer(kb);
      return {
        size: real.size,
        record: (id, lang) => real.record(id, lang),
        ask(query) {
          queries.push(structuredClone(query));
          return script(query, real) ?? real.ask(query);
        },
      };
    },
  });
  const outcome = await knowledge.reload();
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { knowledge, queries };
}

/** Conversations that hand every question to the engine as it is: tests of a channel's own behaviour. */
export const engineOnly: Conversations = {
  of: (snapshot) => ({
    ask: (query) => snapshot.answerer.ask(query),
    askAsync: async (query) => snapshot.answerer.ask(query),
  }),
};
