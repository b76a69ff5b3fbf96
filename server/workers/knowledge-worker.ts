/**
 * The worker thread behind the knowledge service: builds an index (and then answers through it)
 * or runs one batch import, so neither blocks the server's event loop.
 *
 *   serve:  load + validate the knowledge base, build the answerer, warm it up (before or after
 *           ready: WarmUp), post the records in chunks ({type:'records'}) and then
 *           {type:'ready', kb without records}, then answer calls arriving on `port` and
 *           `asyncPort` (see worker-answerer.ts).
 *   import: run importBatch once and post {type:'done', report}.
 *   analyse: analyse a share of an index build's texts and post {type:'done', analyses}
 *            (index-cache/parallel-analysis.ts).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ImportOptions } from '../kb/import-batch.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { buildCachedAnswerer } from '../index-cache/analysis-file.js';
import { analyseShare, type AnalyseJob } from '../index-cache/parallel-analysis.js';
import { createAnswerer } from '../search/answerer.js';
import type { Answerer } from '../search/types.js';
import type { KnowledgeBase } from '../kb/schema.js';

export type WorkerJob =
  | { kind: 'serve'; kbDir: string; indexCacheDir?: string; warmUp: WarmUp; port: MessagePort; asyncPort: MessagePort; state: SharedArrayBuffer }
  | { kind: 'import'; options: ImportOptions }
  | AnalyseJob;

/**
 * When the worker asks its index a few warm-up questions: 'before-ready' when an older index
 * serves meanwhile (a reload), so the first questions after the swap are not slowed;
 * 'after-ready' when nothing serves until this worker does (the first build, or the replacement
 * of a lost worker), so it serves sooner and warms up one question per task, between the calls
 * it answers. The full garbage collection after a build comes before serving either way.
 */
export type WarmUp = 'before-ready' | 'after-ready';

export interface CallRequest {
  method: string;
  args: unknown[];
}
export type CallReply = { ok: true; value: unknown } | { ok: false, message: string };
/** An asynchronous call (askAsync) and its reply, matched by id. */
export interface AsyncCallRequest extends CallRequest {
  id: number;
}
export type AsyncCallReply = CallReply & { id: number };

const job = workerData as WorkerJob;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The answerer's methods (ask, record, and whatever optional ones it has), forwarded by the proxy. */
function answererMethods(answerer: Answerer): string[] {
  const names = new Set<string>();
  for (let o: object | null = answerer; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (name !== 'constructor' && d && typeof d.value === 'function') names.add(name);
    }
  }
  return [...names];
}

async function serve(j: Extract<WorkerJob, { kind: 'serve' }>): Promise<void> {
  const started = performance.now();
  const kb = await loadKnowledgeBase(j.kbDir);
  // The same build as the main thread's (app.ts), analysis cache included when configured.
  let saving: Promise<void> | undefined;
  const answerer: Answerer = j.indexCacheDir
    ? await buildCachedAnswerer(kb, { kbDir: j.kbDir, dir: j.indexCacheDir, saving: (write) => (saving = write) })
    : createAnswerer(kb);
  // Nothing waits on this thread yet: the analysis cache is written before it starts answering.
  await saving;
  if (j.warmUp === 'before-ready') for (const question of warmUpQuestions(kb)) answerer.ask({ question });
  // Before serving in either case: one major collection at 100,000 records is a pause of
  // hundreds of ms, which must not land on a request.
  collectGarbage();
  const state = new Int32Array(j.state);
  const run = (req: CallRequest): CallReply => {
    try {
      const fn = (answerer as unknown as Record<string, (...a: unknown[]) => unknown>)[req.method];
      if (typeof fn !== 'function') throw new Error(`the answerer has no ${req.method}()`);
      return { ok: true, value: fn.apply(answerer, req.args) };
    } catch (err) {
      return { ok: false, message: errorMessage(err) };
    }
  };
  // Asynchronous calls have a port of their own: a synchronous caller reads its reply straight
  // off `port` and must never find another call's reply there.
  j.asyncPort.on('message', (req: AsyncCallRequest) => j.asyncPort.postMessage({ ...run(req), id: req.id } satisfies AsyncCallReply));
  j.port.on('message', (req: CallRequest) => {
    j.port.postMessage(run(req));
    // The reply is queued before the flag flips, so the waiting thread always finds it.
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
  });
  // The records go over in chunks: each message is deserialized in a task of its own on the
  // server's event loop, so requests keep being answered in between (one message of 6,700
  // records held the loop for ~0.2 s, more on a busy machine).
  for (let i = 0; i < kb.records.length; i += RECORDS_PER_MESSAGE) {
    parentPort!.postMessage({ type: 'records', records: kb.records.slice(i, i + RECORDS_PER_MESSAGE) });
  }
  parentPort!.postMessage({ type: 'ready', kb: { ...kb, records: [] }, size: answerer.size, methods: answererMethods(answerer), ms: performance.now() - started });
  if (j.warmUp === 'after-ready') warmUpBetweenCalls(answerer, warmUpQuestions(kb));
}

/** One warm-up question per task: a call arriving meanwhile waits for one question at most. */
function warmUpBetweenCalls(answerer: Answerer, questions: string[]): void {
  const next = (i: number) => {
    if (i === questions.length) return;
    answerer.ask({ question: questions[i]! });
    setImmediate(next, i + 1);
  };
  setImmediate(next, 0);
}

const RECORDS_PER_MESSAGE = 250;

/**
 * A full collection before serving: a build leaves hundreds of MB of garbage, and the first
 * major collection otherwise lands on the first questions after the swap (the server waited
 * ~250 ms on one at 6,700 records). gc() is reachable without --expose-gc on the command line
 * through a fresh vm context once the flag is set.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * The first questions through a new index pay for unoptimised code and lazily built tables
 * (about 100 ms at 5,000 records); a few questions warm them up: records' own questions, spread
 * over the knowledge base.
 */
function warmUpQuestions(kb: KnowledgeBase): string[] {
  const out: string[] = [];
  const step = Math.max(1, Math.floor(kb.records.length / 8));
  for (let i = 0; i < kb.records.length; i += step) {
    const r = kb.records[i]!;
    out.push(r.question.th);
    if (r.question.en) out.push(r.question.en);
  }
  return out;
}

async function runImport(j: Extract<WorkerJob, { kind: 'import' }>): Promise<void> {
  const options = { ...j.options, ...(j.options.content ? { content: Buffer.from(j.options.content) } : {}) };
  // Loaded here, not at the top: a serving worker never imports, and the importer's code
  // (document formats, merging, duplicate search) is a third of the worker's to compile.
  const { importBatch } = await import('../kb/import-batch.js');
  const report = await importBatch(options);
  parentPort!.postMessage({ type: 'done', report });
}

async function run(j: WorkerJob): Promise<void> {
  if (j.kind === 'serve') return serve(j);
  if (j.kind === 'import') return runImport(j);
  // Transferred, not copied: at 100,000 records a share's analyses are tens of MB.
  const analyses = analyseShare(j);
  parentPort!.postMessage({ type: 'done', analyses }, [analyses.data.buffer as ArrayBuffer]);
}

run(job).catch((err: unknown) => {
  parentPort!.postMessage({ type: 'error', message: errorMessage(err) });
});
