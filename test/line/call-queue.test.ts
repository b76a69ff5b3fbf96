import { describe, expect, it } from 'vitest';
import { createCallQueue } from '../../server/line/call-queue.js';

describe('createCallQueue', () => {
  it('never runs more tasks at once than allowed, and runs them all', async () => {
    const queue = createCallQueue(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(queue.size).toBe(0);
  });

  it('keeps going after a task fails', async () => {
    const queue = createCallQueue(1);
    await expect(queue.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(queue.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('rejects a concurrency below 1', () => {
    expect(() => createCallQueue(0)).toThrow(/at least|>= 1/);
  });
});
