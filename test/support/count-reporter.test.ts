import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import CountReporter from './count-reporter.js';

/** A test file as the reporter sees it: its state and its tests' states. */
function file(state: 'passed' | 'failed', tests: Array<'passed' | 'failed' | 'skipped'>): TestModule {
  return {
    state: () => state,
    children: { *allTests() { for (const t of tests) yield { result: () => ({ state: t }) }; } },
  } as unknown as TestModule;
}

describe('count reporter', () => {
  afterEach(() => vi.restoreAllMocks());

  const line = (modules: TestModule[], unhandled: unknown[] = []) => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    new CountReporter().onTestRunEnd(modules, unhandled);
    return String(write.mock.calls.at(-1)?.[0]).trim();
  };

  it('counts passed, failed and skipped tests over every file', () => {
    expect(line([file('passed', ['passed', 'skipped']), file('failed', ['failed', 'passed'])])).toBe('2 passed, 1 failed, 1 skipped');
  });

  it('counts a file whose setup failed, skipping all its tests, as one failure', () => {
    expect(line([file('failed', ['skipped', 'skipped']), file('passed', ['passed'])])).toBe('1 passed, 1 failed, 2 skipped');
  });

  it('counts a file that did not load, and every unhandled error, as failures', () => {
    expect(line([file('failed', [])], [new Error('stray')])).toBe('0 passed, 2 failed');
  });
});
