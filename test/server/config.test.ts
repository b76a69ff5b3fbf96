import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_QUESTION_LOG, loadConfig } from '../../server/config.js';
import { DEFAULT_KB_DIR } from '../../server/kb/load.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      kbDir: DEFAULT_KB_DIR,
      questionLog: DEFAULT_QUESTION_LOG,
      publicBaseUrl: 'http://127.0.0.1:3000',
      rateLimitMax: 300,
      bodyLimit: 65536,
      kbWatch: true,
      logLevel: 'info',
      logSaltGenerated: true,
    });
    expect(c.line).toBeUndefined();
    expect(c.lineOffReason).toBe('LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN not set');
    expect(c.adminToken).toBeUndefined();
    expect(c.logSalt.length).toBeGreaterThanOrEqual(32);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      HOST: '0.0.0.0', PORT: '8080', KB_DIR: '/kb', QUESTION_LOG: '/tmp/q.jsonl', LOG_SALT: 'pepper-pepper',
      LINE_CHANNEL_SECRET: 's3cret', LINE_CHANNEL_ACCESS_TOKEN: 'tok', LINE_API_BASE: 'http://127.0.0.1:9/',
      PUBLIC_BASE_URL: 'https://bot.example.go.th/', ADMIN_TOKEN: 'ab'.repeat(16), RATE_LIMIT_MAX: '0',
      BODY_LIMIT: '2048', KB_WATCH: 'off', LOG_LEVEL: 'warn',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0', port: 8080, kbDir: '/kb', questionLog: '/tmp/q.jsonl', logSalt: 'pepper-pepper', logSaltGenerated: false,
      line: { channelSecret: 's3cret', channelAccessToken: 'tok', apiBase: 'http://127.0.0.1:9' },
      publicBaseUrl: 'https://bot.example.go.th', adminToken: 'ab'.repeat(16), rateLimitMax: 0, bodyLimit: 2048, kbWatch: false, logLevel: 'warn',
    });
  });

  it('turns the question log off with QUESTION_LOG=off', () => {
    expect(loadConfig({ QUESTION_LOG: 'off' }).questionLog).toBeNull();
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', ADMIN_TOKEN: '  ' }).port).toBe(3000);
  });

  it('keeps LINE off when only one secret is set, naming the missing one', () => {
    const c = loadConfig({ LINE_CHANNEL_SECRET: 'x' });
    expect(c.line).toBeUndefined();
    expect(c.lineOffReason).toBe('LINE_CHANNEL_ACCESS_TOKEN not set');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
    [{ RATE_LIMIT_MAX: '-1' }, 'RATE_LIMIT_MAX'],
    [{ KB_WATCH: 'maybe' }, 'KB_WATCH'],
    [{ LINE_API_BASE: 'ftp://x' }, 'LINE_API_BASE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ADMIN_TOKEN: 'x'.repeat(40) }, 'ADMIN_TOKEN'],
    [{ ADMIN_TOKEN: 'a1'.repeat(15) }, 'ADMIN_TOKEN'],
    [{ TRUST_PROXY: 'proxy.example' }, 'TRUST_PROXY'],
    [{ REQUEST_TIMEOUT_MS: '10' }, 'REQUEST_TIMEOUT_MS'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_FORMAT: 'fancy' }, 'LOG_FORMAT'],
  ])('rejects %o naming %s', (env, name) => {
    const err = configError(env as Record<string, string>);
    expect(err.message).toContain(`${name}:`);
  });

  it('reads the operator settings of this round with their defaults', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: false, requestTimeoutMs: 30_000, questionRetentionDays: 365, logFormat: 'json', databaseUrl: undefined });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000', QUESTION_RETENTION_DAYS: '30', DATABASE_URL: 'postgres://u@h/db' })).toMatchObject({
      requestTimeoutMs: 5000, questionRetentionDays: 30, databaseUrl: 'postgres://u@h/db',
    });
  });

  it('never echoes a secret value in its error', () => {
    const err = configError({ ADMIN_TOKEN: 'hunter2' });
    expect(err.message).not.toContain('hunter2');
  });
});
