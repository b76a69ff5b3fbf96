import type { Component, Indicator } from '../kb/schema.js';

/** Shape of POST /api/ask, fixed in ../shared/DESIGN.md; the route validates it with zod. */
export type Lang = 'th' | 'en';

export interface AskFilters {
  /** Fiscal year, Buddhist Era (2565) or Common Era (2022): both are accepted. */
  year?: number;
  component?: Component | string;
  indicator?: Indicator | string;
}

/** One earlier turn of the conversation, oldest first (at most 5), additive to the fixed contract. */
export interface HistoryTurn {
  question: string;
  /** The record that turn was answered with (or the option the user chose). */
  answerId?: string;
}

export interface AskQuery {
  question: string;
  history?: HistoryTurn[];
  lang?: Lang;
  /** 1-10, default 3. */
  limit?: number;
  filters?: AskFilters;
}

export interface AnswerSource {
  document: string;
  title: string;
  section: string;
  sectionTitle: string;
  number: number;
  /** ISO date of the document. */
  date: string;
}

export interface Answer {
  id: string;
  /** Confidence in [0, 1], comparable across questions. */
  score: number;
  /** In the response language. */
  question: string;
  answer: string;
  /** The authoritative Thai text. */
  original: { question: string; answer: string };
  /** True when `question`/`answer` are our English translation of the Thai original. */
  translated: boolean;
  tags: { years: number[]; component?: string; indicators: string[]; audience?: string };
  source: AnswerSource;
  supersededBy?: string;
}

/**
 * `answered`: the first answer is a confident match. `clarify`: the best candidates are close and
 * answer different things, so `answers` holds 2-4 options to choose from. `none`: no confident
 * match; `answers` holds suggestions (possibly none). `answered` is true only for "answered".
 */
export type AskStatus = 'answered' | 'clarify' | 'none';

/**
 * A short reply of the bot's own, in the response language, shown above (or instead of) answers:
 * small talk, the hand-off to a person, asking what a follow-up refers to, a fiscal year that no
 * record covers. Additive to the fixed contract.
 */
export interface BotMessage {
  kind: 'greeting' | 'thanks' | 'identity' | 'handoff' | 'ask-topic' | 'year-not-covered';
  text: string;
  /** Example questions the user can tap (greetings, ask-topic). */
  examples?: string[];
}

export interface AskResult {
  answered: boolean;
  status: AskStatus;
  lang: Lang;
  answers: Answer[];
  message?: BotMessage;
}

/**
 * Why the engine answered as it did (additive): the editors' console shows "why it matched".
 * Feature names and meanings: server/search/score.ts.
 */
export interface Explanation {
  result: AskResult;
  /** The question's index terms (words, `c:` concepts, `q:` question words, `n:` negated words). */
  terms: string[];
  /** Fiscal years (BE) the question names or implies (ปีหน้า). */
  years: number[];
  /** What kind of answer the question asks for, if it says: count, date, agency or procedure. */
  answerType?: string;
  /** Every scored candidate, best first. */
  candidates: Array<{ id: string; score: number; features: Record<string, number>; matched: string[] }>;
}

/** The answering engine over one loaded knowledge base. Pure and synchronous: no I/O. */
export interface Answerer {
  ask(query: AskQuery): AskResult;
  /**
   * Optional: the same answer without blocking the caller's thread (the index worker's proxy
   * has it; an in-process engine does not need it).
   */
  askAsync?(query: AskQuery): Promise<AskResult>;
  /** Optional (additive): the scored candidates and the terms that counted. */
  explain?(query: AskQuery): Explanation;
  /** One record rendered as an Answer (score 1), or undefined. */
  record(id: string, lang?: Lang): Answer | undefined;
  readonly size: number;
}
