import { createHash } from 'node:crypto';
import type { Glossary } from '../kb/schema.js';
import { indexedText, indexTerms, type Analysis, type Analyzer, type IndexedText, type Unit } from './analyze.js';
import { CONCEPT_PREFIX } from './prefixes.js';
import type { AnswerType } from './answer-type.js';

/**
 * Each text's analysis (normalized, segmented, number words and register rewritten, concepts
 * found) remembered by a hash of the text, so rebuilding the index after an edit analyses only
 * the texts that changed. Segmentation is most of an index build (issue 16: ~40% at 10,000
 * records, more at 100,000), and an edit changes one record.
 *
 * The cache belongs to one analyzer version: a hash of the glossary, the lexicon and a probe
 * of the analyzer's behaviour (analysisVersion). A different version starts an empty cache, so
 * a changed glossary, word list or segmentation rule can never leave stale terms in an index.
 * This module does no I/O; server/index-cache/ reads and writes the cache beside the knowledge.
 */

/** Bumped when the serialised form or the meaning of an Analysis changes. */
export const ANALYSIS_FORMAT = 2;

/**
 * A unit as stored: just the token when its only term is the token itself and no concept
 * covers it (most units), else [token, terms, concepts].
 */
type StoredUnit = string | [string, string[], string[]];
type StoredAnalysis = [StoredUnit[], string[], AnswerType[]];

export interface SerializedAnalysisCache {
  format: number;
  version: string;
  entries: Record<string, StoredAnalysis>;
}

export interface AnalysisCache {
  readonly version: string;
  /** The analyzer, answering from the cache where it can; questions with a speller are never cached. */
  wrap(analyzer: Analyzer): Analyzer;
  /** Texts analysed because they were not in the cache, since creation or resetCounts(). */
  readonly misses: number;
  readonly hits: number;
  resetCounts(): void;
  /**
   * The entries looked up or added since the cache was created (entries no build asked for are
   * dropped, so the file does not grow with every edit).
   */
  serialize(): SerializedAnalysisCache;
  /**
   * Drops the entries (counts stay): call once the build is done and serialize() has been
   * taken, so an answerer does not keep every text's analysis alive for its lifetime.
   */
  release(): void;
  readonly size: number;
}

const hashText = (text: string): string => createHash('sha1').update(text).digest('base64url');

const encodeUnit = (u: Unit): StoredUnit =>
  u.concepts.length === 0 && u.terms.length === 1 && u.terms[0] === u.token ? u.token : [u.token, u.terms, u.concepts];

const decodeUnit = (u: StoredUnit): Unit => (typeof u === 'string' ? { token: u, terms: [u], concepts: [] } : { token: u[0], terms: u[1], concepts: u[2] });

/** Sentences whose analysis changes when a normalisation, segmentation or rewriting rule does. */
const PROBES = [
  'ส่งรายงานผลการดำเนินงานปีงบประมาณ ๒๕๖๕ ภายในสามสิบวันได้ไหมคะ',
  'ก.พ.ร. แจ้งผลอุทธรณ์ตัวชี้วัด e-service และ PMQA 4.0 ยังไง',
  'Do agencies report the data catalog indicators for FY2022?',
  'อีเซอร์วิส โอเพ่นดาต้า ชุดข้อมูลเปิด แชร์ริ่งดาต้า',
];

/**
 * The version a cache must have to be used with this analyzer: the glossary and lexicon
 * contents plus the analyzer's output on probe sentences (which catches code changes that the
 * inputs do not show).
 */
export function analysisVersion(analyzer: Analyzer, inputs: { glossary: Glossary; lexicon?: readonly string[] }): string {
  const hash = createHash('sha1');
  hash.update(`format ${ANALYSIS_FORMAT}\n`);
  hash.update(JSON.stringify(inputs.glossary));
  for (const text of inputs.lexicon ?? []) hash.update(`\n--\n${text}`);
  for (const probe of PROBES) hash.update(JSON.stringify(analyzer.analyze(probe)));
  return hash.digest('base64url');
}

/** A cache for `version`, starting from `stored` when it was written for the same version. */
export function createAnalysisCache(version: string, stored?: SerializedAnalysisCache): AnalysisCache {
  const usable = stored && stored.format === ANALYSIS_FORMAT && stored.version === version ? stored.entries : {};
  const loaded = new Map<string, StoredAnalysis>(Object.entries(usable));
  const used = new Map<string, StoredAnalysis>();
  let hits = 0;
  let misses = 0;

  return {
    version,
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    get size() {
      return used.size;
    },
    resetCounts() {
      hits = 0;
      misses = 0;
    },
    wrap(analyzer) {
      const analyze = (text: string, correct?: Parameters<Analyzer['analyze']>[1], repair?: Parameters<Analyzer['analyze']>[2]): Analysis => {
        if (correct || repair) return analyzer.analyze(text, correct, repair);
        const key = hashText(text);
        const stored = used.get(key) ?? loaded.get(key);
        if (stored) {
          hits++;
          used.set(key, stored);
          // A fresh object every time: callers may push onto the arrays they get.
          return { units: stored[0].map(decodeUnit), concepts: [...stored[1]], answerTypes: [...stored[2]] };
        }
        misses++;
        const analysis = analyzer.analyze(text);
        used.set(key, [analysis.units.map(encodeUnit), [...analysis.concepts], [...analysis.answerTypes]]);
        return analysis;
      };
      /** The stored form read directly: most units are a bare string that is token and term at once. */
      const forIndex = (text: string): IndexedText => {
        const key = hashText(text);
        const stored = used.get(key) ?? loaded.get(key);
        if (!stored) return indexedText(analyze(text));
        hits++;
        used.set(key, stored);
        const [units, concepts, answerTypes] = stored;
        const tokens: string[] = [];
        const terms: string[] = [];
        for (const u of units) {
          if (typeof u === 'string') {
            tokens.push(u);
            terms.push(u);
          } else {
            tokens.push(u[0]);
            for (const t of u[1]) terms.push(t);
          }
        }
        for (const c of concepts) terms.push(CONCEPT_PREFIX + c);
        return { tokens, terms, answerTypes, units: () => units.map(decodeUnit) };
      };
      return { analyze, tokenize: (text) => indexTerms(analyze(text)), forIndex, expander: analyzer.expander };
    },
    serialize() {
      return { format: ANALYSIS_FORMAT, version, entries: Object.fromEntries(used) };
    },
    release() {
      loaded.clear();
      used.clear();
    },
  };
}
