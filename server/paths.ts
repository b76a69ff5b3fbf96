import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout this code runs from: the nearest folder above this module holding package.json.
 * Found by walking up rather than by a fixed `../..`, because the same module runs both from
 * server/ (tsx, tests) and bundled into dist/ (npm start).
 */
function findRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRoot(import.meta.url);
