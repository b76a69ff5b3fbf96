import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '../../server/line/signature.js';
import { TtlSet } from '../../server/line/ttl-set.js';

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

describe('TtlSet', () => {
  it('reports a key once until it expires', () => {
    let now = 0;
    const set = new TtlSet(1000, 10, () => now);
    expect(set.add('a')).toBe(true);
    expect(set.add('a')).toBe(false);
    now = 1001;
    expect(set.add('a')).toBe(true);
  });

  it('stays within its size bound, forgetting the oldest', () => {
    const set = new TtlSet(60_000, 3, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) set.add(k);
    expect(set.size).toBe(3);
    expect(set.add('a')).toBe(true);
    expect(set.add('d')).toBe(false);
  });
});
