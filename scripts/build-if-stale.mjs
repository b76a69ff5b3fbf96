// `npm start` runs this first (scripts/start.mjs): it rebuilds (npm run build) only when a source
// is newer than the bundle, so a deployed image or an unchanged checkout starts without a rebuild.
// Plain JavaScript, not TypeScript: it must start in milliseconds, before tsx is loaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/main.mjs', 'dist/knowledge-worker.mjs', 'web/dist/app.js', 'web/dist/index.html'].map((f) => path.join(root, f));
const sources = ['server', 'web', 'scripts/build-web.ts', 'scripts/build-server.mjs', 'package.json', 'package-lock.json'].map((f) => path.join(root, f));
const skip = new Set([path.join(root, 'web', 'dist'), path.join(root, 'web', 'screenshots')]);

function newest(p) {
  if (skip.has(p) || !existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

/** Runs `npm run build` when a bundle is missing or older than a source; exits if the build fails. */
export function buildIfStale() {
  const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const changed = Math.max(...sources.map(newest));
  if (process.env.FORCE_BUILD !== '1' && built !== 0 && changed <= built) return;
  console.error(built === 0 ? 'start: no bundle yet; building' : 'start: sources changed since the last build; rebuilding');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Run on its own (scripts, the bench): build if needed and exit.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfStale();
