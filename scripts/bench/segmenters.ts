import wordcut from 'wordcut';
import type { Glossary } from '../../server/kb/schema.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { createSegmenter, segment } from '../../server/search/segment.js';
import { THAI_SEGMENT_QUERIES } from './queries.js';
import { median, round } from './stats.js';

export interface SegmenterResult {
  name: string;
  usPerQuery: number;
  tokensPerQuery: number;
}

type Cut = (s: string) => string[];

/**
 * Microseconds per query over the Thai queries. Engines take turns pass by pass and the median
 * pass counts, so a burst of other work on a shared machine cannot land on one engine only.
 */
function timeAll(engines: [string, Cut][], rounds: number): SegmenterResult[] {
  const n = THAI_SEGMENT_QUERIES.length;
  for (const [, cut] of engines) for (let i = 0; i < 30; i++) for (const q of THAI_SEGMENT_QUERIES) cut(q);
  const passes = engines.map(() => [] as number[]);
  const tokens = engines.map(([, cut]) => THAI_SEGMENT_QUERIES.reduce((sum, q) => sum + cut(q).length, 0) / n);
  for (let r = 0; r < rounds; r++) {
    engines.forEach(([, cut], e) => {
      const start = performance.now();
      for (const q of THAI_SEGMENT_QUERIES) cut(q);
      passes[e]!.push(((performance.now() - start) * 1000) / n);
    });
  }
  return engines.map(([name], e) => ({ name, usPerQuery: round(median(passes[e]!), 1), tokensPerQuery: round(tokens[e]!, 1) }));
}

/**
 * The product's segment() against the engines under it: how much the wrapper (rule-based
 * Latin/abbreviation handling, domain-word merging) costs, and what switching engine would save.
 */
export function measureSegmenters(glossary: Glossary, rounds = 200): SegmenterResult[] {
  const raw = Object.create(wordcut) as typeof wordcut;
  raw.init(undefined, false, []);
  const icu = new Intl.Segmenter('th', { granularity: 'word' });
  const productIntl = createSegmenter({ engine: 'intl' });
  const analyzer = createAnalyzer(glossary);
  const analyzerIntl = createAnalyzer(glossary, { engine: 'intl' });
  return timeAll(
    [
      ['whole text pipeline: analyzer.analyze (normalize, segment, glossary expansion), wordcut', (s) => analyzer.analyze(s).units.map((u) => u.token)],
      ['whole text pipeline, intl engine', (s) => analyzerIntl.analyze(s).units.map((u) => u.token)],
      ['segment() (product, wordcut engine)', segment],
      ["createSegmenter({ engine: 'intl' })", productIntl],
      ['raw wordcut.cutIntoArray', (s) => raw.cutIntoArray(s)],
      ['raw Intl.Segmenter (th, word)', (s) => Array.from(icu.segment(s), (x) => x.segment)],
    ],
    rounds,
  );
}
