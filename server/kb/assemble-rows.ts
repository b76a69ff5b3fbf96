import type { BatchProblem, BatchRow, RawRow } from './batch-types.js';
import { htmlToText } from './html-to-text.js';
import { joinContinuation } from './thai-text.js';

/**
 * Joins continuation rows onto the numbered row they continue, cleans the
 * text, and reports missing text, duplicate numbers (errors) and numbering
 * gaps (warnings), each at the line where the numbered row starts.
 */
export function assembleRows(raw: RawRow[], problems: BatchProblem[]): BatchRow[] {
  const merged: RawRow[] = [];
  let current: RawRow | undefined;
  for (const r of raw) {
    if (r.number !== undefined) {
      current = { ...r };
      merged.push(current);
    } else if (!current || current.section !== r.section) {
      problems.push({ line: r.line, ...(r.where ? { where: r.where } : {}), message: 'continuation row (empty number cell) before any numbered row in its section', severity: 'error' });
    } else {
      current.question = joinContinuation(current.question, r.question);
      current.answer = joinContinuation(current.answer, r.answer);
    }
  }

  const rows: BatchRow[] = [];
  const firstLine = new Map<string, number>();
  const lastNumber = new Map<string, number>();
  for (const r of merged) {
    const number = r.number!;
    const row: BatchRow = { number, section: r.section, question: htmlToText(r.question), answer: htmlToText(r.answer), line: r.line, ...(r.where ? { where: r.where } : {}) };
    const at = { line: r.line, ...(r.where ? { where: r.where } : {}) };
    if (!row.question) {
      if (r.cellWhere) problems.push({ line: r.line, where: r.cellWhere.question, message: `question is empty (number ${number})`, severity: 'error' });
      else problems.push({ ...at, message: `question ${number} (${r.section}) has no question text`, severity: 'error' });
    }
    if (!row.answer) {
      if (r.cellWhere) problems.push({ line: r.line, where: r.cellWhere.answer, message: `answer is empty (question ${number})`, severity: 'error' });
      else problems.push({ ...at, message: `question ${number} (${r.section}) has no answer`, severity: 'error' });
    }
    const key = `${r.section}/${number}`;
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      problems.push({ line: r.line, ...(r.where ? { where: r.where } : {}), message: `duplicate number ${number} in section ${r.section} (first at line ${seen})`, severity: 'error' });
    } else {
      firstLine.set(key, r.line);
    }
    const previous = lastNumber.get(r.section) ?? 0;
    if (seen === undefined && number !== previous + 1) {
      problems.push({
        line: r.line,
        ...(r.where ? { where: r.where } : {}),
        message: `numbering in section ${r.section} jumps from ${previous} to ${number}`,
        severity: 'warning',
      });
    }
    lastNumber.set(r.section, Math.max(previous, number));
    rows.push(row);
  }
  return rows;
}
