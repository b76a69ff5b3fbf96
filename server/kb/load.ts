import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { KnowledgeError } from './errors.js';
import { GlossarySchema, KnowledgeFileSchema, type KnowledgeBase, type KnowledgeFile } from './schema.js';
import { DEFAULT_KB_DIR } from '../index-settings.js';

/** The repository's own knowledge base, used when no KB_DIR is configured. */
export { DEFAULT_KB_DIR };

export function documentsDir(kbDir: string): string {
  return path.join(kbDir, 'documents');
}

async function readJson<T extends z.ZodType>(file: string, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new KnowledgeError(`cannot read JSON: ${(cause as Error).message}`, file, undefined, { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new KnowledgeError(`invalid: ${issues}`, file);
  }
  return parsed.data;
}

export function readKnowledgeFile(file: string): Promise<KnowledgeFile> {
  return readJson(file, KnowledgeFileSchema);
}

/** Loads and validates every document and the glossary; throws KnowledgeError naming the bad file. */
export async function loadKnowledgeBase(kbDir: string = DEFAULT_KB_DIR): Promise<KnowledgeBase> {
  const dir = documentsDir(kbDir);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const files = await Promise.all(names.map((n) => readKnowledgeFile(path.join(dir, n))));
  const glossary = await readJson(path.join(kbDir, 'glossary.json'), GlossarySchema);
  const ids = new Set<string>();
  for (const [i, f] of files.entries()) {
    if (ids.has(f.document.id)) throw new KnowledgeError(`duplicate document id ${f.document.id}`, path.join(dir, names[i]!));
    ids.add(f.document.id);
  }
  return {
    documents: files.map((f) => f.document),
    records: files.flatMap((f) => f.records),
    glossary,
  };
}
