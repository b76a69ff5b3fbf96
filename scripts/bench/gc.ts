import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A handle on the garbage collector even when the process was not started with --expose-gc:
 * the flag can be set at run time, and a new context then sees `gc` as a global. Heap checks
 * need it because heapUsed without a full collection mostly measures when the GC last ran.
 * Undefined if the runtime refuses (then heap checks must be reported as skipped).
 */
export function findGc(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return () => globalThis.gc!();
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
  } catch {
    return undefined;
  }
}

/** heapUsed after full collections, in bytes. Twice, so objects freed by finalizers go too. */
export function settledHeap(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
