import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAnalyses } from '../../server/index-cache/analysis-binary.js';
import { analysisFile, buildCachedAnswerer, createCachedAnswerer } from '../../server/index-cache/analysis-file.js';
import type { Logger } from '../../server/logger.js';
import { analyseAhead } from '../../server/index-cache/parallel-analysis.js';
import { missingTexts } from '../../server/search/analysis-cache.js';
import { createAnalyzer } from '../../server/search/analyze.js';
import { createAnswerer } from '../../server/search/answerer.js';
import { indexTexts } from '../../server/search/index.js';
import { fixtureKb } from '../search/answerer-fixture.js';
import { recordingLogger } from '../support/recording-logger.js';

const QUESTIONS = ['ส่งชุดข้อมูลได้เมื่อไหร่', 'What are levels L1, L2 and L3?', 'บริการอิเล็กทรอนิกส์ ปี 2565', 'ตัวชี้วัด e-service ต้องทำกี่งาน'];

describe('index texts analysed ahead on several threads', () => {
  let dir: string;
  const kbDir = '/kb/parallel/test';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parallel-analysis-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const build = async (minTexts: number, logger: Logger) => {
    let saving: Promise<void> | undefined;
    const answerer = await buildCachedAnswerer(fixtureKb, { kbDir, dir, logger, saving: (w) => (saving = w), parallel: { threads: 2, minTexts } });
    await saving;
    return answerer;
  };

  it('answers exactly as a build on one thread, and stores every analysis for the next build', async () => {
    const { logger, lines } = recordingLogger();
    // A threshold this low sends half of the fixture's texts to a helper thread.
    const answerer = await build(2, logger);
    expect(lines.find((l) => l.msg === 'index texts analysed ahead, in parallel')?.obj).toMatchObject({ threads: 2 });
    const single = createAnswerer(fixtureKb);
    for (const question of QUESTIONS) expect(answerer.explain({ question })).toEqual(single.explain({ question }));

    const stored = decodeAnalyses(await readFile(analysisFile(dir, kbDir)));
    expect(stored.entries.size).toBeGreaterThan(fixtureKb.records.length);
    const again = createCachedAnswerer(fixtureKb, { kbDir, dir });
    expect(again.analysisCache!.misses).toBe(0);
  }, 60_000);

  it('stays on one thread when there are fewer texts to analyse than the threshold', async () => {
    const { logger, lines } = recordingLogger();
    const answerer = await build(100_000, logger);
    expect(lines.some((l) => l.msg === 'index texts analysed ahead, in parallel')).toBe(false);
    expect(lines.find((l) => l.msg === 'index texts analysed')?.obj).toMatchObject({ analysedAhead: 0 });
    expect(answerer.analysisCache!.misses).toBeGreaterThan(0);
  });

  it('leaves a failed helper\'s texts to the build, which analyses them itself', async () => {
    const analyzer = createAnalyzer(fixtureKb.glossary);
    // A helper refuses to analyse for a version its own analyzer does not have; this thread does not check.
    const ahead = await analyseAhead(fixtureKb, { analyzer, engine: 'wordcut', version: 'not-this-analyzer', lexicon: [] }, { threads: 2, minTexts: 2 });
    expect(ahead.helperErrors).toEqual([expect.stringMatching(/analyzer differs/)]);
    const missing = missingTexts(undefined, 'not-this-analyzer', indexTexts(fixtureKb));
    expect(ahead.analysed).toBe(Math.ceil(missing.length / 2));
    expect(ahead.stored!.entries.size).toBe(ahead.analysed);
  }, 60_000);
});
