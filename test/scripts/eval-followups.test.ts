import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateFollowUps, readFollowUpSet, type FollowUpReport } from '../../scripts/eval-followups.js';
import { loadKnowledgeBase } from '../../server/kb/load.js';
import { createAnswerer } from '../../server/search/answerer.js';

/**
 * Guards the follow-up evaluation against regressions: floors a little below what was measured
 * (with the engine of the core merge: answered-and-right 0.842, confidently wrong 0.035, no
 * standalone drop; each later turn alone: 0.667 and 0.193). The targets are reported by
 * `npm run eval`; these catch a change that loses much of the gain. After the vocabulary round
 * (scoring refitted on dev): right 0.842, wrong 0.070 (4 of 57; three of them are "and when is
 * it due?" after a Template 3 turn, the deadline sitting in an overview record, an engine
 * weakness of issue 10), off-topic follow-ups 0 of 8.
 */
let report: FollowUpReport;
beforeAll(async () => {
  const kb = await loadKnowledgeBase();
  const set = readFollowUpSet(undefined, new Set(kb.records.map((r) => r.id)));
  report = evaluateFollowUps(kb, createAnswerer(kb), set);
}, 120_000);

describe('follow-up evaluation', () => {
  it('has at least 40 conversations of two or three turns over known records', () => {
    const set = readFollowUpSet();
    expect(set.conversations.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.conversations.map((c) => c.lang))).toEqual(new Set(['th', 'en']));
    expect(new Set(set.conversations.map((c) => c.id)).size).toBe(set.conversations.length);
  });

  it('answers follow-ups right far more often with history than without', () => {
    expect(report.after.right).toBeGreaterThanOrEqual(0.8);
    expect(report.after.right - report.before.right).toBeGreaterThanOrEqual(0.15);
  });

  it('is rarely confidently wrong on follow-ups', () => {
    expect(report.after.wrong).toBeLessThanOrEqual(0.075);
    expect(report.after.wrong).toBeLessThan(report.before.wrong);
  });

  it('does not answer follow-ups that have no history, nor off-topic ones after an in-scope turn', () => {
    expect(report.orphansAnswered).toBe(0);
    // Measured 0 (0.125 with the earlier engine, which answered "and my annual leave?" alone too).
    expect(report.offTopicAnswered).toBeLessThanOrEqual(0.125);
  });

  it('answers standalone questions as well after an unrelated turn as alone, and as well as the engine', () => {
    expect(report.standalone.alone - report.standalone.afterUnrelated).toBeLessThanOrEqual(0.02);
    expect(report.standalone.alone).toBeGreaterThanOrEqual(report.standalone.engine - 0.005);
  });
});
