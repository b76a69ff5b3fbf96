import { afterEach, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../server/knowledge-service.js';
import { createAnswerer } from '../../server/search/answerer.js';
import { buildInWorker, IndexUnavailableError } from '../../server/workers/worker-answerer.js';
import { createFixtureKb } from '../support/fixture-kb.js';

type FixtureKb = Awaited<ReturnType<typeof createFixtureKb>>;

let kb: FixtureKb | undefined;
let service: KnowledgeService | undefined;
afterEach(async () => {
  await service?.close();
  await kb?.cleanup();
  service = kb = undefined;
});

describe('knowledge service building in a worker thread', () => {
  it('answers through the worker exactly as the same answerer built on the main thread', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer, buildInWorker: true });
    const outcome = await service.reload();
    expect(outcome.ok).toBe(true);
    const snapshot = service.current()!;
    const local = createAnswerer(snapshot.kb);
    const query = { question: 'e-service ใช้บริการเดิมได้ไหม', limit: 3 };
    expect(snapshot.answerer.ask(query)).toEqual(local.ask(query));
    expect(await snapshot.answerer.askAsync!(query)).toEqual(local.ask(query));
    expect(snapshot.answerer.size).toBe(local.size);
    const id = snapshot.kb.records[0]!.id;
    expect(snapshot.answerer.record(id, 'th')).toEqual(local.record(id, 'th'));
    expect(snapshot.answerer.record('no/such/1')).toBeUndefined();
  });

  it('keeps serving the old index when a reload fails, and reports the error', async () => {
    kb = await createFixtureKb();
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer, buildInWorker: true });
    await service.reload();
    const { writeFile } = await import('node:fs/promises');
    const path = await import('node:path');
    await writeFile(path.join(kb.dir, 'documents', 'broken.json'), '{ not json');
    const outcome = await service.reload();
    expect(outcome.ok).toBe(false);
    expect(service.lastReloadError()?.message).toMatch(/broken\.json|JSON/);
    expect(service.current()!.version).toBe(1);
    expect(service.current()!.answerer.ask({ question: 'e-service ใช้บริการเดิมได้ไหม' }).answers.length).toBeGreaterThan(0);
  });

  it('replaces a worker that dies while serving: calls fail at once, then a new worker answers', async () => {
    kb = await createFixtureKb();
    const first = buildInWorker(kb.dir);
    service = createKnowledgeService({ kbDir: kb.dir, createAnswerer, buildInWorker: true, firstBuild: first });
    expect((await service.reload()).ok).toBe(true);
    const crashed = service.current()!;
    const build = await first;
    await build.worker.terminate();
    await expect(build.lost).resolves.toMatch(/exited/);
    // Not ready (health/ready 503) until the replacement serves.
    expect(service.lastReloadError()?.message).toMatch(/index worker was lost/);
    // No ten-second wait for a reply that cannot come.
    expect(() => crashed.answerer.ask({ question: 'e-service ใช้บริการเดิมได้ไหม' })).toThrow(/index worker stopped/);
    const deadline = Date.now() + 60_000;
    while (service.current()!.version === crashed.version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(service.current()!.version).toBe(crashed.version + 1);
    expect(service.lastReloadError()).toBeUndefined();
    expect(service.current()!.answerer.ask({ question: 'e-service ใช้บริการเดิมได้ไหม' }).answers.length).toBeGreaterThan(0);
  }, 90_000);

  it('serves at once when it warms up after it is ready, with the answers of a warmed-up index, calls in between', async () => {
    kb = await createFixtureKb();
    const [early, warmed] = await Promise.all([buildInWorker(kb.dir, { warmUp: 'after-ready' }), buildInWorker(kb.dir, { warmUp: 'before-ready' })]);
    try {
      const questions = ['e-service ใช้บริการเดิมได้ไหม', 'ต้องส่งรายงานเมื่อไหร่', 'How are data catalogs assessed?'];
      // Asked while the early worker is still warming up: its warm-up questions run between these calls.
      const answers = await Promise.all(questions.map((question) => early.answerer.askAsync!({ question })));
      expect(answers).toEqual(questions.map((question) => warmed.answerer.ask({ question })));
      expect(early.answerer.ask({ question: questions[0]! })).toEqual(answers[0]);
    } finally {
      await Promise.all([early.dispose(), warmed.dispose()]);
    }
  }, 60_000);

  it('gives up on a call the worker does not answer in time, synchronous or not, as index unavailable, and stops the worker', async () => {
    kb = await createFixtureKb();
    const question = 'e-service ใช้บริการเดิมได้ไหม';
    // With a 0 ms timeout nearly every call times out; a timeout only bounds the wait from below,
    // so on a busy machine the worker may still answer a call first, and the next call is tried.
    const firstFailure = async (call: () => Promise<unknown>): Promise<unknown> => {
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await call();
        } catch (err) {
          return err;
        }
      }
      return undefined;
    };
    const build = await buildInWorker(kb.dir, { callTimeoutMs: 0 });
    expect(await firstFailure(async () => build.answerer.ask({ question }))).toBeInstanceOf(IndexUnavailableError);
    await expect(build.lost).resolves.toMatch(/did not answer within 0 s/);
    await expect(build.answerer.askAsync!({ question })).rejects.toBeInstanceOf(IndexUnavailableError);
    const slow = await buildInWorker(kb.dir, { callTimeoutMs: 0 });
    expect(await firstFailure(() => slow.answerer.askAsync!({ question }))).toBeInstanceOf(IndexUnavailableError);
    await expect(slow.lost).resolves.toMatch(/did not answer/);
  }, 60_000);

  it('does not report a worker disposed on purpose as lost', async () => {
    kb = await createFixtureKb();
    const build = await buildInWorker(kb.dir);
    let lost = false;
    void build.lost.then(() => (lost = true));
    await build.dispose();
    await new Promise((r) => setTimeout(r, 100));
    expect(lost).toBe(false);
  }, 60_000);
});
