import type { Answer, BotMessage, DocumentSummary, FeedbackReason, HistoryTurn } from './api.js';
import { initialLang, type Lang } from './i18n.js';

/**
 * Everything the page shows is derived from this state, so switching the
 * interface language can rebuild the DOM without losing the conversation,
 * a draft question or which cards were given feedback. The conversation part
 * (entries, turns, filters) is what survives a reload (conversation-store.ts).
 */

export type FeedbackState =
  | { status: 'idle' }
  /** 👎 was pressed: the reason form is open. */
  | { status: 'choosing'; reason?: FeedbackReason; comment: string; error?: boolean }
  | { status: 'sending'; helpful: boolean; reason?: FeedbackReason }
  | { status: 'sent'; helpful: boolean; reason?: FeedbackReason }
  | { status: 'failed'; helpful: boolean; reason?: FeedbackReason; comment?: string };

export interface CardState {
  answer: Answer;
  /** What the person typed (or the chip's question): sent with feedback. */
  askedQuestion: string;
  feedback: FeedbackState;
  showOriginal: boolean;
  /** The whole question heading on a phone, where it is clamped to three lines. */
  showWholeQuestion?: boolean;
  /** The full document title under the citation. */
  showFullTitle?: boolean;
}

export interface Filters {
  year?: number;
  indicator?: string;
}

/** `requested`: the language the API was asked to answer in (English may fall back to Thai). */
export type Entry =
  | { kind: 'user'; text: string }
  | { kind: 'answer'; card: CardState; others: Answer[]; requested: Lang; message?: BotMessage }
  /** The engine asks which of 2-4 options was meant; `chosen` is the option picked, if any. */
  | { kind: 'clarify'; question: string; options: Answer[]; requested: Lang; message?: BotMessage; chosen?: string }
  /**
   * No confident answer. `filters`: the filters that were on (they may be why nothing matched);
   * `question` lets the page ask again without them.
   */
  | { kind: 'no-answer'; question: string; suggestions: Answer[]; requested: Lang; filters?: Filters; message?: BotMessage }
  /** The bot's own reply with no answer to show: small talk, hand-off, "which topic?". */
  | { kind: 'message'; message: BotMessage; requested: Lang }
  /** `status` 0 means no response at all; `message` is the server's own words for a 4xx. */
  | { kind: 'error'; status: number; message: string };

export interface Facets {
  years: number[];
  indicators: string[];
}

export interface AppState {
  lang: Lang;
  filters: Filters;
  facets: Facets;
  /** Documents by id (GET /api/documents): short names, localized section titles, source files. */
  documents: Map<string, DocumentSummary>;
  entries: Entry[];
  /** What goes to the API as `history`: the questions asked and the record each was answered with. */
  turns: HistoryTurn[];
  draft: string;
  busy: boolean;
  /** The compact layout inside the widget's iframe. */
  embedded: boolean;
}

export function createState(options: { embedded?: boolean } = {}): AppState {
  return {
    lang: initialLang(),
    filters: {},
    facets: { years: [], indicators: [] },
    documents: new Map(),
    entries: [],
    turns: [],
    draft: '',
    busy: false,
    embedded: options.embedded ?? false,
  };
}

export function newCard(answer: Answer, askedQuestion: string): CardState {
  return { answer, askedQuestion, feedback: { status: 'idle' }, showOriginal: false };
}

export function hasFilters(filters: Filters): boolean {
  return filters.year !== undefined || filters.indicator !== undefined;
}

/** The language the knowledge text of an answer is in (the API may answer Thai to an English UI). */
export function contentLangOf(answer: Answer, fallback: Lang): Lang {
  if (answer.translated) return 'en';
  return answer.answer === answer.original.answer ? 'th' : fallback;
}
