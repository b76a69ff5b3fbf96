import type { Audience, Component } from './schema.js';
import type { RepairCounts } from './thai-repair.js';

export type Severity = 'error' | 'warning';

/** Something wrong with a batch, at a 1-based line of the batch file. */
export interface BatchProblem {
  /** Line of a text batch; for other formats the order of the place (row, line of a page) in the file. */
  line: number;
  /** Where editors find it when a line number means nothing: `page 3`, `Sheet1!C12`. */
  where?: string;
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
  /** Page or cell of the numbered row in a PDF, Word or Excel file. */
  where?: string;
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

export type BatchFormat = 'pdf-text' | 'csv' | 'tsv' | 'pdf' | 'docx' | 'xlsx';

export interface ParsedBatch {
  format: BatchFormat;
  meta: BatchMeta;
  sections: BatchSection[];
  rows: BatchRow[];
  problems: BatchProblem[];
  /** How many times each Thai repair was applied (thai-repair.ts). */
  repairs: RepairCounts;
}

/** A table row before continuations are joined: cells still raw (HTML, bullets), Unicode-normalized. */
export interface RawRow {
  line: number;
  where?: string;
  /** Cells of a spreadsheet row, for messages about one of them (`Sheet1!C12: answer is empty`). */
  cellWhere?: { question: string; answer: string };
  /** undefined for a continuation row (empty number cell). */
  number?: number;
  section: string;
  question: string;
  answer: string;
}

/**
 * A handout read in reading order, whatever its format: lines outside tables
 * (title, date, section headings, page numbers) and table rows whose cells may
 * hold HTML (paragraphs, lists). The text, PDF and Word readers produce it;
 * parse-layout.ts turns it into raw rows.
 */
export type LayoutItem =
  | { kind: 'text'; text: string; line: number; where?: string }
  | { kind: 'row'; cells: string[]; line: number; where?: string };
