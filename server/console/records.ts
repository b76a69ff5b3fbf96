import { serializeKnowledgeFile } from '../kb/canonical.js';
import { trigramSimilarity } from '../kb/similarity.js';
import { RecordSchema, type KbDocument, type KbRecord, type KnowledgeFile } from '../kb/schema.js';
import { translationHash } from '../kb/translation-hash.js';
import { parseKnowledgeFile } from './draft.js';
import { ConsoleError } from './errors.js';
import type { KnowledgeFiles } from './kb-files.js';

/**
 * Reading and changing records inside a set of knowledge files (the draft's). Pure: takes the
 * files, returns or mutates them; the draft service stores the result.
 */
export type RecordStatus = 'untranslated' | 'stale' | 'untagged' | 'superseded' | 'negative-feedback';

export interface RecordSummary {
  id: string;
  document: string;
  section: string;
  number: number;
  date: string;
  fiscalYears: number[];
  question: { th: string; en: string };
  indicators: string[];
  statuses: RecordStatus[];
  negativeFeedback: number;
}

export interface RecordFilters {
  q?: string;
  year?: number;
  document?: string;
  section?: string;
  indicator?: string;
  status?: RecordStatus;
  limit?: number;
}

export const documentPath = (id: string) => `documents/${id}.json`;

export function knowledgeFiles(files: KnowledgeFiles): { path: string; file: KnowledgeFile }[] {
  return Object.entries(files)
    .filter(([p, text]) => p.startsWith('documents/') && text !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, text]) => ({ path: p, file: parseKnowledgeFile(p, text) }));
}

export function statusesOf(r: KbRecord, negative: number): RecordStatus[] {
  const out: RecordStatus[] = [];
  if (!r.question.en || !r.answer.en) out.push('untranslated');
  if (r.translatedFrom && r.translatedFrom !== translationHash(r.question.th, r.answer.th)) out.push('stale');
  if (!r.tags.indicators.length) out.push('untagged');
  if (r.supersededBy) out.push('superseded');
  if (negative > 0) out.push('negative-feedback');
  return out;
}

const haystack = (r: KbRecord) =>
  [r.id, r.question.th, r.question.en, r.answer.th, r.answer.en, ...r.alternates.th, ...r.alternates.en].join('\n').toLowerCase();

/** Records matching the filters; a text query ranks by similarity to the Thai or English question and alternates. */
export function listRecords(files: KnowledgeFiles, filters: RecordFilters, negativeFeedback: Map<string, number> = new Map()): RecordSummary[] {
  const q = filters.q?.trim().toLowerCase();
  const rows: { summary: RecordSummary; rank: number }[] = [];
  for (const { file } of knowledgeFiles(files)) {
    const doc = file.document;
    if (filters.document && doc.id !== filters.document) continue;
    for (const r of file.records) {
      const negative = negativeFeedback.get(r.id) ?? 0;
      const statuses = statusesOf(r, negative);
      if (filters.section && r.source.section !== filters.section) continue;
      if (filters.indicator && !r.tags.indicators.includes(filters.indicator as never)) continue;
      if (filters.year && !r.tags.years.includes(filters.year) && !doc.fiscalYears.includes(filters.year)) continue;
      if (filters.status && !statuses.includes(filters.status)) continue;
      let rank = 0;
      if (q) {
        const substring = haystack(r).includes(q);
        const similar = Math.max(...[r.question.th, r.question.en, ...r.alternates.th, ...r.alternates.en].filter(Boolean).map((t) => trigramSimilarity(q, t)));
        if (!substring && similar < 0.2) continue;
        rank = (substring ? 1 : 0) + similar;
      }
      rows.push({
        rank,
        summary: {
          id: r.id,
          document: doc.id,
          section: r.source.section,
          number: r.source.number,
          date: doc.date,
          fiscalYears: r.tags.years.length ? r.tags.years : doc.fiscalYears,
          question: r.question,
          indicators: r.tags.indicators,
          statuses,
          negativeFeedback: negative,
        },
      });
    }
  }
  if (q) rows.sort((a, b) => b.rank - a.rank);
  return rows.slice(0, filters.limit ?? 200).map((r) => r.summary);
}

