import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { findLeftovers } from './leftovers.js';
import { documentsDir, loadKnowledgeBase, readKnowledgeFile } from './load.js';
import { GlossarySchema, type KnowledgeFile } from './schema.js';
import { translationHash } from './translation-hash.js';
import { checkLexicon } from '../search/lexicon.js';

export interface CheckProblem {
  file: string;
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckReport {
  documents: number;
  records: number;
  untranslated: number;
  untagged: number;
  stale: number;
  problems: CheckProblem[];
}

/** 1-based line of `"id": "<id>"` in a pretty-printed knowledge file, so editors can jump to the record. */
function lineOfId(text: string, id: string): number | undefined {
  const at = text.indexOf(`"id": ${JSON.stringify(id)}`);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/**
 * Validates the whole knowledge base and the editorial state of every record.
 * Errors: invalid files, untranslated or untagged records, supersededBy
 * pointing nowhere. Warnings: stale translations, missing source copies,
 * untranslated document and section titles.
 */
export async function checkKnowledgeBase(kbDir: string): Promise<CheckReport> {
  const problems: CheckProblem[] = [];
  const report: CheckReport = { documents: 0, records: 0, untranslated: 0, untagged: 0, stale: 0, problems };
  const rel = (file: string) => {
    const r = path.relative(process.cwd(), file);
    return r && !r.startsWith('..') ? r : file;
  };
  const dir = documentsDir(kbDir);

  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (cause) {
    problems.push({ file: rel(dir), message: `cannot list documents: ${(cause as Error).message}`, severity: 'error' });
  }
  if (!names.length && !problems.length) problems.push({ file: rel(dir), message: 'no documents', severity: 'error' });

  const files: { file: string; text: string; data: KnowledgeFile }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      files.push({ file, text: await readFile(file, 'utf8'), data: await readKnowledgeFile(file) });
    } catch (cause) {
      problems.push({ file: rel(file), message: (cause as Error).message.replace(`${file}: `, ''), severity: 'error' });
    }
  }

  const glossaryFile = path.join(kbDir, 'glossary.json');
  try {
    const parsed = GlossarySchema.safeParse(JSON.parse(await readFile(glossaryFile, 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      problems.push({ file: rel(glossaryFile), message: `invalid: ${issues}`, severity: 'error' });
    }
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push({ file: rel(glossaryFile), message: missing ? 'missing' : `cannot read JSON: ${(cause as Error).message}`, severity: 'error' });
  }
  // The loader is what the server runs; it also catches cross-file problems such as duplicate document ids.
  if (!problems.some((p) => p.severity === 'error')) {
    try {
      await loadKnowledgeBase(kbDir);
    } catch (cause) {
      problems.push({ file: rel(kbDir), message: (cause as Error).message, severity: 'error' });
    }
  }

  const allIds = new Set(files.flatMap((f) => f.data.records.map((r) => r.id)));
  for (const { file, text, data } of files) {
    report.documents++;
    const at = (message: string, severity: CheckProblem['severity'], id?: string) => {
      const line = id ? lineOfId(text, id) : undefined;
      problems.push(line === undefined ? { file: rel(file), message, severity } : { file: rel(file), line, message, severity });
    };
    const doc = data.document;
    if (!doc.title.en) at(`document ${doc.id}: title has no English`, 'warning', doc.id);
    for (const s of doc.sections) if (!s.title.en) at(`section ${s.slug}: title has no English`, 'warning', doc.id);
    try {
      await readFile(path.join(kbDir, 'sources', doc.sourceFile));
    } catch {
      at(`document ${doc.id}: source file kb/sources/${doc.sourceFile} is missing`, 'warning', doc.id);
    }
    for (const r of data.records) {
      report.records++;
      const missing = [!r.question.en && 'question.en', !r.answer.en && 'answer.en'].filter(Boolean);
      if (missing.length) {
        report.untranslated++;
        at(`${r.id}: untranslated (${missing.join(', ')} empty)`, 'error', r.id);
      }
      if (!r.tags.indicators.length) {
        report.untagged++;
        at(`${r.id}: untagged (tags.indicators is empty)`, 'error', r.id);
      }
      if (r.translatedFrom && r.translatedFrom !== translationHash(r.question.th, r.answer.th)) {
        report.stale++;
        at(`${r.id}: stale translation (the Thai changed since translatedFrom ${r.translatedFrom}); review the English, then delete translatedFrom and re-run kb:import --replace`, 'warning', r.id);
      }
      if (r.supersededBy !== undefined && !allIds.has(r.supersededBy)) {
        at(`${r.id}: supersededBy ${r.supersededBy} is not a record id`, 'error', r.id);
      }
    }
  }
  const leftovers = await findLeftovers(kbDir);
  for (const f of leftovers.tempFiles) problems.push({ file: rel(f), message: 'temp file left by an interrupted write; kb:import removes it', severity: 'warning' });
  for (const f of leftovers.orphanSources) problems.push({ file: rel(f), message: 'source copy that no document names (an interrupted import?); kb:import removes it', severity: 'warning' });
  // The search's word tables (kb/lexicon/*.json) are knowledge editors extend too.
  for (const p of checkLexicon(path.join(kbDir, 'lexicon'), allIds)) problems.push({ ...p, file: rel(p.file), severity: 'error' });
  return report;
}
