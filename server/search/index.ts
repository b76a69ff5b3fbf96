import type { KnowledgeBase, KbRecord } from '../kb/schema.js';
import { indexTerms, type Analyzer } from './analyze.js';
import { CONCEPT_PREFIX } from './expand.js';
import { charGrams } from './grams.js';
import { negatedTerms } from './negation.js';
import { buildEngine, chooseEngine, type EngineChoice } from './engine/select.js';
import { TermIdSet } from './engine/term-id-set.js';
import type { EngineDoc, RetrievalEngine } from './engine/types.js';
import { Vocabulary } from './engine/vocabulary.js';

/**
 * The retrieval engine over the records (MiniSearch, or the compact index for large knowledge
 * bases: engine/select.ts), plus the per-record term sets and document
 * frequencies the confidence model needs (MiniSearch keeps those private).
 *
 * Text is analyzed once here and handed to the engine as terms per field, so the engine sees
 * exactly the terms analyze() produced.
 */

/**
 * Field boosts: a question phrased like the record's own question is the strongest evidence.
 * Thai and English text of a field share one MiniSearch field: the analyzer already puts both
 * languages into one term space (concept tokens), and every extra field is another pass over
 * the postings on each query. `negation` holds only the negation-scoped terms of the question
 * and alternates (negation.ts): in a field of their own they do not lengthen the other fields,
 * which would shift BM25 for every question, negated or not.
 */
export const FIELD_BOOST = {
  question: 3,
  alt: 2.5,
  answer: 1,
  context: 0.6,
  negation: 6,
} as const;
export type Field = keyof typeof FIELD_BOOST;
export const FIELDS = Object.keys(FIELD_BOOST) as Field[];
const QUESTION_FIELDS: readonly Field[] = ['question', 'alt'];
/** Fields indexed from their own text; `negation` is derived from the question fields. */
type TextField = Exclude<Field, 'negation'>;
const TEXT_FIELDS = FIELDS.filter((f): f is TextField => f !== 'negation');

export interface IndexedRecord {
  record: KbRecord;
  /** Every term and concept token in any field (term ids in a typed array: TermIdSet). */
  terms: ReadonlySet<string>;
  /** Terms and concept tokens of the question and alternates only. */
  questionTerms: ReadonlySet<string>;
  /** Fiscal years (BE) the record is about: its tags, else its document's. */
  years: readonly number[];
  /** Character trigrams of each phrasing of the record's question (Thai, English, alternates). */
  questionGrams: ReadonlySet<string>[];
}

export interface SearchIndex {
  engine: RetrievalEngine;
  records: ReadonlyMap<string, IndexedRecord>;
  /** Number of records containing the term in any field. */
  documentFrequency: ReadonlyMap<string, number>;
  /** How often each token (before stemming) occurs in the records: the speller's vocabulary. */
  tokenFrequency: ReadonlyMap<string, number>;
  /**
   * True when a Thai word of 3+ letters begins or ends an indexed word: ชุด of ชุดข้อมูล.
   * Domain words are indexed whole, so such a word has no postings of its own, yet it is the
   * knowledge base's vocabulary, not an off-topic word.
   */
  isWordPart(word: string): boolean;
  size: number;
}

export interface BuildIndexOptions {
  /** Retrieval engine; 'auto' (default) picks by knowledge-base size (engine/select.ts). */
  engine?: EngineChoice;
}

function fieldTexts(record: KbRecord, kb: KnowledgeBase): Record<TextField, string> {
  const document = kb.documents.find((d) => d.id === record.source.document);
  const section = document?.sections.find((s) => s.slug === record.source.section);
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

export function buildIndex(kb: KnowledgeBase, analyzer: Analyzer, options: BuildIndexOptions = {}): SearchIndex {
  const vocabulary = new Vocabulary();
  const records = new Map<string, IndexedRecord>();
  const documentFrequency = new Map<string, number>();
  const tokenFrequency = new Map<string, number>();

  const docs = kb.records.map((record) => {
    const texts = fieldTexts(record, kb);
    const doc: Partial<Record<Field, string[]>> = {};
    const terms = new Set<string>();
    const questionTerms = new Set<string>();
    const negated: string[] = [];
    for (const field of TEXT_FIELDS) {
      const analysis = analyzer.analyze(texts[field]);
      if (QUESTION_FIELDS.includes(field)) negated.push(...negatedTerms(analysis.units));
      for (const u of analysis.units) tokenFrequency.set(u.token, (tokenFrequency.get(u.token) ?? 0) + 1);
      const tokens = indexTerms(analysis);
      if (field === 'context') tokens.push(...indicatorConcepts(record, kb));
      doc[field] = tokens;
      for (const t of tokens) {
        terms.add(t);
        if (QUESTION_FIELDS.includes(field)) questionTerms.add(t);
      }
    }
    doc.negation = negated;
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    const years = record.tags.years.length > 0 ? record.tags.years : (kb.documents.find((d) => d.id === record.source.document)?.fiscalYears ?? []);
    const questionGrams = [record.question.th, record.question.en, ...record.alternates.th, ...record.alternates.en]
      .filter((q) => q !== '')
      .map(charGrams);
    records.set(record.id, { record, terms: TermIdSet.of(terms, vocabulary), questionTerms: TermIdSet.of(questionTerms, vocabulary), years, questionGrams });
    return { id: record.id, fields: FIELDS.map((f) => doc[f] ?? []) } satisfies EngineDoc;
  });
  const engine = buildEngine(chooseEngine(options.engine ?? 'auto', docs.length), docs, FIELDS, { vocabulary });
  // One newline-separated string: a part test is two substring searches, no per-word index.
  const thaiTerms = `\n${[...documentFrequency.keys()].filter((t) => /^[\u0E01-\u0E5B]+$/.test(t)).join('\n')}\n`;
  // Two letters begin or end far too many words to tell anything.
  const isWordPart = (word: string) => word.length >= 3 && (thaiTerms.includes(`\n${word}`) || thaiTerms.includes(`${word}\n`));
  return { engine, records, documentFrequency, tokenFrequency, isWordPart, size: kb.records.length };
}
