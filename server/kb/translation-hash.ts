import { createHash } from 'node:crypto';

/**
 * Fingerprint of the Thai text an English translation was made from, stored in
 * `translatedFrom`. When a re-import changes the Thai, the stored hash no longer
 * matches and kb:check reports the translation as stale.
 */
export function translationHash(questionTh: string, answerTh: string): string {
  return `sha256:${createHash('sha256').update(`${questionTh}\u0000${answerTh}`).digest('hex').slice(0, 16)}`;
}
