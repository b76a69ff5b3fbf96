import type { KbDocument } from '../kb/schema.js';
import { formatEnglishDate, formatThaiDate } from '../kb/thai-date.js';
import type { Answer, Lang } from '../search/types.js';
import { sectionShortName } from './labels.js';
import { encodePostback } from './postback.js';
import { fitText, truncateUnits } from './text.js';

/**
 * The answer card: a Flex bubble with the record's question as the title, the answer (cut
 * cleanly with a "Read more" link to the record page when long), a compact source line and the
 * buttons. Only properties LINE's OpenAPI description lists are used (tests validate each card).
 */

/** Longer answers are cut here: a card is read on a phone, the record page holds the rest. */
export const CARD_ANSWER_UNITS = 600;
export const ALT_TEXT_UNITS = 1500;
// A notification or chat-list preview shows a line or two; more only costs bytes.
const ALT_ANSWER_UNITS = 240;

export interface FlexText { type: 'text'; text: string; wrap?: boolean; size?: string; weight?: 'regular' | 'bold'; color?: string; margin?: string; decoration?: 'underline'; action?: UriAction; maxLines?: number }
export interface UriAction { type: 'uri'; label: string; uri: string }
export interface PostbackAction { type: 'postback'; label: string; data: string; displayText?: string }
export interface FlexButton { type: 'button'; action: UriAction | PostbackAction; style?: 'primary' | 'secondary' | 'link'; height?: 'sm' | 'md'; flex?: number; color?: string }
export interface FlexSeparator { type: 'separator'; margin?: string }
export interface FlexBox { type: 'box'; layout: 'vertical' | 'horizontal' | 'baseline'; contents: FlexComponent[]; spacing?: string; margin?: string; paddingAll?: string; backgroundColor?: string; cornerRadius?: string }
export type FlexComponent = FlexText | FlexButton | FlexSeparator | FlexBox;
export interface FlexBubble { type: 'bubble'; size?: 'mega' | 'giga'; header?: FlexBox; body: FlexBox; footer?: FlexBox }

export interface CardContext {
  publicBaseUrl: string;
  documents: KbDocument[];
}

export function recordUrl(publicBaseUrl: string, id: string, lang: Lang): string {
  return `${publicBaseUrl}/records/${id}${lang === 'en' ? '?lang=en' : ''}`;
}

const words = (lang: Lang) =>
  lang === 'en'
    ? {
        readMore: 'Read more',
        open: 'Open record page',
        helpful: '👍 Helpful',
        notHelpful: '👎 Not helpful',
        helpfulShown: '👍 This answer helped',
        notHelpfulShown: '👎 This answer did not help',
        newer: 'See newer guidance',
        replaced: 'Later guidance replaces this answer.',
        translation: 'English translation by the bot team; the Thai original is authoritative.',
        thaiOriginal: 'Thai original',
        question: 'Q',
        answer: 'A',
        number: (n: number) => `Q${n}`,
        fy: 'FY',
      }
    : {
        readMore: 'อ่านต่อ',
        open: 'เปิดหน้าคำตอบ',
        helpful: '👍 มีประโยชน์',
        notHelpful: '👎 ไม่ตรง',
        helpfulShown: '👍 คำตอบนี้มีประโยชน์',
        notHelpfulShown: '👎 คำตอบนี้ไม่ตรง',
        newer: 'ดูแนวทางใหม่',
        replaced: 'มีแนวทางที่ใหม่กว่าแทนคำตอบนี้',
        translation: '',
        thaiOriginal: '',
        question: 'ถาม',
        answer: 'ตอบ',
        number: (n: number) => `ข้อ ${n}`,
        fy: 'ปีงบ',
      };

/**
 * A short name for a document: the editor's, else the Latin name the Thai title gives in
 * parentheses ("(Potential Base)"), else who it is for, with the fiscal years.
 */
export function documentShortName(document: KbDocument | undefined, lang: Lang): string {
  if (!document) return '';
  const set = document.shortTitle && ((lang === 'en' && document.shortTitle.en) || document.shortTitle.th);
  if (set) return set;
  const years = document.fiscalYears.length > 1 ? `${document.fiscalYears[0]}-${document.fiscalYears.at(-1)}` : String(document.fiscalYears[0]);
  const latin = /\(([A-Za-z][A-Za-z .&-]{2,40})\)/.exec(document.title.th)?.[1]?.trim();
  const audience = document.audience.length === 1 ? document.audience[0] : undefined;
  const who =
    latin ??
    (lang === 'en'
      ? audience === 'province' ? 'Provincial assessment' : 'Agency assessment'
      : audience === 'province' ? 'การประเมินจังหวัด' : 'การประเมินส่วนราชการ');
  return `${who} ${words(lang).fy} ${years}`;
}

