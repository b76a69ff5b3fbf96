import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../../server/kb/check-kb.js';
import { importBatch } from '../../server/kb/import-batch.js';
import type { KnowledgeFile } from '../../server/kb/schema.js';
import { SEED_2563, tempKb } from './kb-fixture.js';

let kb: { dir: string; cleanup: () => Promise<void> };
const docFile = () => path.join(kb.dir, 'documents', 'fy2563-provincial.json');
const GLOSSARY = { concepts: [{ id: 'e-service', th: ['บริการอิเล็กทรอนิกส์'], en: ['e-Service'] }] };

beforeEach(async () => {
  kb = await tempKb();
  await importBatch({ kbDir: kb.dir, file: SEED_2563, document: 'fy2563-provincial' });
  await writeFile(path.join(kb.dir, 'glossary.json'), JSON.stringify(GLOSSARY));
});
afterEach(async () => {
  await kb.cleanup();
});

async function edit(change: (f: KnowledgeFile) => void): Promise<void> {
  const data = JSON.parse(await readFile(docFile(), 'utf8')) as KnowledgeFile;
  change(data);
  await writeFile(docFile(), `${JSON.stringify(data, null, 2)}\n`);
}
const translateAndTagAll = (f: KnowledgeFile) => {
  f.document.title.en = 'Provincial Q&A';
  for (const r of f.records) {
    r.question.en = `Q ${r.id}`;
    r.answer.en = `A ${r.id}`;
    r.tags.indicators = ['scoring'];
  }
};
const messages = async (severity: 'error' | 'warning') =>
  (await checkKnowledgeBase(kb.dir)).problems.filter((p) => p.severity === severity).map((p) => p.message);

describe('checkKnowledgeBase', () => {
  it('reports every untranslated and untagged record as an error, with its line', async () => {
    const report = await checkKnowledgeBase(kb.dir);
    expect(report).toMatchObject({ documents: 1, records: 20, untranslated: 20, untagged: 20, stale: 0 });
    expect(report.problems).toContainEqual({
      file: docFile(),
      line: 29,
      message: 'fy2563-provincial/general/1: untranslated (question.en, answer.en empty)',
      severity: 'error',
    });
  });

  it('passes once every record is translated and tagged', async () => {
    await edit(translateAndTagAll);
    expect(await messages('error')).toEqual([]);
    expect(await messages('warning')).toEqual([]);
  });

  it('reports stale translations after the Thai changed', async () => {
    await edit(translateAndTagAll);
    await importBatch({ kbDir: kb.dir, file: SEED_2563, document: 'fy2563-provincial', replace: true });
    await edit((f) => {
      f.records[2]!.answer.th += ' (แก้ไข)';
    });
    const report = await checkKnowledgeBase(kb.dir);
    expect(report.stale).toBe(1);
    expect(await messages('warning')).toEqual([expect.stringMatching(/^fy2563-provincial\/general\/3: stale translation/)]);
  });

  it('reports supersededBy pointing to a missing record and a missing source file', async () => {
    await edit((f) => {
      translateAndTagAll(f);
      f.records[0]!.supersededBy = 'fy2563-provincial/general/99';
    });
    await rm(path.join(kb.dir, 'sources', '000_3ba3b9301aa51fd5.txt'));
    expect(await messages('error')).toEqual(['fy2563-provincial/general/1: supersededBy fy2563-provincial/general/99 is not a record id']);
    expect(await messages('warning')).toEqual(['document fy2563-provincial: source file kb/sources/000_3ba3b9301aa51fd5.txt is missing']);
  });

  it('reports invalid files and a missing glossary', async () => {
    await writeFile(path.join(kb.dir, 'documents', 'broken.json'), '{"document": {}, "records": []}');
    await rm(path.join(kb.dir, 'glossary.json'));
    const errors = await messages('error');
    expect(errors).toContainEqual(expect.stringMatching(/^invalid: document\.id/));
    expect(errors).toContain('missing');
  });
});
