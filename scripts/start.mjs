// `npm start`: rebuilds the bundles if a source changed, then runs the server in this same
// process. Plain JavaScript, so no TypeScript loader starts; one Node start instead of two (the
// check used to be a process of its own, about 0.1 s of every start).
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
await import('../dist/main.mjs');
