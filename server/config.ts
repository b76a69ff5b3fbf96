import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_CONTACT } from './conversation/replies.js';
import { DEFAULT_STORE_FILE } from './store/create-store.js';
import { FLAG_WORDS, indexSettings, parseFlag } from './index-settings.js';
import { REPO_ROOT } from './paths.js';

/** The repository's question log, used when QUESTION_LOG is not set. */
export const DEFAULT_QUESTION_LOG = path.join(REPO_ROOT, 'var', 'questions.jsonl');

export interface LineConfig {
  channelSecret: string;
  channelAccessToken: string;
  apiBase: string;
  /** LINE_MAX_EVENTS: events handled per webhook delivery; the rest are logged and dropped (default 50). */
  maxEvents: number;
  /** LINE_CONCURRENCY: reply/push calls in flight at once; the rest queue (default 4). */
  concurrency: number;
  /** LINE_TIMEOUT_MS: timeout of one call to the LINE API (default 10000). */
  timeoutMs: number;
  /** LINE_GROUP_MIN_SCORE: in groups, unaddressed messages are answered only at this confidence (default 0.8). */
  groupMinScore: number;
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
  /** Folder of the analysis cache (server/index-cache/); null when INDEX_CACHE=off. */
  indexCacheDir: string | null;
  logLevel: string;
  /**
   * CSP frame-ancestors sources: the sites allowed to embed the chat (the widget's iframe).
   * FRAME_ANCESTORS, space- or comma-separated origins; default ["'none'"] (nobody).
   */
  frameAncestors: string[];
  /** The office's contact details for a hand-off to a person (CONTACT_TH / CONTACT_EN; default: the office website). */
  contact: { th: string; en: string };
  /** PostgreSQL URL of the shared store (replicas); undefined: the embedded SQLite store. */
  databaseUrl?: string;
  /** PostgreSQL schema of the store's tables; default public. */
  databaseSchema?: string;
  /** SQLite file of the embedded store; default var/store.sqlite. */
  storeFile: string;
  /** Question text older than this many days is purged from the store; 0 keeps it. Default 365. */
  questionRetentionDays: number;
  /** Passed to fastify's trustProxy: false (default), a hop count, or a list of addresses/CIDRs. */
  trustProxy: false | number | string[];
  /** A request whose body is still incomplete after this is cut off (ms); default 30,000. */
  requestTimeoutMs: number;
  /** An idle socket is closed after this (ms); default 60,000. */
  connectionTimeoutMs: number;
  /** Idle keep-alive connections are closed after this (ms); default 72,000 (above common proxies' 60 s). */
  keepAliveTimeoutMs: number;
  /** Bearer token for /metrics; when absent, /metrics is open (keep it off the public proxy). */
  metricsToken?: string;
  /** `pretty`: one readable line per entry (development); `json` (default): pino's JSON lines. */
  logFormat: 'json' | 'pretty';
  /** Build indexes and run imports in worker threads (default on; off runs them on the main thread). */
  kbWorker: boolean;
  /** How often replicas check the store's published-version marker (ms); default 3000. */
  reloadPollMs: number;
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
  .pipe(z.enum(FLAG_WORDS, { error: 'must be on/off, true/false, yes/no or 1/0' }))
  .transform((v) => parseFlag(v)!);

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
  LINE_MAX_EVENTS: optional(count(1)),
  LINE_CONCURRENCY: optional(count(1).max(64, 'must be at most 64')),
  LINE_TIMEOUT_MS: optional(count(100)),
  LINE_GROUP_MIN_SCORE: optional(z.coerce.number({ error: 'must be a number' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1')),
  PUBLIC_BASE_URL: optional(httpUrl),
  ADMIN_TOKEN: optional(
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')
      .refine((v) => new Set(v).size > 1, 'must not be one character repeated'),
  ),
  RATE_LIMIT_MAX: optional(count(0)),
  BODY_LIMIT: optional(count(1024)),
  KB_WATCH: optional(flag),
  ANSWER_CACHE: optional(count(0)),
  FRAME_ANCESTORS: optional(z.string().transform((v, ctx) => parseFrameAncestors(v, ctx))),
  INDEX_CACHE: optional(z.string()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  CONTACT_TH: optional(contactText),
  CONTACT_EN: optional(contactText),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  STORE_FILE: optional(z.string()),
  DATABASE_SCHEMA: optional(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case identifier (letters, digits, _)')),
  QUESTION_RETENTION_DAYS: optional(count(0)),
  TRUST_PROXY: optional(z.string().transform((v, ctx) => parseTrustProxy(v, ctx))),
  REQUEST_TIMEOUT_MS: optional(count(1000)),
  CONNECTION_TIMEOUT_MS: optional(count(0)),
  KEEP_ALIVE_TIMEOUT_MS: optional(count(1000)),
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  LOG_FORMAT: optional(z.enum(['json', 'pretty'], { error: 'must be "json" or "pretty"' })),
  RELOAD_POLL_MS: optional(count(200)),
  KB_WORKER: optional(flag),
});

/** An origin a CSP source list accepts: scheme://host[:port], host may start with `*.`. */
const FRAME_ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** `https://a.go.th, https://*.b.go.th` → sources; `none` or `'none'` → ["'none'"]; `self` → ["'self'"]. */
function parseFrameAncestors(value: string, ctx: z.RefinementCtx): string[] {
  const items = value.split(/[\s,]+/).filter(Boolean).map((v) => v.replace(/\/+$/, ''));
  const keyword = (v: string) => v.replace(/'/g, '').toLowerCase();
  if (items.length === 1 && keyword(items[0]!) === 'none') return ["'none'"];
  const out: string[] = [];
  for (const item of items) {
    if (keyword(item) === 'self') out.push("'self'");
    else if (FRAME_ORIGIN.test(item)) out.push(item.toLowerCase());
    // The value itself is safe to echo: it is a list of public origins, not a secret.
    else ctx.addIssue({ code: 'custom', message: `${JSON.stringify(item)} is not an origin like https://intranet.example.go.th (or 'self', or 'none' alone)` });
  }
  return out;
}

const IPV4_CIDR = /^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-f:]+(\/\d{1,3})?$/i;

/** `off` (default), a hop count (`1`: one proxy in front), or a comma-separated list of addresses/CIDRs. */
function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const v = value.trim().toLowerCase();
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !IPV4_CIDR.test(s) && !(s.includes(':') && IPV6_CIDR.test(s)) && !['loopback', 'linklocal', 'uniquelocal'].includes(s));
  if (bad.length > 0 || list.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must be off, a hop count, or a comma-separated list of addresses/CIDRs (e.g. 10.0.0.0/8,127.0.0.1)' });
    return z.NEVER;
  }
  return list;
}

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
  const { kbDir, indexCacheDir, kbWorker } = indexSettings(env);
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
      maxEvents: e.LINE_MAX_EVENTS ?? 50,
      concurrency: e.LINE_CONCURRENCY ?? 4,
      timeoutMs: e.LINE_TIMEOUT_MS ?? 10_000,
      groupMinScore: e.LINE_GROUP_MIN_SCORE ?? 0.8,
    };
  } else {
    const missing = ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'].filter((k) => !e[k as keyof typeof e]);
    lineOffReason = `${missing.join(' and ')} not set`;
  }

  return {
    host,
    port,
    kbDir,
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
    indexCacheDir,
    logLevel: e.LOG_LEVEL ?? 'info',
    frameAncestors: e.FRAME_ANCESTORS ?? ["'none'"],
    contact: { th: e.CONTACT_TH ?? DEFAULT_CONTACT.th, en: e.CONTACT_EN ?? DEFAULT_CONTACT.en },
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    storeFile: e.STORE_FILE ?? DEFAULT_STORE_FILE,
    questionRetentionDays: e.QUESTION_RETENTION_DAYS ?? 365,
    trustProxy: e.TRUST_PROXY ?? false,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS ?? 30_000,
    connectionTimeoutMs: e.CONNECTION_TIMEOUT_MS ?? 60_000,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS ?? 72_000,
    metricsToken: e.METRICS_TOKEN,
    logFormat: e.LOG_FORMAT ?? 'json',
    reloadPollMs: e.RELOAD_POLL_MS ?? 3000,
    kbWorker,
  };
}
