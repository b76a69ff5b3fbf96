import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reader and scorer for ../shared/thai/segmentation-gold.tsv (its header documents the marks).
 * Shared by segment.test.ts and scripts/segment-bench.ts so both report the same number.
 */

export const GOLD_URL = new URL('../../../shared/thai/segmentation-gold.tsv', import.meta.url);

/** Label of the position between text[i-1] and text[i]. */
type Label = 'boundary' | 'optional' | 'domain' | 'none';

export interface GoldPhrase {
  id: string;
  text: string;
  /** labels[i] describes the position before text[i]; labels[0] is unused. */
  labels: Label[];
}

const MARKS: Record<string, Label> = { '|': 'boundary', '~': 'optional', '^': 'domain' };

export function parseGoldLine(id: string, marked: string): GoldPhrase {
  let text = '';
  const labels: Label[] = [];
  let pending: Label = 'none';
  for (const ch of marked) {
    const mark = MARKS[ch];
    if (mark) {
      pending = mark;
      continue;
    }
    // Code units, not code points: Thai is all BMP and offsets below are string indices.
    for (let k = 0; k < ch.length; k++) {
      labels.push(k === 0 ? pending : 'none');
      text += ch[k];
    }
    pending = 'none';
  }
  return { id, text, labels };
}

export function readGold(): GoldPhrase[] {
  const file = fileURLToPath(GOLD_URL);
  if (!existsSync(file)) {
    throw new Error(`segmentation gold file not found at ${file}: the repository must be checked out beside shared/`);
  }
  const phrases: GoldPhrase[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const cols = line.split('\t');
      if (cols.length < 3) throw new Error(`${file}:${i + 1}: expected 3 tab-separated columns`);
      phrases.push(parseGoldLine(cols[0]!, cols.slice(2).join('\t')));
    });
  return phrases;
}

/**
 * Positions where the segmenter put a boundary, as a Set of indices into text. Throws when the
 * tokens do not reproduce the text's non-whitespace characters in order.
 */
export function predictedBoundaries(text: string, tokens: string[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const token of tokens) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith(token, at)) {
      throw new Error(`token ${JSON.stringify(token)} does not continue the text at ${at}: ${JSON.stringify(text.slice(at, at + 20))}`);
    }
    out.add(at);
    at += token.length;
    out.add(at);
  }
  while (at < text.length && /\s/.test(text[at]!)) at++;
  if (at !== text.length) throw new Error(`tokens stop at ${at} of ${text.length}: ${JSON.stringify(text.slice(at))} lost`);
  return out;
}

export interface BoundaryScore {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  errors: string[];
}

/**
 * Boundary precision/recall over scored positions. `search` scoring treats ^ as "no boundary"
 * (domain terms stay whole); `fine` treats it as a boundary. ~ and positions next to whitespace
 * are never scored.
 */
export function scoreSegmenter(
  phrases: GoldPhrase[],
  segment: (text: string) => string[],
  mode: 'search' | 'fine' = 'search',
): BoundaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const p of phrases) {
    const predicted = predictedBoundaries(p.text, segment(p.text));
    const wrong: number[] = [];
    for (let i = 1; i < p.text.length; i++) {
      if (/\s/.test(p.text[i - 1]!) || /\s/.test(p.text[i]!)) continue;
      const label = p.labels[i]!;
      if (label === 'optional') continue;
      const gold = label === 'boundary' || (mode === 'fine' && label === 'domain');
      const pred = predicted.has(i);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
      if (gold !== pred) wrong.push(i);
    }
    if (wrong.length > 0) {
      const shown = [...p.text].map((c, i) => (predicted.has(i) && i > 0 && !/\s/.test(c) && !/\s/.test(p.text[i - 1]!) ? '|' : '') + c).join('');
      errors.push(`${p.id}: ${wrong.length} wrong at ${wrong.join(',')}: ${shown}`);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn, errors };
}
