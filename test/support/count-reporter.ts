/**
 * Prints one plain closing line, `N passed, N failed[, N skipped]`, after vitest's own summary.
 * CI reads that line to tell a run that executed no test from a pass; vitest's summary is not
 * recognised there. A run that collected no test prints `0 passed, 0 failed`.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file can fail with none of its tests failing: it does not load (a syntax error, a
      // failing import), or its setup throws (beforeAll), which skips every test in it. It
      // counts as one failure, so the closing line never says 0 failed for a failed run.
      failed += module.state() === 'failed' && failedHere === 0 ? 1 : failedHere;
    }
    failed += unhandledErrors.length;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
