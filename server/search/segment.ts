import wordcut from 'wordcut';
import { DOMAIN_WORDS } from './domain-words.js';
import { fastDictionary, THAI_RULES } from './internal/wordcut-fast.js';

/**
 * Word segmentation behind one function, so the engines can be compared (scripts/segment-bench.ts,
 * test/search/segment.test.ts). Thai is written without spaces between words; Latin terms,
 * numbers and codes (L1, 4.0, e-service, data.go.th) sit inside Thai text.
 *
 * Only Thai runs go to the Thai engine. wordcut, fed mixed text, splits L1 and 4.0, cuts dotted
 * abbreviations (ก.พ.ร.) at every dot, and lets an unknown character take the last letter of the
 * word before it; ICU's word segmenter has the same weakness with dots. Everything else is cut
 * by simple rules here. Contract: whitespace separates tokens and is dropped; within a
 * whitespace-free chunk, the tokens concatenate back to the chunk, in order.
 */

export type SegmenterEngine = 'wordcut' | 'intl';
export type Segmenter = (text: string) => string[];

export interface SegmenterOptions {
  /**
   * 'wordcut' (default) scores search-F1 0.996 on the gold file, 'intl' (ICU via
   * Intl.Segmenter, same wrapping) 0.975: ICU cuts compounds finer (เผย|แพร่, ราย|ละเอียด)
   * and takes no extra words. ICU is ~3x faster per question (scripts/segment-bench.ts) and
   * retrieved as well on the dev half of the evaluation, so it is the option to take if
   * build time at scale matters more than segmentation accuracy.
   */
  engine?: SegmenterEngine;
  /** Extra Thai words kept whole (glossary surface forms); added to DOMAIN_WORDS. */
  words?: Iterable<string>;
}

const THAI_CHAR = /[\u0E01-\u0E4F\u0E5A\u0E5B]/;

/**
 * One piece of a whitespace-free chunk, in priority order:
 * 1. dotted Thai abbreviations: ก.พ.ร., ค.ร.ม., สป.พม. (two or more dotted pieces), or a
 *    single dotted piece at the start of a Thai run (สพร., อปท.);
 * 2. runs of Thai script (letters, vowels, tone marks, ฯ ๆ);
 * 3. Latin/digit words joined by inner dots or hyphens (e-service, data.go.th, 4.0, L1, 2.1);
 * 4. any other single character (punctuation, symbols).
 */
const MULTI_DOT_ABBR = '[\\u0E01-\\u0E2E]\\.(?:[\\u0E01-\\u0E2E][\\u0E01-\\u0E4E]{0,2}\\.)+';
const PIECE = new RegExp(
  [
    `(?<abbr>(?<![\\u0E01-\\u0E4E])(?:[\\u0E01-\\u0E2E][\\u0E01-\\u0E4E]{0,3}\\.)+|${MULTI_DOT_ABBR})`,
    // A Thai run stops where a multi-dot abbreviation starts (สำนักงานก.พ.ร. → สำนักงาน, ก.พ.ร.).
    `(?<thai>(?:(?!${MULTI_DOT_ABBR})[\\u0E01-\\u0E4F\\u0E5A\\u0E5B])+)`,
    '(?<word>(?:(?![\\u0E00-\\u0E7F])[\\p{L}\\p{N}\\p{M}])+(?:[.\\-](?:(?![\\u0E00-\\u0E7F])[\\p{L}\\p{N}\\p{M}])+)*)',
    '(?<other>[\\s\\S])',
  ].join('|'),
  'gu',
);

/** ฯ (abbreviation mark) and ๆ (repetition mark) are words of their own in Thai orthography. */
const THAI_MARK_WORD = /([ฯๆ])/;

/** Longest multi-token domain word we try to rebuild from engine output. */
const MAX_MERGE = 6;

type ThaiEngine = (run: string) => string[];

