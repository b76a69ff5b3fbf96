import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalRecord, serializeKnowledgeFile } from './canonical.js';
import { findDuplicates } from './find-duplicates.js';
import { documentsDir, readKnowledgeFile } from './load.js';
import { mergeRecord, recordId } from './merge-record.js';
import { DEFAULT_MAX_BYTES, parseDocument, type ParseDocumentOptions } from './parse-document.js';
import { emptyRepairCounts, type RepairCounts } from './thai-repair.js';
import { stat } from 'node:fs/promises';
import { KnowledgeFileSchema, SLUG, type KbDocument, type KnowledgeFile } from './schema.js';
import { sectionTitleEn } from './section-headings.js';
import { fiscalYearOf, parseThaiDate } from './thai-date.js';
import { writeFileAtomic } from './write-atomic.js';

export { DUPLICATE_SIMILARITY } from './find-duplicates.js';

export interface ImportOptions {
  kbDir: string;
  /** Path of the batch, for messages and the copy in kb/sources/. */
  file: string;
  /** When given, used instead of reading `file` (the admin route uploads bytes). */
  content?: Buffer;
  /** Document id; defaults to a slug of the file name. */
  document?: string;
  /** Thai title; overrides the existing document's title and the guessed one. */
  title?: string;
  /** ISO or Thai date; overrides the existing document's date and the guessed one. */
  date?: string;
  /** Parse, validate and report, but write nothing. */
  dryRun?: boolean;
  /** Allow overwriting an existing document and a different source file of the same name. */
  replace?: boolean;
  /** Excel sheet and columns, size limit: see ParseDocumentOptions. */
  parse?: ParseDocumentOptions;
}

