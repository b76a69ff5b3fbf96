import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { createAnswerer, type ExplainingAnswerer } from '../../server/search/answerer.js';

// Questions about fiscal year 2565 guidance, written for this test (not from the evaluation set).
const QUESTIONS_ABOUT_2565 = ['งานบริการ e-Service ระดับ L1 หมายถึงอะไร', 'ตัวชี้วัด PMQA 4.0 ประเมินช่วงไหน'];

describe('filters over the real knowledge base', () => {
  let answerer: ExplainingAnswerer;
  beforeAll(async () => {
    answerer = createAnswerer(await loadKnowledgeBase());
  });

  it.each(QUESTIONS_ABOUT_2565)('answers "%s" inside a filter that holds its record', (question) => {
    const result = answerer.ask({ question, filters: { year: 2565 } });
    expect(result.status).toBe('answered');
    expect(result.answers[0]!.tags.years).toContain(2565);
  });

  it.each(QUESTIONS_ABOUT_2565)('does not force an answer to "%s" from a year that does not answer it', (question) => {
    expect(answerer.ask({ question }).status).toBe('answered');
    const filtered = answerer.ask({ question, filters: { year: 2563 } });
    expect(filtered.status).not.toBe('answered');
    expect(filtered.answers.every((a) => a.tags.years.includes(2563))).toBe(true);
  });
});
