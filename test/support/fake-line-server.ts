import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when the body is not JSON). */
  body: any;
}

export interface FakeLineBehaviour {
  /** Status to answer reply calls with; 200 by default. */
  status?: number;
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
  set(behaviour: FakeLineBehaviour): void;
  reset(): void;
  close(): Promise<void>;
}

/** A stand-in for api.line.me on 127.0.0.1 that records the reply calls it gets. */
export async function startFakeLineServer(): Promise<FakeLineServer> {
  const calls: RecordedCall[] = [];
  let behaviour: FakeLineBehaviour = {};
  const server = createServer((req, res) => {
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
      calls.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const { status = 200, delayMs = 0 } = behaviour;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status < 300 ? '{}' : JSON.stringify({ message: 'fake LINE failure' }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    replies: () => calls.filter((c) => c.path === '/v2/bot/message/reply'),
    set(b) {
      behaviour = b;
    },
    reset() {
      calls.length = 0;
      behaviour = {};
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
