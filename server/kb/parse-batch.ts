import { assembleRows } from './assemble-rows.js';
import type { BatchFormat, LayoutItem, ParsedBatch } from './batch-types.js';
import { decodeBatch } from './decode-batch.js';
import { parseLayout, type ParsedLayout } from './parse-layout.js';
import { parseTable } from './parse-table.js';
import { normalizeThai } from './thai-text.js';
import { emptyRepairCounts, type RepairCounts } from './thai-repair.js';

export interface ParseOptions {
  /** Decides the format: *.csv and *.tsv are plain tables; anything else is PDF-extracted text. */
  fileName?: string;
}

/** Text extracted from a PDF, one line per table row with tab-separated cells, as layout items. */
export function textLayout(text: string): LayoutItem[] {
  return text.split(/\r?\n/).flatMap((line, index): LayoutItem[] => {
    if (!line.trim()) return [];
    const cells = line.split('\t');
    return cells.length === 1 ? [{ kind: 'text', text: line, line: index + 1 }] : [{ kind: 'row', cells, line: index + 1 }];
  });
}

/**
 * Raw rows → rows, plus the checks every format shares: no rows is an error;
 * problems in file order; sections only when used.
 */
export function finishBatch(format: BatchFormat, parsed: ParsedLayout, repairs: RepairCounts): ParsedBatch {
  const rows = assembleRows(parsed.raw, parsed.problems);
  if (rows.length === 0 && !parsed.problems.some((p) => p.severity === 'error')) {
    parsed.problems.push({ line: 1, message: 'no numbered question rows found', severity: 'error' });
  }
  const problems = [...parsed.problems].sort((a, b) => a.line - b.line);
  const used = new Set(rows.map((r) => r.section));
  return { format, meta: parsed.meta, sections: parsed.sections.filter((s) => used.has(s.slug)), rows, problems, repairs };
}

/** Parses a text Q&A batch (PDF-extracted text, TSV, CSV). Never throws for bad input: everything wrong is in `problems`. */
export function parseBatch(content: Buffer | string, options: ParseOptions = {}): ParsedBatch {
  const lower = options.fileName?.toLowerCase() ?? '';
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.tsv') ? 'tsv' : 'pdf-text';
  const repairs = emptyRepairCounts();
  const empty: ParsedBatch = { format, meta: { fiscalYears: [] }, sections: [], rows: [], problems: [], repairs };
  const decoded = decodeBatch(content);
  if ('problem' in decoded) return { ...empty, problems: [decoded.problem] };
  if (!decoded.text.trim()) {
    return { ...empty, problems: [{ line: 1, message: 'empty file: no questions to import', severity: 'error' }] };
  }
  const clean = (text: string) => normalizeThai(text, repairs);
  const parsed = format === 'pdf-text' ? parseLayout(textLayout(decoded.text), clean) : parseTable(decoded.text, format, clean);
  return finishBatch(format, parsed, repairs);
}
