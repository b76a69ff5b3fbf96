import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../kb/write-atomic.js';

/**
 * The knowledge files the console edits, named by their path relative to the knowledge base
 * directory ("documents/<id>.json", "glossary.json", "lexicon/<name>.json"). A draft is an overlay
 * of such paths over the published files: a content of '' means "delete this file" (no knowledge
 * file is ever empty). Batches copied to "sources/<name>" ride along base64-encoded, so PDF and
 * XLSX bytes survive; they are written at publish but are not part of a version's snapshot.
 */
export type KnowledgeFiles = Record<string, string>;

export const DELETED = '';
const BASE64 = 'base64:';

export function isKnowledgePath(p: string): boolean {
  return p === 'glossary.json' || /^documents\/[a-z0-9-]+\.json$/.test(p) || /^lexicon\/[a-z0-9-]+\.json$/.test(p);
}

export function isSourcePath(p: string): boolean {
  const name = p.slice('sources/'.length);
  return p.startsWith('sources/') && name.length > 0 && !name.startsWith('.') && !/[\\/\u0000]/.test(name);
}

export const encodeSource = (bytes: Buffer) => BASE64 + bytes.toString('base64');
const decode = (p: string, content: string): string | Buffer =>
  isSourcePath(p) && content.startsWith(BASE64) ? Buffer.from(content.slice(BASE64.length), 'base64') : content;

async function jsonNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw cause;
  }
}

/** Every published knowledge file, path → text. */
export async function readKnowledgeFiles(kbDir: string): Promise<KnowledgeFiles> {
  const files: KnowledgeFiles = {};
  const glossary = await readFile(path.join(kbDir, 'glossary.json'), 'utf8').catch(() => undefined);
  if (glossary !== undefined) files['glossary.json'] = glossary;
  for (const folder of ['documents', 'lexicon']) {
    for (const name of await jsonNames(path.join(kbDir, folder))) {
      const p = `${folder}/${name}`;
      if (isKnowledgePath(p)) files[p] = await readFile(path.join(kbDir, folder, name), 'utf8');
    }
  }
  return files;
}

/** Published files with the overlay applied; sources and deletions left out. */
export function applyOverlay(published: KnowledgeFiles, overlay: KnowledgeFiles): KnowledgeFiles {
  const out: KnowledgeFiles = { ...published };
  for (const [p, content] of Object.entries(overlay)) {
    if (!isKnowledgePath(p)) continue;
    if (content === DELETED) delete out[p];
    else out[p] = content;
  }
  return out;
}

/** The overlay that turns `published` into `target` (knowledge files only), plus `extra` (sources). */
export function overlayBetween(published: KnowledgeFiles, target: KnowledgeFiles, extra: KnowledgeFiles = {}): KnowledgeFiles {
  const overlay: KnowledgeFiles = {};
  for (const [p, content] of Object.entries(target)) if (published[p] !== content) overlay[p] = content;
  for (const p of Object.keys(published)) if (!(p in target)) overlay[p] = DELETED;
  for (const [p, content] of Object.entries(extra)) if (isSourcePath(p)) overlay[p] = content;
  return overlay;
}

/**
 * Writes an overlay into a knowledge base directory: every file atomically (temp + rename),
 * deletions last. Files are written one by one, so a crash between two files can leave some
 * written; each file is whole, and the version record is only made after all succeed.
 */
export async function writeOverlay(kbDir: string, overlay: KnowledgeFiles): Promise<void> {
  const entries = Object.entries(overlay).filter(([p]) => isKnowledgePath(p) || isSourcePath(p));
  for (const [p, content] of entries) {
    if (content === DELETED) continue;
    const file = path.join(kbDir, ...p.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, decode(p, content));
  }
  for (const [p, content] of entries) {
    if (content === DELETED && isKnowledgePath(p)) await rm(path.join(kbDir, ...p.split('/')), { force: true });
  }
}

/**
 * A scratch copy of the knowledge base with the overlay applied, for the tools that work on a
 * directory (kb:check, the importer, the loader). Removed after `use`, whatever happens.
 */
export async function withScratchKb<T>(kbDir: string, overlay: KnowledgeFiles, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'opdc-console-'));
  try {
    await cp(kbDir, dir, {
      recursive: true,
      // Only what the tools read; not var/ or editor back-up files that may sit beside it.
      filter: (src) => {
        const rel = path.relative(kbDir, src).split(path.sep);
        return rel[0] === '' || ['documents', 'lexicon', 'sources', 'glossary.json'].includes(rel[0]!);
      },
    });
    await writeOverlay(dir, overlay);
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
