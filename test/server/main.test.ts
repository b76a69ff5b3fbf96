import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureKb, type TempKb } from '../support/fixture-kb.js';

const root = path.join(import.meta.dirname, '..', '..');
let kb: TempKb | undefined;
afterEach(async () => {
  await kb?.cleanup();
  kb = undefined;
});

function start(env: Record<string, string>) {
  // Node with tsx's loader, not the tsx command: its parent process gives a signal 30 ms to be
  // acknowledged before it kills the server itself (exit 143), which a busy CI machine misses.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('server/main.ts', () => {
  it('listens, logs the URL, and exits cleanly on SIGTERM', async () => {
    kb = await createFixtureKb();
    const server = start({ KB_DIR: kb.dir, PORT: '0', QUESTION_LOG: 'off', LOG_SALT: 'main-test-salt', LINE_CHANNEL_SECRET: 'only-the-secret' });
    const end = Date.now() + 20_000;
    let url: string | undefined;
    while (!url && Date.now() < end) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())?.[1];
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(url, server.output()).toBeDefined();
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(server.output()).toContain('LINE webhook off: LINE_CHANNEL_ACCESS_TOKEN not set');
    expect(server.output()).not.toContain('only-the-secret');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('exits 1 naming the bad variable', async () => {
    const server = start({ PORT: 'eighty', ADMIN_TOKEN: 'short' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT: must be a number/);
    expect(server.output()).toMatch(/ADMIN_TOKEN: must be at least 32 characters/);
    expect(server.output()).not.toContain('short');
  });
});
