import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getHeapSpaceStatistics } from 'node:v8';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startFakeLineServer, type FakeLineServer } from '../test/support/fake-line-server.js';
import { ROOT } from './bench/child.js';
import { findGc, settledHeap } from './bench/gc.js';
import { Histogram } from './bench/histogram.js';
import { machineInfo, type MachineInfo } from './bench/machine.js';
import { createRequestFactory, type PlannedRequest } from './bench/soak-requests.js';
import { MB, round } from './bench/stats.js';

/**
 * Soak test: the real app on 127.0.0.1 (port 0) over the real knowledge base, LINE enabled
 * against a local fake LINE API, under sustained mixed load for N seconds. Counts every status,
 * treats any 5xx, wrong status, broken body, network error, LINE webhook answer slower than
 * LINE's 2 s, or LINE reply that is missing, duplicated or malformed as unexpected, and
 * compares heap (after gc) between the end of a warm-up phase and the end of the run.
 *
 * `npm run soak -- --seconds 60 [--concurrency 12]`; exits 1 on any unexpected error or heap
 * growth over 20%. Writes bench-results/soak-latest.{json,md}.
 */

export interface SoakOptions {
  /** Length of the measured phase; 1-3600. */
  seconds?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Warm-up before the start heap is taken; default min(5, seconds / 4). */
  warmupSeconds?: number;
  /** Knowledge base to serve; the repository's kb/ by default. */
  kbDir?: string;
  /** Extra environment for the app's config, e.g. { ANSWER_CACHE: '0' }. */
  env?: Record<string, string>;
  /** Allowed heap growth, start to end, as a fraction. */
  heapGrowthLimit?: number;
  log?: (message: string) => void;
}

export interface KindStats {
  requests: number;
  unexpected: number;
  p50Ms: number;
  p99Ms: number;
}

export interface SoakReport {
  seconds: number;
  concurrency: number;
  requests: number;
  requestsPerSec: number;
  statusCounts: Record<string, number>;
  byKind: Record<string, KindStats>;
  latencyMs: { p50: number; p99: number; max: number };
  line: { events: number; replies: number; missing: number; duplicate: number; malformed: number };
  unexpected: { count: number; samples: string[] };
  heap: {
    checked: boolean;
    startMb: number;
    endMb: number;
    growth: number;
    limit: number;
    /** Growth per V8 heap space, MB: code space growing is JIT output, old space growing is data kept. */
    spaceGrowthMb: Record<string, number>;
  };
  /** True when there was no unexpected error and the heap stayed within the limit. */
  ok: boolean;
}

const MAX_SAMPLES = 20;
/** Hard ceiling on requests per second of run, so a misbehaving loop cannot run away. */
const MAX_RATE = 50_000;
const LINE_TEXT_LIMIT = 5000;

class Tally {
  readonly all = new Histogram();
  readonly kinds = new Map<string, { h: Histogram; unexpected: number }>();
  readonly status = new Map<string, number>();
  unexpected = 0;
  readonly samples: string[] = [];

  record(kind: string, status: string, ms: number): void {
    this.all.record(ms);
    let k = this.kinds.get(kind);
    if (!k) this.kinds.set(kind, (k = { h: new Histogram(), unexpected: 0 }));
    k.h.record(ms);
    this.status.set(status, (this.status.get(status) ?? 0) + 1);
  }

  problem(kind: string, message: string): void {
    this.unexpected++;
    const k = this.kinds.get(kind);
    if (k) k.unexpected++;
    if (this.samples.length < MAX_SAMPLES) this.samples.push(`${kind}: ${message}`);
  }

  reset(): void {
    this.all.reset();
    for (const k of this.kinds.values()) {
      k.h.reset();
      k.unexpected = 0;
    }
    this.status.clear();
    this.unexpected = 0;
    this.samples.length = 0;
  }
}

/**
 * Reply tokens are `soak-reply-<n>`: a byte per event counts replies. The bytes live in an
 * ArrayBuffer, outside the V8 heap the soak checks for growth, and the array doubles as needed.
 */
class ReplyLedger {
  private replies = new Uint8Array(4096);
  private readonly outstanding = new Set<number>();
  events = 0;
  received = 0;
  duplicate = 0;
  malformed = 0;
  readonly problems: string[] = [];

  constructor(private readonly accessToken: string) {}

