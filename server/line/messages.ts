import type { KnowledgeBase } from '../kb/schema.js';
import type { FeedbackReason } from '../store/types.js';
import type { Answer, BotMessage, Lang } from '../search/types.js';
import { answerCard, type AnswerCard, type CardContext } from './answer-card.js';
import { LABEL_GRAPHEMES, quickReplyLabels } from './labels.js';
import { encodePostback, type Postback } from './postback.js';
import { truncateGraphemes, truncateUnits } from './text.js';

/** LINE Messaging API limits (developers.line.biz/en/reference/messaging-api/). */
export const LINE_LIMITS = {
  textUnits: 5000,
  altTextUnits: 1500,
  messagesPerReply: 5,
  quickReplyItems: 13,
  labelGraphemes: LABEL_GRAPHEMES,
  displayTextUnits: 300,
  postbackDataUnits: 300,
  messageActionTextUnits: 300,
} as const;

export interface QuickReplyAction {
  type: 'postback' | 'message';
  label: string;
  data?: string;
  displayText?: string;
  text?: string;
}

export interface QuickReply {
  items: { type: 'action'; action: QuickReplyAction }[];
}

export interface TextMessage {
  type: 'text';
  text: string;
  quickReply?: QuickReply;
}

export type LineMessage = (TextMessage | AnswerCard) & { quickReply?: QuickReply };

export const text = (t: string): TextMessage => ({ type: 'text', text: truncateUnits(t, LINE_LIMITS.textUnits) });

const postbackItem = (label: string, postback: Postback, displayText: string): QuickReply['items'][number] => ({
  type: 'action',
  action: { type: 'postback', label, data: encodePostback(postback), displayText: truncateUnits(displayText, LINE_LIMITS.displayTextUnits) },
});

/** A quick reply that sends `question` as the user's own message (example questions). */
const messageItem = (label: string, question: string): QuickReply['items'][number] => ({
  type: 'action',
  action: { type: 'message', label: truncateGraphemes(label, LINE_LIMITS.labelGraphemes), text: truncateUnits(question, LINE_LIMITS.messageActionTextUnits) },
});

/** Records as quick replies that open their answer card; labels distinct from `reserved`. */
export function recordItems(kb: KnowledgeBase, answers: Answer[], lang: Lang, options: { choice?: boolean; reserved?: string[]; max?: number } = {}): QuickReply['items'] {
  const max = options.max ?? LINE_LIMITS.quickReplyItems;
  const picked = answers.slice(0, max);
  const labels = quickReplyLabels(kb, picked.map((a) => a.id), lang, options.reserved);
  return picked.map((a, i) => postbackItem(labels[i]!, { action: 'open', recordId: a.id, lang, ...(options.choice ? { choice: true } : {}) }, a.question));
}

/** Attaches quick replies to the last message (LINE shows only the last one's). */
export function withQuickReply(messages: LineMessage[], items: QuickReply['items']): LineMessage[] {
  const last = messages.at(-1);
  const kept = dedupeLabels(items).slice(0, LINE_LIMITS.quickReplyItems);
  if (last && kept.length > 0) last.quickReply = { items: kept };
  return messages;
}

function dedupeLabels(items: QuickReply['items']): QuickReply['items'] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.action.label) && seen.add(i.action.label));
}

/** An answer card; related records ride along as quick replies. */
export function answerMessages(answer: Answer, lang: Lang, ctx: CardContext & { kb: KnowledgeBase }, related: Answer[] = [], lead?: string): LineMessage[] {
  const messages: LineMessage[] = [];
  if (lead) messages.push(text(lead));
  messages.push(answerCard(answer, lang, ctx));
  return withQuickReply(messages, recordItems(ctx.kb, related, lang));
}

const NOTIFY_LABEL = { th: '🔔 แจ้งฉันเมื่อมีคำตอบ', en: '🔔 Notify me' } as const;