/** "Potential Base ปีงบ 2565 · ตัวชี้วัด e-service · ข้อ 14 · 10 ก.ย. 2564" */
export function sourceFooter(answer: Answer, documents: KbDocument[], lang: Lang): string {
  const document = documents.find((d) => d.id === answer.source.document);
  const section = (lang === 'en' && document?.sections.find((s) => s.slug === answer.source.section)?.title.en) || answer.source.sectionTitle;
  const date = answer.source.date ? (lang === 'en' ? formatEnglishDate(answer.source.date) : formatThaiDate(answer.source.date, 'short')) : '';
  return [documentShortName(document, lang) || answer.source.title, section, words(lang).number(answer.source.number), date].filter(Boolean).join(' · ');
}

/** The chat-list and notification text: question and the start of the answer, plain. */
export function answerAltText(answer: Answer, lang: Lang): string {
  const w = words(lang);
  const flat = answer.answer.replace(/\s+/g, ' ').trim();
  const snippet = fitText(flat, ALT_ANSWER_UNITS, '…');
  return truncateUnits(`${w.question}: ${answer.question.replace(/\s+/g, ' ').trim()}\n${w.answer}: ${snippet}`, ALT_TEXT_UNITS);
}

export interface AnswerCard {
  type: 'flex';
  altText: string;
  contents: FlexBubble;
}

/** The answer card of one record in `lang` (Thai when the record has no translation). */
export function answerCard(answer: Answer, lang: Lang, ctx: CardContext): AnswerCard {
  const w = words(lang);
  const url = recordUrl(ctx.publicBaseUrl, answer.id, answer.translated ? 'en' : 'th');
  const cut = fitText(answer.answer, CARD_ANSWER_UNITS, '…');
  const body: FlexComponent[] = [{ type: 'text', text: answer.question, wrap: true, weight: 'bold', size: 'md' }];
  if (answer.translated) body.push({ type: 'text', text: w.translation, wrap: true, size: 'xxs', color: '#8a6d00', margin: 'sm' });
  else if (lang === 'en') body.push({ type: 'text', text: 'Not translated yet: shown in the Thai original.', wrap: true, size: 'xxs', color: '#8a6d00', margin: 'sm' });
  body.push({ type: 'text', text: cut, wrap: true, size: 'sm', margin: 'md', color: '#222222' });
  if (cut !== answer.answer) {
    body.push({ type: 'text', text: `${w.readMore} ›`, size: 'sm', color: '#1a5fb4', decoration: 'underline', margin: 'sm', action: { type: 'uri', label: w.readMore, uri: url } });
  }
  if (answer.supersededBy) body.push({ type: 'text', text: `⚠️ ${w.replaced}`, wrap: true, size: 'xs', color: '#b3261e', margin: 'md', weight: 'bold' });
  body.push({ type: 'separator', margin: 'md' });
  body.push({ type: 'text', text: sourceFooter(answer, ctx.documents, lang), wrap: true, size: 'xxs', color: '#6b6b6b', margin: 'sm' });

  const feedback = (helpful: boolean): FlexButton => ({
    type: 'button',
    style: 'secondary',
    height: 'sm',
    flex: 1,
    action: {
      type: 'postback',
      label: helpful ? w.helpful : w.notHelpful,
      data: encodePostback({ action: 'feedback', recordId: answer.id, lang, helpful }),
      displayText: helpful ? w.helpfulShown : w.notHelpfulShown,
    },
  });
  const footer: FlexComponent[] = [];
  if (answer.supersededBy) {
    footer.push({
      type: 'button',
      style: 'primary',
      height: 'sm',
      color: '#b3261e',
      action: { type: 'postback', label: w.newer, data: encodePostback({ action: 'open', recordId: answer.supersededBy, lang }), displayText: w.newer },
    });
  }
  footer.push({ type: 'button', style: 'link', height: 'sm', action: { type: 'uri', label: w.open, uri: url } });
  if (answer.translated) {
    footer.push({
      type: 'button',
      style: 'link',
      height: 'sm',
      action: { type: 'postback', label: w.thaiOriginal, data: encodePostback({ action: 'open', recordId: answer.id, lang: 'th' }), displayText: 'ต้นฉบับภาษาไทย / Thai original' },
    });
  }
  footer.push({ type: 'box', layout: 'horizontal', spacing: 'sm', contents: [feedback(true), feedback(false)] });

  return {
    type: 'flex',
    altText: answerAltText(answer, lang),
    contents: {
      type: 'bubble',
      size: 'giga',
      body: { type: 'box', layout: 'vertical', contents: body, paddingAll: '16px' },
      footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
    },
  };
}
