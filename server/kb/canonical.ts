import type { KbDocument, KbRecord, KnowledgeFile } from './schema.js';

/**
 * Rebuilds objects in one fixed key order (optional keys only when set), so a
 * re-import writes a byte-identical file and diffs stay small.
 */
export function canonicalDocument(d: KbDocument): KbDocument {
  return {
    id: d.id,
    title: { th: d.title.th, en: d.title.en },
    ...(d.shortName ? { shortName: { th: d.shortName.th, en: d.shortName.en } } : {}),
    date: d.date,
    fiscalYears: [...d.fiscalYears],
    audience: [...d.audience],
    sourceFile: d.sourceFile,
    sections: d.sections.map((s) => ({ slug: s.slug, title: { th: s.title.th, en: s.title.en } })),
  };
}

export function canonicalRecord(r: KbRecord): KbRecord {
  const tags: KbRecord['tags'] = {
    years: [...r.tags.years],
    ...(r.tags.component !== undefined ? { component: r.tags.component } : {}),
    indicators: [...r.tags.indicators],
    ...(r.tags.audience !== undefined ? { audience: r.tags.audience } : {}),
  };
  const source: KbRecord['source'] = { document: r.source.document, section: r.source.section, number: r.source.number };
  if (r.source.line !== undefined) source.line = r.source.line;
  const out: KbRecord = {
    id: r.id,
    source,
    question: { th: r.question.th, en: r.question.en },
    answer: { th: r.answer.th, en: r.answer.en },
    alternates: { th: [...r.alternates.th], en: [...r.alternates.en] },
    tags,
  };
  if (r.supersededBy !== undefined) out.supersededBy = r.supersededBy;
  if (r.translatedFrom !== undefined) out.translatedFrom = r.translatedFrom;
  return out;
}

/** Pretty JSON, 2-space indent, final newline. */
export function serializeKnowledgeFile(file: KnowledgeFile): string {
  return `${JSON.stringify({ document: canonicalDocument(file.document), records: file.records.map(canonicalRecord) }, null, 2)}\n`;
}
