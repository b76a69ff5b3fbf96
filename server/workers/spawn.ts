import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts server/workers/<name>: the bundled `dist/<name>.mjs` when this code runs from the bundle
 * (npm start), else the TypeScript source through tsx (tests, npm run dev). A worker does not
 * inherit the parent's module hooks, so the source case starts a two-line bootstrap that
 * registers tsx and then imports the worker.
 */
export function spawnWorker(name: string, options: WorkerOptions = {}): Worker {
  if (import.meta.url.endsWith('.mjs')) {
    // Bundled, this code sits in dist/ or in a shared chunk under dist/chunks/.
    for (const candidate of [`./${name}.mjs`, `../${name}.mjs`]) {
      const bundled = new URL(candidate, import.meta.url);
      if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, options);
    }
  }
  // The ESM build of tsx's API (require.resolve finds the CommonJS one beside it).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
