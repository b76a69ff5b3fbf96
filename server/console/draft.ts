import { checkKnowledgeBase, type CheckProblem } from '../kb/check-kb.js';
import { findDuplicates } from '../kb/find-duplicates.js';
import { KnowledgeFileSchema, type KnowledgeFile } from '../kb/schema.js';
import type { KnowledgeChange, Store } from '../store/types.js';
import { unifiedDiff } from './diff.js';
import { ConsoleError } from './errors.js';
import {
  applyOverlay,
  isKnowledgePath,
  isSourcePath,
  overlayBetween,
  readKnowledgeFiles,
  withScratchKb,
  writeOverlay,
  type KnowledgeFiles,
} from './kb-files.js';

/**
 * The one shared draft of the knowledge base, and publishing it. Every console change goes
 * through `edit`, which applies a change to the draft's files and stores only what differs from
 * what is published. Publishing checks the draft with kb:check's own code, writes the files
 * atomically, reloads the index and records the version; restoring is a publish of an old
 * version's files. Only `publish` and `restore` write to the knowledge base directory.
 */
export interface DraftServiceOptions {
  kbDir: string;
  store: Store;
  /** Rebuilds the served index from kbDir (app.knowledge.reload). */
  reload: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
}

export interface DraftState {
  /** Knowledge files as the draft has them (published + draft changes). */
  files: KnowledgeFiles;
  /** Paths the draft changes, adds ('' = deletes). */
  changed: { path: string; change: 'added' | 'changed' | 'deleted' }[];
  updatedBy?: string;
  updatedAt?: Date;
}

export interface Review {
  errors: CheckProblem[];
  warnings: CheckProblem[];
  counts: { documents: number; records: number; untranslated: number; untagged: number; stale: number };
  duplicates: { id: string; similarTo: string; similarity: number }[];
}

export interface PublishResult {
  change: Omit<KnowledgeChange, 'files'>;
  review: Review;
}

/** Path of a problem relative to the scratch directory, so messages name "documents/x.json". */
function relativeTo(dir: string, file: string): string {
  const i = file.indexOf(dir);
  return i >= 0 ? file.slice(i + dir.length).replace(/^[\\/]+/, '') || '.' : file;
}

