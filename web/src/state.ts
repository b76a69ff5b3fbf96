import type { Answer } from './api.js';
import { initialLang, type Lang } from './i18n.js';

/**
 * Everything the page shows is derived from this state, so switching the
 * interface language can rebuild the DOM without losing the conversation,
 * a draft question or which cards were given feedback.
 */

export type FeedbackState =
  | { status: 'idle' }
  | { status: 'sending'; helpful: boolean }
  | { status: 'sent'; helpful: boolean }
  | { status: 'failed'; helpful: boolean };

export interface CardState {
  answer: Answer;
  /** What the person typed (or the chip's question): sent with feedback. */
  askedQuestion: string;
  feedback: FeedbackState;
  showOriginal: boolean;
}

export type Entry =
  | { kind: 'user'; text: string }
  /** `requested`: the language the API was asked to answer in (English may fall back to Thai). */
  | { kind: 'answer'; card: CardState; others: Answer[]; requested: Lang }
  /** `filtered`: filters were on, which may be why nothing matched. */
  | { kind: 'no-answer'; suggestions: Answer[]; requested: Lang; filtered: boolean }
  /** `status` 0 means no response at all; `message` is the server's own words for a 4xx. */
  | { kind: 'error'; status: number; message: string };

export interface Filters {
  year?: number;
  indicator?: string;
}

export interface Facets {
  years: number[];
  indicators: string[];
}

export interface AppState {
  lang: Lang;
  filters: Filters;
  facets: Facets;
  entries: Entry[];
  draft: string;
  busy: boolean;
}

export function createState(): AppState {
  return { lang: initialLang(), filters: {}, facets: { years: [], indicators: [] }, entries: [], draft: '', busy: false };
}

export function newCard(answer: Answer, askedQuestion: string): CardState {
  return { answer, askedQuestion, feedback: { status: 'idle' }, showOriginal: false };
}

/** The language the knowledge text of an answer is in (the API may answer Thai to an English UI). */
export function contentLangOf(answer: Answer, fallback: Lang): Lang {
  if (answer.translated) return 'en';
  return answer.answer === answer.original.answer ? 'th' : fallback;
}
