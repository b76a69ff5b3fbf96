import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { documentsDir } from './load.js';
import { TEMP_FILE } from './write-atomic.js';

export interface Leftovers {
  /** Temp files of an interrupted atomic write, in kb/documents/, kb/sources/ or kb/. */
  tempFiles: string[];
  /** Files in kb/sources/ that no document names as its sourceFile (an import killed between its two writes). */
  orphanSources: string[];
}

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** What an interrupted import left behind; unreadable documents count as naming nothing. */
export async function findLeftovers(kbDir: string): Promise<Leftovers> {
  const docs = documentsDir(kbDir);
  const sources = path.join(kbDir, 'sources');
  const tempFiles: string[] = [];
  for (const dir of [kbDir, docs, sources]) for (const name of await list(dir)) if (TEMP_FILE.test(name)) tempFiles.push(path.join(dir, name));
  const named = new Set<string>();
  for (const name of await list(docs)) {
    if (!name.endsWith('.json')) continue;
    try {
      const source = (JSON.parse(await readFile(path.join(docs, name), 'utf8')) as { document?: { sourceFile?: unknown } }).document?.sourceFile;
      if (typeof source === 'string') named.add(source);
    } catch {
      // kb:check reports the broken document itself.
    }
  }
  const orphanSources = (await list(sources)).filter((n) => !TEMP_FILE.test(n) && !n.startsWith('.') && !named.has(n)).map((n) => path.join(sources, n));
  return { tempFiles, orphanSources };
}

/** Removes what findLeftovers finds and returns it (kb:import runs this first). */
export async function cleanLeftovers(kbDir: string): Promise<Leftovers> {
  const found = await findLeftovers(kbDir);
  for (const file of [...found.tempFiles, ...found.orphanSources]) await rm(file, { force: true });
  return found;
}
