import type { KbDocument, KbRecord, KnowledgeBase } from '../kb/schema.js';
import { indexTerms, type Analyzer } from './analyze.js';
import { answerTypesIn, type AnswerType } from './answer-type.js';
import { recordYears } from './fiscal-year.js';
import { charGrams } from './grams.js';
import { negatedTerms } from './negation.js';
import { CONCEPT_PREFIX } from './prefixes.js';
import { TermIdSet } from './engine/term-id-set.js';
import { indexGramSet, type GramSet } from './gram-set.js';
import { Vocabulary } from './engine/vocabulary.js';

/**
 * The analysed knowledge base: each record's terms per field, the per-record term sets and
 * document frequencies the scoring needs, and everything about a record that is resolved once
 * here rather than on every question (its document, section, fiscal years, question trigrams,
 * the kinds of answer it holds). The retrieval engine (retrieve.ts) is built from `fields`.
 *
 * Text is analysed once here, so the retrieval engine and the scoring see exactly the terms
 * analyze() produced.
 */

/**
 * Fields of a record. Thai and English text of a field share one field: the analyzer puts both
 * languages into one term space (concept tokens). `negation` holds only the negation-scoped
 * terms of the question and alternates (negation.ts): in a field of their own they do not
 * lengthen the other fields, which would shift BM25 for every question, negated or not.
 */
export const FIELDS = ['question', 'alt', 'answer', 'context', 'negation'] as const;
export type Field = (typeof FIELDS)[number];
const QUESTION_FIELDS: readonly Field[] = ['question', 'alt'];
type TextField = Exclude<Field, 'negation'>;
const TEXT_FIELDS = FIELDS.filter((f): f is TextField => f !== 'negation');

export interface IndexedRecord {
  record: KbRecord;
  document: KbDocument | undefined;
  section: KbDocument['sections'][number] | undefined;
  /** Every term and concept token in any field (term ids in a typed array: engine/term-id-set.ts). */
  terms: ReadonlySet<string>;
  /** Terms and concept tokens of the question and alternates only. */
  questionTerms: ReadonlySet<string>;
  /** Fiscal years (BE) the record is about: its tags, else its document's. */
  years: readonly number[];
  /** Character trigrams of each phrasing of the record's question (Thai, English, alternates). */
  questionGrams: GramSet[];
  /** Character trigrams of the Thai answer (decide.ts: do two answers say the same thing?). */
  answerGrams: GramSet;
  /** Kinds of answer its answer text holds (answer-type.ts). */
  answerTypes: ReadonlySet<AnswerType>;
}

export interface SearchIndex {
  records: ReadonlyMap<string, IndexedRecord>;
  /** Each record's index terms per field, in knowledge-base order: the retrieval engine's input. */
  fields: ReadonlyArray<{ id: string; terms: Readonly<Record<Field, readonly string[]>> }>;
  /** Number of records containing the term in any field. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Term ids of every indexed term, shared with the compact retrieval engine. */
  vocabulary: Vocabulary;
  /** Ids of the records' character trigrams (gram-set.ts). */
  grams: Vocabulary;
  /** How often each token (before stemming) occurs in the records: the speller's vocabulary. */
  tokenFrequency: ReadonlyMap<string, number>;
  /**
   * True when a Thai word of 3+ letters begins or ends an indexed word: ชุด of ชุดข้อมูล.
   * Domain words are indexed whole, so such a word has no postings of its own, yet it is the
   * knowledge base's vocabulary, not an off-topic word.
   */
  isWordPart(word: string): boolean;
  /** Fiscal years some record is about, ascending. */
  years: readonly number[];
  size: number;
}

function fieldTexts(record: KbRecord, document: KbDocument | undefined, section: IndexedRecord['section']): Record<TextField, string> {
  // Section titles name the indicator a question is about even when the question does not
  // (under "ตัวชี้วัด e-service": "ต้องส่งกี่งาน"); year tags let "ปี 65" reach 2565 records.
  const context = [section?.title.th, section?.title.en, document?.title.th, document?.title.en, ...record.tags.years.map(String)];
  return {
    question: `${record.question.th}\n${record.question.en}`,
    alt: [...record.alternates.th, ...record.alternates.en].join('\n'),
    answer: `${record.answer.th}\n${record.answer.en}`,
    context: context.filter(Boolean).join('\n'),
  };
}

/** Concept tokens for the record's indicator tags, via the glossary's indicator links. */
function indicatorConcepts(record: KbRecord, kb: KnowledgeBase): string[] {
  return kb.glossary.concepts
    .filter((c) => c.indicator !== undefined && record.tags.indicators.includes(c.indicator))
    .map((c) => CONCEPT_PREFIX + c.id);
}

export function buildIndex(kb: KnowledgeBase, analyzer: Analyzer): SearchIndex {
  const records = new Map<string, IndexedRecord>();
  const documentFrequency = new Map<string, number>();
  const tokenFrequency = new Map<string, number>();
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const years = new Set<number>();
  const vocabulary = new Vocabulary();
  const grams = new Vocabulary();

  const fields = kb.records.map((record) => {
    const document = documents.get(record.source.document);
    const section = document?.sections.find((s) => s.slug === record.source.section);
    const texts = fieldTexts(record, document, section);
    const out = {} as Record<Field, string[]>;
    const terms = new Set<string>();
    const questionTerms = new Set<string>();
    const negated: string[] = [];
    for (const field of TEXT_FIELDS) {
      const analysis = analyzer.analyze(texts[field]);
      if (QUESTION_FIELDS.includes(field)) negated.push(...negatedTerms(analysis.units));
      for (const u of analysis.units) tokenFrequency.set(u.token, (tokenFrequency.get(u.token) ?? 0) + 1);
      const tokens = indexTerms(analysis);
      if (field === 'context') tokens.push(...indicatorConcepts(record, kb));
      out[field] = tokens;
      for (const t of tokens) {
        terms.add(t);
        if (QUESTION_FIELDS.includes(field)) questionTerms.add(t);
      }
    }
    out.negation = negated;
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    const recordYearList = recordYears(record.tags.years, document?.fiscalYears);
    for (const y of recordYearList) years.add(y);
    const questionGrams = [record.question.th, record.question.en, ...record.alternates.th, ...record.alternates.en]
      .filter((q) => q !== '')
      .map((q) => indexGramSet(charGrams(q), grams));
    records.set(record.id, {
      record,
      document,
      section,
      terms: TermIdSet.of(terms, vocabulary),
      questionTerms: TermIdSet.of(questionTerms, vocabulary),
      years: recordYearList,
      questionGrams,
      answerGrams: indexGramSet(charGrams(record.answer.th), grams),
      answerTypes: answerTypesIn(`${record.answer.th}\n${record.answer.en}`),
    });
    return { id: record.id, terms: out };
  });
  // One newline-separated string: a part test is two substring searches, no per-word index.
  const thaiTerms = `\n${[...documentFrequency.keys()].filter((t) => /^[\u0E01-\u0E5B]+$/.test(t)).join('\n')}\n`;
  // Two letters begin or end far too many words to tell anything.
  const isWordPart = (word: string) => word.length >= 3 && (thaiTerms.includes(`\n${word}`) || thaiTerms.includes(`${word}\n`));
  return { records, fields, documentFrequency, vocabulary, grams, tokenFrequency, isWordPart, years: [...years].sort((a, b) => a - b), size: kb.records.length };
}
