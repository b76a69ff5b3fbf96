import { parseArgs } from 'node:util';
import type { Store } from '../store/types.js';
import { createAccounts } from './accounts.js';
import { ConsoleError } from './errors.js';

export const ADD_EDITOR_USAGE = 'usage: npm run admin:add-editor -- <name> [--role editor|publisher]';

/**
 * `admin:add-editor`: creates an editor account (or resets its password) and prints a one-time
 * password, which must be changed at the first sign-in. Returns the exit code.
 */
export async function addEditorCommand(store: Store, argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string', default: 'editor' } } });
  } catch (cause) {
    err(`admin:add-editor: ${(cause as Error).message}\n${ADD_EDITOR_USAGE}`);
    return 1;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    err(`admin:add-editor: expected one name, got ${positionals.length}\n${ADD_EDITOR_USAGE}`);
    return 1;
  }
  if (values.role !== 'editor' && values.role !== 'publisher') {
    err(`admin:add-editor: --role must be editor or publisher, not "${values.role}"\n${ADD_EDITOR_USAGE}`);
    return 1;
  }
  const name = positionals[0]!;
  const existed = (await store.getEditor(name)) !== undefined;
  try {
    const { password } = await createAccounts({ store }).addEditor(name, values.role);
    out(`${existed ? 'Reset' : 'Created'} ${values.role} "${name}". One-time password (shown once; it must be changed at the first sign-in at /admin):`);
    out(password);
    return 0;
  } catch (e) {
    if (e instanceof ConsoleError) {
      err(`admin:add-editor: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