export function findRecord(files: KnowledgeFiles, id: string): { path: string; file: KnowledgeFile; record: KbRecord; document: KbDocument } {
  const docId = id.split('/')[0] ?? '';
  const p = documentPath(docId);
  const text = files[p];
  if (!text) throw new ConsoleError('not-found', `No record ${id}: the draft has no document ${docId}`);
  const file = parseKnowledgeFile(p, text);
  const record = file.records.find((r) => r.id === id);
  if (!record) throw new ConsoleError('not-found', `No record ${id} in the draft`);
  return { path: p, file, record, document: file.document };
}

/** What an editor may change in a record; the id and source never change. */
export interface RecordPatch {
  question?: { th?: string; en?: string };
  answer?: { th?: string; en?: string };
  alternates?: { th?: string[]; en?: string[] };
  tags?: Partial<KbRecord['tags']>;
  /** null removes the link. */
  supersededBy?: string | null;
}

/** Problems kb:check would report for this one record (given every id in the draft). */
export function recordProblems(record: KbRecord, allIds: Set<string>): { field: string; message: string; severity: 'error' | 'warning' }[] {
  const out: { field: string; message: string; severity: 'error' | 'warning' }[] = [];
  const parsed = RecordSchema.safeParse(record);
  if (!parsed.success) for (const i of parsed.error.issues) out.push({ field: i.path.join('.'), message: i.message, severity: 'error' });
  if (!record.question.en) out.push({ field: 'question.en', message: `${record.id}: untranslated (question.en empty)`, severity: 'error' });
  if (!record.answer.en) out.push({ field: 'answer.en', message: `${record.id}: untranslated (answer.en empty)`, severity: 'error' });
  if (!record.tags.indicators.length) out.push({ field: 'tags.indicators', message: `${record.id}: untagged (tags.indicators is empty)`, severity: 'error' });
  if (record.supersededBy !== undefined && !allIds.has(record.supersededBy))
    out.push({ field: 'supersededBy', message: `${record.id}: supersededBy ${record.supersededBy} is not a record id`, severity: 'error' });
  if (record.supersededBy === record.id) out.push({ field: 'supersededBy', message: `${record.id}: cannot be superseded by itself`, severity: 'error' });
  if (record.translatedFrom && record.translatedFrom !== translationHash(record.question.th, record.answer.th))
    out.push({ field: 'answer.en', message: `${record.id}: stale translation (the Thai changed since it was translated); review the English and save it`, severity: 'warning' });
  return out;
}

export function allRecordIds(files: KnowledgeFiles): Set<string> {
  return new Set(knowledgeFiles(files).flatMap(({ file }) => file.records.map((r) => r.id)));
}

const clean = (s: string) => s.normalize('NFC').replace(/[\u200B-\u200D\uFEFF]/g, '').trim();
const cleanList = (list: string[]) => [...new Set(list.map(clean).filter(Boolean))];

