/**
 * Adds an editor of the console (or resets their password) in the configured store
 * (SQLite under var/ by default, PostgreSQL with DATABASE_URL).
 *   npm run admin:add-editor -- <name> [--role publisher]
 */
import { addEditorCommand } from '../server/console/add-editor-command.js';
import { loadConfig } from '../server/config.js';
import { createStore } from '../server/store/create-store.js';

const config = loadConfig();
const store = await createStore(config);
try {
  process.exitCode = await addEditorCommand(store, process.argv.slice(2), console.log, console.error);
} finally {
  await store.close();
}
