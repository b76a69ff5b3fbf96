import type { KbDocument, KbRecord } from '../kb/schema.js';
import type { Answer, Lang } from './types.js';

/**
 * A record as the API shows it. English text is used only when both question and answer have
 * a translation (a half-translated record would mix languages); otherwise the Thai original is
 * shown with translated: false, so clients can say "not translated yet".
 */
export function renderAnswer(record: KbRecord, document: KbDocument | undefined, lang: Lang, score: number): Answer {
  const english = lang === 'en' && record.question.en !== '' && record.answer.en !== '';
  const section = document?.sections.find((s) => s.slug === record.source.section);
  const answer: Answer = {
    id: record.id,
    score,
    question: english ? record.question.en : record.question.th,
    answer: english ? record.answer.en : record.answer.th,
    original: { question: record.question.th, answer: record.answer.th },
    translated: english,
    tags: {
      years: [...record.tags.years],
      ...(record.tags.component ? { component: record.tags.component } : {}),
      indicators: [...record.tags.indicators],
      ...(record.tags.audience ? { audience: record.tags.audience } : {}),
    },
    source: {
      document: record.source.document,
      title: (lang === 'en' && document?.title.en) || document?.title.th || record.source.document,
      section: record.source.section,
      // Thai, as in the DESIGN.md example: section titles are names printed in the handout.
      sectionTitle: section?.title.th ?? record.source.section,
      number: record.source.number,
      date: document?.date ?? '',
    },
  };
  if (record.supersededBy) answer.supersededBy = record.supersededBy;
  return answer;
}
