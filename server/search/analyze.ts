import type { Glossary } from '../kb/schema.js';
import { answerTypesInNormalized, type AnswerType } from './answer-type.js';
import { withLexiconForms } from './concept-forms.js';
import { Vocabulary } from './engine/vocabulary.js';
import { CONCEPT_PREFIX, createExpander, type Expander } from './expand.js';
import { normalize } from './normalize.js';
import { numbersToDigits } from './numbers.js';
import { createRegisterRewriter } from './rewrite.js';
import { createSegmenter, type SegmenterEngine } from './segment.js';
import type { Speller } from './spell.js';
import type { ThaiRunRepair } from './tone-fallback.js';
import { STOPWORDS } from './stopwords.js';
import { isContentToken, termsOfToken } from './terms.js';

/**
 * The text pipeline shared by indexing and querying: normalize → segment → number words to
 * digits → colloquial words to formal (register.ts via rewrite.ts) → (questions only)
 * spelling → terms + concepts. Negation-scoped terms (negation.ts) are derived from the units
 * by the index and the answerer, which keep them in a field of their own.
 * One Analyzer per knowledge base, because the glossary feeds both the segmenter's dictionary
 * and the expander.
 */

/** One content token of a text with what it contributes to the index. */
export interface Unit {
  token: string;
  /** Index terms (empty for stopwords). */
  terms: string[];
  /** Concepts whose surface form covers this token. */
  concepts: string[];
}

export interface Analysis {
  units: Unit[];
  /** Distinct concept ids named in the text. */
  concepts: string[];
  /**
   * Kinds of answer the text holds (answer-type.ts): read from a record's answer field. Found
   * here, on the text normalized once, so the analysis cache keeps them and an index build never
   * normalizes an answer again.
   */
  answerTypes: AnswerType[];
}

export interface Analyzer {
  /**
   * `correct` rewrites tokens before expansion; the answerer passes its speller for questions
   * only, since the records' own words are the vocabulary being corrected towards.
   */
  /**
   * `repair` re-cuts runs of Thai tokens typed without tone marks (tone-fallback.ts); the
   * answerer passes it for questions only, like `correct`.
   */
  analyze(text: string, correct?: Speller, repair?: ThaiRunRepair): Analysis;
  /** indexTerms() of the text. */
  tokenize(text: string): string[];
  /**
   * What an index build needs of a text, without a Unit object per token when the analysis
   * cache can avoid them (at 100,000 records those objects were most of a warm build's garbage)
   * and with strings as table indexes (IndexedText).
   */
  forIndex(text: string): IndexedText;
  readonly expander: Expander;
}

/**
 * Every term the index holds for an analysed text: words and concept tokens (`c:<id>`).
 * (Pairs of neighbouring words were tried for phrase matching: no better on the dev half of
 * the evaluation, and they doubled the terms of every query.)
 */
export function indexTerms(analysis: Analysis): string[] {
  const out = analysis.units.flatMap((u) => u.terms);
  for (const c of analysis.concepts) out.push(CONCEPT_PREFIX + c);
  return out;
}

/**
 * A text's analysis as the index reads it (Analyzer.forIndex): its strings as indexes into a
 * table. With the analysis cache every text of a build shares the cache's one table, so the
 * index looks each distinct string up once, not once per occurrence (index.ts).
 */
export interface IndexedText {
  /** The table the indexes below refer to. */
  strings: readonly string[];
  /** Every content token, in order (the speller's counts). */
  tokens: readonly number[];
  /** The units' index terms, in order. */
  terms: readonly number[];
  /** Concepts named in the text; each is the index term CONCEPT_PREFIX + its id. */
  concepts: readonly number[];
  answerTypes: readonly AnswerType[];
  /** The full units, made on request (negation scopes of question fields). */
  units(): readonly Unit[];
}

/** forIndex() of an analyzer without a cache: a table of the text's own strings. */
export function indexedText(analysis: Analysis): IndexedText {
  const table = new Vocabulary();
  const id = (s: string) => table.add(s);
  return {
    strings: table.terms,
    tokens: analysis.units.map((u) => id(u.token)),
    terms: analysis.units.flatMap((u) => u.terms.map(id)),
    concepts: analysis.concepts.map(id),
    answerTypes: analysis.answerTypes,
    units: () => analysis.units,
  };
}

export interface AnalyzerOptions {
  engine?: SegmenterEngine;
}

export function createAnalyzer(fileGlossary: Glossary, options: AnalyzerOptions = {}): Analyzer {
  // The glossary file plus the forms the lexicon adds to its concepts (concept-forms.ts).
  const glossary = withLexiconForms(fileGlossary);
  // Only abbreviations and transliterations become dictionary words: they are what the general
  // dictionary shreds (อีเซอร์วิส → อี|เซอร์วิส). Multi-word Thai forms are matched by the
  // expander across tokens instead; as dictionary words they would swallow their parts
  // (the gold search-F1 drops from 0.996 to 0.953, and "บริการ" would stop matching them).
  // Chat particles (รึ, มั้ย, ป่าว) are dictionary words too: without them the engine glues them
  // to their neighbours (ด้วยรึเปล่า → ด้ว|ยรึ|เปล่า) and both words are lost.
  const words = [
    ...glossary.concepts.flatMap((c) => [...c.abbreviations, ...c.transliterations].map(normalize)),
    ...[...STOPWORDS].filter((w) => /^[\u0E01-\u0E4E]{2,}$/.test(w)),
  ];
  const segment = createSegmenter({ engine: options.engine, words });
  const expander = createExpander(glossary, segment);
  const toFormal = createRegisterRewriter(segment);

  // Whitespace separates tokens, so each chunk is cut alone and a Thai run never spans a space.
  const cut = (normalized: string, repair?: ThaiRunRepair): string[] =>
    repair ? normalized.split(' ').flatMap((chunk) => repair(segment(chunk))) : segment(normalized);

  const analyze = (text: string, correct?: Speller, repair?: ThaiRunRepair): Analysis => {
    const normalized = normalize(text);
    let tokens = toFormal(numbersToDigits(cut(normalized, repair).filter(isContentToken)));
    if (correct) tokens = tokens.map(correct);
    const matches = expander.find(tokens);
    const units: Unit[] = tokens.map((token) => ({ token, terms: termsOfToken(token), concepts: [] }));
    const concepts = new Set<string>();
    for (const m of matches) {
      concepts.add(m.concept);
      for (let i = m.start; i < m.end; i++) {
        const unit = units[i]!;
        if (!unit.concepts.includes(m.concept)) unit.concepts.push(m.concept);
      }
    }
    return { units, concepts: [...concepts], answerTypes: answerTypesInNormalized(normalized) };
  };

  return {
    analyze,
    tokenize: (text) => indexTerms(analyze(text)),
    forIndex: (text) => indexedText(analyze(text)),
    expander,
  };
}

