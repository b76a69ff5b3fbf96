import type { FastifyInstance } from 'fastify';
import { createAccounts } from '../../server/console/accounts.js';
import type { Role } from '../../server/store/types.js';

export interface SignedIn {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export const NEW_PASSWORD = 'a-long-new-password-1';

/**
 * Adds an editor through the same domain code as `npm run admin:add-editor`, signs in over
 * HTTP, replaces the one-time password, and returns the cookie and CSRF header to send.
 */
export async function signedIn(app: FastifyInstance, name: string, role: Role = 'editor'): Promise<SignedIn> {
  const { password } = await createAccounts({ store: app.store }).addEditor(name, role);
  const res = await app.inject({ method: 'POST', url: '/api/console/session', payload: { name, password } });
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  const change = await app.inject({
    method: 'POST',
    url: '/api/console/password',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: { current: password, next: NEW_PASSWORD },
  });
  if (change.statusCode !== 200) throw new Error(`password change failed: ${change.statusCode} ${change.body}`);
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