/** The record with the patch applied (not yet stored); throws invalid with kb:check's messages when it would be wrong. */
export function patchedRecord(files: KnowledgeFiles, id: string, patch: RecordPatch): KbRecord {
  const { record } = findRecord(files, id);
  const next: KbRecord = structuredClone(record);
  if (patch.question?.th !== undefined) next.question.th = clean(patch.question.th);
  if (patch.question?.en !== undefined) next.question.en = clean(patch.question.en);
  if (patch.answer?.th !== undefined) next.answer.th = patch.answer.th.normalize('NFC').trim();
  if (patch.answer?.en !== undefined) next.answer.en = patch.answer.en.normalize('NFC').trim();
  if (patch.alternates?.th) next.alternates.th = cleanList(patch.alternates.th);
  if (patch.alternates?.en) next.alternates.en = cleanList(patch.alternates.en);
  if (patch.tags) next.tags = { ...next.tags, ...patch.tags };
  if (patch.supersededBy === null) delete next.supersededBy;
  else if (patch.supersededBy !== undefined) next.supersededBy = patch.supersededBy;
  const englishTouched = patch.question?.en !== undefined || patch.answer?.en !== undefined;
  // Saving English in the console is the review kb:check asks for: it records the Thai it was made from.
  if (englishTouched && next.question.en && next.answer.en) next.translatedFrom = translationHash(next.question.th, next.answer.th);
  if (!next.question.en && !next.answer.en) delete next.translatedFrom;
  const schemaProblems = recordProblems(next, allRecordIds(files)).filter((p) => p.field !== 'question.en' && p.field !== 'answer.en' && p.field !== 'tags.indicators' && p.severity === 'error');
  if (schemaProblems.length) throw new ConsoleError('invalid', `Record ${id} cannot be saved: ${schemaProblems.map((p) => p.message).join('; ')}`, schemaProblems.map((p) => ({ path: p.field, message: p.message })));
  return next;
}

/** Replaces a record in the files (mutates `files`). */
export function putRecord(files: KnowledgeFiles, record: KbRecord): void {
  const { path: p, file } = findRecord(files, record.id);
  file.records = file.records.map((r) => (r.id === record.id ? record : r));
  files[p] = serializeKnowledgeFile(file);
}

export function deleteRecord(files: KnowledgeFiles, id: string): void {
  const { path: p, file } = findRecord(files, id);
  file.records = file.records.filter((r) => r.id !== id);
  files[p] = serializeKnowledgeFile(file);
}

export function addAlternate(files: KnowledgeFiles, id: string, lang: 'th' | 'en', text: string): KbRecord {
  const { record } = findRecord(files, id);
  const value = clean(text);
  if (!value) throw new ConsoleError('invalid', 'The alternate question is empty');
  const list = record.alternates[lang];
  if (!list.includes(value) && value !== clean(record.question[lang])) list.push(value);
  putRecord(files, record);
  return record;
}

export interface NewRecord {
  document: string;
  section: string;
  question: { th: string; en?: string };
  answer: { th: string; en?: string };
  indicators?: KbRecord['tags']['indicators'];
}

/** Adds a record to a document's section with the next free number. */
export function createRecord(files: KnowledgeFiles, input: NewRecord): KbRecord {
  const p = documentPath(input.document);
  if (!files[p]) throw new ConsoleError('invalid', `No document ${input.document} in the draft`);
  const file = parseKnowledgeFile(p, files[p]!);
  if (!file.document.sections.some((s) => s.slug === input.section))
    throw new ConsoleError('invalid', `Document ${input.document} has no section ${input.section} (it has ${file.document.sections.map((s) => s.slug).join(', ')})`);
  const number = Math.max(0, ...file.records.filter((r) => r.source.section === input.section).map((r) => r.source.number)) + 1;
  const id = `${input.document}/${input.section}/${number}`;
  const sibling = file.records.find((r) => r.source.section === input.section);
  const record: KbRecord = {
    id,
    source: { document: input.document, section: input.section, number },
    question: { th: clean(input.question.th), en: clean(input.question.en ?? '') },
    answer: { th: input.answer.th.trim(), en: (input.answer.en ?? '').trim() },
    alternates: { th: [], en: [] },
    tags: {
      years: [...file.document.fiscalYears],
      ...(sibling?.tags.component ? { component: sibling.tags.component } : {}),
      indicators: input.indicators ?? sibling?.tags.indicators ?? [],
      ...(file.document.audience.length === 1 ? { audience: file.document.audience[0] } : {}),
    },
  };
  if (record.question.en && record.answer.en) record.translatedFrom = translationHash(record.question.th, record.answer.th);
  const problems = RecordSchema.safeParse(record);
  if (!problems.success) throw new ConsoleError('invalid', 'The new record is incomplete', problems.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  file.records.push(record);
  files[p] = serializeKnowledgeFile(file);
  return record;
}
