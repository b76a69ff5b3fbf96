import type { Analyzer, Unit } from './analyze.js';
import { indexTerms } from './analyze.js';
import { loadGeneralRanks, rarityShare } from './general-frequency.js';
import { loadSynonyms, withSynonyms } from './english-synonyms.js';
import { answerTypeOf, type AnswerType } from './answer-type.js';
import { CONCEPT_PREFIX, INTENT_PREFIX } from './prefixes.js';
import { isBuddhistFiscalYear } from './fiscal-year.js';
import { charGrams, type GramSet } from './gram-set.js';
import type { TermCountLookup } from './engine/term-counts.js';
import { detectLanguage } from './language.js';
import { isGeneralWord } from './lexicon.js';
import { negatedTerms } from './negation.js';
import type { RetrievalOptions } from './options.js';
import type { WeightedTerm } from './retrieve.js';
import { relativeYearsIn } from './relative-years.js';
import type { Speller } from './spell.js';
import type { ThaiRunRepair } from './tone-fallback.js';
import type { Lang } from './types.js';

/**
 * Stage 1 of the pipeline (analyze → retrieve → score → decide → render): everything the later
 * stages need to know about the question, computed once. Pure: the corpus statistics and
 * "today" come in as arguments.
 */

export interface CorpusStats {
  documentFrequency: TermCountLookup;
  size: number;
  /** Words that only occur inside longer indexed words (see SearchIndex.isWordPart). */
  isWordPart?: (word: string) => boolean;
}

export interface WeightedUnit {
  unit: Unit;
  /**
   * IDF of the unit's rarest term (or of its concept, when one covers it), times the share an
   * everyday word keeps (general-frequency.ts): what the word says about what is asked.
   */
  weight: number;
  /** Seen in the knowledge base, the glossary or the general word lists. */
  known: boolean;
}

export interface QuestionAnalysis {
  /** The question as given (trimmed to the length bound). */
  text: string;
  lang: Lang;
  /** Content units with their weights; question words and stopwords are left out. */
  units: WeightedUnit[];
  totalWeight: number;
  /** Weight of the units that are not bare numbers: what the question is about. */
  topicWeight: number;
  /** Every distinct index term of the question (words, concepts, intents, negations). */
  terms: string[];
  /** The terms as a retrieval query. */
  query: WeightedTerm[];
  /** Fiscal years (BE) named or implied (ปีหน้า, next year), sorted. */
  years: number[];
  /** Question-word intents (`q:how`). */
  intents: string[];
  /** What kind of answer the question wants, if it says. */
  answerType?: AnswerType;
  /** Character trigrams of the question (gram-set.ts; score.ts compares them with the records' questions). */
  grams: GramSet;
  /**
   * Abbreviations the question writes in capitals (LPA, ITA) that neither the knowledge base,
   * the glossary nor the general word lists know: the name of something no record is about.
   */
  unknownNames: string[];
}

/** A word written in two to six capitals: how a programme, body or system is abbreviated. */
const CAPITALS = /(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])/g;

export function unknownNamesIn(question: string, units: readonly WeightedUnit[]): string[] {
  const capitals = new Set((question.match(CAPITALS) ?? []).map((w) => w.toLowerCase()));
  if (capitals.size === 0) return [];
  return [...new Set(units.filter((u) => !u.known && capitals.has(u.unit.token)).map((u) => u.unit.token))];
}

/** BM25-style IDF; a term no record contains gets the largest value. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A token that is only a number (2565, 7, 4.0). */
const NUMERIC = /^[\d.,]+$/;

export function weighUnits(units: readonly Unit[], corpus: CorpusStats): WeightedUnit[] {
  const out: WeightedUnit[] = [];
  for (const unit of units) {
    // Question words say what kind of answer is wanted, not what it is about.
    if (unit.terms.length === 0 || unit.terms[0]!.startsWith(INTENT_PREFIX)) continue;
    let weight = 0;
    // A word inside a glossary form is domain vocabulary even when no record uses it. An
    // inflected form is everyday when its stem is ("reassigning": SUBTLEX rank 44,046, past the
    // general list; "reassign" 23,808).
    let known = unit.concepts.length > 0 || isGeneralWord(unit.token) || unit.terms.some(isGeneralWord);
    for (const term of unit.terms) {
      const df = corpus.documentFrequency.get(term) ?? 0;
      if (df > 0 || corpus.isWordPart?.(term)) known = true;
      weight = Math.max(weight, idf(df, corpus.size));
    }
    // A concept-covered word is matched through its concept; weigh it like a known word.
    if (unit.concepts.length > 0) {
      const conceptDf = Math.max(...unit.concepts.map((c) => corpus.documentFrequency.get(CONCEPT_PREFIX + c) ?? 0));
      weight = Math.min(weight, idf(conceptDf, corpus.size));
    }
    out.push({ unit, weight: weight * rarityShare(unit.token), known });
  }
  return out;
}

/**
 * Reads the word tables a question is weighed and expanded with (general-frequency.ts,
 * english-synonyms.ts; ~11 ms), so that an answerer's build pays for them, not its first question.
 */
export function loadQuestionWordTables(): void {
  loadGeneralRanks();
  loadSynonyms();
}

export interface AnalyzeQuestionContext {
  analyzer: Analyzer;
  speller: Speller;
  /** Re-cuts Thai typed without tone marks (tone-fallback.ts); none: the question as cut. */
  toneFallback?: ThaiRunRepair;
  corpus: CorpusStats;
  retrieval: Pick<RetrievalOptions, 'conceptWeight' | 'intentWeight'>;
  /** The fiscal year relative years count from (relative-years.ts). */
  currentYear: number;
}

export function analyzeQuestion(question: string, lang: Lang | undefined, ctx: AnalyzeQuestionContext): QuestionAnalysis {
  const cut = ctx.analyzer.analyze(question, ctx.speller, ctx.toneFallback);
  const analysis = { ...cut, units: withSynonyms(cut.units, (t) => ctx.corpus.documentFrequency.has(t)) };
  const units = weighUnits(analysis.units, ctx.corpus);
  const terms = [...new Set([...indexTerms(analysis), ...negatedTerms(analysis.units)])];
  const weightOf = (t: string) => (t.startsWith(CONCEPT_PREFIX) ? ctx.retrieval.conceptWeight : t.startsWith(INTENT_PREFIX) ? ctx.retrieval.intentWeight : 1);
  const named = analysis.units.map((u) => Number(u.token)).filter((n) => Number.isInteger(n) && isBuddhistFiscalYear(n));
  const years = [...new Set([...named, ...relativeYearsIn(question, ctx.currentYear)])].sort((a, b) => a - b);
  const intents = terms.filter((t) => t.startsWith(INTENT_PREFIX));
  const answerType = answerTypeOf(analysis.units.map((u) => u.token));
  return {
    text: question,
    lang: lang ?? detectLanguage(question),
    units,
    totalWeight: units.reduce((s, u) => s + u.weight, 0),
    topicWeight: units.reduce((s, u) => (NUMERIC.test(u.unit.token) ? s : s + u.weight), 0),
    terms,
    query: terms.map((term) => ({ term, weight: weightOf(term) })),
    years,
    intents,
    ...(answerType ? { answerType } : {}),
    grams: charGrams(question),
    unknownNames: unknownNamesIn(question, units),
  };
}
