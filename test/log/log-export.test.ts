import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'opdc-export-'));
  const file = path.join(dir, 'store.sqlite');
  env = { ...process.env, STORE_FILE: file, DATABASE_URL: '' };
  const store = createSqliteStore({ file });
  await store.migrate();
  await store.appendQuestions([
    { channel: 'web', question: 'สูตรต้มยำกุ้ง', lang: 'th', outcome: 'none', latencyMs: 1, time: new Date('2026-01-01T00:00:00Z') },
    { channel: 'web', question: 'สูตรต้มยำกุ้ง', lang: 'th', outcome: 'none', latencyMs: 1, time: new Date('2026-01-02T00:00:00Z') },
    { channel: 'api', question: 'สวัสดี', lang: 'th', outcome: 'smalltalk', latencyMs: 1, time: new Date('2026-01-03T00:00:00Z') },
  ]);
  await store.addFeedback({ recordId: 'r/1', question: 'q', helpful: false, comment: 'ผิดปี', channel: 'web', time: new Date('2026-01-04T00:00:00Z') });
  await store.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('log:export and kb:report over the store', () => {
  it('exports questions and feedback as JSON lines, oldest first', async () => {
    const out = path.join(dir, 'export.jsonl');
    const { stderr } = await run(tsx, [path.join(root, 'scripts', 'log-export.ts'), '--out', out], { env });
    expect(stderr).toContain('3 questions and 1 feedback entries written');
    const lines = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['question', 'question', 'question', 'feedback']);
    expect(lines[0]).toMatchObject({ question: 'สูตรต้มยำกุ้ง', outcome: 'none', time: '2026-01-01T00:00:00.000Z' });
    // The export reads back into the report.
    const report = await run(tsx, [path.join(root, 'scripts', 'kb-report.ts'), '--log', out, '--json'], { env });
    expect(JSON.parse(report.stdout)).toMatchObject({ questions: 3, feedback: 1, unanswered: [{ count: 2, example: 'สูตรต้มยำกุ้ง' }] });
  });

  it('reports straight from the store, leaving small talk out of the unanswered', async () => {
    const { stdout } = await run(tsx, [path.join(root, 'scripts', 'kb-report.ts')], { env });
    expect(stdout).toContain('3 questions, 1 feedback entries');
    expect(stdout).toContain('Unanswered (2 questions in 1 groups)');
    expect(stdout).toContain('"ผิดปี"');
    expect(stdout).not.toContain('สวัสดี');
  });

  it('rejects a bad date naming the option', async () => {
    const err = await run(tsx, [path.join(root, 'scripts', 'log-export.ts'), '--since', 'yesterday'], { env }).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('--since must be a date');
  });
});
