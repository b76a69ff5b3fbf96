import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '../../server/line/signature.js';

describe('verifySignature', () => {
  const body = Buffer.from('{"events":[],"destination":"U1"}');

  it('accepts the signature LINE computes', () => {
    expect(validateSignature(body, 'secret', sign(body, 'secret'))).toBe(true);
    expect(verifySignature(body, sign(body, 'secret'), 'secret')).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['another secret', sign(Buffer.from('{"events":[],"destination":"U1"}'), 'other')],
    ['a different body', sign('{"events":[]}', 'secret')],
    ['truncated', sign(Buffer.from('{"events":[],"destination":"U1"}'), 'secret').slice(0, 20)],
    ['not base64', '!!!!'],
  ])('rejects a %s signature', (_name, signature) => {
    expect(verifySignature(body, signature, 'secret')).toBe(false);
  });
});
