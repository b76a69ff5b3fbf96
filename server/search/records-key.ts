import { createHash } from 'node:crypto';
import type { KbDocument, KbRecord, KnowledgeBase } from '../kb/schema.js';
import type { Analyzer } from './analyze.js';
import { analyseRecords, FIELDS, indicatorConcepts, recordTexts } from './index.js';

/**
 * The key an AnalysedRecords snapshot must carry to stand for analysing `kb` now: a hash of the
 * analyzer's version (analysis-cache.ts: glossary, word lists, behaviour on probes), every
 * record's id and the texts analyseRecords reads, and analyseRecords' own output on a fixed
 * two-record knowledge base, which changes when the code between the analyses and the term ids
 * does (negation scopes, indicator concepts, field texts) while the inputs do not.
 */
export function analysedRecordsKey(kb: KnowledgeBase, analyzer: Analyzer, analysisVersion: string): string {
  // SHA-1: a cache key over our own data, where speed counts; one update per record.
  const hash = createHash('sha1');
  hash.update(`analysed records ${INDEX_FORMAT}\n${analysisVersion}\n${probeRecords(kb, analyzer)}\n`);
  const textsOf = recordTexts(kb);
  const conceptsOf = indicatorConcepts(kb);
  for (const record of kb.records) {
    const t = textsOf(record);
    hash.update(`\u0000${record.id}\u0000${t.question}\u0000${t.alt}\u0000${t.answer}\u0000${t.context}\u0000${conceptsOf(record).join(' ')}`);
  }
  return hash.digest('base64url');
}

/** analyseRecords over two fixed records (one with a negation, one tagged with an indicator the glossary links), as text. */
function probeRecords(kb: KnowledgeBase, analyzer: Analyzer): string {
  const indicator = kb.glossary.concepts.find((c) => c.indicator !== undefined)?.indicator;
  const document: KbDocument = {
    id: 'probe',
    title: { th: 'แนวทางการประเมิน ปีงบประมาณ 2565', en: 'Assessment guide FY2022' },
    date: '2021-10-01',
    fiscalYears: [2565],
    audience: ['agency'],
    sourceFile: 'probe.pdf',
    sections: [{ slug: 'general', title: { th: 'ทั่วไป', en: 'General' } }],
  };
  const record = (number: number, th: string, en: string, answer: string, indicators: KbRecord['tags']['indicators']): KbRecord => ({
    id: `probe/general/${number}`,
    source: { document: 'probe', section: 'general', number },
    question: { th, en },
    answer: { th: answer, en: '' },
    alternates: { th: [], en: [] },
    tags: { years: [2565], indicators },
  });
  const probe: KnowledgeBase = {
    documents: [document],
    records: [
      record(1, 'หน่วยงานไม่ต้องส่งแบบฟอร์มใช่หรือไม่', 'Do agencies not need to send the form?', 'ไม่ต้องส่ง ยกเว้นกรณีที่ สำนักงาน ก.พ.ร. แจ้ง', []),
      record(2, 'ต้องส่งรายงานกี่ชุด ภายในเมื่อใด', 'How many reports are due, and when?', 'ส่ง 3 ชุด ภายในเดือนตุลาคม 2564', indicator ? [indicator] : []),
    ],
    glossary: kb.glossary,
  };
  const analysed = analyseRecords(probe, analyzer);
  return JSON.stringify({
    terms: analysed.vocabulary.terms,
    fields: analysed.fields.map((f) => FIELDS.map((name) => Array.from(f[name]))),
    answerTypes: Array.from(analysed.answerTypes),
    tokens: [...analysed.tokenFrequency],
  });
}

/** Bumped when analyseRecords turns the same analyses into different AnalysedRecords. */
export const INDEX_FORMAT = 1;
