import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { KnowledgeFileSchema, type KnowledgeBase } from '../../server/kb/schema.js';
import { buildSyntheticKb } from '../../scripts/synthetic-kb.js';
import { FIXTURE_DOCUMENT, FIXTURE_GLOSSARY, FIXTURE_RECORDS, PROVINCIAL_DOCUMENT } from '../support/fixture-kb.js';

// The bench trusts synthetic knowledge bases to look like real ones to the answerer: valid by
// the same schema the loader enforces, unique ids, and reproducible from the seed.

const fixture: KnowledgeBase = { documents: [FIXTURE_DOCUMENT, PROVINCIAL_DOCUMENT], records: FIXTURE_RECORDS, glossary: FIXTURE_GLOSSARY };
let real: KnowledgeBase | undefined;
beforeAll(async () => {
  real = await loadKnowledgeBase().catch(() => undefined);
});

function validate(kb: KnowledgeBase): void {
  for (const document of kb.documents) {
    const records = kb.records.filter((r) => r.source.document === document.id);
    const parsed = KnowledgeFileSchema.safeParse({ document, records });
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  }
  expect(new Set(kb.records.map((r) => r.id)).size).toBe(kb.records.length);
  expect(new Set(kb.documents.map((d) => d.id)).size).toBe(kb.documents.length);
}

describe('buildSyntheticKb', () => {
  it('builds schema-valid knowledge with unique ids for any size and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer(), fc.integer({ min: 1, max: 150 }), (size, seed, perDocument) => {
        const kb = buildSyntheticKb(fixture, { size, seed, perDocument });
        expect(kb.records).toHaveLength(size);
        validate(kb);
      }),
      { numRuns: 60 },
    );
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const a = buildSyntheticKb(fixture, { size: 50, seed: 7 });
    expect(buildSyntheticKb(fixture, { size: 50, seed: 7 })).toEqual(a);
    expect(buildSyntheticKb(fixture, { size: 50, seed: 8 }).records.map((r) => r.question.th)).not.toEqual(a.records.map((r) => r.question.th));
  });

  it('recombines the real records into valid knowledge', ({ skip }) => {
    if (!real || real.records.length === 0) skip('kb/documents has no records yet');
    const kb = buildSyntheticKb(real!, { size: 2500 });
    validate(kb);
    // Made of the seed text: every Thai question shares words with the real questions.
    const realText = real!.records.map((r) => `${r.question.th} ${r.answer.th}`).join(' ');
    for (const r of kb.records.slice(0, 50)) expect(realText).toContain(r.question.th.split(' ')[0]);
  });

  it('refuses sizes that are not positive whole numbers', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => buildSyntheticKb(fixture, { size })).toThrow(/size must be a positive whole number/);
  });
});
