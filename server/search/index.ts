import type { KbDocument, KbRecord, KnowledgeBase } from '../kb/schema.js';
import type { Analyzer } from './analyze.js';
import { answerTypeMask, answerTypesOfMask, type AnswerType } from './answer-type.js';
import { recordYears } from './fiscal-year.js';
import { IndexedTextReader } from './indexed-text-reader.js';
import { negatedTerms } from './negation.js';
import { CONCEPT_PREFIX } from './prefixes.js';
import { TermIdSet } from './engine/term-id-set.js';
import { charGrams, type GramSet } from './gram-set.js';
import { Vocabulary } from './engine/vocabulary.js';
import { TermCounts, type TermCountLookup } from './engine/term-counts.js';

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
  readonly questionGrams: GramSet[];
  /** Character trigrams of the Thai answer (decide.ts: do two answers say the same thing?). */
  readonly answerGrams: GramSet;
  /** Kinds of answer its answer text holds (answer-type.ts). */
  readonly answerTypes: ReadonlySet<AnswerType>;
}

export interface SearchIndex {
  records: ReadonlyMap<string, IndexedRecord>;
  /** Each record's index terms per field as ids of `vocabulary`, in knowledge-base order: the retrieval engine's input. */
  fields: ReadonlyArray<{ id: string; terms: Readonly<Record<Field, Uint32Array>> }>;
  /** Number of records containing the term in a text field (not counting `negation`). */
  documentFrequency: TermCountLookup;
  /** Term ids of every indexed term, shared with the compact retrieval engine. */
  vocabulary: Vocabulary;
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
  /** The kinds of answer some record's answer states (answer-type.ts). */
  statedAnswerTypes: ReadonlySet<AnswerType>;
  size: number;
}

/**
 * The trigrams are worked out when scoring first needs them, not at build: a question only
 * ever scores a few dozen candidates, and at 100,000 records computing them for every record was
 * about a third of a warm build and their arrays most of the heap. Once made, they are kept.
 */
class LazyIndexedRecord implements IndexedRecord {
  #questionGrams: GramSet[] | undefined;
  #answerGrams: GramSet | undefined;

  constructor(
    readonly record: KbRecord,
    readonly document: KbDocument | undefined,
    readonly section: IndexedRecord['section'],
    readonly terms: ReadonlySet<string>,
    readonly questionTerms: ReadonlySet<string>,
    readonly years: readonly number[],
    readonly answerTypes: ReadonlySet<AnswerType>,
  ) {}

