import rateLimit from '@fastify/rate-limit';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { HttpError, registerErrorHandlers } from './errors.js';
import { createConversations, type Conversations } from './conversation/service.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge-service.js';
import { createLineClient } from './line/line-client.js';
import { createNotifier, type Notifier } from './line/notifier.js';
import { createLineWebhookService, type LineWebhookService } from './line/webhook-service.js';
import { createQuestionLog, type QuestionLog } from './log/question-log.js';
import { startRetention } from './log/retention.js';
import { prettyStream } from './log-format.js';
import { registerApiDocs } from './docs.js';
import { startReplicaSync } from './replica-sync.js';
import { registerSecurityHeaders } from './security-headers.js';
import { createMetrics, type Metrics } from './metrics.js';
import { metricsRoutes } from './routes/metrics.js';
import { adminRoutes } from './routes/admin.js';
import { adminQuestionsRoutes } from './routes/admin-questions.js';
import { askRoutes } from './routes/ask.js';
import { documentsRoutes } from './routes/documents.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { lineRoutes } from './routes/line.js';
import { recordsRoutes } from './routes/records.js';
import { sourcesRoutes } from './routes/sources.js';
import { createWebShell, DEFAULT_WEB_ROOT, webRoutes } from './routes/web.js';
import { withAnswerCache } from './answer-cache.js';
import { createAnswerer } from './search/answerer.js';
import { createCachedAnswerer } from './index-cache/analysis-file.js';
import { createStore } from './store/create-store.js';
import { createConsole } from './console/console.js';
import { consoleRoutes } from './routes/console.js';
import { consoleWebRoutes } from './routes/console-web.js';
import type { Store } from './store/types.js';
import type { WorkerBuild } from './workers/worker-answerer.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    knowledge: KnowledgeService;
    questionLog: QuestionLog;
    /** The conversation layer (follow-ups, small talk, hand-off) over the current engine. */
    conversations: Conversations;
    /** The run-time store (SQLite by default, PostgreSQL with DATABASE_URL). */
    store: Store;
    /** Tells other instances sharing the store to reload the knowledge (after an import or reload here). */
    announceKnowledgeChange(): Promise<void>;
    /** Prometheus metrics (server/metrics.ts); other parts increment them. */
    metrics: Metrics;
    /** Salt for hashing user ids: LOG_SALT, or the one kept in the store. */
    logSalt: string;
    /** Present only when LINE credentials are configured. */
    lineWebhook?: LineWebhookService;
    /** Pushes editors' answers to LINE askers who opted in; present only when LINE is configured. */
    notifier?: Notifier;
  }
}

export interface AppDeps {
  /** A ready service (tests); otherwise one is built over config.kbDir and loaded here. */
  knowledge?: KnowledgeService;
  /** The built web UI (tests use a tiny fake one); defaults to web/dist. */
  webRoot?: string;
  /** A ready, migrated store (tests: createMemoryStore()); otherwise createStore(config), closed with the app. */
  store?: Store;
  /** The clock for time-dependent behaviour (LINE conversation context, reply-token age); tests inject one. */
  now?: () => Date;
  /** The conversation layer (tests of LINE's own behaviour pass the engine through); default createConversations. */
  conversations?: Conversations;
  /** The first index build, already started in its worker (main.ts starts it before loading this module). */
  firstBuild?: Promise<WorkerBuild>;
}

/** The CSP of every response; `frame-ancestors` comes from FRAME_ANCESTORS (see contentSecurityPolicy). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  fontSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  // No <base> to redirect relative URLs, forms post only here, no inline event handlers.
  baseUri: ["'none'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
};

/** Sites listed in FRAME_ANCESTORS may frame the chat (the widget); nobody may by default. */
export function contentSecurityPolicy(frameAncestors: string[]): typeof CONTENT_SECURITY_POLICY {
  return { ...CONTENT_SECURITY_POLICY, frameAncestors: frameAncestors.length ? frameAncestors : ["'none'"] };
}

