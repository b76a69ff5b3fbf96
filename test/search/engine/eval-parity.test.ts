import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../server/kb/load.js';
import { createAnswerer, type ExplainingAnswerer } from '../../../server/search/answerer.js';
import { createCompactRetriever } from '../../../server/search/engine/retrievers.js';
import { createMiniSearchRetriever } from '../../../server/search/retrieve.js';

/**
 * The compact index must change nothing about answers: on every question of the evaluation
 * set, both engines give the scoring the same candidates with the same BM25 (so the same
 * features), and the results are the same. (The questions are only replayed, never tuned to.)
 */

const file = new URL('../../eval/questions.json', import.meta.url);
const raw = JSON.parse(readFileSync(file, 'utf8')) as { question: string }[] | { questions: { question: string }[] };
const questions = (Array.isArray(raw) ? raw : raw.questions).map((q) => q.question);

describe('evaluation set with each retrieval engine', () => {
  let mini: ExplainingAnswerer;
  let compact: ExplainingAnswerer;
  beforeAll(async () => {
    const kb = await loadKnowledgeBase();
    mini = createAnswerer(kb, { retriever: createMiniSearchRetriever });
    compact = createAnswerer(kb, { retriever: createCompactRetriever });
  });

  it('gives the same candidates, features and results with MiniSearch and the compact index', () => {
    expect(questions.length).toBeGreaterThan(100);
    let compared = 0;
    for (const question of questions) {
      const a = mini.explain({ question, limit: 5 });
      const b = compact.explain({ question, limit: 5 });
      expect(b.candidates, question).toEqual(a.candidates);
      expect(b.result, question).toEqual(a.result);
      compared += a.candidates.length;
    }
    expect(compared).toBeGreaterThan(questions.length);
  });
});
