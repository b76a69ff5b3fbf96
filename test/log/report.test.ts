import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeLog } from '../../server/log/report.js';
import { clusterBySimilarity, jaccard, trigrams } from '../../server/log/trigram.js';

const fixture = path.join(import.meta.dirname, 'fixtures', 'questions.jsonl');
const run = promisify(execFile);
const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
const script = path.join(import.meta.dirname, '..', '..', 'scripts', 'kb-report.ts');

describe('trigram similarity', () => {
  it.each([
    ['สูตรต้มยำกุ้ง', 'สูตรต้มยํากุ้ง', 1],
    ['e-Service', 'e service', 1],
    ['ข้อ ๑๔', 'ข้อ 14', 1],
  ])('treats %s and %s as the same after normalizing', (a, b, expected) => {
    expect(jaccard(trigrams(a), trigrams(b))).toBe(expected);
  });

  it('scores unrelated questions low', () => {
    expect(jaccard(trigrams('สูตรต้มยำกุ้ง'), trigrams('data catalog กี่ชุด'))).toBeLessThan(0.1);
  });

  it('clusters greedily around the first member', () => {
    const clusters = clusterBySimilarity(['renew passport', 'renew my passport', 'pmqa deadline'], (s) => s, 0.5);
    expect(clusters.map((c) => c.members.length)).toEqual([2, 1]);
  });
});

describe('analyzeLog', () => {
  it('groups unanswered and low-confidence questions, lists negative feedback and bad lines', async () => {
    const report = analyzeLog(await readFile(fixture, 'utf8'));
    expect(report.questions).toBe(8);
    expect(report.feedback).toBe(3);
    expect(report.unanswered[0]).toMatchObject({ count: 4, example: 'สูตรต้มยำกุ้ง' });
    expect(report.unanswered[1]).toMatchObject({ count: 2 });
    expect(report.unanswered[1]!.example).toMatch(/passport/);
    expect(report.lowConfidence).toEqual([expect.objectContaining({ count: 1, example: 'e-service ใช้งานบริการเดิมได้ไหม' })]);
    expect(report.negativeFeedback).toEqual([{ recordId: 'fy2565-potential-base/e-service/14', count: 2, comments: ['ไม่ตอบเรื่องปี 2566'] }]);
    expect(report.badLines.map((b) => b.line)).toEqual([5, 11, 14]);
  });
});

describe('kb-report CLI', () => {
  it('prints the report and names bad lines by number', async () => {
    const { stdout, stderr } = await run(tsx, [script, '--log', fixture]);
    expect(stdout).toContain('Unanswered (6 questions in 2 groups)');
    expect(stdout).toContain('4 × สูตรต้มยำกุ้ง');
    expect(stdout).toContain('2 × fy2565-potential-base/e-service/14');
    expect(stderr).toContain(`${fixture}:5: not valid JSON`);
    expect(stderr).toContain(`${fixture}:11: unexpected entry`);
  });

  it('exits 1 with a clear message when the log is missing', async () => {
    const missing = path.join(import.meta.dirname, 'fixtures', 'nope.jsonl');
    const err = await run(tsx, [script, '--log', missing]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain(`${missing}: no question log here yet`);
  });
});
