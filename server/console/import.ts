import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importBatch, type ImportReport } from '../kb/import-batch.js';
import type { KbRecord } from '../kb/schema.js';
import type { DraftService, DraftState } from './draft.js';
import { ConsoleError } from './errors.js';
import { encodeSource, withScratchKb, type KnowledgeFiles } from './kb-files.js';
import { documentPath, knowledgeFiles } from './records.js';

/**
 * The import wizard's domain side: the batch goes through the one import code path
 * (server/kb/import-batch.ts, as `kb:import` runs it), but into a scratch copy of the draft
 * rather than the knowledge base, and what it would write becomes a draft change.
 */
export interface BatchInput {
  filename: string;
  content: Buffer;
  document?: string;
  title?: string;
  date?: string;
  /** Replace the draft's document of the same id (kb:import --replace). */
  replace?: boolean;
}

/** A record side by side with the one it resembles or replaces. */
export interface SideBySide {
  id: string;
  other: string;
  kind: 'duplicate' | 'changed';
  similarity?: number;
  mine: Pick<KbRecord, 'question' | 'answer'>;
  theirs: Pick<KbRecord, 'question' | 'answer'>;
}

export interface ImportPreview {
  report: ImportReport;
  /** The records as they would enter the draft (empty when the batch has errors). */
  records: KbRecord[];
  sideBySide: SideBySide[];
  /** Record ids the batch would remove from the draft's document. */
  removed: string[];
  /** Path and content the draft would get; internal. */
  files?: KnowledgeFiles;
}

export async function previewImport(draft: DraftService, input: BatchInput): Promise<ImportPreview> {
  const state = await draft.state();
  const overlay = Object.fromEntries(Object.entries(state.files).map(([p, c]) => [p, c]));
  // Deleted draft files must be absent in the scratch copy too.
  for (const c of state.changed) if (c.change === 'deleted') overlay[c.path] = '';
  return withScratchKb(draft.kbDir, overlay, async (dir) => {
    const report = await importBatch({
      kbDir: dir,
      file: input.filename,
      content: input.content,
      document: input.document,
      title: input.title,
      date: input.date,
      replace: input.replace,
    });
    // Paths inside the scratch copy mean nothing to an editor: name the uploaded file.
    report.problems = report.problems.map((p) => ({ ...p, file: input.filename }));
    if (!report.written) return { report, records: [], sideBySide: [], removed: [] };
    const p = documentPath(report.document);
    const text = await readFile(path.join(dir, 'documents', `${report.document}.json`), 'utf8');
    const files = { ...state.files, [p]: text };
    const byId = new Map(knowledgeFiles(files).flatMap(({ file }) => file.records.map((r) => [r.id, r] as const)));
    const records = knowledgeFiles({ [p]: text })[0]!.file.records;
    const previous = state.files[p] ? knowledgeFiles({ [p]: state.files[p]! })[0]!.file.records : [];
    const sideBySide: SideBySide[] = [];
    for (const d of report.duplicates) {
      const mine = byId.get(d.id);
      const theirs = byId.get(d.similarTo);
      if (mine && theirs) sideBySide.push({ id: d.id, other: d.similarTo, kind: 'duplicate', similarity: d.similarity, mine, theirs });
    }
    for (const before of previous) {
      const after = records.find((r) => r.id === before.id);
      if (after && (after.question.th !== before.question.th || after.answer.th !== before.answer.th))
        sideBySide.push({ id: after.id, other: before.id, kind: 'changed', mine: after, theirs: before });
    }
    const removed = previous.filter((b) => !records.some((r) => r.id === b.id)).map((r) => r.id);
    const sources: KnowledgeFiles = { [`sources/${path.basename(input.filename)}`]: encodeSource(input.content) };
    return { report, records, sideBySide, removed, files: { [p]: text, ...sources } };
  });
}

/** Imports the batch into the draft; refuses (with the problems) when the batch has errors. */
export async function importIntoDraft(draft: DraftService, by: string, input: BatchInput): Promise<{ preview: ImportPreview; draft: DraftState }> {
  const preview = await previewImport(draft, input);
  const errors = preview.report.problems.filter((p) => p.severity === 'error');
  if (errors.length || !preview.files) {
    throw new ConsoleError(
      'unprocessable',
      `Batch ${input.filename} has ${errors.length} error(s); nothing went into the draft`,
      errors.map((e) => ({ path: `${e.file}${e.line ? `:${e.line}` : ''}`, message: e.message })),
    );
  }
  const { files } = preview;
  const docs = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('documents/')));
  const sources = Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith('sources/')));
  const state = await draft.edit(by, (draftFiles) => void Object.assign(draftFiles, docs), sources);
  return { preview: { ...preview, files: undefined }, draft: state };
}
