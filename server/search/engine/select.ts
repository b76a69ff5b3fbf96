import { buildCompactIndex, type CompactIndexOptions } from './compact-index.js';
import { buildMiniSearchEngine } from './minisearch-engine.js';
import type { EngineDoc, EngineName, RetrievalEngine } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * Which engine serves a knowledge base. MiniSearch (the design's choice) up to `compactFrom`
 * records; the compact index above. Both give the same scores (test/search/engine/), so the
 * choice is about build time and heap: measured in README "Retrieval engines".
 */
export type EngineChoice = 'auto' | EngineName;

/** Records from which `auto` picks the compact index (see README for the measurements). */
export const COMPACT_FROM = 2_000;

export function chooseEngine(choice: EngineChoice, records: number, compactFrom = COMPACT_FROM): EngineName {
  if (choice !== 'auto') return choice;
  return records >= compactFrom ? 'compact' : 'minisearch';
}

export function buildEngine(
  name: EngineName,
  docs: readonly EngineDoc[],
  fields: readonly string[],
  options: CompactIndexOptions & { vocabulary?: Vocabulary } = {},
): RetrievalEngine {
  return name === 'compact' ? buildCompactIndex(docs, fields, options) : buildMiniSearchEngine(docs, fields);
}
