/**
 * Follow-up evaluation (issue 11): `tsx scripts/eval-followups.ts`, also run by `npm run eval`.
 *
 * Over test/eval/followups.json (two- and three-turn conversations written from the records):
 * - before: every later turn asked alone, as the bot did before it kept context;
 * - after: every later turn asked through the conversation layer with the earlier turns as
 *   history, each carrying the record the bot answered it with (what the web and LINE send);
 * reporting answered-and-right (top answer expected, answered) and confidently wrong (answered,
 * top answer not expected). Orphans (follow-ups with no history) and off-topic follow-ups (after an
 * in-scope turn) must not be answered.
 * Standalone questions (first turns, and the in-scope questions of questions.json) are asked
 * alone and after an unrelated turn; their answered-and-right share must not drop.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createConversation } from '../server/conversation/conversation.js';
import { loadKnowledgeBase } from '../server/kb/load.js';
import type { KnowledgeBase } from '../server/kb/schema.js';
import { createAnswerer } from '../server/search/answerer.js';
import type { Answerer, AskResult, HistoryTurn } from '../server/search/types.js';

export const FOLLOWUPS_FILE = fileURLToPath(new URL('../test/eval/followups.json', import.meta.url));
const QUESTIONS_FILE = fileURLToPath(new URL('../test/eval/questions.json', import.meta.url));

export const FOLLOWUP_TARGETS = { right: 0.85, wrong: 0.05, standaloneDrop: 0.02 } as const;

const TurnSchema = z.strictObject({ question: z.string().min(1), expect: z.array(z.string().min(1)).min(1) });
export const FollowUpSetSchema = z.strictObject({
  about: z.string().optional(),
  conversations: z
    .array(z.strictObject({ id: z.string().min(1), lang: z.enum(['th', 'en']), turns: z.array(TurnSchema).min(2).max(3) }))
    .min(1),
  orphans: z.array(z.string().min(1)),
  offTopic: z.array(z.strictObject({ history: z.string().min(1), question: z.string().min(1) })),
});
export type FollowUpSet = z.infer<typeof FollowUpSetSchema>;

export function readFollowUpSet(file = FOLLOWUPS_FILE, recordIds?: Set<string>): FollowUpSet {
  const parsed = FollowUpSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const unknown = recordIds ? parsed.data.conversations.flatMap((c) => c.turns.flatMap((t) => t.expect.filter((e) => !recordIds.has(e)).map((e) => `${c.id}: unknown record ${e}`))) : [];
  if (unknown.length > 0) throw new Error(`${file}: ${unknown.join('; ')}`);
  return parsed.data;
}

/** In-scope standalone questions of the retrieval set, when it has the expected shape. */
function standaloneQuestions(): Array<{ question: string; expect: string[] }> {
  try {
    const raw = JSON.parse(readFileSync(QUESTIONS_FILE, 'utf8')) as unknown;
    const list = Array.isArray(raw) ? raw : (raw as { questions?: unknown }).questions;
    const parsed = z.array(z.object({ question: z.string(), expect: z.array(z.string()) })).safeParse(list);
    return parsed.success ? parsed.data.filter((q) => q.expect.length > 0) : [];
  } catch {
    return [];
  }
}

export interface Rates {
  n: number;
  right: number;
  wrong: number;
}

export interface FollowUpReport {
  before: Rates;
  after: Rates;
  /** Share of orphan follow-ups answered confidently (should be 0). */
  orphansAnswered: number;
  orphans: number;
  /** Share of off-topic follow-ups (after an in-scope turn) answered confidently (should be 0). */
  offTopicAnswered: number;
  /** Answered-and-right shares: the engine alone, the conversation layer without history, and after an unrelated turn. */
  standalone: { n: number; engine: number; alone: number; afterUnrelated: number };
  misses: string[];
}

const sectionOf = (id: string) => id.split('/').slice(0, 2).join('/');

function rates(outcomes: Array<{ result: AskResult; expect: string[] }>): Rates {
  const n = outcomes.length;
  const right = outcomes.filter((o) => o.result.answered && o.expect.includes(o.result.answers[0]?.id ?? '')).length;
  const wrong = outcomes.filter((o) => o.result.answered && !o.expect.includes(o.result.answers[0]?.id ?? '')).length;
  return { n, right: right / n, wrong: wrong / n };
}

