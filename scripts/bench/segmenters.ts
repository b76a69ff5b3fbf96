import wordcut from 'wordcut';
import { createSegmenter, segment } from '../../server/search/segment.js';
import { THAI_SEGMENT_QUERIES } from './queries.js';
import { round } from './stats.js';

export interface SegmenterResult {
  name: string;
  usPerQuery: number;
  tokensPerQuery: number;
}

/** Microseconds per query over the Thai queries, after a warm-up pass, averaged over `rounds`. */
function time(name: string, cut: (s: string) => string[], rounds: number): SegmenterResult {
  let tokens = 0;
  for (let i = 0; i < 50; i++) for (const q of THAI_SEGMENT_QUERIES) cut(q);
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of THAI_SEGMENT_QUERIES) tokens += cut(q).length;
  const n = rounds * THAI_SEGMENT_QUERIES.length;
  return { name, usPerQuery: round(((performance.now() - start) * 1000) / n, 1), tokensPerQuery: round(tokens / n, 1) };
}

/**
 * The product's segment() against the engines under it: how much the wrapper (rule-based
 * Latin/abbreviation handling, domain-word merging) costs, and what switching engine would save.
 */
export function measureSegmenters(rounds = 200): SegmenterResult[] {
  const raw = Object.create(wordcut) as typeof wordcut;
  raw.init(undefined, false, []);
  const icu = new Intl.Segmenter('th', { granularity: 'word' });
  const productIntl = createSegmenter({ engine: 'intl' });
  return [
    time('segment() (product, wordcut engine)', segment, rounds),
    time("createSegmenter({ engine: 'intl' })", productIntl, rounds),
    time('raw wordcut.cutIntoArray', (s) => raw.cutIntoArray(s), rounds),
    time('raw Intl.Segmenter (th, word)', (s) => Array.from(icu.segment(s), (x) => x.segment), rounds),
  ];
}
