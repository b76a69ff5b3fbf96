import { randomUUID } from 'node:crypto';
import type {
  ConversationTurn,
  Editor,
  FeedbackRow,
  KnowledgeChange,
  NotifyRequest,
  QuestionRow,
  Session,
  Store,
} from './types.js';

/**
 * A store that keeps everything in this process: for unit tests and tools that need no
 * persistence. Semantics match the SQLite and PostgreSQL stores (test/store/contract.ts).
 */
export function createMemoryStore(clock: () => Date = () => new Date()): Store {
  const settings = new Map<string, string>();
  const questions: QuestionRow[] = [];
  const feedback: FeedbackRow[] = [];
  const claims = new Map<string, number>();
  const conversations = new Map<string, ConversationTurn[]>();
  const notify = new Map<string, NotifyRequest>();
  const editors = new Map<string, Editor>();
  const sessions = new Map<string, Session>();
  const changes: KnowledgeChange[] = [];
  let draft: { files: Record<string, string>; updatedBy: string; updatedAt: Date } | undefined;
  let nextId = 1;

  return {
    kind: 'memory',
    async migrate() {},
    async ping() {},
    async close() {},

    async setting(key, init) {
      if (!settings.has(key)) settings.set(key, init());
      return settings.get(key)!;
    },
    async getSetting(key) {
      return settings.get(key);
    },
    async putSetting(key, value) {
      settings.set(key, value);
    },

    async appendQuestions(entries) {
      for (const entry of entries) questions.push({ ...entry, id: String(nextId++), time: entry.time ?? clock() });
    },
    async listQuestions(query = {}) {
      return questions
        .filter(
          (q) =>
            (!query.since || q.time >= query.since) &&
            (!query.until || q.time < query.until) &&
            (!query.outcomes || query.outcomes.includes(q.outcome)) &&
            (!query.channel || q.channel === query.channel) &&
            (!query.unresolvedOnly || !q.resolution),
        )
        .sort((a, b) => b.time.getTime() - a.time.getTime() || Number(b.id) - Number(a.id))
        .slice(0, query.limit ?? 1000)
        .map((q) => ({ ...q }));
    },
    async resolveQuestion(id, resolution) {
      const row = questions.find((q) => q.id === id);
      if (!row) return false;
      row.resolution = resolution;
      return true;
    },
    async addFeedback(entry) {
      const row = { ...entry, id: String(nextId++), time: entry.time ?? clock() };
      feedback.push(row);
      return { ...row };
    },
    async listFeedback(query = {}) {
      return feedback
        .filter((f) => (!query.since || f.time >= query.since) && (!query.recordId || f.recordId === query.recordId))
        .sort((a, b) => b.time.getTime() - a.time.getTime())
        .slice(0, query.limit ?? 1000)
        .map((f) => ({ ...f }));
    },
    async purgeBefore(before) {
      let touched = 0;
      for (const q of questions) {
        if (q.time < before && q.question !== '') {
          q.question = '';
          touched++;
        }
      }
      for (const f of feedback) {
        if (f.time < before && (f.question !== '' || f.comment)) {
          f.question = '';
          delete f.comment;
          touched++;
        }
      }
      return touched;
    },

    async claimOnce(key, ttlMs) {
      const now = clock().getTime();
      const until = claims.get(key);
      if (until !== undefined && until > now) return false;
      claims.set(key, now + ttlMs);
      return true;
    },

    async conversation(key, maxAgeMs) {
      const since = clock().getTime() - maxAgeMs;
      return (conversations.get(key) ?? []).filter((t) => t.time.getTime() >= since).map((t) => ({ ...t }));
    },
    async addTurn(key, turn, keep) {
      const turns = [...(conversations.get(key) ?? []), { ...turn }];
      conversations.set(key, turns.slice(-keep));
    },

    async addNotifyRequest(request) {
      const row = { ...request, id: randomUUID(), createdAt: clock() };
      notify.set(row.id, row);
      return { ...row };
    },
    async notifyRequestsFor(questionId) {
      return [...notify.values()].filter((n) => n.questionId === questionId).map((n) => ({ ...n }));
    },
    async deleteNotifyRequest(id) {
      notify.delete(id);
    },
    async purgeNotifyRequests(before) {
      let n = 0;
      for (const [id, row] of notify) {
        if (row.createdAt < before) {
          notify.delete(id);
          n++;
        }
      }
      return n;
    },

    async putEditor(editor) {
      editors.set(editor.name, { ...editor });
    },
    async getEditor(name) {
      const e = editors.get(name);
      return e && { ...e };
    },
    async listEditors() {
      return [...editors.values()].map((e) => ({ ...e }));
    },
    async createSession(session) {
      sessions.set(session.id, { ...session });
    },
    async getSession(id) {
      const s = sessions.get(id);
      if (!s || s.expiresAt <= clock()) return undefined;
      return { ...s };
    },
    async deleteSession(id) {
      sessions.delete(id);
    },

    async getDraft() {
      return draft && { ...draft, files: { ...draft.files } };
    },
    async putDraft(next) {
      draft = { files: { ...next.files }, updatedBy: next.updatedBy, updatedAt: clock() };
    },
    async deleteDraft() {
      draft = undefined;
    },

    async recordChange(change) {
      const row: KnowledgeChange = { ...change, id: randomUUID(), version: changes.length + 1, time: clock() };
      changes.push(row);
      return { ...row };
    },
    async listChanges(limit = 100) {
      return changes
        .slice()
        .reverse()
        .slice(0, limit)
        .map(({ files: _files, ...rest }) => rest);
    },
    async getChange(id) {
      const c = changes.find((x) => x.id === id);
      return c && { ...c, files: { ...c.files } };
    },
    async publishedVersion() {
      return changes.length;
    },
  };
}
