import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAnalyses } from '../../server/index-cache/analysis-binary.js';
import { analysisFile, createCachedAnswerer, engineFile, recordsFile } from '../../server/index-cache/analysis-file.js';
import type { KnowledgeBase } from '../../server/kb/schema.js';
import { createCompactRetriever } from '../../server/search/engine/retrievers.js';
import { createMiniSearchRetriever, type RetrieverFactory } from '../../server/search/retrieve.js';
import type { Logger } from '../../server/logger.js';
import { fixtureKb } from '../search/answerer-fixture.js';
import { recordingLogger } from '../support/recording-logger.js';

describe('index cache files', () => {
  let dir: string;
  const kbDir = '/kb/under/test';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'index-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A build over `kb` once its cache files are written. */
  const buildOver = async (kb: KnowledgeBase, logger: Logger, retriever?: RetrieverFactory) => {
    let saving: Promise<void> = Promise.resolve();
    const answerer = createCachedAnswerer(kb, { kbDir, dir, logger, saving: (write) => (saving = write), ...(retriever ? { answerer: { retriever } } : {}) });
    await saving;
    return { answerer, analysed: answerer.analysisCache!.misses, restored: answerer.engineSnapshot!.restored, recordsRead: answerer.recordsSnapshot!.restored };
  };
  const build = (logger: Logger) => buildOver(fixtureKb, logger);

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
    const first = await build(recordingLogger().logger);
    const file = analysisFile(dir, kbDir);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length >> 1));
    // Without the records' snapshot too, so the build needs every analysis.
    await rm(recordsFile(dir, kbDir));
    const { logger, lines } = recordingLogger();
    expect((await build(logger)).analysed).toBe(first.analysed);
    expect(lines.some((l) => l.level === 'warn' && /analysis cache unreadable/.test(l.msg ?? ''))).toBe(true);
  });

  it('reads the analysed records back on a restart, looking up no record analysis and leaving the analysis file as it was', async () => {
    const first = await build(recordingLogger().logger);
    expect(first.recordsRead).toBe(false);
    const analyses = await readFile(analysisFile(dir, kbDir));

    const second = await build(recordingLogger().logger);
    expect(second.recordsRead).toBe(true);
    // Only the glossary's forms went through the cache, not the four texts of each record.
    const lookups = (a: typeof first) => a.answerer.analysisCache!.hits + a.answerer.analysisCache!.misses;
    expect(second.analysed).toBe(0);
    expect(lookups(second)).toBe(lookups(first) - fixtureKb.records.length * 4);
    expect(await readFile(analysisFile(dir, kbDir))).toEqual(analyses);
    expect(explained(second.answerer)).toEqual(explained(first.answerer));
  });

  it('reads every analysis again, with a warning, when the records snapshot is corrupt', async () => {
    const first = await build(recordingLogger().logger);
    const file = recordsFile(dir, kbDir);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length - 9));
    const { logger, lines } = recordingLogger();
    const second = await build(logger);
    expect(second.recordsRead).toBe(false);
    expect(lines.some((l) => l.level === 'warn' && /records snapshot unreadable/.test(l.msg ?? ''))).toBe(true);
    expect(explained(second.answerer)).toEqual(explained(first.answerer));
  });

  const QUESTIONS = ['แบบฟอร์มต้องส่งเมื่อไหร่', 'who approves the report', 'ตัวชี้วัด e-service', 'ไม่มีอะไรเลย'];
  const explained = (answerer: { explain: (q: { question: string }) => unknown }) => QUESTIONS.map((question) => answerer.explain({ question }));

  it.each([
    ['MiniSearch', createMiniSearchRetriever],
    ['the compact index', createCompactRetriever],
  ])('reads %s back from its snapshot on a restart over unchanged records, and answers the same', async (_name, retriever) => {
    const first = await buildOver(fixtureKb, recordingLogger().logger, retriever);
    expect(first.restored).toBe(false);
    await readFile(engineFile(dir, kbDir));

    const { logger, lines } = recordingLogger();
    const second = await buildOver(fixtureKb, logger, retriever);
    expect(second.restored).toBe(true);
    expect(lines.find((l) => l.msg === 'index texts analysed')?.obj).toMatchObject({ engineSnapshot: 'read' });
    expect(explained(second.answerer)).toEqual(explained(first.answerer));
  });

  it('builds the engine again when a record changed', async () => {
    await build(recordingLogger().logger);
    const [edited, ...rest] = fixtureKb.records;
    const kb = { ...fixtureKb, records: [{ ...edited!, answer: { ...edited!.answer, th: `${edited!.answer.th} ภายในเดือนมีนาคม` } }, ...rest] };
    const changed = await buildOver(kb, recordingLogger().logger);
    expect(changed).toMatchObject({ restored: false, recordsRead: false });
    // …and the next start over the edited records reads the snapshots that build wrote.
    expect(await buildOver(kb, recordingLogger().logger)).toMatchObject({ restored: true, recordsRead: true });
  });

  it('builds the engine, with a warning, when its snapshot is corrupt', async () => {
    const first = await build(recordingLogger().logger);
    const file = engineFile(dir, kbDir);
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, whole.length >> 1));
    const { logger, lines } = recordingLogger();
    const second = await build(logger);
    expect(second.restored).toBe(false);
    expect(lines.some((l) => l.level === 'warn' && /engine snapshot unreadable/.test(l.msg ?? ''))).toBe(true);
    expect(explained(second.answerer)).toEqual(explained(first.answerer));
  });
});
