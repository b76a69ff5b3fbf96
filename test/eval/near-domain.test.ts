import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEAR_DOMAIN_FILE, QUESTIONS_FILE, readProbes } from '../../scripts/eval/data.js';

describe('held-out near-domain questions', () => {
  const same = (q: string) => q.trim().toLowerCase().replace(/\s+/g, ' ');
  const nearDomain = readProbes(NEAR_DOMAIN_FILE).map(same);

  it('share no question with the evaluation set or the fitting probes, so they stay a fair check', () => {
    const evaluation = (JSON.parse(readFileSync(QUESTIONS_FILE, 'utf8')) as Array<{ question: string }>).map((q) => same(q.question));
    const seen = new Set([...evaluation, ...readProbes().map(same)]);
    expect(nearDomain.filter((q) => seen.has(q))).toEqual([]);
    expect(new Set(nearDomain).size).toBe(nearDomain.length);
  });
});
