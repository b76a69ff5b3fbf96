import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { lexicon, type Lexicon } from '../../server/search/lexicon.js';
import { QUESTIONS_FILE, readQuestions, type Question } from '../../scripts/eval/data.js';
import { findLeaks, formatLeak } from '../../scripts/eval/leakage.js';

describe('lexicon and glossary leakage', () => {
  let kb: KnowledgeBase;
  let questions: Question[];
  beforeAll(async () => {
    kb = await loadKnowledgeBase();
    questions = readQuestions(QUESTIONS_FILE, new Set(kb.records.map((r) => r.id)));
  });

  it('has no entry that exists only for an evaluation question', () => {
    const leaks = findLeaks({ lexicon: lexicon(), glossary: kb.glossary, records: kb.records, questions });
    expect(leaks.map(formatLeak)).toEqual([]);
  });

  // A phrase of an evaluation question that no record contains, added the way a tailored entry
  // would be: it must be caught, and the message must name the question.
  const withEntry = (source: string): Lexicon => {
    const lex = lexicon();
    return { ...lex, formal: { ...lex.formal, entries: [...lex.formal.entries, { from: 'ฟอร์มเฉพาะ', to: 'แบบฟอร์ม', source }] } };
  };

  it('fails, naming the question, when a question phrase is added to a lexicon file as an editor entry', () => {
    const asked = questions.filter((q) => q.question.includes('ฟอร์มเฉพาะ')).map((q) => q.id);
    expect(asked.length).toBeGreaterThan(0);
    expect(kb.records.some((r) => r.answer.th.includes('ฟอร์มเฉพาะ') || r.question.th.includes('ฟอร์มเฉพาะ'))).toBe(false);
    const leaks = findLeaks({ lexicon: withEntry('editor'), glossary: kb.glossary, records: kb.records, questions });
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ file: 'kb/lexicon/formal.json', key: 'ฟอร์มเฉพาะ', questions: asked });
  });

  it('fails when an entry cites a record whose text does not contain it', () => {
    const leaks = findLeaks({ lexicon: withEntry(`record:${kb.records[0]!.id}`), glossary: kb.glossary, records: kb.records, questions });
    expect(leaks.map((l) => l.problem)).toContainEqual(expect.stringContaining('whose text does not contain it'));
  });

  it('accepts the same entry with a general source', () => {
    const leaks = findLeaks({ lexicon: withEntry('general:a dictionary'), glossary: kb.glossary, records: kb.records, questions });
    expect(leaks).toEqual([]);
  });

  it('fails on a glossary form added for a question without a general source', () => {
    const glossary = { concepts: [...kb.glossary.concepts, { id: 'x-form', th: ['ฟอร์มเฉพาะ'], en: ['special form'], abbreviations: [], transliterations: [], synonyms: [] }] };
    const leaks = findLeaks({ lexicon: lexicon(), glossary, records: kb.records, questions });
    expect(leaks.map((l) => l.file)).toContain('kb/glossary.json (x-form)');
  });
});