export function evaluateFollowUps(kb: KnowledgeBase, answerer: Answerer, set: FollowUpSet, options: { extraStandalone?: Array<{ question: string; expect: string[] }> } = {}): FollowUpReport {
  const conversation = createConversation({ answerer, records: kb.records });
  const before: Array<{ result: AskResult; expect: string[] }> = [];
  const after: Array<{ result: AskResult; expect: string[] }> = [];
  const misses: string[] = [];
  for (const c of set.conversations) {
    const history: HistoryTurn[] = [];
    c.turns.forEach((turn, i) => {
      const result = conversation.ask({ question: turn.question, history: history.length > 0 ? [...history] : undefined, limit: 5 });
      if (i > 0) {
        before.push({ result: answerer.ask({ question: turn.question, limit: 5 }), expect: turn.expect });
        after.push({ result, expect: turn.expect });
        const top = result.answers[0];
        if (!result.answered || !turn.expect.includes(top?.id ?? '')) {
          misses.push(`${c.id}.${i + 1} ${result.answered ? 'WRONG' : 'DECLINED'}: ${turn.question} → ${top ? `${top.id} ${top.score}` : 'nothing'} (expected ${turn.expect.join(', ')})`);
        }
      }
      history.push({ question: turn.question, ...(result.answered && result.answers[0] ? { answerId: result.answers[0].id } : {}) });
    });
  }

  const orphansAnswered = set.orphans.filter((q) => conversation.ask({ question: q }).answered).length;
  const offTopicAnswered = set.offTopic.filter((t) => {
    const result = conversation.ask({ question: t.question, history: [{ question: t.history }] });
    const top = result.answers[0];
    if (result.answered) misses.push(`off-topic ANSWERED: ${t.question} (after "${t.history}") → ${top ? `${top.id} ${top.score}` : 'nothing'}`);
    return result.answered;
  }).length;

  // Standalone: first turns and in-scope retrieval questions, alone and after the first turn of
  // a conversation about another section (rotating, so every kind of context is tried).
  const openers = set.conversations.map((c) => ({ question: c.turns[0]!.question, expect: c.turns[0]!.expect, answerId: c.turns[0]!.expect[0]! }));
  const standalone = [...openers.map(({ question, expect }) => ({ question, expect })), ...(options.extraStandalone ?? [])];
  let engine = 0;
  let alone = 0;
  let afterUnrelated = 0;
  standalone.forEach((q, i) => {
    const hit = (r: AskResult) => (r.answered && q.expect.includes(r.answers[0]?.id ?? '') ? 1 : 0);
    engine += hit(answerer.ask({ question: q.question, limit: 5 }));
    alone += hit(conversation.ask({ question: q.question, limit: 5 }));
    const sections = new Set(q.expect.map(sectionOf));
    const others = openers.filter((o) => !sections.has(sectionOf(o.answerId)));
    const unrelated = others[i % others.length]!;
    afterUnrelated += hit(conversation.ask({ question: q.question, limit: 5, history: [{ question: unrelated.question, answerId: unrelated.answerId }] }));
  });

  return {
    before: rates(before),
    after: rates(after),
    orphansAnswered: set.orphans.length === 0 ? 0 : orphansAnswered / set.orphans.length,
    orphans: set.orphans.length,
    offTopicAnswered: set.offTopic.length === 0 ? 0 : offTopicAnswered / set.offTopic.length,
    standalone: { n: standalone.length, engine: engine / standalone.length, alone: alone / standalone.length, afterUnrelated: afterUnrelated / standalone.length },
    misses,
  };
}

/** Prints the report; true when every target holds. Called by scripts/eval.ts. */
export function runFollowUpEval(kb: KnowledgeBase, answerer: Answerer, options: { misses?: boolean } = {}): boolean {
  const set = readFollowUpSet(FOLLOWUPS_FILE, new Set(kb.records.map((r) => r.id)));
  const report = evaluateFollowUps(kb, answerer, set, { extraStandalone: standaloneQuestions() });
  const f = (x: number) => x.toFixed(3);
  console.log(`\nfollow-ups (${set.conversations.length} conversations, ${report.after.n} follow-up turns)`);
  console.log(`  before (each later turn alone): answered-and-right ${f(report.before.right)}, confidently wrong ${f(report.before.wrong)}`);
  console.log(`  after  (with history):          answered-and-right ${f(report.after.right)}, confidently wrong ${f(report.after.wrong)}`);
  console.log(`  follow-ups answered with no history: ${f(report.orphansAnswered)} of ${report.orphans}; off-topic follow-ups answered: ${f(report.offTopicAnswered)} of ${set.offTopic.length}`);
  const drop = report.standalone.alone - report.standalone.afterUnrelated;
  console.log(
    `  standalone (${report.standalone.n}): answered-and-right by the engine ${f(report.standalone.engine)}, ` +
      `through the conversation layer alone ${f(report.standalone.alone)}, after an unrelated turn ${f(report.standalone.afterUnrelated)} (drop ${f(drop)})`,
  );
  if (options.misses !== false && report.misses.length > 0) console.log(`  misses:\n    ${report.misses.join('\n    ')}`);
  const checks: Array<[string, boolean]> = [
    [`follow-ups answered-and-right ≥ ${FOLLOWUP_TARGETS.right}`, report.after.right >= FOLLOWUP_TARGETS.right],
    [`follow-ups confidently wrong ≤ ${FOLLOWUP_TARGETS.wrong}`, report.after.wrong <= FOLLOWUP_TARGETS.wrong],
    [`standalone drop after an unrelated turn ≤ ${FOLLOWUP_TARGETS.standaloneDrop}`, drop <= FOLLOWUP_TARGETS.standaloneDrop],
  ];
  for (const [name, pass] of checks) console.log(`  ${pass ? 'ok  ' : 'FAIL'} ${name}`);
  return checks.every(([, pass]) => pass);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const kb = await loadKnowledgeBase();
  process.exit(runFollowUpEval(kb, createAnswerer(kb)) ? 0 : 1);
}
