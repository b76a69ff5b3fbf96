import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAnalyses } from '../../server/index-cache/analysis-binary.js';
import { analysisFile, createCachedAnswerer } from '../../server/index-cache/analysis-file.js';
import type { Logger } from '../../server/logger.js';
import { fixtureKb } from '../search/answerer-fixture.js';
import { recordingLogger } from '../support/recording-logger.js';

describe('analysis cache file', () => {
  let dir: string;
  const kbDir = '/kb/under/test';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'index-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const build = (logger: Logger) =>
    new Promise<{ analysed: number }>((resolve) => {
      const answerer = createCachedAnswerer(fixtureKb, { kbDir, dir, logger, onSaved: () => resolve({ analysed: answerer.analysisCache!.misses }) });
      if (answerer.analysisCache!.misses === 0) resolve({ analysed: 0 });
    });

  it('writes the analyses after a build and reads them on the next one', async () => {
    const first = await build(recordingLogger().logger);
    expect(first.analysed).toBeGreaterThan(0);
    const stored = decodeAnalyses(await readFile(analysisFile(dir, kbDir)));
    expect(stored.entries.size).toBeGreaterThan(0);

    const { logger, lines } = recordingLogger();
    expect((await build(logger)).analysed).toBe(0);
    expect(lines.find((l) => l.msg === 'index texts analysed')?.obj).toMatchObject({ analysed: 0 });
  });

  it('removes the JSON file an earlier version wrote beside it', async () => {
    const old = analysisFile(dir, kbDir).replace(/\.bin$/, '.json');
    await mkdir(path.dirname(old), { recursive: true });
    await writeFile(old, '{"format":2,"version":"x","entries":{}}');
    await build(recordingLogger().logger);
    await expect(readFile(old)).rejects.toThrow(/ENOENT/);
  });

  it('analyses everything, with a warning, when the file is corrupt', async () => {
    await build(recordingLogger().logger);
    const file = analysisFile(dir, kbDir);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length >> 1));
    const { logger, lines } = recordingLogger();
    expect((await build(logger)).analysed).toBeGreaterThan(0);
    expect(lines.some((l) => l.level === 'warn' && /unreadable/.test(l.msg ?? ''))).toBe(true);
  });
});
