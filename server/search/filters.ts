import type { KbDocument, KbRecord } from '../kb/schema.js';
import type { AskFilters } from './types.js';

import { recordYears, toBuddhistYear } from './fiscal-year.js';

/** Filters of POST /api/ask. Years arrive in either era (fiscal-year.ts); the knowledge base stores BE. */
export { toBuddhistYear };

/**
 * Indicators that answer for each other: the 2565 handout's "Data catalog" indicator is the
 * open-data indicator of earlier years (its questions say both), so a filter on either finds both.
 */
const RELATED_INDICATORS: Record<string, readonly string[]> = {
  'open-data': ['open-data', 'data-catalog'],
  'data-catalog': ['data-catalog', 'open-data'],
};

export type RecordFilter = (record: KbRecord) => boolean;

/** A predicate for the given filters, or undefined when there is nothing to filter. */
export function compileFilters(filters: AskFilters | undefined, documents: ReadonlyMap<string, KbDocument>): RecordFilter | undefined {
  if (!filters) return undefined;
  const tests: RecordFilter[] = [];
  if (filters.year !== undefined) {
    const year = toBuddhistYear(filters.year);
    tests.push((r) => {
      // A record without year tags inherits its document's fiscal years.
      return recordYears(r.tags.years, documents.get(r.source.document)?.fiscalYears).includes(year);
    });
  }
  if (filters.component !== undefined) {
    const component = filters.component.toLowerCase();
    tests.push((r) => r.tags.component === component);
  }
  if (filters.indicator !== undefined) {
    const wanted = filters.indicator.toLowerCase();
    const accepted = RELATED_INDICATORS[wanted] ?? [wanted];
    tests.push((r) => r.tags.indicators.some((i) => accepted.includes(i)));
  }
  if (tests.length === 0) return undefined;
  return (r) => tests.every((t) => t(r));
}
