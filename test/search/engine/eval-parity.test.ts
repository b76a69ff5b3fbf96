import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../server/kb/load.js';
import { createAnswerer, type ExplainingAnswerer } from '../../../server/search/answerer.js';

/**
 * The compact index must change nothing about answers: on every question of the evaluation
 * set, both engines hand the ranking the same candidates with the same BM25 scores, and the
 * answers shown are the same. (The questions are only replayed here, never tuned against.)
 */

const file = new URL('../../eval/questions.json', import.meta.url);
const raw = JSON.parse(readFileSync(file, 'utf8')) as { question: string }[] | { questions: { question: string }[] };
const questions = (Array.isArray(raw) ? raw : raw.questions).map((q) => q.question);

describe('evaluation set with each retrieval engine', () => {
  let mini: ExplainingAnswerer;
  let compact: ExplainingAnswerer;
  beforeAll(async () => {
    const kb = await loadKnowledgeBase();
    mini = createAnswerer(kb, { retrieval: 'minisearch' });
    compact = createAnswerer(kb, { retrieval: 'compact' });
  });

  it('gives the same candidates, BM25 scores and answers with MiniSearch and the compact index', () => {
    expect(questions.length).toBeGreaterThan(100);
    let compared = 0;
    for (const question of questions) {
      const a = mini.explain({ question, limit: 5 });
      const b = compact.explain({ question, limit: 5 });
      expect(b.candidates.map((c) => [c.id, c.bm25, c.score]), question).toEqual(a.candidates.map((c) => [c.id, c.bm25, c.score]));
      expect(b.answers, question).toEqual(a.answers);
      compared += a.candidates.length;
    }
    expect(compared).toBeGreaterThan(questions.length);
  });
});
