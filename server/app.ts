import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { HttpError, registerErrorHandlers } from './errors.js';
import { createConversations, type Conversations } from './conversation/service.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge-service.js';
import { createReplyClient } from './line/reply-client.js';
import { createLineWebhookService, type LineWebhookService } from './line/webhook-service.js';
import { createQuestionLog, type QuestionLog } from './log/question-log.js';
import { startRetention } from './log/retention.js';
import { prettyStream } from './log-format.js';
import { adminRoutes } from './routes/admin.js';
import { askRoutes } from './routes/ask.js';
import { documentsRoutes } from './routes/documents.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { lineRoutes } from './routes/line.js';
import { recordsRoutes } from './routes/records.js';
import { webRoutes } from './routes/web.js';
import { withAnswerCache } from './answer-cache.js';
import { createAnswerer } from './search/answerer.js';
import { createCachedAnswerer } from './index-cache/analysis-file.js';
import { createStore } from './store/create-store.js';
import { createConsole } from './console/console.js';
import { consoleRoutes } from './routes/console.js';
import { consoleWebRoutes } from './routes/console-web.js';
import type { Store } from './store/types.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    knowledge: KnowledgeService;
    questionLog: QuestionLog;
    /** The conversation layer (follow-ups, small talk, hand-off) over the current engine. */
    conversations: Conversations;
    /** The run-time store (SQLite by default, PostgreSQL with DATABASE_URL). */
    store: Store;
    /** Salt for hashing user ids: LOG_SALT, or the one kept in the store. */
    logSalt: string;
    /** Present only when LINE credentials are configured. */
    lineWebhook?: LineWebhookService;
  }
}

export interface AppDeps {
  /** A ready service (tests); otherwise one is built over config.kbDir and loaded here. */
  knowledge?: KnowledgeService;
  /** A ready, migrated store (tests: createMemoryStore()); otherwise createStore(config), closed with the app. */
  store?: Store;
}

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  fontSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

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
    logger: {
      level: config.logLevel,
      ...(config.logFormat === 'pretty' ? { stream: prettyStream() } : {}),
      // Belt and braces: the default serializers omit headers, but a custom log line must not leak them.
      redact: { paths: ['req.headers.authorization', 'req.headers["x-line-signature"]', 'headers.authorization', 'headers["x-line-signature"]'], censor: '[redacted]' },
    },
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });

  const ownsStore = !deps.store;
  const store = deps.store ?? (await createStore(config));
  app.decorate('store', store);

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
      logger: app.log.child({ component: 'knowledge' }),
    });
  const questionLog = createQuestionLog({ store, enabled: config.questionLog !== null, logger: app.log.child({ component: 'question-log' }) });
  // LOG_SALT wins when set; otherwise the store keeps one, so hashes survive restarts and agree across replicas.
  const logSalt = config.logSaltGenerated ? await store.setting('log-salt', () => randomBytes(32).toString('hex')) : config.logSalt;
  app.decorate('logSalt', logSalt);
  const stopRetention = startRetention({ store, questionDays: config.questionRetentionDays, logger: app.log.child({ component: 'retention' }) });
  app.decorate('config', config);
  app.decorate('knowledge', knowledge);
  app.decorate('questionLog', questionLog);
  app.decorate('conversations', createConversations({ contact: config.contact }));

  registerErrorHandlers(app, { bodyLimit: config.bodyLimit });
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
  if (config.rateLimitMax > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitMax,
      timeWindow: 60_000,
      // Thrown by the plugin, so the shared error handler gives it the usual body.
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, `Too many requests: at most ${context.max} per minute from one client; try again in ${context.after}`),
    });
  }

  if (ownsKnowledge) {
    const outcome = await knowledge.reload();
    if (!outcome.ok) app.log.error(`knowledge base not loaded, answering 503 until it is fixed: ${outcome.error.message}`);
    if (config.kbWatch) knowledge.watch();
  }

  await app.register(healthRoutes);
  await app.register(askRoutes);
  await app.register(documentsRoutes);
  await app.register(recordsRoutes);
  await app.register(feedbackRoutes);
  if (config.adminToken) await app.register(adminRoutes, { token: config.adminToken, knowledge });

  if (config.line) {
    const service = createLineWebhookService({
      knowledge,
      replyClient: createReplyClient({ apiBase: config.line.apiBase, channelAccessToken: config.line.channelAccessToken }),
      questionLog,
      logSalt,
      publicBaseUrl: config.publicBaseUrl,
      logger: app.log.child({ component: 'line' }),
    });
    app.decorate('lineWebhook', service);
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
  await app.register(webRoutes);

  app.addHook('onClose', async () => {
    await app.lineWebhook?.pending();
    if (ownsKnowledge) await knowledge.close();
    stopRetention();
    await questionLog.close();
    if (ownsStore) await store.close();
  });
  return app;
}
