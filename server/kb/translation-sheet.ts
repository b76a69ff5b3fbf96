import type { KbRecord } from './schema.js';
import { translationHash } from './translation-hash.js';

/**
 * The translators' workbook: one row per record, Thai and English side by
 * side. Only the columns marked `editable` are read back (kb:import of the
 * same workbook); the Thai, ids and hash are there for the translator and to
 * detect Thai that changed after the export.
 */
export interface SheetColumn {
  key: string;
  header: string;
  width: number;
  editable: boolean;
}

export const TRANSLATION_SHEET = 'Translations';
export const TRANSLATION_COLUMNS: readonly SheetColumn[] = [
  { key: 'id', header: 'id', width: 34, editable: false },
  { key: 'questionTh', header: 'คำถาม (ไทย) / Question (Thai)', width: 45, editable: false },
  { key: 'questionEn', header: 'Question (English)', width: 45, editable: true },
  { key: 'answerTh', header: 'คำตอบ (ไทย) / Answer (Thai)', width: 70, editable: false },
  { key: 'answerEn', header: 'Answer (English)', width: 70, editable: true },
  { key: 'alternatesTh', header: 'คำถามแบบอื่น (ไทย) / Alternates (Thai), one per line', width: 30, editable: true },
  { key: 'alternatesEn', header: 'Alternates (English), one per line', width: 30, editable: true },
  { key: 'years', header: 'tags: years', width: 10, editable: true },
  { key: 'component', header: 'tags: component', width: 16, editable: true },
  { key: 'indicators', header: 'tags: indicators', width: 22, editable: true },
  { key: 'audience', header: 'tags: audience', width: 10, editable: true },
  { key: 'thaiHash', header: 'Thai hash (do not edit)', width: 22, editable: false },
];

export type SheetRow = Record<(typeof TRANSLATION_COLUMNS)[number]['key'], string>;

const list = (values: readonly (string | number)[], sep: string) => values.join(sep);

export function recordToRow(r: KbRecord): SheetRow {
  return {
    id: r.id,
    questionTh: r.question.th,
    questionEn: r.question.en,
    answerTh: r.answer.th,
    answerEn: r.answer.en,
    alternatesTh: list(r.alternates.th, '\n'),
    alternatesEn: list(r.alternates.en, '\n'),
    years: list(r.tags.years, ', '),
    component: r.tags.component ?? '',
    indicators: list(r.tags.indicators, ', '),
    audience: r.tags.audience ?? '',
    thaiHash: translationHash(r.question.th, r.answer.th),
  };
}

export const splitLines = (cell: string) => cell.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
export const splitList = (cell: string) => cell.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
