import type { Conversations } from '../conversation/service.js';
import { createHash } from 'node:crypto';
import type { KnowledgeService, KnowledgeSnapshot } from '../knowledge-service.js';
import type { Logger } from '../logger.js';
import { outcomeOf } from '../log/outcome.js';
import { hashUserId, type QuestionLog } from '../log/question-log.js';
import type { Answer, AskResult, HistoryTurn, Lang } from '../search/types.js';
import type { Store } from '../store/types.js';
import { chatOf, contentKey, mentionsBot, withoutSelfMentions, type Chat } from './chat.js';
import type { LineClient } from './line-client.js';
import {
  answerMessages,
  botMessageMessages,
  clarifyMessages,
  fallbackMessages,
  feedbackThanksMessages,
  groupGreetingMessages,
  groupSuggestionMessages,
  nonTextHintMessages,
  notifyConfirmMessages,
  reasonPromptMessages,
  text,
  unavailableMessages,
  welcomeMessages,
  withQuickReply,
  recordItems,
  type LineMessage,
} from './messages.js';
import { parsePostback, type Postback } from './postback.js';
import { stripControl } from './text.js';
import type { LineEvent } from './webhook-schema.js';


export interface LineWebhookOptions {
  knowledge: KnowledgeService;
  /**
   * The conversation layer (follow-ups, small talk, hand-off) that the web's /api/ask uses too;
   * without it LINE asks the engine directly (tests of LINE's own behaviour).
   */
  conversations?: Conversations;
  client: LineClient;
  store: Store;
  /** The app's question log (batched writes to the store); flushed before an opt-in looks a question up. */
  questionLog: Pick<QuestionLog, 'question' | 'feedback' | 'flush'>;
  /** Offer "notify me when answered" (needs the question log: off when QUESTION_LOG=off). Default true. */
  offerNotify?: boolean;
  /** Salt for hashing LINE user and group ids; the raw ids are never logged or kept (except opt-ins). */
  salt: string;
  publicBaseUrl: string;
  logger: Logger;
  /** Clock; injected by tests of the 10-minute context and the reply-token lifetime. */
  now?: () => Date;
  /** Events handled per delivery; the rest are logged and dropped. Default 50. */
  maxEvents?: number;
  /** In groups, an unaddressed message is answered only at or above this confidence. Default 0.8. */
  groupMinScore?: number;
  /** One-to-one chats show LINE's loading animation when an answer takes longer than this. Default 500 ms. */
  loadingAfterMs?: number;
  /** How long the webhook looks for a just-logged question when someone opts in to a notification. Default 5 s. */
  notifyLookupMs?: number;
}

export interface LineWebhookService {
  /** Starts answering the events and returns at once; LINE wants its 200 quickly. */
  accept(events: LineEvent[]): void;
  /** Resolves when every event accepted so far has been handled (or failed). */
  pending(): Promise<void>;
}

/** Conversation context for follow-ups: turns younger than this, at most this many. */
export const CONTEXT_MAX_AGE_MS = 10 * 60 * 1000;
export const CONTEXT_TURNS = 5;
/** LINE's reply token must be used within about a minute of the event. */
export const REPLY_TOKEN_TTL_MS = 60 * 1000;
// LINE redelivers within its retry window (hours at most); a day covers it.
const EVENT_ID_CLAIM_MS = 24 * 60 * 60 * 1000;
const CONTENT_CLAIM_MS = 10 * 60 * 1000;
// How far back feedback and opt-ins look for the question that was asked.
const LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** One LINE question fetches the answer plus related records for quick replies. */
const LINE_ASK_LIMIT = 6;
// Below this the engine is saying "unrelated"; a quick reply for it would be noise.
const QUICK_REPLY_MIN_SCORE = 0.1;
/** Related questions offered after an answer: enough to choose from, few enough to scan. */
const RELATED_MAX = 4;
// LINE allows 5,000 characters; the API's 500 is about search quality, so long texts are cut.
const QUESTION_MAX = 500;

