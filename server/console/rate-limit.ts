/**
 * Failed sign-ins are counted per account name and per client address in a sliding window;
 * past the limit, sign-in is refused (even with the right password) until the window moves on.
 * In memory: per instance, which is enough to make guessing slow; restarts forget.
 */
export interface LoginLimiterOptions {
  /** Failures allowed per key within the window; default 5. */
  maxFailures?: number;
  /** Window in ms; default 15 minutes. */
  windowMs?: number;
  clock?: () => number;
}

export interface LoginLimiter {
  /** Seconds until a try is allowed again for any of the keys, or 0. */
  retryAfter(keys: string[]): number;
  fail(keys: string[]): void;
  succeed(keys: string[]): void;
}

export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const max = options.maxFailures ?? 5;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const now = options.clock ?? Date.now;
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const cutoff = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };

  return {
    retryAfter(keys) {
      let wait = 0;
      for (const key of keys) {
        const times = recent(key);
        if (times.length >= max) wait = Math.max(wait, Math.ceil((times[times.length - max]! + windowMs - now()) / 1000));
      }
      return wait;
    },
    fail(keys) {
      for (const key of keys) failures.set(key, [...recent(key), now()]);
      // Bounded memory under a spray of names: forget the oldest keys.
      if (failures.size > 10_000) for (const key of [...failures.keys()].slice(0, 1000)) failures.delete(key);
    },
    succeed(keys) {
      // Only the account's counter: an address shared by an office keeps its record of failures.
      for (const key of keys) if (key.startsWith('name:')) failures.delete(key);
    },
  };
}
