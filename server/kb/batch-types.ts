import type { Audience, Component } from './schema.js';

export type Severity = 'error' | 'warning';

/** Something wrong with a batch, at a 1-based line of the batch file. */
export interface BatchProblem {
  line: number;
  message: string;
  severity: Severity;
}

/** A numbered question as printed, continuations already joined, text cleaned. */
export interface BatchRow {
  number: number;
  section: string;
  question: string;
  answer: string;
  /** 1-based line of the numbered row in the batch file. */
  line: number;
}

export interface BatchSection {
  slug: string;
  /** The heading as printed (Thai). */
  title: string;
  line?: number;
}

/** What the batch itself suggests about its document; the importer lets options and the existing file override it. */
export interface BatchMeta {
  title?: string;
  date?: string;
  fiscalYears: number[];
  audience?: Audience;
  component?: Component;
}

export type BatchFormat = 'pdf-text' | 'csv' | 'tsv';

export interface ParsedBatch {
  format: BatchFormat;
  meta: BatchMeta;
  sections: BatchSection[];
  rows: BatchRow[];
  problems: BatchProblem[];
}

/** A table row before continuations are joined: cells still raw (HTML, bullets), Unicode-normalized. */
export interface RawRow {
  line: number;
  /** undefined for a continuation row (empty number cell). */
  number?: number;
  section: string;
  question: string;
  answer: string;
}
