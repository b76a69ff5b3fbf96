import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_CONTACT } from './conversation/replies.js';
import { DEFAULT_KB_DIR } from './kb/load.js';
import { REPO_ROOT } from './paths.js';

/** The repository's question log, used when QUESTION_LOG is not set. */
export const DEFAULT_QUESTION_LOG = path.join(REPO_ROOT, 'var', 'questions.jsonl');

export interface LineConfig {
  channelSecret: string;
  channelAccessToken: string;
  apiBase: string;
}

/** Everything the app reads from the environment, validated once at boot. */
export interface AppConfig {
  host: string;
  port: number;
  kbDir: string;
  /** Path of the JSON-lines question log; null when QUESTION_LOG=off. */
  questionLog: string | null;
  logSalt: string;
  /** True when LOG_SALT was absent and a random per-process salt is in use. */
  logSaltGenerated: boolean;
  /** Undefined when either LINE secret is missing; `lineOffReason` says which. */
  line?: LineConfig;
  lineOffReason?: string;
  publicBaseUrl: string;
  adminToken?: string;
  /** Requests per minute per client; 0 disables rate limiting. */
  rateLimitMax: number;
  bodyLimit: number;
  kbWatch: boolean;
  /** Recent questions whose results are kept per index; 0 disables the cache. */
  answerCache: number;
  logLevel: string;
  /** The office's contact details for a hand-off to a person (CONTACT_TH / CONTACT_EN; default: the office website). */
  contact: { th: string; en: string };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Unset and blank variables are the same thing: "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const flag = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { error: 'must be on/off, true/false, yes/no or 1/0' }))
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const count = (min: number) => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`);

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));

/** Shown in a chat bubble and a LINE message: a few lines, "\n" written as such in a .env file. */
const contactText = z
  .string()
  .transform((v) => v.replace(/\\n/g, '\n').trim())
  .pipe(z.string().max(1000, 'must be at most 1000 characters'));

const EnvSchema = z.object({
  HOST: optional(z.string()),
  PORT: optional(count(0).max(65535, 'must be at most 65535')),
  KB_DIR: optional(z.string()),
  QUESTION_LOG: optional(z.string()),
  LOG_SALT: optional(z.string().min(8, 'must be at least 8 characters')),
  LINE_CHANNEL_SECRET: optional(z.string()),
  LINE_CHANNEL_ACCESS_TOKEN: optional(z.string()),
  LINE_API_BASE: optional(httpUrl),
  PUBLIC_BASE_URL: optional(httpUrl),
  ADMIN_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  RATE_LIMIT_MAX: optional(count(0)),
  BODY_LIMIT: optional(count(1024)),
  KB_WATCH: optional(flag),
  ANSWER_CACHE: optional(count(0)),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  CONTACT_TH: optional(contactText),
  CONTACT_EN: optional(contactText),
});

/**
 * Parses the environment once. Throws ConfigError naming every bad variable;
 * messages never echo a value, since some of these are secrets.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const host = e.HOST ?? '127.0.0.1';
  const port = e.PORT ?? 3000;
  const questionLog = e.QUESTION_LOG === undefined ? DEFAULT_QUESTION_LOG : e.QUESTION_LOG.toLowerCase() === 'off' ? null : e.QUESTION_LOG;

  let line: LineConfig | undefined;
  let lineOffReason: string | undefined;
  if (e.LINE_CHANNEL_SECRET && e.LINE_CHANNEL_ACCESS_TOKEN) {
    line = {
      channelSecret: e.LINE_CHANNEL_SECRET,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
      apiBase: e.LINE_API_BASE ?? 'https://api.line.me',
    };
  } else {
    const missing = ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'].filter((k) => !e[k as keyof typeof e]);
    lineOffReason = `${missing.join(' and ')} not set`;
  }

  return {
    host,
    port,
    kbDir: e.KB_DIR ?? DEFAULT_KB_DIR,
    questionLog,
    logSalt: e.LOG_SALT ?? randomBytes(32).toString('hex'),
    logSaltGenerated: e.LOG_SALT === undefined,
    line,
    lineOffReason,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    adminToken: e.ADMIN_TOKEN,
    rateLimitMax: e.RATE_LIMIT_MAX ?? 300,
    bodyLimit: e.BODY_LIMIT ?? 64 * 1024,
    kbWatch: e.KB_WATCH ?? true,
    answerCache: e.ANSWER_CACHE ?? 1000,
    logLevel: e.LOG_LEVEL ?? 'info',
    contact: { th: e.CONTACT_TH ?? DEFAULT_CONTACT.th, en: e.CONTACT_EN ?? DEFAULT_CONTACT.en },
  };
}
