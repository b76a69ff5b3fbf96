import type { Glossary } from '../kb/schema.js';
import { CONCEPT_PREFIX, createExpander, type Expander } from './expand.js';
import { normalize } from './normalize.js';
import { createSegmenter, type SegmenterEngine } from './segment.js';
import type { Speller } from './spell.js';
import { isContentToken, termsOfToken } from './terms.js';

/**
 * The text pipeline shared by indexing and querying: normalize → segment → terms + concepts.
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
}

export interface Analyzer {
  /**
   * `correct` rewrites tokens before expansion; the answerer passes its speller for questions
   * only, since the records' own words are the vocabulary being corrected towards.
   */
  analyze(text: string, correct?: Speller): Analysis;
  /** MiniSearch tokenizer: terms followed by concept tokens (`c:<id>`). */
  tokenize(text: string): string[];
  readonly expander: Expander;
}

export interface AnalyzerOptions {
  engine?: SegmenterEngine;
}

export function createAnalyzer(glossary: Glossary, options: AnalyzerOptions = {}): Analyzer {
  // Only abbreviations and transliterations become dictionary words: they are what the general
  // dictionary shreds (อีเซอร์วิส → อี|เซอร์วิส). Multi-word Thai forms are matched by the
  // expander across tokens instead; as dictionary words they would swallow their parts
  // (the gold search-F1 drops from 0.996 to 0.953, and "บริการ" would stop matching them).
  const words = glossary.concepts.flatMap((c) => [...c.abbreviations, ...c.transliterations].map(normalize));
  const segment = createSegmenter({ engine: options.engine, words });
  const expander = createExpander(glossary, segment);

  const analyze = (text: string, correct?: Speller): Analysis => {
    let tokens = segment(normalize(text)).filter(isContentToken);
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
    return { units, concepts: [...concepts] };
  };

  return {
    analyze,
    tokenize: (text) => {
      const a = analyze(text);
      return [...a.units.flatMap((u) => u.terms), ...a.concepts.map((c) => CONCEPT_PREFIX + c)];
    },
    expander,
  };
}

