import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A worker that stops only when the test says so. */
class FakeWorker extends EventEmitter {
  stopped = false;
  private stop!: () => void;
  readonly terminate = vi.fn(() => new Promise<number>((resolve) => (this.stop = () => ((this.stopped = true), resolve(1)))));
  finishStopping() {
    this.stop();
  }
}

let worker: FakeWorker;
vi.mock('../../server/workers/spawn.js', () => ({ spawnWorker: () => (worker = new FakeWorker()) }));
const { runWorkerJob } = await import('../../server/workers/run-job.js');

const job = { kind: 'analyse', glossary: { concepts: [] }, lexicon: [], engine: 'wordcut', version: 'v', texts: ['ข้อความ'] } as unknown as Parameters<typeof runWorkerJob>[0];
const tick = () => new Promise((r) => setImmediate(r));

describe('runWorkerJob', () => {
  afterEach(() => vi.clearAllMocks());

  it('resolves with the done message only once the worker thread has stopped', async () => {
    let result: unknown;
    const running = runWorkerJob(job).then((r) => (result = r));
    worker.emit('message', { type: 'done', analyses: 1 });
    await tick();
    expect(worker.terminate).toHaveBeenCalledOnce();
    expect(result).toBeUndefined();
    worker.finishStopping();
    await running;
    expect(worker.stopped).toBe(true);
    expect(result).toEqual({ type: 'done', analyses: 1 });
  });

  it("rejects with the worker's error message after it has stopped", async () => {
    const running = runWorkerJob(job);
    worker.emit('message', { type: 'error', message: 'analysis failed: bad glossary' });
    worker.finishStopping();
    await expect(running).rejects.toThrow('analysis failed: bad glossary');
    expect(worker.stopped).toBe(true);
  });

  it('rejects when the thread exits without a message', async () => {
    const running = runWorkerJob(job);
    worker.emit('exit', 3);
    await expect(running).rejects.toThrow('analyse worker exited with code 3');
  });
});
