import type { KnowledgeService } from '../knowledge-service.js';
import { outcomeOf } from '../log/outcome.js';
import { hashUserId, type QuestionLog } from '../log/question-log.js';
import type { Lang } from '../search/types.js';
import { answerMessages, fallbackMessages, howToMessages, localizeSource, type TextMessage } from './messages.js';
import type { ReplyClient } from './reply-client.js';
import { TtlSet } from './ttl-set.js';
import type { LineEvent } from './webhook-schema.js';
import type { Logger } from '../logger.js';

export interface LineWebhookOptions {
  knowledge: KnowledgeService;
  replyClient: ReplyClient;
  questionLog: QuestionLog;
  logSalt: string;
  publicBaseUrl: string;
  logger: Logger;
}

export interface LineWebhookService {
  /** Starts answering the events and returns at once; LINE wants its 200 quickly. */
  accept(events: LineEvent[]): void;
  /** Resolves when every reply started so far has finished (or failed). */
  pending(): Promise<void>;
}

/** How many records one LINE question fetches: the answer plus quick-reply suggestions. */
const LINE_ASK_LIMIT = 6;
// LINE redelivers within its retry window (minutes); a day bounds memory while covering it.
const DEDUP_TTL_MS = 24 * 60 * 60 * 1000;
const DEDUP_MAX = 50_000;
// Below this the engine is saying "unrelated"; a quick reply for it would be noise.
const QUICK_REPLY_MIN_SCORE = 0.1;

export function parsePostback(data: string): { id: string; lang?: Lang } | undefined {
  const params = new URLSearchParams(data);
  const id = params.get('record');
  if (!id) return undefined;
  const lang = params.get('lang');
  return { id, lang: lang === 'en' || lang === 'th' ? lang : undefined };
}

export function createLineWebhookService(options: LineWebhookOptions): LineWebhookService {
  const { knowledge, replyClient, questionLog, logSalt, publicBaseUrl, logger } = options;
  const seen = new TtlSet(DEDUP_TTL_MS, DEDUP_MAX);
  const inFlight = new Set<Promise<void>>();

  function messagesFor(event: LineEvent): TextMessage[] | undefined {
    if (event.type === 'follow') return howToMessages();
    if (event.type === 'postback' && event.postback) {
      const target = parsePostback(event.postback.data);
      const snapshot = knowledge.current();
      const lang = target?.lang ?? 'th';
      const answer = target && snapshot?.answerer.record(target.id, lang);
      if (!answer || !snapshot) return fallbackMessages(lang, []);
      return answerMessages(localizeSource(answer, snapshot.kb.documents, lang), lang, publicBaseUrl);
    }
    if (event.type !== 'message' || !event.message) return undefined;
    const text = event.message.type === 'text' ? event.message.text?.trim() : undefined;
    if (!text) return howToMessages();

    const snapshot = knowledge.current();
    if (!snapshot) return fallbackMessages(/[\u0E00-\u0E7F]/.test(text) ? 'th' : 'en', []);
    const started = performance.now();
    // LINE allows 5,000 characters; our API's 500 is about search quality, so long texts are cut.
    const question = Array.from(text).slice(0, 500).join('');
    const result = snapshot.answerer.ask({ question, limit: LINE_ASK_LIMIT });
    const [top, ...rest] = result.answers;
    const userId = event.source?.userId;
    questionLog.question({
      channel: 'line',
      question,
      lang: result.lang,
      outcome: outcomeOf(result),
      topId: top?.id,
      score: top?.score,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(userId ? { user: hashUserId(userId, logSalt) } : {}),
    });
    if (!result.answered || !top) return fallbackMessages(result.lang, result.answers);
    const others = rest.filter((a) => a.score >= QUICK_REPLY_MIN_SCORE);
    return answerMessages(localizeSource(top, snapshot.kb.documents, result.lang), result.lang, publicBaseUrl, others);
  }

  async function handle(event: LineEvent): Promise<void> {
    if (event.webhookEventId && !seen.add(event.webhookEventId)) {
      logger.info({ webhookEventId: event.webhookEventId }, 'LINE event already handled; redelivery ignored');
      return;
    }
    if (!event.replyToken) return;
    const messages = messagesFor(event);
    if (!messages) return;
    try {
      await replyClient.reply(event.replyToken, messages);
    } catch (err) {
      logger.error({ err, webhookEventId: event.webhookEventId, eventType: event.type }, 'LINE reply failed');
    }
  }

  return {
    accept(events) {
      for (const event of events) {
        const p = Promise.resolve()
          .then(() => handle(event))
          .catch((err) => logger.error({ err, webhookEventId: event.webhookEventId }, 'LINE event handling failed'))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    },
    async pending() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
