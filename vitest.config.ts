import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The last line of a run is `N passed, N failed`, which CI reads (see the reporter).
    reporters: ['default', './test/support/count-reporter.ts'],
    // Browser and HTTP tests start servers and Chromium; two cores do not like many at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
