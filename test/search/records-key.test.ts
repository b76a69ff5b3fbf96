import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../server/search/analyze.js';
import { analysedRecordsKey } from '../../server/search/records-key.js';
import { fixtureKb } from './answerer-fixture.js';

describe('analysed records key', () => {
  const analyzer = createAnalyzer(fixtureKb.glossary);
  const key = analysedRecordsKey(fixtureKb, analyzer, 'v1');

  it('is the same for the same records and analyzer version', () => {
    expect(analysedRecordsKey({ ...fixtureKb, records: [...fixtureKb.records] }, analyzer, 'v1')).toBe(key);
  });

  it('changes with any record text, with a record added, and with the analyzer version', () => {
    const [first, ...rest] = fixtureKb.records;
    const edited = { ...first!, alternates: { ...first!.alternates, th: [...first!.alternates.th, 'ส่งได้ถึงเมื่อไหร่'] } };
    expect(analysedRecordsKey({ ...fixtureKb, records: [edited, ...rest] }, analyzer, 'v1')).not.toBe(key);
    expect(analysedRecordsKey({ ...fixtureKb, records: rest }, analyzer, 'v1')).not.toBe(key);
    expect(analysedRecordsKey(fixtureKb, analyzer, 'v2')).not.toBe(key);
  });
});