export function parseKnowledgeFile(p: string, text: string): KnowledgeFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConsoleError('invalid', `${p} is not valid JSON: ${(cause as Error).message}`);
  }
  const parsed = KnowledgeFileSchema.safeParse(raw);
  if (!parsed.success) throw new ConsoleError('invalid', `${p} is invalid`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

export interface DraftService {
  readonly kbDir: string;
  published(): Promise<KnowledgeFiles>;
  state(): Promise<DraftState>;
  /**
   * Applies `change` to a copy of the draft's files (mutate in place: set a path to new text,
   * delete a key to delete the file) and stores the result. `sources` adds batch copies.
   * Edits are serialized, so two editors' changes never overwrite each other.
   */
  edit(by: string, change: (files: KnowledgeFiles) => void | Promise<void>, sources?: KnowledgeFiles): Promise<DraftState>;
  diff(): Promise<{ path: string; diff: string }[]>;
  review(): Promise<Review>;
  publish(by: string, summary: string): Promise<PublishResult>;
  discard(): Promise<void>;
  history(limit?: number): Promise<Omit<KnowledgeChange, 'files'>[]>;
  restore(changeId: string, by: string): Promise<PublishResult>;
}

export function createDraftService(options: DraftServiceOptions): DraftService {
  const { kbDir, store } = options;
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time, in arrival order; a failed change does not block the next one.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const published = () => readKnowledgeFiles(kbDir);

  async function overlay(): Promise<{ overlay: KnowledgeFiles; updatedBy?: string; updatedAt?: Date }> {
    const draft = await store.getDraft();
    return draft ? { overlay: draft.files, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt } : { overlay: {} };
  }

  async function state(): Promise<DraftState> {
    const [pub, d] = await Promise.all([published(), overlay()]);
    const files = applyOverlay(pub, d.overlay);
    const changed = Object.entries(d.overlay)
      .filter(([p]) => isKnowledgePath(p))
      .map(([p, content]) => ({ path: p, change: content === '' ? ('deleted' as const) : p in pub ? ('changed' as const) : ('added' as const) }))
      .sort((a, b) => a.path.localeCompare(b.path));
    return { files, changed, updatedBy: d.updatedBy, updatedAt: d.updatedAt };
  }

  async function reviewOverlay(draftOverlay: KnowledgeFiles, pub: KnowledgeFiles): Promise<Review> {
    return withScratchKb(kbDir, draftOverlay, async (dir) => {
      const report = await checkKnowledgeBase(dir);
      const fix = (p: CheckProblem): CheckProblem => ({ ...p, file: relativeTo(dir, p.file) });
      const errors = report.problems.filter((p) => p.severity === 'error').map(fix);
      const warnings = report.problems.filter((p) => p.severity === 'warning').map(fix);
      // Likely duplicates: only records the draft adds or changes, against the other documents.
      const duplicates: Review['duplicates'] = [];
      for (const [p, text] of Object.entries(draftOverlay)) {
        if (!p.startsWith('documents/') || text === '') continue;
        let file: KnowledgeFile;
        try {
          file = KnowledgeFileSchema.parse(JSON.parse(text));
        } catch {
          continue; // already an error from kb:check
        }
        const before = new Map<string, string>();
        if (pub[p]) {
          try {
            for (const r of KnowledgeFileSchema.parse(JSON.parse(pub[p])).records) before.set(r.id, r.question.th);
          } catch {
            /* a broken published file: compare everything */
          }
        }
        const fresh = file.records.filter((r) => before.get(r.id) !== r.question.th);
        duplicates.push(
          ...(await findDuplicates(dir, file.document.id, fresh, (severity, message, line) =>
            warnings.push({ file: p, message, severity, ...(line !== undefined ? { line } : {}) }),
          )),
        );
      }
      const { documents, records, untranslated, untagged, stale } = report;
      return { errors, warnings, counts: { documents, records, untranslated, untagged, stale }, duplicates };
    });
  }

  /** Writes `target` over the published files, reloads, records the version; rolls back if the reload fails. */
  async function publishFiles(by: string, summary: string, writeSet: KnowledgeFiles): Promise<Omit<KnowledgeChange, 'files'>> {
    const before = await published();
    if ((await store.listChanges(1)).length === 0) {
      // The state before the first console publish becomes version 1, so it can be restored.
      await store.recordChange({ author: 'system', summary: 'Knowledge as found before the first console publish', diff: '', files: before });
    }
    await writeOverlay(kbDir, writeSet);
    const after = await published();
    const outcome = await options.reload();
    if (!outcome.ok) {
      await writeOverlay(kbDir, overlayBetween(after, before));
      await options.reload();
      throw new ConsoleError('unprocessable', `The new knowledge did not load, so nothing was published: ${outcome.error.message}`);
    }
    const diff = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .sort()
      .map((p) => unifiedDiff(p, before[p] ?? '', after[p] ?? ''))
      .join('');
    const { files: _files, ...change } = await store.recordChange({ author: by, summary, diff, files: after });
    return change;
  }

  return {
    kbDir,
    published,
    state,

    edit(by, change, sources = {}) {
      return serial(async () => {
        const [pub, d] = await Promise.all([published(), overlay()]);
        const files = applyOverlay(pub, d.overlay);
        await change(files);
        for (const p of Object.keys(files)) if (!isKnowledgePath(p)) throw new Error(`draft edit produced a path that is not a knowledge file: ${p}`);
        const keptSources = Object.fromEntries(Object.entries({ ...d.overlay, ...sources }).filter(([p]) => isSourcePath(p)));
        const next = overlayBetween(pub, files, keptSources);
        if (Object.keys(next).some(isKnowledgePath)) await store.putDraft({ files: next, updatedBy: by });
        else await store.deleteDraft();
        return state();
      });
    },

    async diff() {
      const [pub, d] = await Promise.all([published(), overlay()]);
      return Object.entries(d.overlay)
        .filter(([p]) => isKnowledgePath(p))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([p, content]) => ({ path: p, diff: unifiedDiff(p, pub[p] ?? '', content) }));
    },

    async review() {
      const [pub, d] = await Promise.all([published(), overlay()]);
      return reviewOverlay(d.overlay, pub);
    },

    publish(by, summary) {
      return serial(async () => {
        const [pub, d] = await Promise.all([published(), overlay()]);
        if (!Object.keys(d.overlay).some(isKnowledgePath)) throw new ConsoleError('conflict', 'The draft has no changes to publish');
        const review = await reviewOverlay(d.overlay, pub);
        if (review.errors.length) {
          throw new ConsoleError(
            'unprocessable',
            `Publishing refused: the draft has ${review.errors.length} error(s) that kb:check reports; fix them first`,
            review.errors.map((e) => ({ path: `${e.file}${e.line ? `:${e.line}` : ''}`, message: e.message })),
          );
        }
        const change = await publishFiles(by, summary, d.overlay);
        await store.deleteDraft();
        return { change, review };
      });
    },

    async discard() {
      await serial(() => store.deleteDraft());
    },

    history: (limit) => store.listChanges(limit),

    restore(changeId, by) {
      return serial(async () => {
        const target = await store.getChange(changeId);
        if (!target) throw new ConsoleError('not-found', `No published version with id ${changeId}`);
        const pub = await published();
        const writeSet = overlayBetween(pub, target.files);
        if (!Object.keys(writeSet).length) throw new ConsoleError('conflict', `Version ${target.version} is what is published now`);
        const review = await reviewOverlay(writeSet, pub);
        const change = await publishFiles(by, `Restored version ${target.version} (${target.summary})`, writeSet);
        return { change, review };
      });
    },
  };
}
