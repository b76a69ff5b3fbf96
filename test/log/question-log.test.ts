import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createQuestionLog, hashUserId } from '../../server/log/question-log.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('question log', () => {
  it('appends one JSON line per question and feedback, flushed on close', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qlog-'));
    const file = path.join(dir, 'nested', 'questions.jsonl');
    const log = createQuestionLog(file);
    log.question({ channel: 'web', question: 'e-service คืออะไร', lang: 'th', answered: true, topId: 'a/b/1', score: 0.8, latencyMs: 1.2 });
    log.feedback({ channel: 'api', recordId: 'a/b/1', question: 'e-service คืออะไร', helpful: false, comment: 'ไม่ตรง' });
    await log.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ type: 'question', channel: 'web', question: 'e-service คืออะไร', answered: true, topId: 'a/b/1', score: 0.8 });
    expect(new Date(lines[0].time).toString()).not.toBe('Invalid Date');
    expect(lines[1]).toMatchObject({ type: 'feedback', recordId: 'a/b/1', helpful: false, comment: 'ไม่ตรง' });
  });

  it('appends to an existing log instead of replacing it', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qlog-'));
    const file = path.join(dir, 'q.jsonl');
    for (const q of ['one', 'two']) {
      const log = createQuestionLog(file);
      log.question({ channel: 'api', question: q, lang: 'en', answered: false, latencyMs: 0 });
      await log.close();
    }
    expect((await readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
  });

  it('writes nothing when off', async () => {
    const log = createQuestionLog(null);
    log.question({ channel: 'api', question: 'x', lang: 'en', answered: false, latencyMs: 0 });
    await expect(log.close()).resolves.toBeUndefined();
  });

  it('survives an unwritable path, warning once', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'qlog-'));
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const warnings: unknown[] = [];
    const log = createQuestionLog(path.join(blocker, 'sub', 'q.jsonl'), { warn: (o) => warnings.push(o) });
    log.question({ channel: 'api', question: 'x', lang: 'en', answered: false, latencyMs: 0 });
    log.question({ channel: 'api', question: 'y', lang: 'en', answered: false, latencyMs: 0 });
    await log.close();
    expect(warnings).toHaveLength(1);
  });
});

describe('hashUserId', () => {
  it('is a stable salted SHA-256 that does not contain the id', () => {
    const h = hashUserId('U4af4980629', 'salt-a');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashUserId('U4af4980629', 'salt-a'));
    expect(h).not.toBe(hashUserId('U4af4980629', 'salt-b'));
    expect(h).not.toContain('U4af4980629');
  });
});
