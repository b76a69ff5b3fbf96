import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram } from '../../scripts/bench/histogram.js';
import { percentile } from '../../scripts/bench/stats.js';

// The soak reports percentiles from a fixed-size histogram; they must agree with the exact
// nearest-rank percentile of the same samples to within one bucket (2%).

describe('Histogram', () => {
  it('reports every percentile within 2% of the exact one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 60_000, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.constantFrom(1, 50, 90, 99, 100),
        (samples, p) => {
          const h = new Histogram();
          for (const s of samples) h.record(s);
          const exact = percentile([...samples].sort((a, b) => a - b), p);
          const approx = h.percentile(p);
          expect(approx).toBeGreaterThanOrEqual(exact * 0.98 - 1e-9);
          expect(approx).toBeLessThanOrEqual(exact * 1.02 + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgets everything on reset', () => {
    const h = new Histogram();
    h.record(5);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.percentile(50)).toBeNaN();
  });
});
