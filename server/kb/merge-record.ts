import type { BatchRow } from './batch-types.js';
import { canonicalRecord } from './canonical.js';
import type { KbDocument, KbRecord } from './schema.js';
import { sectionIndicators } from './section-headings.js';
import { translationHash } from './translation-hash.js';

export type ProblemSink = (severity: 'error' | 'warning', message: string, line?: number) => void;

export function recordId(documentId: string, row: BatchRow): string {
  return `${documentId}/${row.section}/${row.number}`;
}

/** A record from a batch row: Thai text and source from the batch, everything editors add from the previous version. */
export function mergeRecord(
  row: BatchRow,
  document: KbDocument,
  component: KbRecord['tags']['component'],
  before: KbRecord | undefined,
  problem: ProblemSink,
): KbRecord {
  const id = recordId(document.id, row);
  const record: KbRecord = {
    id,
    // A line only where the source has lines (text batches, sheet rows); a PDF or Word row has a page or table row instead.
    source: { document: document.id, section: row.section, number: row.number, ...(row.where && !/!/.test(row.where) ? {} : { line: row.line }) },
    question: { th: row.question, en: before?.question.en ?? '' },
    answer: { th: row.answer, en: before?.answer.en ?? '' },
    alternates: before?.alternates ?? { th: [], en: [] },
    tags: before?.tags ?? {
      years: [...document.fiscalYears],
      ...(component ? { component } : {}),
      indicators: sectionIndicators(row.section),
      ...(document.audience.length === 1 ? { audience: document.audience[0] } : {}),
    },
  };
  if (before?.supersededBy !== undefined) record.supersededBy = before.supersededBy;
  if (record.question.en || record.answer.en) {
    const current = translationHash(row.question, row.answer);
    // English added by hand carries no hash yet: it was made from the Thai in the file before this import.
    record.translatedFrom = before?.translatedFrom ?? (before ? translationHash(before.question.th, before.answer.th) : current);
    if (record.translatedFrom !== current) {
      problem('warning', `record ${id}: Thai text changed since it was translated; the English is now stale`, row.line);
    }
  }
  return canonicalRecord(record);
}

