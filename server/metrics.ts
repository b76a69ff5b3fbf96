import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the bot, in one registry per app (tests build many apps; a global
 * registry would reject the second). Other parts increment these through `app.metrics`
 * (e.g. LINE: `app.metrics.lineEvents.inc({ type })`, `app.metrics.lineReplyFailures.inc()`).
 */
export function createMetrics() {
  const registry = new Registry();
  // Process metrics, including nodejs_eventloop_lag_seconds (the "is the server stalling" signal).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
  const buildBuckets = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
  return {
    registry,
    httpRequests: new Counter({ name: 'http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'], registers: [registry] }),
    httpDuration: new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['route', 'method'], buckets: latencyBuckets, registers: [registry] }),
    answerOutcomes: new Counter({ name: 'answer_outcomes_total', help: 'Questions by channel and outcome (answered, clarify, none, smalltalk, handoff)', labelNames: ['channel', 'outcome'], registers: [registry] }),
    answerLatency: new Histogram({ name: 'answer_duration_seconds', help: 'Time to answer a question (search only)', labelNames: ['channel'], buckets: latencyBuckets, registers: [registry] }),
    indexRecords: new Gauge({ name: 'knowledge_index_records', help: 'Records in the index being served', registers: [registry] }),
    indexVersion: new Gauge({ name: 'knowledge_index_version', help: 'Version of the index being served (increments on every successful load)', registers: [registry] }),
    reloads: new Counter({ name: 'knowledge_reloads_total', help: 'Index loads by result', labelNames: ['result'], registers: [registry] }),
    reloadDuration: new Histogram({ name: 'knowledge_reload_duration_seconds', help: 'Time to load and build the index', buckets: buildBuckets, registers: [registry] }),
    imports: new Counter({ name: 'kb_imports_total', help: 'Batch imports by result (written, rejected, busy, failed, dry-run)', labelNames: ['result'], registers: [registry] }),
    importDuration: new Histogram({ name: 'kb_import_duration_seconds', help: 'Time to import a batch', buckets: buildBuckets, registers: [registry] }),
    lineEvents: new Counter({ name: 'line_events_total', help: 'LINE webhook events by type and what happened to them', labelNames: ['type', 'result'], registers: [registry] }),
    lineReplyFailures: new Counter({ name: 'line_reply_failures_total', help: 'LINE reply calls that failed', labelNames: ['reason'], registers: [registry] }),
    questionLogErrors: new Counter({ name: 'question_log_write_errors_total', help: 'Failed writes of the question log to the store (retried)', registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
