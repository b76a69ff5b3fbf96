import autocannon from 'autocannon';
import { loadKnowledgeBase } from './server/kb/load.js';
import { questionStream } from './scripts/bench/question-stream.js';
const kb = await loadKnowledgeBase();
const qs = questionStream(kb.records, { count: 40000 });
let i = 0;
const r = await autocannon({ url: 'http://127.0.0.1:3999/api/ask', connections: 10, duration: 8, method: 'POST',
  headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ question: qs[i++ % qs.length]!.question }) }) }] });
console.log('ask req/s', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
const h = await autocannon({ url: 'http://127.0.0.1:3999/api/health', connections: 10, duration: 4 });
console.log('health req/s', h.requests.average);
