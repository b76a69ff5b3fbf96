import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ImportReport } from './import-batch.js';
import { documentsDir, readKnowledgeFile } from './load.js';
import type { ProblemSink } from './merge-record.js';
import type { KbRecord } from './schema.js';
import { trigramSimilarity } from './similarity.js';

/** Questions this similar to a record of another document are flagged as likely duplicates. */
export const DUPLICATE_SIMILARITY = 0.6;

/** Records whose Thai question resembles one in another document of the knowledge base (warnings, not errors). */
export async function findDuplicates(
  kbDir: string,
  documentId: string,
  records: KbRecord[],
  problem: ProblemSink,
): Promise<ImportReport['duplicates']> {
  const dir = documentsDir(kbDir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== `${documentId}.json`).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw cause;
  }
  const others: KbRecord[] = [];
  for (const name of names) {
    try {
      others.push(...(await readKnowledgeFile(path.join(dir, name))).records);
    } catch (cause) {
      problem('warning', `cannot check duplicates against documents/${name}: ${(cause as Error).message}`);
    }
  }
  const duplicates: ImportReport['duplicates'] = [];
  for (const r of records) {
    for (const o of others) {
      const similarity = Math.round(trigramSimilarity(r.question.th, o.question.th) * 100) / 100;
      if (similarity >= DUPLICATE_SIMILARITY) {
        duplicates.push({ id: r.id, similarTo: o.id, similarity });
        problem('warning', `record ${r.id} looks like a duplicate of ${o.id} (question similarity ${similarity})`, r.source.line);
      }
    }
  }
  return duplicates;
}
