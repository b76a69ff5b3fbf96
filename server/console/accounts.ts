import { randomBytes } from 'node:crypto';
import type { Editor, Role, Session, Store } from '../store/types.js';
import { ConsoleError } from './errors.js';
import { generatePassword, hashPassword, passwordProblem, verifyPassword, type ScryptCost } from './password.js';
import { createLoginLimiter, type LoginLimiter } from './rate-limit.js';

/** Editor names: what people type at sign-in, and what the change history shows. */
export const EDITOR_NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export interface AccountsOptions {
  store: Store;
  /** Session lifetime; default 8 hours (a working day). */
  sessionTtlMs?: number;
  limiter?: LoginLimiter;
  /** Lower only in tests: the default cost is deliberately slow. */
  cost?: ScryptCost;
  clock?: () => Date;
}

/** What the console knows about the signed-in person; never the hash. */
export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  editor: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface Accounts {
  /** Creates an account (or resets its password) and returns the one-time password. */
  addEditor(name: string, role: Role): Promise<{ editor: Editor; password: string }>;
  signIn(name: string, password: string, address: string): Promise<SessionInfo>;
  session(id: string | undefined): Promise<SessionInfo | undefined>;
  signOut(id: string): Promise<void>;
  changePassword(name: string, current: string, next: string): Promise<void>;
}

// Compared against when the name is unknown, so a wrong name costs as much time as a wrong password.
let decoyHash: Promise<string> | undefined;

export function createAccounts(options: AccountsOptions): Accounts {
  const { store } = options;
  const ttl = options.sessionTtlMs ?? 8 * 3600_000;
  const limiter = options.limiter ?? createLoginLimiter();
  const clock = options.clock ?? (() => new Date());
  const hash = (password: string) => hashPassword(password, options.cost);

  async function info(session: Session): Promise<SessionInfo | undefined> {
    const editor = await store.getEditor(session.editor);
    if (!editor) return undefined;
    return { sessionId: session.id, csrfToken: session.csrfToken, editor: editor.name, role: editor.role, mustChangePassword: editor.mustChangePassword };
  }

  return {
    async addEditor(name, role) {
      if (!EDITOR_NAME.test(name)) throw new ConsoleError('invalid', `editor name "${name}" must be 2-40 lower-case letters, digits, dots, dashes or underscores`);
      const password = generatePassword();
      const existing = await store.getEditor(name);
      const editor: Editor = { name, role, passwordHash: await hash(password), mustChangePassword: true, createdAt: existing?.createdAt ?? clock() };
      await store.putEditor(editor);
      return { editor, password };
    },

    async signIn(name, password, address) {
      const keys = [`name:${name.toLowerCase()}`, `addr:${address}`];
      const wait = limiter.retryAfter(keys);
      if (wait > 0) throw new ConsoleError('rate-limited', `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minute(s)`);
      const editor = await store.getEditor(name);
      decoyHash ??= hash('decoy-password-never-used');
      const ok = await verifyPassword(password, editor?.passwordHash ?? (await decoyHash));
      if (!editor || !ok) {
        limiter.fail(keys);
        throw new ConsoleError('unauthenticated', 'Wrong name or password');
      }
      limiter.succeed(keys);
      const session: Session = {
        id: randomBytes(32).toString('base64url'),
        editor: editor.name,
        csrfToken: randomBytes(32).toString('base64url'),
        expiresAt: new Date(clock().getTime() + ttl),
      };
      await store.createSession(session);
      return (await info(session))!;
    },

    async session(id) {
      if (!id) return undefined;
      const session = await store.getSession(id);
      return session && info(session);
    },

    async signOut(id) {
      await store.deleteSession(id);
    },

    async changePassword(name, current, next) {
      const editor = await store.getEditor(name);
      if (!editor || !(await verifyPassword(current, editor.passwordHash))) throw new ConsoleError('invalid', 'The current password is wrong');
      const problem = passwordProblem(next);
      if (problem) throw new ConsoleError('invalid', `New password ${problem}`);
      if (next === current) throw new ConsoleError('invalid', 'New password must differ from the one-time password');
      await store.putEditor({ ...editor, passwordHash: await hash(next), mustChangePassword: false });
    },
  };
}
