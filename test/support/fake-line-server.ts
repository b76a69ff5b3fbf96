import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lineRequestProblems } from './line-openapi.js';

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when the body is not JSON). */
  body: any;
  /** What is wrong with the body by LINE's OpenAPI description and documented limits ([] when valid). */
  problems: string[];
}

export interface FakeLineBehaviour {
  /** Status to answer calls with; 200 by default. */
  status?: number;
  /** Status for one path only, e.g. { '/v2/bot/message/push': 500 }. */
  statusByPath?: Record<string, number>;
  /** Delay before answering, to simulate a slow LINE API. */
  delayMs?: number;
}

export interface FakeLineServer {
  /** Base URL to use as LINE_API_BASE, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Every call received, in order. */
  calls: RecordedCall[];
  /** Calls to /v2/bot/message/reply. */
  replies(): RecordedCall[];
  /** Calls to /v2/bot/message/push. */
  pushes(): RecordedCall[];
  /** Calls to /v2/bot/chat/loading/start. */
  loadings(): RecordedCall[];
  /** Every problem of every call so far, prefixed with the call's path. */
  problems(): string[];
  /** Most calls in flight at the same time since the last reset. */
  maxConcurrent(): number;
  set(behaviour: FakeLineBehaviour): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A stand-in for api.line.me on 127.0.0.1. It records every call and checks each body against
 * LINE's OpenAPI description; an invalid body is answered 400 as LINE would.
 */
export async function startFakeLineServer(): Promise<FakeLineServer> {
  const calls: RecordedCall[] = [];
  let behaviour: FakeLineBehaviour = {};
  let active = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    active++;
    peak = Math.max(peak, active);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      const path = req.url ?? '';
      const problems = body === undefined ? ['body is not JSON'] : lineRequestProblems(path, body);
      calls.push({ method: req.method ?? '', path, headers: req.headers, body, problems });
      const { delayMs = 0 } = behaviour;
      const status = problems.length > 0 ? 400 : (behaviour.statusByPath?.[path] ?? behaviour.status ?? 200);
      setTimeout(() => {
        active--;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status < 300 ? '{}' : JSON.stringify({ message: problems.length > 0 ? 'The request body has 1 error(s)' : 'fake LINE failure', details: problems.slice(0, 5) }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const byPath = (p: string) => () => calls.filter((c) => c.path === p);
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    replies: byPath('/v2/bot/message/reply'),
    pushes: byPath('/v2/bot/message/push'),
    loadings: byPath('/v2/bot/chat/loading/start'),
    problems: () => calls.flatMap((c) => c.problems.map((p) => `${c.path}: ${p}`)),
    maxConcurrent: () => peak,
    set(b) {
      behaviour = b;
    },
    reset() {
      calls.length = 0;
      behaviour = {};
      peak = active;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
