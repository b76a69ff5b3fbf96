import type { Component, Indicator } from '../kb/schema.js';

/** Shape of POST /api/ask, fixed in ../shared/DESIGN.md; the route validates it with zod. */
export type Lang = 'th' | 'en';

export interface AskFilters {
  /** Fiscal year, Buddhist Era (2565) or Common Era (2022): both are accepted. */
  year?: number;
  component?: Component | string;
  indicator?: Indicator | string;
}

export interface AskQuery {
  question: string;
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

export interface AskResult {
  answered: boolean;
  lang: Lang;
  answers: Answer[];
}

/** The answering engine over one loaded knowledge base. Pure and synchronous: no I/O. */
export interface Answerer {
  ask(query: AskQuery): AskResult;
  /** One record rendered as an Answer (score 1), or undefined. */
  record(id: string, lang?: Lang): Answer | undefined;
  readonly size: number;
}
