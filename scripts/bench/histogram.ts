/**
 * A fixed-size log-scale latency histogram: 2% bucket width from 1 µs to ~100 s. The soak
 * records every request for minutes in the same heap it checks for growth, so it cannot keep
 * a growing array of samples; this allocates once.
 */
const GROWTH = 1.02;
const MIN_US = 1;
const BUCKETS = Math.ceil(Math.log(100e6 / MIN_US) / Math.log(GROWTH)) + 1;

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  max = 0;

  record(ms: number): void {
    const us = Math.max(MIN_US, ms * 1000);
    const i = Math.min(BUCKETS - 1, Math.floor(Math.log(us / MIN_US) / Math.log(GROWTH)));
    this.counts[i]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
  }

  /** Upper edge of the bucket holding the p-th percentile, in ms (within 2%). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, (MIN_US * GROWTH ** (i + 1)) / 1000);
    }
    return this.max;
  }
}