  get questionGrams(): GramSet[] {
    const { question, alternates } = this.record;
    return (this.#questionGrams ??= [question.th, question.en, ...alternates.th, ...alternates.en].filter((q) => q !== '').map(charGrams));
  }

  get answerGrams(): GramSet {
    return (this.#answerGrams ??= charGrams(this.record.answer.th));
  }
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

/**
 * Concept tokens for a record's indicator tags, via the glossary's indicator links, in glossary
 * order. The linked concepts are found once per knowledge base: scanning the whole glossary for
 * every record was ~5% of a warm build.
 */
export function indicatorConcepts(kb: KnowledgeBase): (record: KbRecord) => string[] {
  const linked = kb.glossary.concepts.filter((c) => c.indicator !== undefined);
  return (record) => linked.filter((c) => record.tags.indicators.includes(c.indicator!)).map((c) => CONCEPT_PREFIX + c.id);
}

const NO_TYPES: ReadonlySet<AnswerType> = new Set();

/** Each record's text fields as the index analyses them (its document and section found in `kb`). */
export function recordTexts(kb: KnowledgeBase): (record: KbRecord) => Record<TextField, string> {
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  return (record) => {
    const document = documents.get(record.source.document);
    return fieldTexts(record, document, document?.sections.find((s) => s.slug === record.source.section));
  };
}

/** The texts buildIndex analyses for `records` (each one's text fields), for analysing them ahead of it. */
export function indexTexts(kb: KnowledgeBase, records: readonly KbRecord[] = kb.records): string[] {
  const textsOf = recordTexts(kb);
  return records.flatMap((record) => {
    const texts = textsOf(record);
    return TEXT_FIELDS.map((field) => texts[field]);
  });
}

/**
 * What an index build reads from the analyses, before anything is derived from it: each
 * record's term ids per field (knowledge-base order), the kinds of answer its answer text
 * holds, and the vocabulary and token counts they refer to. The index snapshot stores this
 * (index-cache/records-snapshot.ts, keyed by records-key.ts), so a start over unchanged records
 * skips the analyses.
 */
export interface AnalysedRecords {
  /** Every term, by id. */
  vocabulary: Vocabulary;
  fields: Array<Record<Field, Uint32Array>>;
  /** Per record, the kinds of answer as a bit mask (answer-type.ts, answerTypeMask). */
  answerTypes: Uint8Array;
  /** How often each token (before stemming) occurs in the records, in first-seen order. */
  tokenFrequency: Map<string, number>;
}

export function analyseRecords(kb: KnowledgeBase, analyzer: Analyzer): AnalysedRecords {
  const tokenFrequency = new Map<string, number>();
  const textsOf = recordTexts(kb);
  const vocabulary = new Vocabulary();
  // Terms become ids here, once per distinct string; everything after works on ids.
  const reader = new IndexedTextReader(vocabulary, tokenFrequency);
  const answerTypes = new Uint8Array(kb.records.length);
  const conceptsOf = indicatorConcepts(kb);
  const fields = kb.records.map((record, r) => {
    const texts = textsOf(record);
    const out = {} as Record<Field, Uint32Array>;
    const negated: string[] = [];
    for (const field of TEXT_FIELDS) {
      const text = analyzer.forIndex(texts[field]);
      if (field === 'answer') answerTypes[r] = answerTypeMask(text.answerTypes);
      if (QUESTION_FIELDS.includes(field)) negated.push(...negatedTerms(text.units()));
      out[field] = reader.read(text, field === 'context' ? conceptsOf(record) : undefined);
    }
    out.negation = Uint32Array.from(negated, (t) => vocabulary.add(t));
    return out;
  });
  reader.finish();
  return { vocabulary, fields, answerTypes, tokenFrequency };
}

export function buildIndex(kb: KnowledgeBase, analyzer: Analyzer): SearchIndex {
  return assembleIndex(kb, analyseRecords(kb, analyzer));
}

/** The index over analysed records (made now or read back from a snapshot). */
export function assembleIndex(kb: KnowledgeBase, analysed: AnalysedRecords): SearchIndex {
  const { vocabulary, tokenFrequency } = analysed;
  if (analysed.fields.length !== kb.records.length) throw new Error(`index: ${analysed.fields.length} analysed records for ${kb.records.length} records`);
  const records = new Map<string, IndexedRecord>();
  const documents = new Map(kb.documents.map((d) => [d.id, d]));
  const years = new Set<number>();
  let stated = 0;
  // One set per combination of kinds (at most 2^7), shared by the records that have it: a set
  // per record was 100,000 sets at 100,000 records.
  const typeSets = new Map<number, ReadonlySet<AnswerType>>([[0, NO_TYPES]]);
  const documentFrequency = new TermCounts(vocabulary);
  const fields = kb.records.map((record, r) => {
    const document = documents.get(record.source.document);
    const section = document?.sections.find((s) => s.slug === record.source.section);
    const out = analysed.fields[r]!;
    const mask = analysed.answerTypes[r]!;
    stated |= mask;
    let answerTypes = typeSets.get(mask);
    if (!answerTypes) typeSets.set(mask, (answerTypes = new Set(answerTypesOfMask(mask))));
    const questionTerms = TermIdSet.union(QUESTION_FIELDS.map((f) => out[f]), vocabulary);
    const terms = TermIdSet.union(TEXT_FIELDS.map((f) => out[f]), vocabulary);
    for (const id of terms.termIds) documentFrequency.increment(id);
    const recordYearList = recordYears(record.tags.years, document?.fiscalYears);
    for (const y of recordYearList) years.add(y);
    records.set(record.id, new LazyIndexedRecord(record, document, section, terms, questionTerms, recordYearList, answerTypes));
    return { id: record.id, terms: out };
  });
  documentFrequency.freeze();
  return {
    records,
    fields,
    documentFrequency,
    vocabulary,
    tokenFrequency,
    isWordPart: wordPartTest(documentFrequency),
    years: [...years].sort((a, b) => a - b),
    statedAnswerTypes: new Set(answerTypesOfMask(stated)),
    size: kb.records.length,
  };
}

/**
 * SearchIndex.isWordPart over the indexed Thai terms. A function of its own so that the test,
 * which the index keeps for good, closes over the terms' string alone: made inside
 * assembleIndex it shared that scope and kept every record's term ids alive (+19 MB at 10,000 records).
 */
function wordPartTest(documentFrequency: TermCounts): (word: string) => boolean {
  // One newline-separated string: a part test is two substring searches, no per-word index.
  const thaiTerms = `\n${[...documentFrequency.terms()].filter((t) => /^[\u0E01-\u0E5B]+$/.test(t)).join('\n')}\n`;
  // Two letters begin or end far too many words to tell anything.
  return (word) => word.length >= 3 && (thaiTerms.includes(`\n${word}`) || thaiTerms.includes(`${word}\n`));
}
