/**
 * The run-time store: what happens while the bot runs (questions asked, feedback, LINE
 * de-duplication, conversation context, notification opt-ins, editors and their sessions,
 * drafts and the record of knowledge changes). The knowledge itself stays in files under kb/.
 *
 * One interface, implementations for SQLite (the embedded default, better-sqlite3) and PostgreSQL
 * (`DATABASE_URL`), plus an in-memory one for unit tests; all pass test/store/contract.ts.
 * Every method is async so the PostgreSQL implementation fits; SQLite's resolve at once.
 * Times are Date objects; ids are opaque strings.
 */

export type Channel = 'api' | 'web' | 'line' | 'console';
export type Outcome = 'answered' | 'clarify' | 'none' | 'smalltalk' | 'handoff';

export interface QuestionEntry {
  channel: Channel;
  question: string;
  lang: string;
  outcome: Outcome;
  /** Id of the best record, answered, offered or merely suggested. */
  topId?: string;
  score?: number;
  latencyMs: number;
  /** Salted hash of a LINE user id (or a group id): counts repeat askers without keeping who they are. */
  user?: string;
  requestId?: string;
  /** When absent, the store's clock. */
  time?: Date;
}

export interface QuestionRow extends QuestionEntry {
  id: string;
  time: Date;
  /** Set when an editor answered or dismissed it (console inbox). */
  resolution?: { kind: 'alternate' | 'record' | 'dismissed'; recordId?: string; by: string; at: Date };
}

export type FeedbackReason = 'wrong' | 'outdated' | 'unclear' | 'other';

export interface FeedbackEntry {
  recordId: string;
  question: string;
  helpful: boolean;
  reason?: FeedbackReason;
  comment?: string;
  channel: Channel;
  user?: string;
  requestId?: string;
  time?: Date;
}

export interface FeedbackRow extends FeedbackEntry {
  id: string;
  time: Date;
}

export interface ConversationTurn {
  question: string;
  answerId?: string;
  time: Date;
}

/** An opted-in LINE asker waiting for an editor's answer; the raw user id lives only here. */
export interface NotifyRequest {
  id: string;
  questionId: string;
  question: string;
  lineUserId: string;
  lang: string;
  createdAt: Date;
}

export type Role = 'editor' | 'publisher';

export interface Editor {
  name: string;
  role: Role;
  /** scrypt hash in a self-describing string (`scrypt$N$r$p$salt$hash`). */
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: Date;
}

export interface Session {
  id: string;
  editor: string;
  csrfToken: string;
  expiresAt: Date;
}

/** One published change of the knowledge: who, when, what, and enough to restore it. */
export interface KnowledgeChange {
  id: string;
  /** Monotonic published version; the replicas' reload marker is the latest one. */
  version: number;
  author: string;
  time: Date;
  summary: string;
  /** Human-readable diff of what changed (unified text or JSON). */
  diff: string;
  /** The knowledge files after the change, path → content, so any version can be restored. */
  files: Record<string, string>;
}

export interface QuestionQuery {
  since?: Date;
  until?: Date;
  outcomes?: Outcome[];
  channel?: Channel;
  unresolvedOnly?: boolean;
  limit?: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres' | 'memory';
  /** Applies pending versioned migrations; idempotent, safe when several instances start at once. */
  migrate(): Promise<void>;
  /** Resolves when the store answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** A value kept across restarts; when absent, `init()` is stored and returned (first writer wins). */
  setting(key: string, init: () => string): Promise<string>;
  getSetting(key: string): Promise<string | undefined>;
  putSetting(key: string, value: string): Promise<void>;

  appendQuestions(entries: QuestionEntry[]): Promise<void>;
  listQuestions(query?: QuestionQuery): Promise<QuestionRow[]>;
  resolveQuestion(id: string, resolution: NonNullable<QuestionRow['resolution']>): Promise<boolean>;
  addFeedback(entry: FeedbackEntry): Promise<FeedbackRow>;
  listFeedback(query?: { since?: Date; recordId?: string; limit?: number }): Promise<FeedbackRow[]>;
  /** Deletes question text and feedback comments older than `before`; returns rows touched. */
  purgeBefore(before: Date): Promise<number>;

  /**
   * True the first time `key` is claimed within `ttlMs`; false when another call (in any
   * instance) claimed it first. LINE de-duplication: claim before answering.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;

  /** Last turns of a conversation (oldest first), only those younger than `maxAgeMs`. */
  conversation(key: string, maxAgeMs: number): Promise<ConversationTurn[]>;
  /** Appends a turn and keeps the newest `keep`. */
  addTurn(key: string, turn: ConversationTurn, keep: number): Promise<void>;

  addNotifyRequest(request: Omit<NotifyRequest, 'id' | 'createdAt'>): Promise<NotifyRequest>;
  notifyRequestsFor(questionId: string): Promise<NotifyRequest[]>;
  deleteNotifyRequest(id: string): Promise<void>;
  /** Retention: deletes opt-ins older than `before` (90 days); returns how many. */
  purgeNotifyRequests(before: Date): Promise<number>;

  putEditor(editor: Editor): Promise<void>;
  getEditor(name: string): Promise<Editor | undefined>;
  listEditors(): Promise<Editor[]>;
  createSession(session: Session): Promise<void>;
  getSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<void>;

  /** The draft of the knowledge being edited (one shared draft per knowledge base), or undefined. */
  getDraft(): Promise<{ files: Record<string, string>; updatedBy: string; updatedAt: Date } | undefined>;
  putDraft(draft: { files: Record<string, string>; updatedBy: string }): Promise<void>;
  deleteDraft(): Promise<void>;

  /** Records a publish with the next version number and returns it. */
  recordChange(change: Omit<KnowledgeChange, 'id' | 'version' | 'time'>): Promise<KnowledgeChange>;
  listChanges(limit?: number): Promise<Omit<KnowledgeChange, 'files'>[]>;
  getChange(id: string): Promise<KnowledgeChange | undefined>;
  /** The latest published version (0 when none); replicas poll it to know when to reload. */
  publishedVersion(): Promise<number>;
}