  expect(token: string): void {
    const id = Number(token.slice('soak-reply-'.length));
    while (id >= this.replies.length) {
      const bigger = new Uint8Array(this.replies.length * 2);
      bigger.set(this.replies);
      this.replies = bigger;
    }
    this.events++;
    this.outstanding.add(id);
  }

  /** The webhook call itself failed, so no reply is owed for it (the failure is counted there). */
  forget(token: string): void {
    this.events--;
    this.outstanding.delete(Number(token.slice('soak-reply-'.length)));
  }

  drain(fake: FakeLineServer): void {
    const calls = fake.calls.splice(0);
    for (const call of calls) {
      if (call.path !== '/v2/bot/message/reply') {
        this.note(`unexpected LINE API call ${call.method} ${call.path}`);
        continue;
      }
      const body = call.body as { replyToken?: unknown; messages?: unknown } | undefined;
      const id = typeof body?.replyToken === 'string' ? Number(body.replyToken.slice('soak-reply-'.length)) : NaN;
      if (!Number.isInteger(id) || id < 1 || id >= this.replies.length) {
        this.note(`reply with unknown token ${JSON.stringify(body?.replyToken)}`);
        continue;
      }
      this.received++;
      this.replies[id] = Math.min(255, this.replies[id]! + 1);
      if (this.replies[id]! > 1) {
        this.duplicate++;
        this.note(`second reply for token soak-reply-${id}`);
      }
      this.outstanding.delete(id);
      const messages = body?.messages;
      const badMessages =
        !Array.isArray(messages) ||
        messages.length < 1 ||
        messages.length > 5 ||
        messages.some((m: { type?: unknown; text?: unknown }) => m?.type === 'text' && (typeof m.text !== 'string' || m.text.length === 0 || m.text.length > LINE_TEXT_LIMIT));
      if (badMessages || call.headers.authorization !== `Bearer ${this.accessToken}`) {
        this.malformed++;
        this.note(`malformed reply for soak-reply-${id}: ${badMessages ? 'messages break LINE limits' : 'wrong Authorization header'}`);
      }
    }
  }

  missing(): number {
    return this.outstanding.size;
  }

  reset(): void {
    this.events = this.outstanding.size;
    this.received = 0;
    this.duplicate = 0;
    this.malformed = 0;
    this.problems.length = 0;
  }

  private note(message: string): void {
    if (this.problems.length < MAX_SAMPLES) this.problems.push(message);
  }
}

