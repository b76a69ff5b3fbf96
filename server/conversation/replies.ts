import type { BotMessage, Lang } from '../search/types.js';
import type { SmallTalkKind } from './small-talk.js';

/** The office's contact details, shown when someone asks for a person (CONTACT_TH / CONTACT_EN). */
export interface Contact {
  th: string;
  en: string;
}

/**
 * Used when CONTACT_TH / CONTACT_EN are unset: points to the office's public website rather than
 * inventing a phone number that could go stale.
 */
export const DEFAULT_CONTACT: Contact = {
  th: 'ติดต่อเจ้าหน้าที่สำนักงาน ก.พ.ร. ได้ตามช่องทางที่ประกาศไว้บนเว็บไซต์ www.opdc.go.th',
  en: 'You can reach OPDC staff through the contact channels listed on www.opdc.go.th',
};

const SMALL_TALK: Record<SmallTalkKind, Record<Lang, string>> = {
  greeting: {
    th: 'สวัสดีครับ ผมเป็นผู้ช่วยตอบคำถามเรื่องแนวทางการประเมินส่วนราชการของสำนักงาน ก.พ.ร. จากเอกสารถาม-ตอบ ลองถามได้เลย เช่น',
    en: 'Hello! I answer questions about the OPDC assessment guidelines, from its Q&A handouts. You could ask, for example:',
  },
  thanks: {
    th: 'ยินดีครับ มีคำถามอื่นถามต่อได้เลย เช่น',
    en: "You're welcome. Ask me anything else, for example:",
  },
  identity: {
    th: 'ผมเป็นบอทตอบคำถาม (ไม่ใช่เจ้าหน้าที่) ตอบจากเอกสารถาม-ตอบของสำนักงาน ก.พ.ร. พร้อมบอกแหล่งที่มาทุกครั้ง ถ้าต้องการคุยกับเจ้าหน้าที่ พิมพ์ "ขอคุยกับเจ้าหน้าที่" ได้ ลองถาม เช่น',
    en: 'I am a question-answering bot (not a person). I answer from the OPDC Q&A handouts and always show the source. To reach a person, type "talk to staff". Try, for example:',
  },
};

export function smallTalkMessage(kind: SmallTalkKind, lang: Lang, examples: string[]): BotMessage {
  return { kind, text: SMALL_TALK[kind][lang], examples };
}

export function handoffMessage(lang: Lang, contact: Contact): BotMessage {
  const lead = lang === 'th' ? 'ติดต่อเจ้าหน้าที่ได้ที่:' : 'To talk to a person:';
  return { kind: 'handoff', text: `${lead}\n${contact[lang]}` };
}

export function askTopicMessage(lang: Lang, examples: string[]): BotMessage {
  return {
    kind: 'ask-topic',
    text:
      lang === 'th'
        ? 'คำถามนี้ต่อจากเรื่องไหนครับ ช่วยพิมพ์ชื่อเรื่องหรือตัวชี้วัดด้วย (เช่น e-service, Data catalog, PMQA) หรือเลือกจากรายการด้านล่าง'
        : 'Which topic does this follow on from? Please name the topic or indicator (such as e-service, Data catalog or PMQA), or pick one below.',
    examples,
  };
}
