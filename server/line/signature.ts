import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * LINE signs the raw request bytes: base64(HMAC-SHA256(body, channel secret)).
 * Length is checked first because timingSafeEqual throws on unequal lengths.
 */
export function verifySignature(body: Buffer, signature: string | undefined, channelSecret: string): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', channelSecret).update(body).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function sign(body: Buffer | string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
