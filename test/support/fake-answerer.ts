import type { KnowledgeBase } from '../../server/kb/schema.js';
import { renderAnswer } from '../../server/search/render.js';
import type { Answer, Answerer, AskQuery, AskResult, Lang } from '../../server/search/types.js';

/**
 * A minimal Answerer. Unit tests of the knowledge service only need to see which knowledge
 * base an answerer was built over; browser tests of replies the engine is still learning to
 * give (clarify, small talk, hand-off) pass a `script` that returns them for chosen questions.
 * Without a script entry, a question equal to a record's Thai or English question answers it.
 */
export type FakeScript = (query: AskQuery, tools: { render: (id: string, lang: Lang, score?: number) => Answer; lang: Lang }) => AskResult | undefined;

export function createFakeAnswerer(kb: KnowledgeBase, script?: FakeScript): Answerer {
  const byId = new Map(kb.records.map((r) => [r.id, r]));
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const render = (id: string, lang: Lang = 'th', score = 1): Answer | undefined => {
    const r = byId.get(id);
    return r && renderAnswer(r, documents.get(r.source.document), lang, score);
  };
  const renderOrThrow = (id: string, lang: Lang, score = 0.9): Answer => {
    const answer = render(id, lang, score);
    if (!answer) throw new Error(`fake answerer: no record ${id}`);
    return answer;
  };
  return {
    size: kb.records.length,
    record: (id, lang) => render(id, lang),
    ask(query): AskResult {
      const lang: Lang = query.lang ?? (/[\u0E00-\u0E7F]/.test(query.question) ? 'th' : 'en');
      const scripted = script?.(query, { render: renderOrThrow, lang });
      if (scripted) return scripted;
      const hit = kb.records.find((r) => r.question.th === query.question || r.question.en === query.question);
      const answers = hit ? [render(hit.id, lang, 0.9)!] : [];
      return { answered: answers.length > 0, status: answers.length > 0 ? 'answered' : 'none', lang, answers };
    },
  };
}