export async function buildApp(config: AppConfig, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    // Real client addresses behind a proxy (rate limits key on request.ip); off unless configured.
    // A number is a hop count; fastify supports it though its types omit it.
    trustProxy: config.trustProxy as boolean | string[],
    // A slow body cannot hold a connection: cut off after requestTimeout, idle sockets after connectionTimeout.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // Node checks those timeouts only every connectionsCheckingInterval (30 s by default), which
    // would let a slow body live up to twice the limit.
    http: {
      connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs),
      headersTimeout: Math.min(60_000, config.requestTimeoutMs),
    },
    logger: {
      level: config.logLevel,
      ...(config.logFormat === 'pretty' ? { stream: prettyStream() } : {}),
      // Belt and braces: the default serializers omit headers, but a custom log line must not leak them.
      redact: { paths: ['req.headers.authorization', 'req.headers["x-line-signature"]', 'headers.authorization', 'headers["x-line-signature"]'], censor: '[redacted]' },
    },
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });

  const metrics = createMetrics();
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids in URLs would make unbounded label values.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ route, method: request.method, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });

  const ownsKnowledge = !deps.knowledge;
  const knowledge =
    deps.knowledge ??
    createKnowledgeService({
      kbDir: config.kbDir,
      createAnswerer: (kb) =>
        withAnswerCache(
          config.indexCacheDir ? createCachedAnswerer(kb, { kbDir: config.kbDir, dir: config.indexCacheDir, logger: app.log.child({ component: 'index-cache' }) }) : createAnswerer(kb),
          config.answerCache,
        ),
      buildInWorker: config.kbWorker,
      firstBuild: deps.firstBuild,
      workerIndexCacheDir: config.indexCacheDir ?? undefined,
      wrapAnswerer: (answerer) => withAnswerCache(answerer, config.answerCache),
      onLoad: ({ ok, ms }) => {
        metrics.reloads.inc({ result: ok ? 'ok' : 'failed' });
        if (ok) metrics.reloadDuration.observe(ms / 1000);
      },
      logger: app.log.child({ component: 'knowledge' }),
    });
  // The first load starts now and is awaited at the end: the index is built (in its worker) while
  // the store opens and the routes register, which takes about as long at start.
  const firstLoad = ownsKnowledge ? knowledge.reload() : undefined;
  const ownsStore = !deps.store;
  let store: Store;
  try {
    store = deps.store ?? (await createStore(config));
  } catch (err) {
    await firstLoad;
    if (ownsKnowledge) await knowledge.close();
    throw err;
  }
  app.decorate('store', store);
  const questionLog = countingOutcomes(metrics, createQuestionLog({ store, enabled: config.questionLog !== null, logger: app.log.child({ component: 'question-log' }) }));
  // LOG_SALT wins when set; otherwise the store keeps one, so hashes survive restarts and agree across replicas.
  const logSalt = config.logSaltGenerated ? await store.setting('log-salt', () => randomBytes(32).toString('hex')) : config.logSalt;
  app.decorate('logSalt', logSalt);
  const stopRetention = startRetention({ store, questionDays: config.questionRetentionDays, logger: app.log.child({ component: 'retention' }) });
  app.decorate('config', config);
  app.decorate('knowledge', knowledge);
  app.decorate('questionLog', questionLog);
  app.decorate('conversations', deps.conversations ?? createConversations({ contact: config.contact }));

  const webShell = createWebShell(deps.webRoot ?? DEFAULT_WEB_ROOT);
  registerErrorHandlers(app, { bodyLimit: config.bodyLimit, notFoundPage: (request, reply) => webShell.send(request, reply, 404) });
  const embeddable = !config.frameAncestors.includes("'none'");
  registerSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config.frameAncestors) },
    // X-Frame-Options cannot name other sites; when embedding is allowed, frame-ancestors alone decides.
    ...(embeddable ? { xFrameOptions: false } : {}),
  });
  if (config.rateLimitMax > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitMax,
      timeWindow: 60_000,
      // Thrown by the plugin, so the shared error handler gives it the usual body.
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, `Too many requests: at most ${context.max} per minute from one client; try again in ${context.after}`),
    });
  }

  await registerApiDocs(app);
  // Source maps show the original source: for developers, not for the public.
  if (process.env.NODE_ENV === 'production') {
    app.addHook('onRequest', async (request) => {
      if (request.url.split('?')[0]!.endsWith('.map')) throw new HttpError(404, `Route GET ${request.url.split('?')[0]} not found`);
    });
  }
  // Replicas: every instance sharing a store follows the others' knowledge changes.
  const sync = startReplicaSync({ store, knowledge, everyMs: config.reloadPollMs, logger: app.log.child({ component: 'replica-sync' }) });
  app.decorate('announceKnowledgeChange', () => sync.announce());
  await app.register(healthRoutes);
  await app.register(metricsRoutes, { token: config.metricsToken });
  await app.register(askRoutes);
  await app.register(documentsRoutes);
  await app.register(recordsRoutes);
  await app.register(feedbackRoutes);
  await app.register(sourcesRoutes, { kbDir: config.kbDir });
  if (config.adminToken) await app.register(adminRoutes, { token: config.adminToken, knowledge });
  if (config.adminToken) await app.register(adminQuestionsRoutes, { token: config.adminToken });

  if (config.line) {
    const lineLog = app.log.child({ component: 'line' });
    const client = createLineClient({ apiBase: config.line.apiBase, channelAccessToken: config.line.channelAccessToken, timeoutMs: config.line.timeoutMs, concurrency: config.line.concurrency });
    const service = createLineWebhookService({
      knowledge,
      conversations: app.conversations,
      client,
      store,
      questionLog,
      salt: logSalt,
      publicBaseUrl: config.publicBaseUrl,
      logger: lineLog,
      now: deps.now,
      maxEvents: config.line.maxEvents,
      groupMinScore: config.line.groupMinScore,
      offerNotify: config.questionLog !== null,
    });
    const notifier = createNotifier({ store, client, knowledge, publicBaseUrl: config.publicBaseUrl, logger: lineLog, now: deps.now });
    // Opt-ins hold a raw LINE user id: purge the expired ones at start and daily.
    const purge = () => notifier.purgeExpired().catch((err) => lineLog.warn({ err }, 'purging expired LINE opt-ins failed'));
    void purge();
    const purgeTimer = setInterval(purge, 24 * 60 * 60 * 1000).unref();
    app.addHook('onClose', async () => clearInterval(purgeTimer));
    app.decorate('lineWebhook', service);
    app.decorate('notifier', notifier);
    await app.register(lineRoutes, { channelSecret: config.line.channelSecret, service });
  } else {
    app.log.info(`LINE webhook off: ${config.lineOffReason ?? 'no credentials'}`);
  }

  const editorsConsole = createConsole({
    kbDir: knowledge.kbDir,
    store: app.store,
    reload: () => knowledge.reload(),
    // Decorated by the LINE side when configured (HELPERS.md contract).
    questionAnswered: (questionId, recordId) =>
      (app as unknown as { notifier?: { questionAnswered(q: string, r: string): Promise<void> } }).notifier?.questionAnswered(questionId, recordId) ?? Promise.resolve(),
    logError: (message, err) => app.log.error({ err }, message),
  });
  await app.register(consoleRoutes, { console: editorsConsole, adminToken: config.adminToken });
  await app.register(consoleWebRoutes);
  await app.register(webRoutes, {
    root: deps.webRoot ?? DEFAULT_WEB_ROOT,
    recordExists: (id) => {
      const snapshot = knowledge.current();
      return snapshot ? snapshot.answerer.record(id) !== undefined : undefined;
    },
  });

  app.addHook('onClose', async () => {
    await app.lineWebhook?.pending();
    if (ownsKnowledge) await knowledge.close();
    stopRetention();
    sync.stop();
    await questionLog.close();
    if (ownsStore) await store.close();
  });
  if (firstLoad) {
    const outcome = await firstLoad;
    if (!outcome.ok) app.log.error(`knowledge base not loaded, answering 503 until it is fixed: ${outcome.error.message}`);
    if (config.kbWatch) knowledge.watch();
  }
  return app;
}

/** Counts answer outcomes as questions are logged: every channel logs every question once. */
function countingOutcomes(metrics: Metrics, log: QuestionLog): QuestionLog {
  return {
    ...log,
    question(entry) {
      metrics.answerOutcomes.inc({ channel: entry.channel, outcome: entry.outcome });
      metrics.answerLatency.observe({ channel: entry.channel }, entry.latencyMs / 1000);
      log.question(entry);
    },
  };
}
