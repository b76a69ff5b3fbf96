import { chmod, copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles the chat UI into web/dist: app.js and widget.js (+ maps), the editors' console under
 * admin/, index.html, styles.css and
 * the Noto Sans Thai woff2 files the stylesheet's @font-face rules name. Nothing
 * comes from a CDN: the page runs under a `'self'`-only CSP.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_DIR = path.join(ROOT, 'web');
export const DEFAULT_OUT_DIR = path.join(WEB_DIR, 'dist');

const FONT_DIR = path.join(ROOT, 'node_modules', '@fontsource', 'noto-sans-thai', 'files');
/** Must match the @font-face rules in web/styles.css. */
const FONT_FILES = ['thai', 'latin']
  .flatMap((subset) => [400, 600].map((weight) => `noto-sans-thai-${subset}-${weight}-normal.woff2`));
const STATIC_FILES = ['index.html', 'styles.css', 'favicon.svg'];
/**
 * The page's module, and widget.js for other sites: a classic script (IIFE), since the
 * snippet is a plain <script src> and must find itself through document.currentScript.
 */
const ENTRIES = [
  { source: 'src/main.ts', out: 'app.js', format: 'esm' },
  { source: 'src/widget/widget.ts', out: 'widget.js', format: 'iife' },
  // The editors' console (web/admin/), served at /admin: its own bundle, page and stylesheet.
  { source: 'admin/main.ts', out: 'admin/admin.js', format: 'esm' },
] as const;
const CONSOLE_STATIC_FILES = ['index.html', 'admin.css'];

export interface BuildWebResult {
  outDir: string;
  files: string[];
  ms: number;
}

export class WebBuildError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`build-web: ${message}`, options);
    this.name = 'WebBuildError';
  }
}

/**
 * Builds into a temporary sibling directory and swaps it in at the end, so a
 * failed build leaves the previous web/dist untouched and a running server
 * never serves a half-written bundle.
 */
export async function buildWeb(outDir: string = DEFAULT_OUT_DIR): Promise<BuildWebResult> {
  const started = performance.now();
  await mkdir(path.dirname(outDir), { recursive: true });
  const tmp = await mkdtemp(path.join(path.dirname(outDir), `.${path.basename(outDir)}-tmp-`));
  // mkdtemp makes the directory owner-only; a web server running as another user must read it.
  await chmod(tmp, 0o755);
  try {
    const warnings = [];
    for (const entry of ENTRIES) {
      const result = await build({
        entryPoints: [path.join(WEB_DIR, entry.source)],
        outfile: path.join(tmp, entry.out),
        bundle: true,
        format: entry.format,
        platform: 'browser',
        target: 'es2022',
        minify: true,
        sourcemap: true,
        legalComments: 'none',
        // Thai strings as UTF-8 rather than \u escapes: half the size.
        charset: 'utf8',
        logLevel: 'silent',
        metafile: false,
      }).catch((cause: unknown) => {
        const errors = (cause as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
        const lines = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
        throw new WebBuildError(lines.length ? lines.join('\n') : String(cause), { cause });
      });
      warnings.push(...result.warnings);
    }
    if (warnings.length) {
      const lines = warnings.map((w) => (w.location ? `${w.location.file}:${w.location.line}: ${w.text}` : w.text));
      throw new WebBuildError(`warnings are treated as errors:\n${lines.join('\n')}`);
    }

    for (const name of STATIC_FILES) await copyChecked(path.join(WEB_DIR, name), path.join(tmp, name));
    for (const name of CONSOLE_STATIC_FILES) await copyChecked(path.join(WEB_DIR, 'admin', name), path.join(tmp, 'admin', name));
    await mkdir(path.join(tmp, 'fonts'));
    for (const name of FONT_FILES) await copyChecked(path.join(FONT_DIR, name), path.join(tmp, 'fonts', name));

    await swapIn(tmp, outDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  const files = [...ENTRIES.flatMap((e) => [e.out, `${e.out}.map`]), ...STATIC_FILES, ...FONT_FILES.map((f) => `fonts/${f}`), ...CONSOLE_STATIC_FILES.map((f) => `admin/${f}`)];
  return { outDir, files, ms: Math.round(performance.now() - started) };
}

async function copyChecked(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (cause) {
    throw new WebBuildError(`cannot copy ${from}: ${(cause as Error).message}`, { cause });
  }
}

/** Tries of swapIn when another build swaps its output in at the same moment. */
const SWAP_TRIES = 5;

/**
 * Moves the previous output aside, renames the new one into place, then deletes the previous.
 * Builds may run side by side (the browser test files each build before they start): when
 * another build's output lands in `outDir` between our two renames, ours is renamed in again
 * over it. Builds of the same sources are the same files, so whichever lands last is right.
 */
async function swapIn(tmp: string, outDir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const old = `${tmp}-old`;
    const hadOld = await rename(outDir, old).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
    try {
      await rename(tmp, outDir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < SWAP_TRIES) {
        if (hadOld) await rm(old, { recursive: true, force: true });
        continue;
      }
      throw err;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
    return;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildWeb().then(
    (r) => console.log(`build-web: wrote ${r.files.length} files to ${path.relative(process.cwd(), r.outDir) || '.'} in ${r.ms} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