async function send(base: string, req: PlannedRequest, tally: Tally, ledger: ReplyLedger): Promise<void> {
  if (req.replyToken) ledger.expect(req.replyToken);
  const started = performance.now();
  let status: number;
  let text: string;
  try {
    const res = await fetch(base + req.path, { method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(10_000) });
    status = res.status;
    text = await res.text();
  } catch (err) {
    tally.record(req.kind, 'network error', performance.now() - started);
    tally.problem(req.kind, `network error: ${(err as Error).message}`);
    if (req.replyToken) ledger.forget(req.replyToken);
    return;
  }
  const ms = performance.now() - started;
  tally.record(req.kind, String(status), ms);
  if (req.deadlineMs !== undefined && ms > req.deadlineMs) tally.problem(req.kind, `took ${Math.round(ms)} ms, over the ${req.deadlineMs} ms deadline`);
  if (status !== req.expect) {
    tally.problem(req.kind, `status ${status}, expected ${req.expect}: ${text.slice(0, 200)}`);
    if (req.replyToken) ledger.forget(req.replyToken);
    return;
  }
  if (!req.check) return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    tally.problem(req.kind, `status ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
    return;
  }
  const problem = req.check(body);
  if (problem) tally.problem(req.kind, `status ${status}, body breaks the contract: ${problem}`);
}

function spaceUsage(): Record<string, number> {
  return Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
}

/** `concurrency` loops, each sending the next planned request until the deadline or the cap. */
async function drive(base: string, next: () => PlannedRequest | undefined, concurrency: number, tally: Tally, ledger: ReplyLedger): Promise<void> {
  const loop = async () => {
    for (let req = next(); req; req = next()) await send(base, req, tally, ledger);
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
}

export async function runSoak(options: SoakOptions = {}): Promise<SoakReport> {
  const seconds = options.seconds ?? 20;
  const concurrency = options.concurrency ?? 12;
  const warmupSeconds = options.warmupSeconds ?? Math.min(5, seconds / 4);
  const heapGrowthLimit = options.heapGrowthLimit ?? 0.2;
  const log = options.log ?? (() => {});
  if (!(seconds >= 1 && seconds <= 3600)) throw new Error(`soak: seconds must be between 1 and 3600, not ${seconds}`);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new Error(`soak: concurrency must be a whole number from 1 to 64, not ${concurrency}`);

  const gc = findGc();
  const fake = await startFakeLineServer();
  const logDir = await mkdtemp(path.join(tmpdir(), 'opdc-soak-'));
  const secret = `soak-secret-${process.pid}-${Date.now()}`;
  const accessToken = `soak-token-${process.pid}`;
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    ...(options.kbDir ? { KB_DIR: options.kbDir } : {}),
    QUESTION_LOG: path.join(logDir, 'questions.jsonl'),
    LOG_SALT: 'soak-salt-0123456789',
    // One client address sends everything here; rate limiting would turn the soak into a 429 test.
    RATE_LIMIT_MAX: '0',
    KB_WATCH: 'off',
    LOG_LEVEL: 'warn',
    LINE_CHANNEL_SECRET: secret,
    LINE_CHANNEL_ACCESS_TOKEN: accessToken,
    LINE_API_BASE: fake.url,
    ...options.env,
  });
  const app = await buildApp(config);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('soak: server has no TCP address');
    const base = `http://127.0.0.1:${address.port}`;
    const snapshot = app.knowledge.current();
    if (!snapshot) throw new Error(`soak: the knowledge base did not load: ${app.knowledge.lastReloadError()?.message ?? 'unknown error'}`);
    if (!app.lineWebhook) throw new Error(`soak: LINE webhook is off: ${config.lineOffReason ?? 'unknown reason'}`);

    const maxRequests = Math.ceil((seconds + warmupSeconds) * MAX_RATE);
    const factory = createRequestFactory({ recordIds: snapshot.kb.records.map((r) => r.id), channelSecret: secret });
    const tally = new Tally();
    const ledger = new ReplyLedger(accessToken);
    let n = 0;
    const phase = async (ms: number) => {
      const deadline = performance.now() + ms;
      const drainer = setInterval(() => ledger.drain(fake), 250);
      try {
        await drive(base, () => (performance.now() < deadline && n < maxRequests ? factory(n++) : undefined), concurrency, tally, ledger);
      } finally {
        clearInterval(drainer);
      }
      await app.lineWebhook!.pending();
      ledger.drain(fake);
    };

    log(`warm-up ${warmupSeconds} s…`);
    await phase(warmupSeconds * 1000);
    const warmupProblems = [...tally.samples, ...ledger.problems];
    if (tally.unexpected > 0 || ledger.missing() > 0) {
      // Counted, not hidden: a warm-up failure is as real as one in the measured phase.
      log(`warm-up had ${tally.unexpected} unexpected responses and ${ledger.missing()} missing replies`);
    }
    // Replies still owed from the warm-up stay in the ledger and are counted as missing at the end.
    const warmupUnexpected = tally.unexpected + ledger.duplicate + ledger.malformed;
    tally.reset();
    ledger.reset();
    const startHeap = gc ? settledHeap(gc) : process.memoryUsage().heapUsed;
    const startSpaces = spaceUsage();
    const requestsBefore = n;

    log(`load ${seconds} s at ${concurrency} in flight…`);
    const started = performance.now();
    await phase(seconds * 1000);
    const elapsed = (performance.now() - started) / 1000;
    // Replies still in flight after pending() settled are late, not lost: give them a moment.
    for (let i = 0; i < 20 && ledger.missing() > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ledger.drain(fake);
    }
    await new Promise((r) => setTimeout(r, 200));
    const endHeap = gc ? settledHeap(gc) : process.memoryUsage().heapUsed;
    const spaceGrowthMb = Object.fromEntries(
      Object.entries(spaceUsage())
        .map(([space, used]) => [space, round((used - (startSpaces[space] ?? 0)) / MB, 2)] as const)
        .filter(([, mb]) => mb !== 0),
    );

    const missing = ledger.missing();
    const unexpectedCount = tally.unexpected + warmupUnexpected + ledger.duplicate + ledger.malformed + missing;
    const growth = (endHeap - startHeap) / startHeap;
    const requests = n - requestsBefore;
    const byKind = Object.fromEntries(
      [...tally.kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, k]) => [kind, { requests: k.h.count, unexpected: k.unexpected, p50Ms: round(k.h.percentile(50)), p99Ms: round(k.h.percentile(99)) }]),
    );
    return {
      seconds: round(elapsed, 1),
      concurrency,
      requests,
      requestsPerSec: round(requests / elapsed, 0),
      statusCounts: Object.fromEntries([...tally.status].sort()),
      byKind,
      latencyMs: { p50: round(tally.all.percentile(50)), p99: round(tally.all.percentile(99)), max: round(tally.all.max) },
      line: { events: ledger.events, replies: ledger.received, missing, duplicate: ledger.duplicate, malformed: ledger.malformed },
      unexpected: {
        count: unexpectedCount,
        samples: [...warmupProblems.map((p) => `warm-up: ${p}`), ...tally.samples, ...ledger.problems, ...(missing > 0 ? [`${missing} LINE events got no reply`] : [])].slice(0, MAX_SAMPLES),
      },
      heap: { checked: gc !== undefined, startMb: round(startHeap / MB, 1), endMb: round(endHeap / MB, 1), growth: round(growth, 3), limit: heapGrowthLimit, spaceGrowthMb },
      ok: unexpectedCount === 0 && (gc === undefined || growth <= heapGrowthLimit),
    };
  } finally {
    await app.close();
    await fake.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

export function soakMarkdown(r: SoakReport, machine: MachineInfo): string {
  const out = [
    `### Soak (${r.seconds} s, ${r.concurrency} in flight, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM, Node ${machine.node}; load average (1 min) at start ${machine.loadAverage1m}. Server and load generator share one process; rate limiting off.`,
    '',
    '| Requests | req/s | p50 ms | p99 ms | max ms | Unexpected | LINE events / replies | Heap start → end (after gc) |',
    '|---|---|---|---|---|---|---|---|',
    `| ${r.requests} | ${r.requestsPerSec} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.unexpected.count} | ${r.line.events} / ${r.line.replies} | ${r.heap.checked ? `${r.heap.startMb} → ${r.heap.endMb} MB (${r.heap.growth >= 0 ? '+' : ''}${round(r.heap.growth * 100, 1)}%)` : 'not checked (no gc)'} |`,
    '',
    `Statuses: ${Object.entries(r.statusCounts).map(([s, c]) => `${s} × ${c}`).join(', ')}.`,
    '',
    ...(r.heap.checked ? [`Heap growth by V8 space (MB): ${Object.entries(r.heap.spaceGrowthMb).map(([s, mb]) => `${s} ${mb >= 0 ? '+' : ''}${mb}`).join(', ') || 'none'}.`, ''] : []),
    '| Request kind | Count | Unexpected | p50 ms | p99 ms |',
    '|---|---|---|---|---|',
    ...Object.entries(r.byKind).map(([k, s]) => `| ${k} | ${s.requests} | ${s.unexpected} | ${s.p50Ms} | ${s.p99Ms} |`),
    '',
  ];
  if (r.unexpected.samples.length > 0) out.push('Unexpected (first few):', '', ...r.unexpected.samples.map((s) => `- ${s}`), '');
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '12' } } });
    const machine = machineInfo();
    const report = await runSoak({ seconds: Number(values.seconds), concurrency: Number(values.concurrency), log: (m) => process.stderr.write(`soak: ${m}\n`) });
    const md = soakMarkdown(report, machine);
    process.stdout.write(`${md}\n`);
    const dir = path.join(ROOT, 'bench-results');
    await mkdir(dir, { recursive: true });
    for (const [file, text] of [['soak-latest.json', `${JSON.stringify({ machine, ...report }, null, 2)}\n`], ['soak-latest.md', md]] as const) {
      await writeFile(path.join(dir, `${file}.tmp`), text);
      await rename(path.join(dir, `${file}.tmp`), path.join(dir, file));
    }
    if (!report.ok) {
      process.stderr.write(`soak: FAILED: ${report.unexpected.count} unexpected; heap growth ${round(report.heap.growth * 100, 1)}% (limit ${report.heap.limit * 100}%)\n`);
    }
    process.exit(report.ok ? 0 : 1);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${message.startsWith('soak:') ? message : `soak: ${message}`}\n`);
    process.exit(1);
  }
}
