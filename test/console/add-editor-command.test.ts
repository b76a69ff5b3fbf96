import { describe, expect, it } from 'vitest';
import { addEditorCommand } from '../../server/console/add-editor-command.js';
import { verifyPassword } from '../../server/console/password.js';
import { createMemoryStore } from '../../server/store/memory-store.js';

async function run(argv: string[], store = createMemoryStore()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await addEditorCommand(store, argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err, store };
}

describe('admin:add-editor', () => {
  it('creates a publisher with a one-time password that must be changed', async () => {
    const { code, out, store } = await run(['malee', '--role', 'publisher']);
    expect(code).toBe(0);
    const editor = (await store.getEditor('malee'))!;
    expect(editor).toMatchObject({ role: 'publisher', mustChangePassword: true });
    expect(await verifyPassword(out[1]!, editor.passwordHash)).toBe(true);
    expect(editor.passwordHash).not.toContain(out[1]!);
  });

  it('defaults to the editor role', async () => {
    const { store } = await run(['somchai']);
    expect((await store.getEditor('somchai'))!.role).toBe('editor');
  });

  it.each([
    [[], /expected one name/],
    [['Bad Name'], /must be 2-40 lower-case/],
    [['somchai', '--role', 'boss'], /--role must be editor or publisher/],
    [['somchai', '--colour', 'red'], /Unknown option/],
  ])('exits 1 with a message for %j', async (argv, message) => {
    const { code, err, store } = await run(argv as string[]);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(message);
    expect(await store.listEditors()).toEqual([]);
  });
});