export interface ImportProblem {
  file: string;
  line?: number;
  /** Page, sheet cell or table row, for formats without lines. */
  where?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportReport {
  document: string;
  sections: { slug: string; title: string; records: number }[];
  records: number;
  untranslated: number;
  added: number;
  updated: number;
  unchanged: number;
  duplicates: { id: string; similarTo: string; similarity: number }[];
  problems: ImportProblem[];
  /** Thai repairs applied, by kind (thai-repair.ts). */
  repairs: RepairCounts;
  written: boolean;
}

export function documentIdFromFileName(file: string): string {
  return path
    .basename(file)
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

/**
 * Imports one Q&A batch as a document of the knowledge base: parse, merge with
 * the existing document (English, tags, alternates and supersededBy survive),
 * validate, then copy the batch to kb/sources/ and write kb/documents/<id>.json
 * atomically. Bad input comes back as error problems with `written: false` and
 * nothing touched; only unexpected I/O failures throw.
 */
export async function importBatch(options: ImportOptions): Promise<ImportReport> {
  const { kbDir, file } = options;
  const sourceName = path.basename(file);
  const documentId = options.document ?? documentIdFromFileName(file);
  const problems: ImportProblem[] = [];
  const problem = (severity: ImportProblem['severity'], message: string, line?: number, where?: string) =>
    problems.push({ file, ...(where ? { where } : line === undefined ? {} : { line }), message, severity });
  const report: ImportReport = {
    document: documentId,
    sections: [],
    records: 0,
    untranslated: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    duplicates: [],
    problems,
    repairs: emptyRepairCounts(),
    written: false,
  };

  // The name becomes a path under kb/sources/ (the admin route passes an uploaded name).
  if (!sourceName || sourceName.startsWith('.') || /[\\/\u0000]/.test(sourceName)) {
    problem('error', `"${sourceName}" is not a usable file name for kb/sources/`);
    return report;
  }
  let content = options.content;
  try {
    // Refuse an oversized file before reading it into memory.
    const limit = options.parse?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!content) {
      const size = await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
      if (size > limit) {
        problem('error', `is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(limit / 1024 / 1024).toFixed(1)} MB import limit`);
        return report;
      }
    }
    content ??= await readIfExists(file);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EISDIR') throw cause;
    problem('error', 'is a directory, not a batch file');
    return report;
  }
  if (!content) {
    problem('error', 'file not found');
    return report;
  }
  const parsed = await parseDocument(sourceName, content, options.parse);
  report.repairs = parsed.repairs;
  // Problems of formats without lines carry their page or cell; line numbers of a text batch stay.
  for (const p of parsed.problems) problem(p.severity, p.message, p.line || undefined, p.where);

  if (!SLUG.test(documentId)) problem('error', `document id "${documentId}" must be a lower-case slug like "fy2565-potential-base" (use --document)`);
  const docPath = path.join(documentsDir(kbDir), `${documentId}.json`);
  let existing: KnowledgeFile | undefined;
  if (SLUG.test(documentId) && (await readIfExists(docPath))) {
    try {
      existing = await readKnowledgeFile(docPath);
    } catch (cause) {
      problem('error', `existing ${path.relative(kbDir, docPath)} is invalid, fix it first: ${(cause as Error).message}`);
    }
    if (!options.replace) problem('error', `document ${documentId} already exists; use --replace to overwrite it`);
  }

  // Metadata: an explicit option wins, then what editors have in the file, then the batch's guess.
  let date: string | undefined;
  if (options.date !== undefined) {
    date = parseThaiDate(options.date);
    if (!date) problem('error', `--date "${options.date}" is not a date (use YYYY-MM-DD or e.g. "10 กันยายน 2564")`);
  } else {
    date = existing?.document.date ?? parsed.meta.date;
    if (existing && parsed.meta.date && parsed.meta.date !== existing.document.date) {
      problem('warning', `batch is dated ${parsed.meta.date} but document has ${existing.document.date}; keeping it (use --date to change)`);
    }
    if (!date) problem('error', 'no date found in the batch (a line like "วันที่ 10 กันยายน 2564"); pass --date YYYY-MM-DD');
  }
  const titleTh = options.title?.trim() || existing?.document.title.th || parsed.meta.title;
  if (!titleTh) problem('error', 'no title found in the batch; pass --title "…"');
  let fiscalYears = existing?.document.fiscalYears ?? parsed.meta.fiscalYears;
  if (!fiscalYears.length && date) {
    fiscalYears = [fiscalYearOf(date)];
    problem('warning', `no fiscal year in the title; using ${fiscalYears[0]}, the fiscal year of ${date}`);
  }
  let audience = existing?.document.audience ?? (parsed.meta.audience ? [parsed.meta.audience] : undefined);
  if (!audience) {
    audience = ['agency'];
    problem('warning', 'audience not evident from the title; using "agency" (edit document.audience in the file if wrong)');
  }

  const document: KbDocument = {
    id: documentId,
    title: { th: titleTh ?? '', en: existing?.document.title.en ?? '' },
    // Editor-set, so a re-import keeps it.
    ...(existing?.document.shortName ? { shortName: existing.document.shortName } : {}),
    date: date ?? '',
    fiscalYears,
    audience,
    sourceFile: sourceName,
    sections: parsed.sections.map((s) => ({
      slug: s.slug,
      title: { th: s.title, en: existing?.document.sections.find((e) => e.slug === s.slug)?.title.en || sectionTitleEn(s.slug) },
    })),
  };

  const previous = new Map((existing?.records ?? []).map((r) => [r.id, r]));
  const records = parsed.rows.map((row) => mergeRecord(row, document, parsed.meta.component, previous.get(recordId(documentId, row)), problem));
  for (const r of records) {
    const before = previous.get(r.id);
    if (!before) report.added++;
    else if (JSON.stringify(canonicalRecord(before)) === JSON.stringify(r)) report.unchanged++;
    else report.updated++;
  }
  const kept = new Set(records.map((r) => r.id));
  for (const id of previous.keys()) {
    if (!kept.has(id)) problem('warning', `record ${id} is not in this batch and will be removed, with its English and tags`);
  }

  const knowledgeFile: KnowledgeFile = { document, records };
  const valid = KnowledgeFileSchema.safeParse(knowledgeFile);
  if (!valid.success && !problems.some((p) => p.severity === 'error')) {
    for (const issue of valid.error.issues) {
      const at = issue.path[0] === 'records' && typeof issue.path[1] === 'number' ? records[issue.path[1]]?.source.line : undefined;
      problem('error', `${issue.path.join('.')}: ${issue.message}`, at);
    }
  }

  report.duplicates = await findDuplicates(kbDir, documentId, records, problem);
  report.sections = document.sections.map((s) => ({ slug: s.slug, title: s.title.th, records: records.filter((r) => r.source.section === s.slug).length }));
  report.records = records.length;
  report.untranslated = records.filter((r) => !r.question.en || !r.answer.en).length;

  const sourcePath = path.join(kbDir, 'sources', sourceName);
  // Re-importing kb/sources/<name> itself: the bytes just read are the copy.
  const sameFile = options.content === undefined && path.resolve(sourcePath) === path.resolve(file);
  const existingSource = sameFile ? content : await readIfExists(sourcePath);
  if (existingSource && !existingSource.equals(content) && !options.replace) {
    problem('error', `kb/sources/${sourceName} already exists with different content; use --replace to overwrite it`);
  }

  if (problems.some((p) => p.severity === 'error') || options.dryRun) return report;
  await mkdir(path.dirname(sourcePath), { recursive: true });
  await mkdir(path.dirname(docPath), { recursive: true });
  if (!existingSource?.equals(content)) await writeFileAtomic(sourcePath, content);
  await writeFileAtomic(docPath, serializeKnowledgeFile(knowledgeFile));
  report.written = true;
  return report;
}