/** No confident answer: say so kindly, offer the nearest records and, one-to-one, a notification. */
export function fallbackMessages(kb: KnowledgeBase | undefined, lang: Lang, suggestions: Answer[], notifyHash?: string): LineMessage[] {
  const has = suggestions.length > 0;
  const notify = notifyHash !== undefined;
  const body =
    lang === 'en'
      ? `Sorry, I could not find a confident answer to that in the OPDC Q&A documents. ${has ? 'These questions look closest; tap one to read its answer, or try other words.' : 'Try other words, for example naming the indicator (e-service, Data catalog, PMQA) or the fiscal year.'}${notify ? ' Tap "Notify me" and I will send you the answer when an editor adds one.' : ''}`
      : `ขออภัย ยังไม่พบคำตอบที่ตรงกับคำถามนี้ในเอกสารถาม-ตอบของ สำนักงาน ก.พ.ร. ${has ? 'คำถามด้านล่างใกล้เคียงที่สุด แตะเพื่ออ่านคำตอบ หรือลองถามด้วยคำอื่น' : 'ลองถามด้วยคำอื่น เช่น ระบุชื่อตัวชี้วัด (e-service, Data catalog, PMQA) หรือปีงบประมาณ'}${notify ? ' หรือแตะ "แจ้งฉันเมื่อมีคำตอบ" แล้วบอทจะส่งคำตอบให้เมื่อเจ้าหน้าที่เพิ่มคำตอบแล้ว' : ''}`;
  const items: QuickReply['items'] = [];
  if (notify) items.push(postbackItem(NOTIFY_LABEL[lang], { action: 'notify', lang, hash: notifyHash }, lang === 'en' ? 'Notify me when answered' : 'แจ้งฉันเมื่อมีคำตอบ'));
  if (kb) items.push(...recordItems(kb, suggestions, lang, { reserved: items.map((i) => i.action.label), max: LINE_LIMITS.quickReplyItems - items.length }));
  return withQuickReply([text(body)], items);
}

/** Group chats hear "no answer" from nobody: only the nearest records, when there are some. */
export function groupSuggestionMessages(kb: KnowledgeBase, lang: Lang, suggestions: Answer[]): LineMessage[] | undefined {
  if (suggestions.length === 0) return undefined;
  return withQuickReply([text(lang === 'en' ? 'These questions look closest:' : 'คำถามที่ใกล้เคียง:')], recordItems(kb, suggestions, lang));
}

/** "Did you mean": the options as numbered lines (readable after the quick replies vanish) and quick replies. */
export function clarifyMessages(kb: KnowledgeBase, lang: Lang, options: Answer[], lead?: string): LineMessage[] {
  const intro = lead ?? (lang === 'en' ? 'Your question matches more than one topic. Which one do you mean?' : 'คำถามนี้ตรงกับหลายเรื่อง หมายถึงเรื่องไหน เลือกได้เลย');
  const lines = options.map((o, i) => `${i + 1}. ${truncateUnits(o.question.replace(/\s+/g, ' '), 200)}`);
  return withQuickReply([text(`${intro}\n\n${lines.join('\n')}`)], recordItems(kb, options, lang, { choice: true }));
}

/** The engine's own reply (small talk, hand-off, ask-topic, year not covered), examples as quick replies. */
export function botMessageMessages(message: BotMessage): LineMessage[] {
  const items = (message.examples ?? []).map((q) => messageItem(q, q));
  return withQuickReply([text(message.text)], items);
}

export const EXAMPLES: Record<Lang, string[]> = {
  th: ['ตัวชี้วัด e-service ต้องเลือกกี่งานบริการ', 'Data catalog ต้องมีกี่ชุดข้อมูล', 'PMQA ต้องส่งเมื่อไหร่'],
  en: ['How many e-services must we choose?', 'How many datasets does the Data catalog need?', 'When is PMQA due?'],
};

const exampleItems = () => [...EXAMPLES.th, ...EXAMPLES.en].map((q) => messageItem(q, q));

/** Sent once when someone adds the bot as a friend. */
export function welcomeMessages(): LineMessage[] {
  const t = [
    'สวัสดี นี่คือบอทตอบคำถามแนวทางการประเมินส่วนราชการของ สำนักงาน ก.พ.ร.',
    'พิมพ์คำถามเป็นข้อความ แล้วบอทจะตอบจากเอกสารถาม-ตอบ พร้อมบอกที่มา ลองแตะคำถามตัวอย่างด้านล่างได้',
    'Hello! I answer questions about the OPDC (สำนักงาน ก.พ.ร.) assessment guidelines from the official Q&A documents, with the source. Type a question or tap an example below.',
  ].join('\n\n');
  return withQuickReply([text(t)], exampleItems());
}

