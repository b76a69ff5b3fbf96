import type { KnowledgeBase } from '../../server/kb/schema.js';
import type { Answer, Answerer, AskResult, Lang } from '../../server/search/types.js';

/**
 * A minimal Answerer for unit tests of the knowledge service, which only needs to see
 * which knowledge base an answerer was built over. Route tests use the real one.
 */
export function createFakeAnswerer(kb: KnowledgeBase): Answerer {
  const byId = new Map(kb.records.map((r) => [r.id, r]));
  function render(id: string, lang: Lang = 'th', score = 1): Answer | undefined {
    const r = byId.get(id);
    const doc = r && kb.documents.find((d) => d.id === r.source.document);
    const section = doc?.sections.find((s) => s.slug === r!.source.section);
    if (!r || !doc || !section) return undefined;
    const en = lang === 'en' && r.answer.en !== '';
    return {
      id: r.id,
      score,
      question: en ? r.question.en : r.question.th,
      answer: en ? r.answer.en : r.answer.th,
      original: { question: r.question.th, answer: r.answer.th },
      translated: en,
      tags: r.tags,
      source: { document: doc.id, title: en ? doc.title.en : doc.title.th, section: section.slug, sectionTitle: en ? section.title.en : section.title.th, number: r.source.number, date: doc.date },
    };
  }
  return {
    size: kb.records.length,
    record: (id, lang) => render(id, lang),
    ask(query): AskResult {
      const lang: Lang = query.lang ?? (/[\u0E00-\u0E7F]/.test(query.question) ? 'th' : 'en');
      const hit = kb.records.find((r) => r.question.th === query.question || r.question.en === query.question);
      const answers = hit ? [render(hit.id, lang, 0.9)!] : [];
      return { answered: answers.length > 0, lang, answers };
    },
  };
}
