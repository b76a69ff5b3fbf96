import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from './config.js';
import { HttpError, registerErrorHandlers } from './errors.js';
import { createConversations, type Conversations } from './conversation/service.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge-service.js';
import { createReplyClient } from './line/reply-client.js';
import { createLineWebhookService, type LineWebhookService } from './line/webhook-service.js';
import { createQuestionLog, type QuestionLog } from './log/question-log.js';
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

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    knowledge: KnowledgeService;
    questionLog: QuestionLog;
    /** The conversation layer (follow-ups, small talk, hand-off) over the current engine. */
    conversations: Conversations;
    /** Present only when LINE credentials are configured. */
    lineWebhook?: LineWebhookService;
  }
}

export interface AppDeps {
  /** A ready service (tests); otherwise one is built over config.kbDir and loaded here. */
  knowledge?: KnowledgeService;
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
  app.decorate('conversations', createConversations({ contact: config.contact }));

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

  if (config.line) {
    const service = createLineWebhookService({
      knowledge,
      replyClient: createReplyClient({ apiBase: config.line.apiBase, channelAccessToken: config.line.channelAccessToken }),
      questionLog,
      logSalt: config.logSalt,
      publicBaseUrl: config.publicBaseUrl,
      logger: app.log.child({ component: 'line' }),
    });
    app.decorate('lineWebhook', service);
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
