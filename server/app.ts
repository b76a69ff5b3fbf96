import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { HttpError, registerErrorHandlers } from './errors.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge-service.js';
import { createLineClient } from './line/line-client.js';
import { createNotifier, type Notifier } from './line/notifier.js';
import { bridgeQuestionLog } from './line/question-log-bridge.js';
import { createLineWebhookService, type LineWebhookService } from './line/webhook-service.js';
import { createQuestionLog, type QuestionLog } from './log/question-log.js';
import { adminRoutes } from './routes/admin.js';
import { adminQuestionsRoutes } from './routes/admin-questions.js';
import { askRoutes } from './routes/ask.js';
import { documentsRoutes } from './routes/documents.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { lineRoutes } from './routes/line.js';
import { recordsRoutes } from './routes/records.js';
import { webRoutes } from './routes/web.js';
import { withAnswerCache } from './answer-cache.js';
import { createAnswerer } from './search/answerer.js';
import { createMemoryStore } from './store/memory-store.js';
import type { Store } from './store/types.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    knowledge: KnowledgeService;
    questionLog: QuestionLog;
    /** Present only when LINE credentials are configured. */
    lineWebhook?: LineWebhookService;
    /** Pushes editors' answers to LINE askers who opted in; present only when LINE is configured. */
    notifier?: Notifier;
    /** MERGE NOTE (line): minimal until ops lands the SQLite/PostgreSQL store and decorates it. */
    store: Store;
  }
}

export interface AppDeps {
  /** A ready service (tests); otherwise one is built over config.kbDir and loaded here. */
  knowledge?: KnowledgeService;
  /** The run-time store; in memory when absent (MERGE NOTE (line): ops builds SQLite/PostgreSQL here). */
  store?: Store;
  /** The clock for time-dependent behaviour (LINE conversation context, reply-token age); tests inject one. */
  now?: () => Date;
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
    logger: {
      level: config.logLevel,
      // Belt and braces: the default serializers omit headers, but a custom log line must not leak them.
      redact: { paths: ['req.headers.authorization', 'req.headers["x-line-signature"]', 'headers.authorization', 'headers["x-line-signature"]'], censor: '[redacted]' },
    },
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  });

  const ownsKnowledge = !deps.knowledge;
  const knowledge =
    deps.knowledge ??
    createKnowledgeService({
      kbDir: config.kbDir,
      createAnswerer: (kb) => withAnswerCache(createAnswerer(kb), config.answerCache),
      logger: app.log.child({ component: 'knowledge' }),
    });
  const questionLog = createQuestionLog(config.questionLog, app.log);
  app.decorate('config', config);
  app.decorate('knowledge', knowledge);
  app.decorate('questionLog', questionLog);
  const store = deps.store ?? createMemoryStore();
  app.decorate('store', store);

  if (config.logSaltGenerated) app.log.warn('LOG_SALT not set: using a random salt for this process, so LINE user hashes will not match across restarts');

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
  if (config.adminToken) await app.register(adminQuestionsRoutes, { token: config.adminToken });

  if (config.line) {
    const lineLog = app.log.child({ component: 'line' });
    const client = createLineClient({ apiBase: config.line.apiBase, channelAccessToken: config.line.channelAccessToken, timeoutMs: config.line.timeoutMs, concurrency: config.line.concurrency });
    const service = createLineWebhookService({
      knowledge,
      client,
      store,
      questionLog: bridgeQuestionLog(questionLog, store, (err) => lineLog.warn({ err }, 'question not stored')),
      salt: config.logSalt,
      publicBaseUrl: config.publicBaseUrl,
      logger: lineLog,
      now: deps.now,
      maxEvents: config.line.maxEvents,
      groupMinScore: config.line.groupMinScore,
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

  await app.register(webRoutes);

  app.addHook('onClose', async () => {
    await app.lineWebhook?.pending();
    if (ownsKnowledge) await knowledge.close();
    await questionLog.close();
  });
  return app;
}
