import { createHash, hash } from 'node:crypto';
import type { Glossary } from '../kb/schema.js';
import { indexTerms, type Analysis, type Analyzer, type IndexedText, type Unit } from './analyze.js';
import { Growable } from './engine/growable.js';
import { Vocabulary } from './engine/vocabulary.js';
import { answerTypeMask, answerTypesOfMask, type AnswerType } from './answer-type.js';

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
export const ANALYSIS_FORMAT = 3;

/**
 * The cache as written to disk. Every distinct token, term and concept id is stored once, in
 * `strings`; all analyses are one flat Int32Array, `data`, and `entries` maps a text's
 * hash to where its analysis starts. At offset o:
 *
 *   unit count, then each unit: a string index ≥ 0 when the unit's only term is its token and
 *   no concept covers it (most units), else −(1 + term count), token, terms…, concept count,
 *   concepts…; then the text's concept count and concepts…; then a bit mask of answer types.
 *
 * Read back, that is one typed array instead of arrays and strings per token
 * (index-cache/analysis-binary.ts writes it as bytes): at 30,000 records the earlier form, JSON
 * with a string per occurrence, was a 98 MB file and most of a warm build's time went to
 * parsing it and collecting its garbage. A string object looked up again and again also keeps
 * its hash.
 */
export interface SerializedAnalysisCache {
  format: number;
  version: string;
  strings: string[];
  data: Int32Array;
  /** Text hash → offset in `data`. */
  entries: Map<string, number>;
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

// crypto.hash (Node 20.12+): one call, no Hash object per text (400,000 texts at 100,000 records).
const hashText = (text: string): string => hash('sha1', text, 'base64url');


/** One unit in the layout of SerializedAnalysisCache; `terms` undefined: the token is its only term. */
function writeUnit(out: Growable<Int32Array>, token: number, terms: readonly number[] | undefined, concepts: readonly number[]): void {
  if (terms === undefined) {
    out.push(token);
    return;
  }
  out.push(-1 - terms.length);
  out.push(token);
  out.pushAll(terms);
  out.push(concepts.length);
  out.pushAll(concepts);
}

function writeTail(out: Growable<Int32Array>, concepts: readonly number[], answerTypes: readonly AnswerType[]): void {
  out.push(concepts.length);
  out.pushAll(concepts);
  out.push(answerTypeMask(answerTypes));
}

/** Appends the analysis to `data`; returns its offset. */
function encode(analysis: Analysis, table: Vocabulary, data: Growable<Int32Array>): number {
  const at = data.length;
  const id = (s: string) => table.add(s);
  data.push(analysis.units.length);
  for (const u of analysis.units) {
    const simple = u.concepts.length === 0 && u.terms.length === 1 && u.terms[0] === u.token;
    writeUnit(data, id(u.token), simple ? undefined : u.terms.map(id), u.concepts.map(id));
  }
  writeTail(data, analysis.concepts.map(id), analysis.answerTypes);
  return at;
}

/**
 * Reads the analysis at `at`: each unit is handed to `unit` (string indexes), and the text's
 * concepts and answer types are returned: the one walk of decode() and serialize().
 */
function walk(data: Int32Array, at: number, unit: (token: number, terms: readonly number[] | undefined, concepts: readonly number[]) => void) {
  // Plain loops, not subarray(): a typed-array view per unit was a third of a warm build.
  const read = (count: number): number[] => {
    const out = new Array<number>(count);
    for (let k = 0; k < count; k++) out[k] = data[i++]!;
    return out;
  };
  let i = at;
  const count = data[i++]!;
  for (let n = 0; n < count; n++) {
    const head = data[i++]!;
    if (head >= 0) {
      unit(head, undefined, NONE);
      continue;
    }
    const token = data[i++]!;
    const terms = read(-1 - head);
    const concepts = read(data[i++]!);
    unit(token, terms, concepts.length === 0 ? NONE : concepts);
  }
  const concepts = read(data[i++]!);
  return { concepts, answerTypes: answerTypesOfMask(data[i]!) };
}
const NONE: readonly number[] = [];

function decode(data: Int32Array, at: number, strings: readonly string[]): Analysis {
  const units: Unit[] = [];
  const { concepts, answerTypes } = walk(data, at, (token, terms, unitConcepts) =>
    units.push({ token: strings[token]!, terms: (terms ?? [token]).map((t) => strings[t]!), concepts: unitConcepts.map((c) => strings[c]!) }),
  );
  return { units, concepts: concepts.map((c) => strings[c]!), answerTypes };
}

/**
 * What the index reads of a stored analysis: indexes into the cache's table, no Unit object per
 * token. The layout is walked inline rather than through walk()'s callback: this runs for every
 * text of every build.
 */
function readForIndex(data: Int32Array, at: number, strings: readonly string[]): IndexedText {
  const tokens: number[] = [];
  const terms: number[] = [];
  let i = at;
  const count = data[i++]!;
  for (let n = 0; n < count; n++) {
    const head = data[i++]!;
    if (head >= 0) {
      tokens.push(head);
      terms.push(head);
      continue;
    }
    tokens.push(data[i++]!);
    for (let end = i - 1 - head; i < end; ) terms.push(data[i++]!);
    i += 1 + data[i]!; // skips the unit's concepts: they are among the text's, read below
  }
  const conceptCount = data[i++]!;
  const concepts: number[] = [];
  for (let k = 0; k < conceptCount; k++) concepts.push(data[i++]!);
  return { strings, tokens, terms, concepts, answerTypes: answerTypesOfMask(data[i]!), units: () => decode(data, at, strings).units };
}

/** Sentences whose analysis changes when a normalisation, segmentation or rewriting rule does. */
const PROBES = [
  'ส่งรายงานผลการดำเนินงานปีงบประมาณ ๒๕๖๕ ภายในสามสิบวันได้ไหมคะ',
  'ก.พ.ร. แจ้งผลอุทธรณ์ตัวชี้วัด e-service และ PMQA 4.0 ยังไง',
  'Do agencies report the data catalog indicators for FY2022?',
  'อีเซอร์วิส โอเพ่นดาต้า ชุดข้อมูลเปิด แชร์ริ่งดาต้า',
  "We don't need to send it again, whats the deadline? Data catalog - who decides?",
  'เปิดรับเรื่อง 08.30 น. ค่าธรรมเนียม 100 บาท โทร. 02-123-4567',
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

/** True when `stored` was written in this format for `version`. */
function usableFor(stored: SerializedAnalysisCache | undefined, version: string): stored is SerializedAnalysisCache {
  return stored?.format === ANALYSIS_FORMAT && stored.version === version;
}

/** The distinct texts of `texts` that `stored` holds no analysis of for `version`. */
export function missingTexts(stored: SerializedAnalysisCache | undefined, version: string, texts: Iterable<string>): string[] {
  const distinct = new Set(texts);
  if (!usableFor(stored, version)) return [...distinct];
  return [...distinct].filter((text) => !stored.entries.has(hashText(text)));
}

/**
 * Appends the analysis at `at` of `from` to `to`, its strings renumbered by `id`; returns where
 * it starts in `to`. serialize() and mergeAnalyses() copy entries this way.
 */
function copyEntry(from: Int32Array, at: number, to: Growable<Int32Array>, id: (i: number) => number): number {
  const start = to.push(from[at]!) - 1;
  const { concepts, answerTypes } = walk(from, at, (token, terms, unitConcepts) => writeUnit(to, id(token), terms?.map(id), unitConcepts.map(id)));
  writeTail(to, concepts.map(id), answerTypes);
  return start;
}

/**
 * One cache of `version` holding `base`'s analyses (when written for that version) and those of
 * `parts` (analyses made elsewhere, such as other threads, for the same version), each string
 * stored once. `base` is not changed.
 */
export function mergeAnalyses(version: string, base: SerializedAnalysisCache | undefined, parts: readonly SerializedAnalysisCache[]): SerializedAnalysisCache {
  const usable = usableFor(base, version);
  const table = new Vocabulary(usable ? [...base.strings] : []);
  // Taken over, not copied: the first push moves the values to a new, bigger array.
  const data = new Growable(Int32Array, usable ? base.data : undefined);
  const entries = new Map(usable ? base.entries : []);
  for (const part of parts) {
    if (part.format !== ANALYSIS_FORMAT || part.version !== version) throw new Error(`analysis cache: cannot merge analyses of version ${part.version} into ${version}`);
    const id = (i: number) => table.add(part.strings[i]!);
    for (const [key, at] of part.entries) if (!entries.has(key)) entries.set(key, copyEntry(part.data, at, data, id));
  }
  return { format: ANALYSIS_FORMAT, version, strings: [...table.terms], data: data.view(), entries };
}

/** A cache for `version`, starting from `stored` when it was written for the same version. */
export function createAnalysisCache(version: string, stored?: SerializedAnalysisCache): AnalysisCache {
  const usable = usableFor(stored, version);
  // A copy of the strings, as new ones are appended; the data is copied when it first grows.
  let table = new Vocabulary(usable ? [...stored.strings] : []);
  let data = new Growable(Int32Array, usable ? stored.data : undefined);
  let loaded: ReadonlyMap<string, number> = usable ? stored.entries : new Map();
  const used = new Map<string, number>();
  let hits = 0;
  let misses = 0;

  /** Where the text's analysis starts in `data`, analysing it (and appending it) on a miss. */
  const lookup = (text: string, analyzer: Analyzer): { at: number; fresh?: Analysis } => {
    const key = hashText(text);
    const found = used.get(key) ?? loaded.get(key);
    if (found !== undefined) {
      hits++;
      used.set(key, found);
      return { at: found };
    }
    misses++;
    const fresh = analyzer.analyze(text);
    const at = encode(fresh, table, data);
    used.set(key, at);
    return { at, fresh };
  };

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
        // A fresh object every time: callers may push onto the arrays they get.
        const { at, fresh } = lookup(text, analyzer);
        return fresh ?? decode(data.data, at, table.terms);
      };
      // Read back from the table even on a miss: every text of a build then shares one table.
      const forIndex = (text: string): IndexedText => {
        const { at } = lookup(text, analyzer); // first: a miss may move the data to a bigger array
        return readForIndex(data.data, at, table.terms);
      };
      return { analyze, tokenize: (text) => indexTerms(analyze(text)), forIndex, expander: analyzer.expander };
    },
    serialize() {
      // Only the entries this build used, and only their strings, renumbered in order of use.
      const out = new Vocabulary();
      const outData = new Growable(Int32Array);
      const entries = new Map<string, number>();
      const renumber = (i: number) => out.add(table.terms[i]!);
      for (const [key, at] of used) entries.set(key, copyEntry(data.data, at, outData, renumber));
      return { format: ANALYSIS_FORMAT, version, strings: [...out.terms], data: outData.view(), entries };
    },
    release() {
      used.clear();
      loaded = new Map();
      data = new Growable(Int32Array);
      table = new Vocabulary();
    },
  };
}