const langOf = (text: string): Lang => (/[\u0E00-\u0E7F]/.test(text) ? 'th' : 'en');
export const questionHash = (question: string) => createHash('sha256').update(question).digest('hex').slice(0, 16);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createLineWebhookService(options: LineWebhookOptions): LineWebhookService {
  const { knowledge, client, store, questionLog, salt, publicBaseUrl, logger } = options;
  const now = options.now ?? (() => new Date());
  const maxEvents = options.maxEvents ?? 50;
  const groupMinScore = options.groupMinScore ?? 0.8;
  const loadingAfterMs = options.loadingAfterMs ?? 500;
  const notifyLookupMs = options.notifyLookupMs ?? 5000;
  const offerNotify = options.offerNotify ?? true;
  const inFlight = new Set<Promise<void>>();

  const hash = (id: string) => hashUserId(id, salt);
  const cardContext = (snapshot: KnowledgeSnapshot) => ({ publicBaseUrl, documents: snapshot.kb.documents, kb: snapshot.kb });

  async function history(chat: Chat): Promise<HistoryTurn[]> {
    const turns = await store.conversation(hash(chat.id), CONTEXT_MAX_AGE_MS);
    return turns.slice(-CONTEXT_TURNS).map((t) => ({ question: t.question.slice(0, QUESTION_MAX), ...(t.answerId ? { answerId: t.answerId } : {}) }));
  }

  const addTurn = (chat: Chat, question: string, answerId?: string) =>
    store.addTurn(hash(chat.id), { question, ...(answerId ? { answerId } : {}), time: now() }, CONTEXT_TURNS);

  /**
   * The next questions to offer after an answer: the engine's other close candidates (`close`, or
   * what the record's own question finds), then the neighbouring questions of the same section,
   * which the handouts group by topic, so there is always somewhere to go next.
   */
  function related(snapshot: KnowledgeSnapshot, answer: Answer, lang: Lang, close?: Answer[]): Answer[] {
    const candidates = close ?? snapshot.answerer.ask({ question: answer.original.question, lang, limit: LINE_ASK_LIMIT }).answers;
    const out = candidates.filter((a) => a.id !== answer.id && a.score >= QUICK_REPLY_MIN_SCORE).slice(0, RELATED_MAX);
    const taken = new Set([answer.id, ...out.map((a) => a.id)]);
    const neighbours = snapshot.kb.records
      .filter((r) => r.source.document === answer.source.document && r.source.section === answer.source.section && !taken.has(r.id) && !r.supersededBy)
      .sort((a, b) => Math.abs(a.source.number - answer.source.number) - Math.abs(b.source.number - answer.source.number) || a.source.number - b.source.number);
    for (const r of neighbours) {
      if (out.length >= RELATED_MAX) break;
      const rendered = snapshot.answerer.record(r.id, lang);
      if (rendered) out.push(rendered);
    }
    return out;
  }

  function logQuestion(chat: Chat, question: string, result: AskResult, started: number): void {
    const top = result.answers[0];
    questionLog.question({
      channel: 'line',
      question,
      lang: result.lang,
      outcome: outcomeOf(result),
      ...(top ? { topId: top.id, score: top.score } : {}),
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      user: hash(chat.userId ?? chat.id),
    });
  }

  async function onText(event: LineEvent, chat: Chat): Promise<LineMessage[] | undefined> {
    const group = chat.kind !== 'user';
    const mentioned = group && mentionsBot(event);
    const question = Array.from(stripControl(mentioned ? withoutSelfMentions(event) : (event.message?.text ?? ''))).slice(0, QUESTION_MAX).join('');
    if (!question) return group ? undefined : nonTextHintMessages();
    const snapshot = knowledge.current();
    if (!snapshot) return group ? undefined : unavailableMessages(langOf(question));

    const started = performance.now();
    const asker = options.conversations?.of(snapshot) ?? snapshot.answerer;
    const query = { question, history: await history(chat), limit: LINE_ASK_LIMIT };
    // Asynchronously when the engine can (an index in a worker): other events go on meanwhile.
    const result = asker.askAsync ? await asker.askAsync(query) : asker.ask(query);
    const [top, ...rest] = result.answers;
    const confident = result.status === 'answered' && top !== undefined && top.score >= groupMinScore && !result.message;
    // Group manners: only when addressed, or when the message is plainly one of our questions.
    if (group && !mentioned && !confident) return undefined;

    logQuestion(chat, question, result, started);
    await addTurn(chat, question, result.status === 'answered' ? top?.id : undefined);
    const ctx = cardContext(snapshot);
    const lang = result.lang;
    const message = result.message;
    if (message && message.kind !== 'year-not-covered') return botMessageMessages(message);
    const lead = message?.text;
    if (result.status === 'answered' && top) {
      return answerMessages(top, lang, ctx, related(snapshot, top, lang, rest), lead);
    }
    if (result.status === 'clarify' && result.answers.length > 0) return clarifyMessages(snapshot.kb, lang, result.answers, lead);
    // The engine understood the question but no record covers that year: say so, offer the nearest.
    if (lead) return withQuickReply([text(lead)], recordItems(snapshot.kb, result.answers, lang));
    if (group) return groupSuggestionMessages(snapshot.kb, lang, result.answers);
    return fallbackMessages(snapshot.kb, lang, result.answers, chat.userId && offerNotify ? questionHash(question) : undefined);
  }

  async function openRecord(chat: Chat, postback: Extract<Postback, { action: 'open' }>): Promise<LineMessage[]> {
    const snapshot = knowledge.current();
    if (!snapshot) return unavailableMessages(postback.lang);
    const started = performance.now();
    const answer = snapshot.answerer.record(postback.recordId, postback.lang);
    if (!answer) return fallbackMessages(snapshot.kb, postback.lang, []);
    if (postback.choice) {
      // A "did you mean" choice answers the question that was asked: log it so editors see which.
      const asked = (await store.conversation(hash(chat.id), CONTEXT_MAX_AGE_MS)).at(-1)?.question ?? answer.original.question;
      logQuestion(chat, asked, { answered: true, status: 'answered', lang: postback.lang, answers: [answer] }, started);
    }
    // Opening a record is a turn: a follow-up ("and for L3?") leans on it.
    await addTurn(chat, answer.question, answer.id);
    return answerMessages(answer, postback.lang, cardContext(snapshot), related(snapshot, answer, postback.lang));
  }

  async function askedQuestion(chat: Chat, recordId: string): Promise<string | undefined> {
    const turns = await store.conversation(hash(chat.id), LOOKBACK_MS);
    return turns.reverse().find((t) => t.answerId === recordId)?.question;
  }

  async function onFeedback(chat: Chat, recordId: string, lang: Lang, helpful: boolean, reason?: Extract<Postback, { action: 'reason' }>['reason']): Promise<LineMessage[]> {
    const snapshot = knowledge.current();
    const record = snapshot?.answerer.record(recordId, lang);
    if (!record) return [text(lang === 'en' ? 'That answer no longer exists.' : 'ไม่พบคำตอบนั้นแล้ว')];
    if (!helpful && !reason) return reasonPromptMessages(recordId, lang);
    // One vote per person and record a day: a double tap is not two opinions.
    const voter = hash(chat.userId ?? chat.id);
    if (!(await store.claimOnce(`line:feedback:${voter}:${recordId}`, LOOKBACK_MS))) return feedbackThanksMessages(lang, helpful);
    // The same path as the web's feedback: the question log's batched writes to the store.
    questionLog.feedback({
      recordId,
      question: (await askedQuestion(chat, recordId)) ?? record.original.question,
      helpful,
      ...(reason ? { reason } : {}),
      channel: 'line',
      user: voter,
      time: now(),
    });
    return feedbackThanksMessages(lang, helpful);
  }

  /** Finds the logged question this opt-in is about; the log is written in batches, so it may take a moment. */
  async function findLoggedQuestion(userHash: string, qHash: string): Promise<{ id: string; question: string; lang: string } | undefined> {
    const deadline = performance.now() + notifyLookupMs;
    for (;;) {
      await questionLog.flush();
      const rows = await store.listQuestions({ channel: 'line', since: new Date(now().getTime() - LOOKBACK_MS), limit: 500 });
      const row = rows.find((r) => r.user === userHash && questionHash(r.question) === qHash);
      if (row || performance.now() > deadline) return row;
      await sleep(200);
    }
  }

  async function onNotify(chat: Chat, postback: Extract<Postback, { action: 'notify' }>): Promise<LineMessage[]> {
    if (chat.kind !== 'user' || !chat.userId) return [];
    const row = await findLoggedQuestion(hash(chat.userId), postback.hash);
    if (!row) return notifyConfirmMessages(postback.lang, false);
    const existing = await store.notifyRequestsFor(row.id);
    if (!existing.some((r) => r.lineUserId === chat.userId)) {
      await store.addNotifyRequest({ questionId: row.id, question: row.question, lineUserId: chat.userId, lang: postback.lang });
    }
    return notifyConfirmMessages(postback.lang, true);
  }

  async function onPostback(event: LineEvent, chat: Chat): Promise<LineMessage[] | undefined> {
    const postback = parsePostback(event.postback?.data ?? '');
    if (!postback) {
      logger.warn({ webhookEventId: event.webhookEventId }, 'LINE postback with data we did not send; ignored');
      return undefined;
    }
    switch (postback.action) {
      case 'open':
        return openRecord(chat, postback);
      case 'feedback':
        return onFeedback(chat, postback.recordId, postback.lang, postback.helpful);
      case 'reason':
        return onFeedback(chat, postback.recordId, postback.lang, false, postback.reason);
      case 'notify':
        return onNotify(chat, postback);
    }
  }

  async function messagesFor(event: LineEvent, chat: Chat): Promise<LineMessage[] | undefined> {
    switch (event.type) {
      case 'follow':
        return welcomeMessages();
      case 'join':
        return groupGreetingMessages();
      case 'postback':
        return onPostback(event, chat);
      case 'message':
        if (event.message?.type === 'text') return onText(event, chat);
        // Stickers, pictures, files: quiet in groups; one line of help one-to-one.
        return chat.kind === 'user' ? nonTextHintMessages() : undefined;
      default:
        return undefined;
    }
  }

  async function handle(event: LineEvent): Promise<void> {
    if (!event.replyToken) return;
    const ageMs = event.timestamp === undefined ? 0 : now().getTime() - event.timestamp;
    if (ageMs > REPLY_TOKEN_TTL_MS) {
      logger.warn({ webhookEventId: event.webhookEventId, eventType: event.type, ageMs }, 'LINE event older than its reply token; skipped');
      return;
    }
    const claimKey = event.webhookEventId ? `line:event:${event.webhookEventId}` : `line:content:${contentKey(event)}`;
    if (!(await store.claimOnce(claimKey, event.webhookEventId ? EVENT_ID_CLAIM_MS : CONTENT_CLAIM_MS))) {
      logger.info({ webhookEventId: event.webhookEventId }, 'LINE event already handled; redelivery ignored');
      return;
    }
    const chat = chatOf(event.source);
    if (!chat) return;

    // One-to-one, a slow answer (a reload, a slow store) shows LINE's typing animation.
    const loading =
      chat.kind === 'user' && loadingAfterMs >= 0
        ? setTimeout(() => {
            client.startLoading(chat.id).catch((err) => logger.warn({ err }, 'LINE loading indicator failed'));
          }, loadingAfterMs)
        : undefined;
    let messages: LineMessage[] | undefined;
    try {
      messages = await messagesFor(event, chat);
    } finally {
      clearTimeout(loading);
    }
    if (!messages || messages.length === 0) return;
    try {
      await client.reply(event.replyToken, messages);
    } catch (err) {
      logger.error({ err, webhookEventId: event.webhookEventId, eventType: event.type }, 'LINE reply failed');
    }
  }

  return {
    accept(events) {
      if (events.length > maxEvents) {
        logger.warn({ received: events.length, handled: maxEvents, dropped: events.length - maxEvents }, `LINE delivery has more than ${maxEvents} events; the rest are dropped`);
      }
      for (const event of events.slice(0, maxEvents)) {
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

