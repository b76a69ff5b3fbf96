import type { KnowledgeBase } from '../../server/kb/schema.js';
import { renderAnswer } from '../../server/search/render.js';
import type { Answer, Answerer, AskResult, Lang } from '../../server/search/types.js';

/**
 * A minimal Answerer for unit tests of the knowledge service, which only needs to see
 * which knowledge base an answerer was built over. Route tests use the real one.
 */
export function createFakeAnswerer(kb: KnowledgeBase): Answerer {
  const byId = new Map(kb.records.map((r) => [r.id, r]));
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const render = (id: string, lang: Lang = 'th', score = 1): Answer | undefined => {
    const r = byId.get(id);
    return r && renderAnswer(r, documents.get(r.source.document), lang, score);
  };
  return {
    size: kb.records.length,
    record: (id, lang) => render(id, lang),
    ask(query): AskResult {
      const lang: Lang = query.lang ?? (/[\u0E00-\u0E7F]/.test(query.question) ? 'th' : 'en');
      const hit = kb.records.find((r) => r.question.th === query.question || r.question.en === query.question);
      const answers = hit ? [render(hit.id, lang, 0.9)!] : [];
      return { answered: answers.length > 0, status: answers.length > 0 ? 'answered' : 'none', lang, answers };
    },
  };
}
