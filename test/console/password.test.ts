import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../server/console/password.js';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores a self-describing scrypt string that verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword('same', CHEAP)).not.toBe(await hashPassword('same', CHEAP));
  });

  it('treats malformed or absurd hash strings as a wrong password instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$a$b', 'bcrypt$10$x$y$z$w', `scrypt$${2 ** 24}$8$1$AAAA$${'A'.repeat(43)}`]) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('generates typeable one-time passwords without look-alike characters', () => {
    const seen = new Set(Array.from({ length: 50 }, generatePassword));
    expect(seen.size).toBe(50);
    for (const p of seen) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });
});
