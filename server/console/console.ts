import path from 'node:path';
import { INDICATORS, COMPONENTS, AUDIENCES } from '../kb/schema.js';
import { REPO_ROOT } from '../paths.js';
import type { Role, Store } from '../store/types.js';
import { createAccounts, type Accounts, type AccountsOptions } from './accounts.js';
import { createDraftService, type DraftService, type DraftServiceOptions } from './draft.js';
import { ConsoleError } from './errors.js';
import { findGroup, groupInbox, inboxItems, inboxStats, resolveGroup } from './inbox.js';
import { importIntoDraft, previewImport, type BatchInput } from './import.js';
import { addAlternate, createRecord, deleteRecord, findRecord, listRecords, patchedRecord, putRecord, recordProblems, allRecordIds, type NewRecord, type RecordFilters, type RecordPatch } from './records.js';
import { askOne, batchTest, createAnswererCache, loadEvalQuestions } from './test-pane.js';
import { deleteConcept, lexiconNames, putConcept, readGlossary, putLexicon } from './glossary.js';
import { applyOverlay } from './kb-files.js';

/**
 * Everything the editors' console does, free of HTTP: the routes (server/routes/console.ts)
 * and the scripts (scripts/admin-*.ts) call this and nothing else.
 */
export interface ConsoleOptions {
  kbDir: string;
  store: Store;
  reload: DraftServiceOptions['reload'];
  /** Evaluation questions for the batch test; default test/eval/questions.json. */
  evalFile?: string;
  /** Told when an editor's action answers a logged question (LINE push). */
  questionAnswered?: (questionId: string, recordId: string) => Promise<void>;
  accounts?: Omit<AccountsOptions, 'store'>;
  logError?: (message: string, err: unknown) => void;
}

export const DEFAULT_EVAL_FILE = path.join(REPO_ROOT, 'test', 'eval', 'questions.json');

/** Who is acting; publishing needs the publisher role. */
export interface Actor {
  editor: string;
  role: Role;
}

export function requirePublisher(actor: Actor): void {
  if (actor.role !== 'publisher') throw new ConsoleError('forbidden', `Only a publisher can do this; ${actor.editor} is an editor (ask a publisher to review and publish the draft)`);
}

