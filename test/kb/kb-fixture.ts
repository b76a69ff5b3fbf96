import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_2563 = path.join(REPO, 'kb/sources/000_3ba3b9301aa51fd5.txt');
export const SEED_2565 = path.join(REPO, 'kb/sources/002_0c27346554988bac.txt');
export const fixture = (name: string) => path.join(REPO, 'test/fixtures/batches', name);

/** A scratch knowledge base: empty, or a copy of the repository's kb/. */
export async function tempKb(copyRepoKb = false): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-test-'));
  if (copyRepoKb) await cp(path.join(REPO, 'kb'), dir, { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** path → sha256 of every file under dir, to prove that nothing was written. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}