function wordcutEngine(words: string[]): ThaiEngine {
  // An instance of its own: wordcut.init mutates the object it is called on. Its Latin, number,
  // space and symbol rules never fire on a Thai-only run, yet each allocates an acceptor per
  // character, so they are left out; its Thai rules and trie lookup are replaced by faster
  // equivalents (internal/wordcut-fast.ts). None of this changes any cut.
  const instance = Object.create(wordcut) as typeof wordcut & {
    defaultLatinRules: unknown;
    defaultThaiRules: unknown;
    defaultDict: object;
  };
  instance.defaultLatinRules = [];
  instance.defaultThaiRules = THAI_RULES;
  instance.defaultDict = fastDictionary(wordcut.defaultDict);
  instance.init(undefined, false, words);
  return (run) => instance.cutIntoArray(run);
}

function intlEngine(): ThaiEngine {
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
  return (run) => Array.from(segmenter.segment(run), (s) => s.segment);
}

/**
 * Rejoins engine tokens whose concatenation is a domain word, longest first. wordcut usually
 * keeps dictionary words whole already; ICU cannot take extra words, so this pass is what gives
 * both engines the same domain vocabulary.
 */
function mergeDomainWords(tokens: string[], vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let taken = 1;
    let joined = tokens[i]!;
    let candidate = joined;
    for (let j = i + 1; j < tokens.length && j - i < MAX_MERGE; j++) {
      candidate += tokens[j]!;
      if (vocabulary.has(candidate)) {
        taken = j - i + 1;
        joined = candidate;
      }
    }
    out.push(joined);
    i += taken;
  }
  return out;
}

function thaiWords(words: Iterable<string> | undefined): Set<string> {
  const set = new Set<string>();
  for (const w of [...DOMAIN_WORDS, ...(words ?? [])]) {
    // Only the Thai part of a surface form is a dictionary word; Latin is cut by rule.
    for (const run of w.split(/[^\u0E01-\u0E4F\u0E5A\u0E5B]+/)) if (run.length > 1) set.add(run);
  }
  return set;
}

/**
 * The last wordcut engine built, by vocabulary. Building one loads wordcut's whole dictionary
 * (about 0.4 s); every knowledge reload builds a new Answerer, usually over the same glossary,
 * and the engine keeps no state between cuts, so the same vocabulary reuses it.
 */
let lastWordcut: { key: string; engine: ThaiEngine } | undefined;

function cachedWordcutEngine(vocabulary: Set<string>): ThaiEngine {
  const key = [...vocabulary].sort().join('\n');
  if (lastWordcut?.key !== key) lastWordcut = { key, engine: wordcutEngine([...vocabulary]) };
  return lastWordcut.engine;
}

/** Builds a segmenter. Construction loads the engine's dictionary; reuse the result. */
export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  const vocabulary = thaiWords(options.words);
  const engine = options.engine === 'intl' ? intlEngine() : cachedWordcutEngine(vocabulary);

  const cutThai = (run: string): string[] => {
    const out: string[] = [];
    for (const part of run.split(THAI_MARK_WORD)) {
      if (part === '') continue;
      if (part === 'ฯ' || part === 'ๆ' || vocabulary.has(part)) out.push(part);
      else out.push(...mergeDomainWords(engine(part), vocabulary));
    }
    return out;
  };

  return (text: string): string[] => {
    const tokens: string[] = [];
    for (const chunk of text.split(/\s+/)) {
      if (chunk === '') continue;
      for (const m of chunk.matchAll(PIECE)) {
        const g = m.groups!;
        if (g.thai !== undefined) tokens.push(...cutThai(g.thai));
        else tokens.push(m[0]);
      }
    }
    return tokens;
  };
}

let defaultSegmenter: Segmenter | undefined;

/** Segments with the default engine and the built-in domain words (no glossary). */
export function segment(text: string): string[] {
  defaultSegmenter ??= createSegmenter();
  return defaultSegmenter(text);
}

/** True when the token is Thai script (used by the tokenizer to pick prefix/stopword rules). */
export function isThaiToken(token: string): boolean {
  return THAI_CHAR.test(token);
}
