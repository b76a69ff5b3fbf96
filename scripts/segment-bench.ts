/**
 * Compares the Thai segmentation engines behind segment(): `npm exec tsx scripts/segment-bench.ts`.
 * Prints search-F1 on ../shared/thai/segmentation-gold.tsv and the time per question over the
 * evaluation questions (warm, median of several rounds), for each engine with the same
 * wrapping (Thai runs only, Latin rules, dotted abbreviations, domain words).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSegmenter, type SegmenterEngine } from '../server/search/segment.js';
import { readGold, scoreSegmenter } from '../test/search/segmentation-gold.js';

const QUESTIONS = fileURLToPath(new URL('../test/eval/questions.json', import.meta.url));
const ROUNDS = 7;

function main(): void {
  let gold;
  try {
    gold = readGold();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const questions = (JSON.parse(readFileSync(QUESTIONS, 'utf8')) as Array<{ question: string }>).map((q) => q.question);
  for (const engine of ['wordcut', 'intl'] as SegmenterEngine[]) {
    const t0 = performance.now();
    const segment = createSegmenter({ engine });
    const initMs = performance.now() - t0;
    const search = scoreSegmenter(gold, segment);
    const fine = scoreSegmenter(gold, segment, 'fine');
    for (const q of questions) segment(q);
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const start = performance.now();
      for (const q of questions) segment(q);
      rounds.push(((performance.now() - start) / questions.length) * 1000);
    }
    rounds.sort((a, b) => a - b);
    console.log(
      `${engine.padEnd(8)} search F1 ${search.f1.toFixed(4)} (P ${search.precision.toFixed(3)} R ${search.recall.toFixed(3)}), ` +
        `fine F1 ${fine.f1.toFixed(4)}; ${rounds[ROUNDS >> 1]!.toFixed(0)} µs/question (median of ${ROUNDS} rounds over ${questions.length}); init ${initMs.toFixed(0)} ms`,
    );
  }
}

main();
