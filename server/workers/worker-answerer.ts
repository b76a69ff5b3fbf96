import { MessageChannel, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { KnowledgeBase } from '../kb/schema.js';
import type { Answerer } from '../search/types.js';
import { spawnWorker } from './spawn.js';
import type { AsyncCallReply, AsyncCallRequest, CallReply, CallRequest, WarmUp, WorkerJob } from './knowledge-worker.js';

export interface WorkerBuild {
  kb: KnowledgeBase;
  answerer: Answerer;
  /** The thread itself (tests stop it to play a crash). */
  worker: Worker;
  /**
   * Settles with the reason when the worker is lost while serving: it exited or crashed, or a
   * call timed out (the worker is then stopped). Calls fail at once from then on. Never settles
   * after dispose().
   */
  lost: Promise<string>;
  /** Stops the worker; calls on `answerer` fail afterwards. */
  dispose(): Promise<void>;
}

/** A call to a worker that is gone: the server answers 503 while the knowledge service replaces it. */
export class IndexUnavailableError extends Error {
  constructor(reason: string) {
    super(`the index worker stopped: ${reason}`);
    this.name = 'IndexUnavailableError';
  }
}

/**
 * A call that takes longer than this means the worker is stuck: the request gets an error and
 * the worker is stopped, so that only one request ever waits this long (the knowledge service
 * then builds a new one).
 */
const CALL_TIMEOUT_MS = 10_000;

/**
 * Loads the knowledge base and builds its index in a worker thread; the main thread keeps
 * serving from the previous snapshot meanwhile. The returned answerer forwards each call to
 * that worker: synchronously (Atomics.wait + receiveMessageOnPort), so the Answerer interface
 * stays synchronous for in-process callers, and `askAsync` on a port of its own, which leaves
 * the event loop free while the worker searches (the routes and LINE use it).
 * Only the knowledge base (plain data, for the records and documents routes) is copied back.
 */
export interface BuildInWorkerOptions {
  /** Folder of the analysis cache; none when undefined. */
  indexCacheDir?: string;
  /** Default 'before-ready': right when an older index keeps serving during the build (WarmUp). */
  warmUp?: WarmUp;
  /** A call unanswered this long means the worker is stuck (default 10,000 ms). */
  callTimeoutMs?: number;
}

export function buildInWorker(kbDir: string, options: BuildInWorkerOptions = {}): Promise<WorkerBuild> {
  const { port1, port2 } = new MessageChannel();
  const asyncChannel = new MessageChannel();
  const state = new SharedArrayBuffer(4);
  const flag = new Int32Array(state);
  const job: WorkerJob = { kind: 'serve', kbDir, indexCacheDir: options.indexCacheDir, warmUp: options.warmUp ?? 'before-ready', port: port2, asyncPort: asyncChannel.port2, state };
  const worker: Worker = spawnWorker('knowledge-worker', { workerData: job, transferList: [port2, asyncChannel.port2] });
  const timeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
  const timedOut = `it did not answer within ${timeoutMs / 1000} s`;
  let dead: string | undefined;
  let markLost: (reason: string) => void = () => {};
  const lost = new Promise<string>((resolve) => (markLost = resolve));
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void; timer: NodeJS.Timeout }>();
  let nextId = 0;
  const failPending = (reason: string) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(new IndexUnavailableError(reason));
    }
    pending.clear();
  };
  const loseWorker = (reason: string) => {
    if (dead) return;
    dead = reason;
    markLost(reason);
    failPending(reason);
    void worker.terminate();
  };

  asyncChannel.port1.on('message', (reply: AsyncCallReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.message));
  });
  // Waiting replies must not keep a finished process alive; the timers below are unref'd too.
  asyncChannel.port1.unref();

  /** A call that leaves this thread free while the worker answers (askAsync). */
  function callAsync(method: string, args: unknown[]): Promise<unknown> {
    if (dead) return Promise.reject(new IndexUnavailableError(dead));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => loseWorker(timedOut), timeoutMs).unref();
      pending.set(id, { resolve, reject, timer });
      asyncChannel.port1.postMessage({ id, method, args } satisfies AsyncCallRequest);
    });
  }

  function call(method: CallRequest['method'], args: unknown[]): unknown {
    if (dead) throw new IndexUnavailableError(dead);
    Atomics.store(flag, 0, 0);
    port1.postMessage({ method, args } satisfies CallRequest);
    if (Atomics.wait(flag, 0, 0, timeoutMs) === 'timed-out') {
      loseWorker(timedOut);
      // The same error as the asynchronous path's: a 503 with Retry-After, not a 500.
      throw new IndexUnavailableError(timedOut);
    }
    const message = receiveMessageOnPort(port1);
    if (!message) throw new Error('the index worker answered nothing');
    const reply = message.message as CallReply;
    if (!reply.ok) throw new Error(reply.message);
    return reply.value;
  }

  return new Promise<WorkerBuild>((resolve, reject) => {
    const records: KnowledgeBase['records'] = [];
    const onMessage = (msg: { type: string; kb?: KnowledgeBase; records?: KnowledgeBase['records']; size?: number; methods?: string[]; message?: string }) => {
      if (msg.type === 'records') {
        for (const r of msg.records!) records.push(r);
        return;
      }
      worker.off('message', onMessage);
      if (msg.type !== 'ready') {
        void worker.terminate();
        reject(new Error(msg.message ?? 'index worker failed'));
        return;
      }
      // A serving worker must not keep a finished process (a script, a test) alive.
      worker.unref();
      const proxy: Record<string, unknown> = { size: msg.size! };
      for (const name of msg.methods ?? []) proxy[name] = (...args: unknown[]) => call(name, args);
      proxy.askAsync = (query: unknown) => callAsync('ask', [query]);
      const answerer = proxy as unknown as Answerer;
      resolve({
        kb: { ...msg.kb!, records },
        answerer,
        worker,
        lost,
        async dispose() {
          dead = 'replaced by a newer index';
          failPending(dead);
          port1.close();
          asyncChannel.port1.close();
          await worker.terminate();
        },
      });
    };
    worker.on('message', onMessage);
    worker.once('error', (err) => {
      loseWorker(`it failed: ${err.message}`);
      reject(err);
    });
    worker.once('exit', (code) => {
      loseWorker(`it exited with code ${code}`);
      // A no-op once the build was delivered.
      reject(new Error(`index worker exited with code ${code} before it was ready`));
    });
  });
}
