import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadExcel } from './formats/libraries.js';
import { canonicalRecord, serializeKnowledgeFile } from './canonical.js';
import { columnLetter } from './formats/xlsx.js';
import type { ImportProblem } from './import-batch.js';
import { documentsDir, readKnowledgeFile } from './load.js';
import { AudienceSchema, ComponentSchema, FiscalYearSchema, IndicatorSchema, KnowledgeFileSchema, type KbRecord, type KnowledgeFile } from './schema.js';
import { TRANSLATION_COLUMNS, TRANSLATION_SHEET, splitLines, splitList, type SheetRow } from './translation-sheet.js';
import { translationHash } from './translation-hash.js';
import { writeFileAtomic } from './write-atomic.js';

export interface TranslationImportOptions {
  kbDir: string;
  file: string;
  content: Buffer;
  dryRun?: boolean;
}

export interface TranslationReport {
  rows: number;
  updated: string[];
  unchanged: number;
  problems: ImportProblem[];
  written: boolean;
}

interface Row {
  values: Partial<SheetRow>;
  where: (key: keyof SheetRow) => string;
}



/** Rows of a kb:export workbook or JSON, or undefined when the file is not one (then it is a Q&A batch). */
export async function readTranslationFile(fileName: string, content: Buffer): Promise<Row[] | undefined> {
  if (fileName.toLowerCase().endsWith('.json')) {
    let data: { format?: string; records?: Partial<SheetRow>[] };
    try {
      data = JSON.parse(content.toString('utf8'));
    } catch {
      return undefined;
    }
    if (data?.format !== 'opdc-kb-translations' || !Array.isArray(data.records)) return undefined;
    return data.records.map((values, i) => ({ values, where: (key) => `records[${i}].${key}` }));
  }
  if (!fileName.toLowerCase().endsWith('.xlsx') || content.subarray(0, 2).toString('latin1') !== 'PK') return undefined;
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const ws = wb.getWorksheet(TRANSLATION_SHEET);
  if (!ws || String(ws.getCell('A1').value ?? '').trim() !== 'id') return undefined;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const columnOf = new Map<string, number>();
  for (const c of TRANSLATION_COLUMNS) {
    const at = headers.findIndex((h) => h === c.header || h === c.key);
    if (at > 0) columnOf.set(c.key, at);
  }
  const rows: Row[] = [];
  ws.eachRow((row, line) => {
    if (line === 1) return;
    const values: Partial<SheetRow> = {};
    for (const [key, col] of columnOf) {
      const cell = row.getCell(col);
      const v = cell.value as unknown;
      values[key as keyof SheetRow] =
        v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : v == null ? '' : String(cell.text ?? v);
    }
    if (Object.values(values).every((v) => !v?.trim())) return;
    rows.push({ values, where: (key) => `${TRANSLATION_SHEET}!${columnLetter((columnOf.get(key) ?? 1) - 1)}${line}` });
  });
  return rows;
}

/**
 * Applies a translators' workbook (kb:export) to the knowledge base: for each
 * record it names, only English question and answer, alternates and tags
 * change; Thai, numbers, sections and everything else stay. Validates every
 * row first and writes nothing when any is wrong.
 */
export async function importTranslations(rows: Row[], options: TranslationImportOptions): Promise<TranslationReport> {
  const problems: ImportProblem[] = [];
  const report: TranslationReport = { rows: rows.length, updated: [], unchanged: 0, problems, written: false };
  const problem = (severity: ImportProblem['severity'], where: string, message: string) => problems.push({ file: options.file, where, message, severity });
  const dir = documentsDir(options.kbDir);
  const files = new Map<string, KnowledgeFile>();
  const owner = new Map<string, { file: string; index: number }>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    const kf = await readKnowledgeFile(path.join(dir, name));
    files.set(name, kf);
    kf.records.forEach((r, index) => owner.set(r.id, { file: name, index }));
  }
  const changed = new Set<string>();
  const seen = new Map<string, string>();
  for (const { values, where } of rows) {
    const id = values.id?.trim() ?? '';
    const at = owner.get(id);
    if (!at) {
      problem('error', where('id'), id ? `no record ${id} in the knowledge base` : 'id is empty');
      continue;
    }
    if (seen.has(id)) {
      problem('error', where('id'), `record ${id} appears twice (first at ${seen.get(id)})`);
      continue;
    }
    seen.set(id, where('id'));
    const before = files.get(at.file)!.records[at.index]!;
    const next: KbRecord = structuredClone(before);
    let bad = false;
    const field = <T>(key: keyof SheetRow, parse: (cell: string) => T, fallback: T): T => {
      const cell = values[key];
      if (cell === undefined) return fallback; // column not in the file: leave the field alone
      try {
        return parse(cell);
      } catch (cause) {
        problem('error', where(key), (cause as Error).message);
        bad = true;
        return fallback;
      }
    };
    const vocab = <T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, name: string) => (v: unknown): T => {
      const r = schema.safeParse(v);
      if (!r.success) throw new Error(`"${v}" is not a known ${name} (see kb/README.md)`);
      return r.data as T;
    };
    next.question.en = field('questionEn', (c) => c.trim(), before.question.en);
    next.answer.en = field('answerEn', (c) => c.trim().replace(/\r\n/g, '\n'), before.answer.en);
    next.alternates = { th: field('alternatesTh', splitLines, before.alternates.th), en: field('alternatesEn', splitLines, before.alternates.en) };
    const component = field('component', (c) => (c.trim() ? vocab(ComponentSchema, 'component')(c.trim()) : undefined), before.tags.component);
    const audience = field('audience', (c) => (c.trim() ? vocab(AudienceSchema, 'audience')(c.trim()) : undefined), before.tags.audience);
    next.tags = {
      years: field('years', (c) => splitList(c).map((y) => vocab(FiscalYearSchema, 'Buddhist Era fiscal year')(Number(y))), before.tags.years),
      ...(component ? { component } : {}),
      indicators: field('indicators', (c) => splitList(c).map(vocab(IndicatorSchema, 'indicator')), before.tags.indicators),
      ...(audience ? { audience } : {}),
    };
    if (bad) continue;
    const englishChanged = next.question.en !== before.question.en || next.answer.en !== before.answer.en;
    const currentHash = translationHash(before.question.th, before.answer.th);
    const exportedHash = values.thaiHash?.trim() || currentHash;
    if (englishChanged) {
      // The English was made from the Thai as exported; if that Thai has changed since, kb:check calls it stale.
      if (next.question.en || next.answer.en) next.translatedFrom = exportedHash;
      else delete next.translatedFrom;
      if (exportedHash !== currentHash) problem('warning', where('thaiHash'), `record ${id}: its Thai changed after the export; the English is kept but marked stale`);
    }
    const canonical = canonicalRecord(next);
    if (JSON.stringify(canonical) === JSON.stringify(canonicalRecord(before))) {
      report.unchanged++;
      continue;
    }
    files.get(at.file)!.records[at.index] = canonical;
    changed.add(at.file);
    report.updated.push(id);
  }
  for (const name of changed) {
    const valid = KnowledgeFileSchema.safeParse(files.get(name));
    if (!valid.success) for (const i of valid.error.issues) problem('error', `documents/${name}`, `${i.path.join('.')}: ${i.message}`);
  }
  if (problems.some((p) => p.severity === 'error') || options.dryRun) return report;
  for (const name of changed) await writeFileAtomic(path.join(dir, name), serializeKnowledgeFile(files.get(name)!));
  report.written = changed.size > 0;
  return report;
}

