import { sign } from '../../server/line/signature.js';
import { createRandom } from '../synthetic-kb.js';
import { askShapeProblem, documentsShapeProblem, errorShapeProblem, healthShapeProblem, recordShapeProblem } from './ask-shape.js';
import { BENCH_QUERIES } from './queries.js';

/**
 * The soak's traffic: every request says what status it must get and, for LINE events, which
 * reply token must reach the fake LINE API. Weights approximate a busy day: mostly questions,
 * a steady share of page and record loads, LINE events, and a tail of bad requests that must
 * be refused with the intended 4xx.
 */

export interface PlannedRequest {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect: number;
  /** A response slower than this is a failure: LINE gives up on a webhook after about 2 s. */
  deadlineMs?: number;
  /** Reply token that must reach the fake LINE API exactly once. */
  replyToken?: string;
  /** Extra check of a response with the expected status; returns a problem or undefined. */
  check?: (body: unknown) => string | undefined;
}

export interface RequestFactoryOptions {
  recordIds: readonly string[];
  channelSecret: string;
}

const json = { 'content-type': 'application/json' };
const LINE_DEADLINE_MS = 2000;
const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** Returns a factory: call it with a running counter to get the next request. */
export function createRequestFactory({ recordIds, channelSecret }: RequestFactoryOptions): (n: number) => PlannedRequest {
  if (recordIds.length === 0) throw new Error('soak: the knowledge base has no records to request');
  let eventSeq = 0;
  /** Recent event bodies, re-sent as LINE redeliveries (which must not get a second reply). */
  const recentEvents: string[] = [];

  const lineEvent = (event: Record<string, unknown>, withReply = true): PlannedRequest => {
    const id = ++eventSeq;
    const replyToken = withReply ? `soak-reply-${id}` : undefined;
    const body = JSON.stringify({
      destination: 'Usoakbot',
      events: [
        {
          webhookEventId: `01SOAK${String(id).padStart(20, '0')}`,
          timestamp: Date.now(),
          mode: 'active',
          source: { type: 'user', userId: `Usoak${id % 50}` },
          deliveryContext: { isRedelivery: false },
          ...(replyToken ? { replyToken } : {}),
          ...event,
        },
      ],
    });
    if (replyToken) {
      recentEvents.push(body);
      if (recentEvents.length > 20) recentEvents.shift();
    }
    return { kind: `line ${String(event.type)}`, method: 'POST', path: '/webhook/line', headers: { ...json, 'x-line-signature': sign(body, channelSecret) }, body, expect: 200, replyToken, deadlineMs: LINE_DEADLINE_MS };
  };

  const ask = (kind: string, payload: object, expect = 200): PlannedRequest => ({
    kind,
    method: 'POST',
    path: '/api/ask',
    headers: json,
    body: JSON.stringify(payload),
    expect,
    check: expect === 200 ? (b) => askShapeProblem(b, (payload as { limit?: number }).limit ?? 3) : errorShapeProblem,
  });

  const thai = BENCH_QUERIES.filter((q) => q.kind === 'thai' || q.kind === 'mixed');
  const english = BENCH_QUERIES.filter((q) => q.kind === 'english');
  const offTopic = BENCH_QUERIES.filter((q) => q.kind === 'off-topic');

  const kinds: [weight: number, make: (n: number) => PlannedRequest][] = [
    [20, (n) => ask('ask thai', { question: pick(thai, n).question })],
    [10, (n) => ask('ask english', { question: pick(english, n).question, lang: 'en' })],
    [5, (n) => ask('ask off-topic', { question: pick(offTopic, n).question })],
    [4, (n) => ask('ask filtered', { question: pick(thai, n).question, limit: 1 + (n % 10), filters: { year: n % 2 ? 2565 : 2022 } })],
    [2, () => ({ kind: 'ask malformed json', method: 'POST', path: '/api/ask', headers: json, body: '{"question": "ตัวชี้วัด', expect: 400, check: errorShapeProblem })],
    [2, () => ask('ask empty', { question: '   ' }, 400)],
    [2, () => ask('ask 501 chars', { question: 'ก'.repeat(501) }, 400)],
    [2, (n) => ask('ask unknown field', { question: pick(thai, n).question, debug: true }, 400)],
    [1, () => ask('ask limit 11', { question: 'PMQA', limit: 11 }, 400)],
    [6, (n) => ({ kind: 'get record', method: 'GET', path: `/api/records/${pick(recordIds, n)}`, expect: 200, check: recordShapeProblem })],
    [2, (n) => ({ kind: 'get record encoded', method: 'GET', path: `/api/records/${encodeURIComponent(pick(recordIds, n))}?lang=en`, expect: 200, check: recordShapeProblem })],
    [1, (n) => ({ kind: 'get record unknown', method: 'GET', path: `/api/records/no-such-doc/general/${n}`, expect: 404, check: errorShapeProblem })],
    [3, () => ({ kind: 'get documents', method: 'GET', path: '/api/documents', expect: 200, check: documentsShapeProblem })],
    [3, () => ({ kind: 'get health', method: 'GET', path: '/api/health', expect: 200, check: healthShapeProblem })],
    [1, (n) => ({ kind: 'post feedback', method: 'POST', path: '/api/feedback', headers: json, body: JSON.stringify({ recordId: pick(recordIds, n), question: pick(thai, n).question, helpful: n % 2 === 0 }), expect: 202 })],
    [5, (n) => lineEvent({ type: 'message', message: { type: 'text', id: String(n), text: pick([...thai, ...english], n).question } })],
    [2, (n) => lineEvent({ type: 'postback', postback: { data: `record=${encodeURIComponent(pick(recordIds, n))}&lang=${n % 2 ? 'en' : 'th'}` } })],
    [1, () => lineEvent({ type: 'follow' })],
    [1, () => {
      const body = JSON.stringify({ destination: 'Usoakbot', events: [] });
      return { kind: 'line bad signature', method: 'POST', path: '/webhook/line', headers: { ...json, 'x-line-signature': sign(body, `${channelSecret}-wrong`) }, body, expect: 401, check: errorShapeProblem };
    }],
    [1, () => {
      const body = JSON.stringify({ destination: 'Usoakbot', events: [] });
      return { kind: 'line connectivity check', method: 'POST', path: '/webhook/line', headers: { ...json, 'x-line-signature': sign(body, channelSecret) }, body, expect: 200 };
    }],
    [1, (n) => {
      const previous = recentEvents[n % Math.max(1, recentEvents.length)];
      if (!previous) return lineEvent({ type: 'follow' });
      const body = previous.replace('"isRedelivery":false', '"isRedelivery":true');
      return { kind: 'line redelivery', method: 'POST', path: '/webhook/line', headers: { ...json, 'x-line-signature': sign(body, channelSecret) }, body, expect: 200 };
    }],
  ];

  // A fixed, shuffled schedule holding each kind by weight, so every window of the run sees the mix.
  const rnd = createRandom(6);
  const schedule = kinds.flatMap(([weight, make]) => Array.from({ length: weight }, () => make));
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
  }
  return (n) => schedule[n % schedule.length]!(Math.floor(n / schedule.length));
}
