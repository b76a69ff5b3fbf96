import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from '../../server/console/rate-limit.js';

describe('login limiter', () => {
  it('blocks a name after 5 failures within the window and frees it when the window passes', () => {
    let now = 0;
    const limiter = createLoginLimiter({ maxFailures: 5, windowMs: 60_000, clock: () => now });
    const keys = ['name:somchai', 'addr:10.0.0.1'];
    for (let i = 0; i < 4; i++) limiter.fail(keys);
    expect(limiter.retryAfter(keys)).toBe(0);
    limiter.fail(keys);
    expect(limiter.retryAfter(keys)).toBe(60);
    now = 30_000;
    expect(limiter.retryAfter(['name:somchai'])).toBe(30);
    now = 60_001;
    expect(limiter.retryAfter(keys)).toBe(0);
  });

  it('limits an address that tries many names, and a success clears only the name', () => {
    const limiter = createLoginLimiter({ maxFailures: 3, windowMs: 60_000, clock: () => 0 });
    for (const name of ['a', 'b', 'c']) limiter.fail([`name:${name}`, 'addr:1.2.3.4']);
    expect(limiter.retryAfter(['name:d', 'addr:1.2.3.4'])).toBeGreaterThan(0);
    expect(limiter.retryAfter(['name:d', 'addr:5.6.7.8'])).toBe(0);
    limiter.succeed(['name:a', 'addr:1.2.3.4']);
    expect(limiter.retryAfter(['addr:1.2.3.4'])).toBeGreaterThan(0);
  });
});
