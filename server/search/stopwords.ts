import { lexicon } from './lexicon.js';

/**
 * Words that carry no topic (kb/lexicon/stopwords.json): dropping them keeps BM25 from
 * rewarding a record for sharing "หรือไม่" with the question, and keeps coverage about content.
 * The list is small on purpose: a stopword can never be searched for, so words that can carry
 * meaning in this domain (ต้อง "must", ไม่ "not", ส่ง "submit", ใช้ "use") stay searchable.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(lexicon().stopwords.entries.map((e) => e.word));

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