export function createConsole(options: ConsoleOptions) {
  const { store } = options;
  const accounts: Accounts = createAccounts({ store, ...options.accounts });
  const draft: DraftService = createDraftService({ kbDir: options.kbDir, store, reload: options.reload });
  const answerers = createAnswererCache(3);
  const evalFile = options.evalFile ?? DEFAULT_EVAL_FILE;

  async function negativeFeedback(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const f of await store.listFeedback({ limit: 10_000 })) if (!f.helpful) counts.set(f.recordId, (counts.get(f.recordId) ?? 0) + 1);
    return counts;
  }

  const PENDING = 'console.pendingAnswers';
  async function pending(): Promise<{ questionId: string; recordId: string }[]> {
    try {
      return JSON.parse((await store.getSetting(PENDING)) ?? '[]') as { questionId: string; recordId: string }[];
    } catch {
      return [];
    }
  }
  /** Askers of questions answered by a new record hear about it once the record is published. */
  async function tellPublished(): Promise<void> {
    const waiting = await pending();
    if (!waiting.length) return;
    const live = allRecordIds(await draft.published());
    const ready = waiting.filter((w) => live.has(w.recordId));
    await store.putSetting(PENDING, JSON.stringify(waiting.filter((w) => !live.has(w.recordId))));
    for (const w of ready) await tell([w.questionId], w.recordId);
  }

  async function tell(questionIds: string[], recordId: string): Promise<void> {
    if (!options.questionAnswered) return;
    for (const id of questionIds) {
      // The editor's change is saved either way; a failed push is logged, not an error for them.
      await options.questionAnswered(id, recordId).catch((err: unknown) => options.logError?.(`could not notify the asker of question ${id}`, err));
    }
  }

  return {
    accounts,
    draft,

    vocabularies: () => ({ indicators: [...INDICATORS], components: [...COMPONENTS], audiences: [...AUDIENCES] }),

    async records(filters: RecordFilters) {
      const { files } = await draft.state();
      return listRecords(files, filters, await negativeFeedback());
    },

    async documents() {
      const { files } = await draft.state();
      return Object.entries(files)
        .filter(([p]) => p.startsWith('documents/'))
        .map(([, text]) => {
          const d = (JSON.parse(text) as { document: { id: string; title: { th: string; en: string }; date: string; fiscalYears: number[]; sections: { slug: string; title: { th: string; en: string } }[] } }).document;
          return { id: d.id, title: d.title, date: d.date, fiscalYears: d.fiscalYears, sections: d.sections };
        });
    },

    async record(id: string) {
      const { files } = await draft.state();
      const { record, document } = findRecord(files, id);
      const pub = await draft.published();
      let publishedRecord;
      try {
        publishedRecord = findRecord(pub, id).record;
      } catch {
        publishedRecord = undefined;
      }
      const section = document.sections.find((s) => s.slug === record.source.section);
      const feedback = await store.listFeedback({ recordId: id, limit: 1000 });
      return {
        record,
        source: { document: document.id, title: document.title, date: document.date, sourceFile: document.sourceFile, section: record.source.section, sectionTitle: section?.title, number: record.source.number, line: record.source.line },
        problems: recordProblems(record, allRecordIds(files)),
        changedInDraft: JSON.stringify(publishedRecord) !== JSON.stringify(record),
        feedback: { helpful: feedback.filter((f) => f.helpful).length, unhelpful: feedback.filter((f) => !f.helpful).length },
      };
    },

    /** Validates a patch without saving it: the messages kb:check would give, as the editor types. */
    async validateRecord(id: string, patch: RecordPatch) {
      const { files } = await draft.state();
      try {
        const next = patchedRecord(files, id, patch);
        return { ok: true, problems: recordProblems(next, allRecordIds(files)) };
      } catch (e) {
        if (e instanceof ConsoleError && e.kind === 'invalid') return { ok: false, problems: (e.issues ?? []).map((i) => ({ field: i.path, message: i.message, severity: 'error' as const })) };
        throw e;
      }
    },

    async updateRecord(actor: Actor, id: string, patch: RecordPatch) {
      let saved;
      await draft.edit(actor.editor, (files) => {
        saved = patchedRecord(files, id, patch);
        putRecord(files, saved);
      });
      return this.record(id);
    },

    async deleteRecord(actor: Actor, id: string) {
      await draft.edit(actor.editor, (files) => {
        deleteRecord(files, id);
        // Links to the deleted record would break kb:check: drop them too.
        for (const p of Object.keys(files)) {
          if (!p.startsWith('documents/')) continue;
          if (files[p]!.includes(`"supersededBy": ${JSON.stringify(id)}`)) {
            const file = JSON.parse(files[p]!) as { records: { id: string; supersededBy?: string }[] };
            for (const r of file.records) if (r.supersededBy === id) putRecord(files, patchedRecord(files, r.id, { supersededBy: null }));
          }
        }
      });
    },

    async createRecord(actor: Actor, input: NewRecord) {
      let id = '';
      await draft.edit(actor.editor, (files) => {
        id = createRecord(files, input).id;
      });
      return this.record(id);
    },

    previewImport: (input: BatchInput) => previewImport(draft, input),
    importBatch: (actor: Actor, input: BatchInput) => importIntoDraft(draft, actor.editor, input),

    async review() {
      const [state, review, diff] = await Promise.all([draft.state(), draft.review(), draft.diff()]);
      return { changed: state.changed, updatedBy: state.updatedBy, updatedAt: state.updatedAt, review, diff };
    },

    async publish(actor: Actor, summary: string) {
      requirePublisher(actor);
      const result = await draft.publish(actor.editor, summary);
      await tellPublished();
      return result;
    },
    async discard(actor: Actor) {
      requirePublisher(actor);
      await draft.discard();
    },
    async restore(actor: Actor, changeId: string) {
      requirePublisher(actor);
      return draft.restore(changeId, actor.editor);
    },
    history: (limit?: number) => draft.history(limit),
    async change(id: string) {
      const c = await store.getChange(id);
      if (!c) throw new ConsoleError('not-found', `No published version with id ${id}`);
      const { files: _files, ...rest } = c;
      return rest;
    },

    async ask(question: string, lang?: 'th' | 'en') {
      const [pub, state] = await Promise.all([draft.published(), draft.state()]);
      return {
        published: askOne(answerers.answererFor(pub), { question, lang }),
        draft: askOne(answerers.answererFor(state.files), { question, lang }),
      };
    },

    async batchTest() {
      const [pub, state, questions] = await Promise.all([draft.published(), draft.state(), loadEvalQuestions(evalFile)]);
      return batchTest(answerers.answererFor(pub), answerers.answererFor(state.files), questions);
    },

    async inbox() {
      const groups = groupInbox(await inboxItems(store));
      const pub = answerers.answererFor(await draft.published());
      return groups.slice(0, 100).map((g) => ({
        ...g,
        items: g.items.slice(0, 20),
        // Suggestions first: what the engine would offer for the group's question.
        suggestions: pub.ask({ question: g.question, limit: 3 }).answers.map((a) => ({ id: a.id, question: a.question, score: Math.round(a.score * 1000) / 1000 })),
      }));
    },
    inboxStats: () => inboxStats(store),

    async inboxAddAlternate(actor: Actor, groupId: string, recordId: string, lang: 'th' | 'en', text?: string) {
      const group = await findGroup(store, groupId);
      await draft.edit(actor.editor, (files) => void addAlternate(files, recordId, lang, text ?? group.question));
      const ids = await resolveGroup(store, group, { kind: 'alternate', recordId, by: actor.editor });
      await tell(ids, recordId);
      return { resolved: group.count, recordId };
    },

    async inboxNewRecord(actor: Actor, groupId: string, input: NewRecord) {
      const group = await findGroup(store, groupId);
      let id = '';
      await draft.edit(actor.editor, (files) => {
        id = createRecord(files, input).id;
      });
      // Announced to askers only when the record is published (tellPublished).
      const ids = await resolveGroup(store, group, { kind: 'record', recordId: id, by: actor.editor });
      await store.putSetting(PENDING, JSON.stringify([...(await pending()), ...ids.map((questionId) => ({ questionId, recordId: id }))]));
      return { resolved: group.count, recordId: id };
    },

    async inboxDismiss(actor: Actor, groupId: string) {
      const group = await findGroup(store, groupId);
      await resolveGroup(store, group, { kind: 'dismissed', by: actor.editor });
      return { resolved: group.count };
    },

    async glossary() {
      const { files } = await draft.state();
      return { glossary: readGlossary(files), lexicons: lexiconNames(files).map((name) => ({ name, text: files[`lexicon/${name}.json`]! })) };
    },
    async putConcept(actor: Actor, concept: unknown) {
      await draft.edit(actor.editor, (files) => void putConcept(files, concept));
    },
    async deleteConcept(actor: Actor, id: string) {
      await draft.edit(actor.editor, (files) => deleteConcept(files, id));
    },
    async putLexicon(actor: Actor, name: string, text: string) {
      await draft.edit(actor.editor, (files) => putLexicon(files, name, text));
    },
    /** Draft files as a whole (for tools); published ones with the draft over them. */
    async files() {
      const d = await store.getDraft();
      return applyOverlay(await draft.published(), d?.files ?? {});
    },
  };
}

export type Console = ReturnType<typeof createConsole>;
