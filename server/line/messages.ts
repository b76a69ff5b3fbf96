import type { KbDocument } from '../kb/schema.js';
import { formatEnglishDate, formatThaiDate } from '../kb/thai-date.js';
import type { Answer, Lang } from '../search/types.js';
import { fitText, truncateGraphemes, truncateUnits } from './text.js';

/** LINE Messaging API limits (developers.line.biz/en/reference/messaging-api/). */
export const LINE_LIMITS = {
  textUnits: 5000,
  messagesPerReply: 5,
  quickReplyItems: 13,
  labelGraphemes: 20,
  displayTextUnits: 300,
  postbackDataUnits: 300,
} as const;

export interface PostbackAction {
  type: 'postback';
  label: string;
  data: string;
  displayText: string;
}

export interface TextMessage {
  type: 'text';
  text: string;
  quickReply?: { items: { type: 'action'; action: PostbackAction }[] };
}

export function recordUrl(publicBaseUrl: string, id: string, lang: Lang): string {
  return `${publicBaseUrl}/records/${id}${lang === 'en' ? '?lang=en' : ''}`;
}

/**
 * The search engine keeps section titles Thai (names printed in the handout); an English
 * chat reads better with the translated names when the knowledge base has them.
 */
export function localizeSource(answer: Answer, documents: KbDocument[], lang: Lang): Answer {
  if (lang !== 'en') return answer;
  const doc = documents.find((d) => d.id === answer.source.document);
  const section = doc?.sections.find((s) => s.slug === answer.source.section);
  return {
    ...answer,
    source: { ...answer.source, title: doc?.title.en || answer.source.title, sectionTitle: section?.title.en || answer.source.sectionTitle },
  };
}

export function sourceLine(answer: Answer, lang: Lang): string {
  const s = answer.source;
  if (lang === 'en') {
    const lines = [`Source: question ${s.number}, ${s.sectionTitle} · ${s.title} · ${formatEnglishDate(s.date)}`];
    if (answer.translated) lines.push('The English text is our translation of the Thai original, which is authoritative.');
    if (answer.supersededBy) lines.push(`Later guidance replaces this answer: see ${answer.supersededBy}.`);
    return lines.join('\n');
  }
  const lines = [`ที่มา: ข้อ ${s.number} ${s.sectionTitle} · ${s.title} · ${formatThaiDate(s.date, 'short')}`];
  if (answer.supersededBy) lines.push(`มีแนวทางที่ใหม่กว่าแทนคำตอบนี้: ดู ${answer.supersededBy}`);
  return lines.join('\n');
}

/** The answer text, cut to LINE's limit with a link to the full record when it is longer. */
export function answerText(answer: Answer, lang: Lang, publicBaseUrl: string): string {
  const more = lang === 'en' ? 'Read the full answer' : 'อ่านคำตอบฉบับเต็ม';
  return fitText(answer.answer, LINE_LIMITS.textUnits, `…\n\n${more}: ${recordUrl(publicBaseUrl, answer.id, lang)}`);
}

export function recordPostbackData(id: string, lang: Lang): string {
  return new URLSearchParams({ record: id, lang }).toString();
}

export function quickReplies(answers: Answer[], lang: Lang): TextMessage['quickReply'] {
  const items = answers.slice(0, LINE_LIMITS.quickReplyItems).map((a) => ({
    type: 'action' as const,
    action: {
      type: 'postback' as const,
      label: truncateGraphemes(a.question, LINE_LIMITS.labelGraphemes),
      data: recordPostbackData(a.id, lang),
      displayText: truncateUnits(a.question, LINE_LIMITS.displayTextUnits),
    },
  }));
  return items.length > 0 ? { items } : undefined;
}

function withQuickReply(messages: TextMessage[], quickReply: TextMessage['quickReply']): TextMessage[] {
  const last = messages.at(-1);
  if (last && quickReply) last.quickReply = quickReply;
  return messages;
}

/** Answer text, then its source; the other likely records ride along as quick replies. */
export function answerMessages(answer: Answer, lang: Lang, publicBaseUrl: string, others: Answer[] = []): TextMessage[] {
  return withQuickReply(
    [
      { type: 'text', text: answerText(answer, lang, publicBaseUrl) },
      { type: 'text', text: truncateUnits(sourceLine(answer, lang), LINE_LIMITS.textUnits) },
    ],
    quickReplies(others, lang),
  );
}

export function fallbackMessages(lang: Lang, suggestions: Answer[]): TextMessage[] {
  const hasSuggestions = suggestions.length > 0;
  const text =
    lang === 'en'
      ? `Sorry, I could not find a confident answer to that in the OPDC Q&A documents. ${hasSuggestions ? 'These questions look closest; tap one to read its answer, or try asking in other words.' : 'Please try asking in other words, for example naming the indicator (e-service, Data catalog, PMQA) or the fiscal year.'}`
      : `ขออภัย ยังไม่พบคำตอบที่ตรงกับคำถามนี้ในเอกสารถาม-ตอบของ สำนักงาน ก.พ.ร. ${hasSuggestions ? 'คำถามด้านล่างใกล้เคียงที่สุด แตะเพื่ออ่านคำตอบ หรือลองถามด้วยคำอื่น' : 'ลองถามด้วยคำอื่น เช่น ระบุชื่อตัวชี้วัด (e-service, Data catalog, PMQA) หรือปีงบประมาณ'}`;
  return withQuickReply([{ type: 'text', text }], quickReplies(suggestions, lang));
}

export const HOW_TO_TEXT = [
  'สวัสดี นี่คือบอทตอบคำถามแนวทางการประเมินส่วนราชการของ สำนักงาน ก.พ.ร.',
  'พิมพ์คำถามเป็นข้อความ เช่น "ตัวชี้วัด e-service ต้องเลือกกี่งานบริการ" แล้วบอทจะตอบจากเอกสารถาม-ตอบ พร้อมบอกที่มา',
  'Hello! This bot answers questions about the OPDC (สำนักงาน ก.พ.ร.) assessment guidelines.',
  'Type your question as a text message, e.g. "How many e-services must we choose?", and it answers from the official Q&A documents with the source.',
].join('\n\n');

export function howToMessages(): TextMessage[] {
  return [{ type: 'text', text: HOW_TO_TEXT }];
}
