import { z } from 'zod';
import type { Outcome } from '../store/types.js';
import { clusterBySimilarity } from './trigram.js';

// Old logs say `answered`; the store and its export say `outcome`.
const QuestionLineSchema = z.looseObject({
  type: z.literal('question'),
  question: z.string(),
  answered: z.boolean().optional(),
  outcome: z.enum(['answered', 'clarify', 'none', 'smalltalk', 'handoff']).optional(),
  score: z.number().optional(),
  topId: z.string().optional(),
  channel: z.string().optional(),
});

const FeedbackLineSchema = z.looseObject({
  type: z.literal('feedback'),
  recordId: z.string(),
  question: z.string(),
  helpful: z.boolean(),
  comment: z.string().optional(),
});

const LineSchema = z.discriminatedUnion('type', [QuestionLineSchema, FeedbackLineSchema]);

export interface ReportOptions {
  /** Answered questions below this score count as low-confidence. */
  lowScore: number;
  /** Trigram Jaccard similarity at which two questions are grouped. */
  similarity: number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { lowScore: 0.6, similarity: 0.5 };

export interface QuestionGroup {
  count: number;
  example: string;
  /** Distinct phrasings, most frequent first (at most 5). */
  variants: string[];
  topIds: string[];
}

export interface LogReport {
  questions: number;
  feedback: number;
  unanswered: QuestionGroup[];
  lowConfidence: QuestionGroup[];
  negativeFeedback: { recordId: string; count: number; comments: string[] }[];
  badLines: { line: number; message: string }[];
}

function group(questions: { question: string; topId?: string }[], similarity: number): QuestionGroup[] {
  const counts = new Map<string, { count: number; topIds: Set<string> }>();
  for (const q of questions) {
    const key = q.question.trim();
    const entry = counts.get(key) ?? { count: 0, topIds: new Set<string>() };
    entry.count++;
    if (q.topId) entry.topIds.add(q.topId);
    counts.set(key, entry);
  }
  const distinct = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  return clusterBySimilarity(distinct, ([text]) => text, similarity)
    .map((c) => ({
      count: c.members.reduce((n, [, e]) => n + e.count, 0),
      example: c.representative[0],
      variants: c.members.slice(0, 5).map(([text]) => text),
      topIds: [...new Set(c.members.flatMap(([, e]) => [...e.topIds]))].slice(0, 5),
    }))
    .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));
}

export interface ReportQuestion {
  question: string;
  outcome: Outcome;
  score?: number;
  topId?: string;
}

export interface ReportFeedback {
  recordId: string;
  helpful: boolean;
  comment?: string;
}

/**
 * Analyses logged questions and feedback (from the store or a JSON-lines export). Questions
 * purged by retention (blank text) are counted but not grouped; small talk and hand-offs are
 * neither unanswered nor low-confidence.
 */
export function analyzeEntries(
  questions: ReportQuestion[],
  feedback: ReportFeedback[],
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
  badLines: LogReport['badLines'] = [],
): LogReport {
  const unanswered: ReportQuestion[] = [];
  const low: ReportQuestion[] = [];
  const negative = new Map<string, { count: number; comments: string[] }>();
  for (const q of questions) {
    if (q.question.trim() === '') continue;
    if (q.outcome === 'none') unanswered.push(q);
    else if (q.outcome === 'clarify' || (q.outcome === 'answered' && (q.score ?? 0) < options.lowScore)) low.push(q);
  }
  for (const f of feedback) {
    if (f.helpful) continue;
    const n = negative.get(f.recordId) ?? { count: 0, comments: [] };
    n.count++;
    if (f.comment?.trim()) n.comments.push(f.comment.trim());
    negative.set(f.recordId, n);
  }
  return {
    questions: questions.length,
    feedback: feedback.length,
    unanswered: group(unanswered, options.similarity),
    lowConfidence: group(low, options.similarity),
    negativeFeedback: [...negative.entries()]
      .map(([recordId, n]) => ({ recordId, ...n }))
      .sort((a, b) => b.count - a.count || a.recordId.localeCompare(b.recordId)),
    badLines,
  };
}

/** Analyses the text of a question log (JSON lines); bad lines are reported by number and skipped. */
export function analyzeLog(text: string, options: ReportOptions = DEFAULT_REPORT_OPTIONS): LogReport {
  const questions: ReportQuestion[] = [];
  const feedback: ReportFeedback[] = [];
  const badLines: LogReport['badLines'] = [];

  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      badLines.push({ line: i + 1, message: 'not valid JSON' });
      return;
    }
    const parsed = LineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      badLines.push({ line: i + 1, message: `unexpected entry: ${issue ? `${issue.path.join('.') || '(line)'}: ${issue.message}` : 'unknown shape'}` });
      return;
    }
    const entry = parsed.data;
    if (entry.type === 'question') {
      const outcome = entry.outcome ?? (entry.answered === undefined ? undefined : entry.answered ? 'answered' : 'none');
      if (!outcome) {
        badLines.push({ line: i + 1, message: 'unexpected entry: a question needs "outcome" (or "answered")' });
        return;
      }
      questions.push({ question: entry.question, outcome, score: entry.score, topId: entry.topId });
    } else {
      feedback.push(entry);
    }
  });
  return analyzeEntries(questions, feedback, options, badLines);
}

export function formatReport(report: LogReport, source: string, options: ReportOptions = DEFAULT_REPORT_OPTIONS): string {
  const out: string[] = [];
  out.push(`Question log ${source}: ${report.questions} questions, ${report.feedback} feedback entries`);
  const section = (title: string, groups: QuestionGroup[]) => {
    out.push('', `${title} (${groups.reduce((n, g) => n + g.count, 0)} questions in ${groups.length} groups)`);
    if (groups.length === 0) out.push('  (none)');
    for (const g of groups) {
      out.push(`  ${String(g.count).padStart(4)} × ${g.example}`);
      for (const v of g.variants.slice(1)) out.push(`         ~ ${v}`);
      if (g.topIds.length > 0) out.push(`         nearest: ${g.topIds.join(', ')}`);
    }
  };
  section('Unanswered', report.unanswered);
  section(`Low confidence (answered, score < ${options.lowScore})`, report.lowConfidence);
  out.push('', `Records with negative feedback (${report.negativeFeedback.length})`);
  if (report.negativeFeedback.length === 0) out.push('  (none)');
  for (const n of report.negativeFeedback) {
    out.push(`  ${String(n.count).padStart(4)} × ${n.recordId}`);
    for (const c of n.comments) out.push(`         "${c}"`);
  }
  return out.join('\n');
}
