/**
 * Remembers keys for a while, bounded in size: LINE redelivers an event within
 * minutes, so an unbounded set would only grow.
 */
export class TtlSet {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSize: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds the key; false when it was already present and not expired. */
  add(key: string): boolean {
    const t = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + this.ttlMs);
    this.prune(t);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  // Map keeps insertion order and every entry has the same TTL, so the oldest are first.
  private prune(t: number): void {
    for (const [key, expires] of this.seen) {
      if (expires > t && this.seen.size <= this.maxSize) break;
      this.seen.delete(key);
    }
  }
}
