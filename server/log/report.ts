import { z } from 'zod';
import { clusterBySimilarity } from './trigram.js';

const QuestionLineSchema = z.looseObject({
  type: z.literal('question'),
  question: z.string(),
  answered: z.boolean(),
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

/** Analyses the text of a question log; bad lines are reported by number and skipped. */
export function analyzeLog(text: string, options: ReportOptions = DEFAULT_REPORT_OPTIONS): LogReport {
  const unanswered: { question: string; topId?: string }[] = [];
  const low: { question: string; topId?: string }[] = [];
  const negative = new Map<string, { count: number; comments: string[] }>();
  const badLines: LogReport['badLines'] = [];
  let questions = 0;
  let feedback = 0;

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
      questions++;
      if (!entry.answered) unanswered.push(entry);
      else if ((entry.score ?? 0) < options.lowScore) low.push(entry);
    } else {
      feedback++;
      if (!entry.helpful) {
        const n = negative.get(entry.recordId) ?? { count: 0, comments: [] };
        n.count++;
        if (entry.comment?.trim()) n.comments.push(entry.comment.trim());
        negative.set(entry.recordId, n);
      }
    }
  });

  return {
    questions,
    feedback,
    unanswered: group(unanswered, options.similarity),
    lowConfidence: group(low, options.similarity),
    negativeFeedback: [...negative.entries()]
      .map(([recordId, n]) => ({ recordId, ...n }))
      .sort((a, b) => b.count - a.count || a.recordId.localeCompare(b.recordId)),
    badLines,
  };
}

export function formatReport(report: LogReport, file: string, options: ReportOptions = DEFAULT_REPORT_OPTIONS): string {
  const out: string[] = [];
  out.push(`Question log ${file}: ${report.questions} questions, ${report.feedback} feedback entries`);
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