/** Sent once when the bot is added to a group or room: how to address it there. */
export function groupGreetingMessages(): LineMessage[] {
  return [
    text(
      [
        'สวัสดีทุกคน บอทนี้ตอบคำถามแนวทางการประเมินของ สำนักงาน ก.พ.ร. ในกลุ่มนี้บอทจะตอบเมื่อถูกกล่าวถึง (@) หรือเมื่อคำถามตรงกับเอกสารถาม-ตอบชัดเจนเท่านั้น',
        'Hello everyone! In this group I answer when you mention me (@) or when a message clearly matches a question in the OPDC Q&A documents.',
      ].join('\n\n'),
    ),
  ];
}

/** A sticker or picture in a one-to-one chat: one line, not the whole how-to. */
export function nonTextHintMessages(): LineMessage[] {
  return withQuickReply([text('พิมพ์คำถามเป็นข้อความได้เลย / Please type your question as text.')], exampleItems().slice(0, 2));
}

const REASONS: Record<Lang, Record<FeedbackReason, string>> = {
  th: { wrong: 'คำตอบไม่ตรงคำถาม', outdated: 'ข้อมูลล้าสมัย', unclear: 'ไม่ชัดเจน', other: 'อื่น ๆ' },
  en: { wrong: 'Wrong answer', outdated: 'Out of date', unclear: 'Not clear', other: 'Other' },
};

/** After 👎: what was wrong? */
export function reasonPromptMessages(recordId: string, lang: Lang): LineMessage[] {
  const items = (Object.keys(REASONS[lang]) as FeedbackReason[]).map((reason) =>
    postbackItem(REASONS[lang][reason], { action: 'reason', recordId, lang, reason }, REASONS[lang][reason]),
  );
  return withQuickReply([text(lang === 'en' ? 'Sorry about that. What was wrong with the answer?' : 'ขออภัย คำตอบนี้มีปัญหาอย่างไร เลือกได้เลย')], items);
}

export function feedbackThanksMessages(lang: Lang, helpful: boolean): LineMessage[] {
  if (helpful) return [text(lang === 'en' ? 'Thank you for the feedback!' : 'ขอบคุณสำหรับความคิดเห็น')];
  return [text(lang === 'en' ? 'Thank you. The editors will review this answer.' : 'ขอบคุณ เจ้าหน้าที่จะตรวจสอบคำตอบนี้')];
}

export function notifyConfirmMessages(lang: Lang, ok: boolean): LineMessage[] {
  if (!ok) return [text(lang === 'en' ? 'Sorry, I could not find that question any more; please ask it again.' : 'ขออภัย ไม่พบคำถามนั้นแล้ว กรุณาถามอีกครั้ง')];
  return [
    text(
      lang === 'en'
        ? 'Done. When an editor answers your question I will send the answer here. (Your LINE ID is kept only for this and deleted after the message, or after 90 days.)'
        : 'รับทราบ เมื่อเจ้าหน้าที่เพิ่มคำตอบแล้ว บอทจะส่งคำตอบมาที่แชทนี้ (เก็บ LINE ID ไว้เพื่อการนี้เท่านั้น และลบหลังส่งหรือภายใน 90 วัน)',
    ),
  ];
}

/** The push when an editor answered an opted-in question: which question, then the card. */
export function answeredPushMessages(question: string, answer: Answer, lang: Lang, ctx: CardContext & { kb: KnowledgeBase }): LineMessage[] {
  const q = truncateUnits(question, 300);
  const lead = lang === 'en' ? `Your question "${q}" now has an answer:` : `คำถามของคุณ "${q}" มีคำตอบแล้ว`;
  return answerMessages(answer, lang, ctx, [], lead);
}

export function unavailableMessages(lang: Lang): LineMessage[] {
  return [text(lang === 'en' ? 'Sorry, the answers are not available right now. Please try again in a few minutes.' : 'ขออภัย ระบบยังไม่พร้อมตอบในขณะนี้ กรุณาลองใหม่อีกครั้งในไม่กี่นาที')];
}
