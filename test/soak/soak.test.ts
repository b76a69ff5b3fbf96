import { describe, expect, it } from 'vitest';
import { findGc } from '../../scripts/bench/gc.js';
import { runSoak } from '../../scripts/soak.js';

// The heap bound needs a full gc; findGc() enables it at run time, so the check runs unless
// the runtime refuses the flag, in which case the report says the heap was not checked.
const gcAvailable = findGc() !== undefined;

describe('soak', () => {
  it('serves 20 s of mixed load with no unexpected response and a bounded heap', { timeout: 90_000 }, async () => {
    const report = await runSoak({ seconds: 20 });

    expect(report.unexpected.samples).toEqual([]);
    expect(report.unexpected.count).toBe(0);
    expect(report.line.missing).toBe(0);
    expect(report.line.events).toBeGreaterThan(0);
    expect(report.line.replies).toBe(report.line.events);
    expect(Object.keys(report.statusCounts).filter((s) => !/^[234]\d\d$/.test(s))).toEqual([]);
    // Every intended refusal happened: bad requests, bad signature, unknown record.
    for (const status of ['400', '401', '404']) expect(report.statusCounts[status] ?? 0).toBeGreaterThan(0);
    expect(report.requests).toBeGreaterThan(100);

    expect(report.heap.checked).toBe(gcAvailable);
    if (report.heap.checked) expect(report.heap.growth).toBeLessThanOrEqual(report.heap.limit);
    expect(report.ok).toBe(true);
  });
});
