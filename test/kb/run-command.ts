import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { REPO } from './kb-fixture.js';

const exec = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A command's `main(argv)` in-process with its console output captured: spawning tsx per case
 * costs seconds each, and the commands print only through console.
 */
export async function runInProcess(main: (argv: string[]) => Promise<number>, args: string[]): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' '))),
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void err.push(a.join(' '))),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' '))),
  ];
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** The command as editors run it, in its own process: proves the exit status. */
export async function spawnCommand(script: string, args: string[]): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await exec('npx', ['tsx', script, ...args], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (cause) {
    const e = cause as { code?: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}
