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
    // expect.poll waits for a browser or a server to catch up. Its default of 1 s failed once on
    // a freshly installed CI machine still busy after npm ci (a refused frame's error page came
    // later); 10 s only delays a failure, never a pass.
    expect: { poll: { timeout: 10_000 } },
  },
});
