import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, type AppDeps } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEFAULT_KB_DIR } from '../../server/kb/load.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import type { Store } from '../../server/store/types.js';
import type { KnowledgeFile } from '../../server/kb/schema.js';

/** Shared plumbing for the browser tests: Debian's Chromium, a real app on a free port, page checks. */

export const CHROMIUM = '/usr/bin/chromium';
/** Per test: a browser test walks through a whole flow, and the machine may be busy. */
export const BROWSER_TEST_TIMEOUT = 120_000;
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export interface RunningApp {
  app: FastifyInstance;
  baseUrl: string;
  /** Where the question log and feedback go (in memory unless `deps.store` says otherwise). */
  store: Store;
  close(): Promise<void>;
}

/**
 * The real app (search, routes, helmet CSP, web routes) listening on 127.0.0.1 with a temp
 * question log. `env` adds variables (FRAME_ANCESTORS); `deps` can swap the knowledge service.
 */
export async function startApp(kbDir: string = DEFAULT_KB_DIR, env: Record<string, string> = {}, deps: AppDeps = {}): Promise<RunningApp> {
  const store = deps.store ?? createMemoryStore();
  const app = await buildApp(
    loadConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      KB_DIR: kbDir,
      RATE_LIMIT_MAX: '0',
      KB_WATCH: 'off',
      LOG_LEVEL: 'silent',
      LOG_SALT: 'web-browser-test-salt',
      ...env,
    }),
    { ...deps, store },
  );
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    baseUrl,
    store,
    async close() {
      // The browser keeps its sockets to the app open, and Chromium opens spare ones it may never
      // use. fastify closes only idle sockets, so one that was mid-request, or opened and not yet
      // used, held close() until a server timeout (a hook timed out at 60 s in one full run).
      // The tests are over when this is called: every socket can go.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
    },
  };
}

/**
 * A temp copy of the knowledge base where one record's Thai answer carries
 * markup, as a hostile or careless batch might, and (optionally) a known
 * English translation, so the translated card can be tested whatever the
 * state of the real translations. Returns the dir and a cleanup.
 */
export async function kbWithMarkup(
  recordId: string,
  markup: string,
  english?: { question: string; answer: string },
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'opdc-web-kb-'));
  await cp(DEFAULT_KB_DIR, dir, { recursive: true });
  const [documentId] = recordId.split('/');
  const file = path.join(dir, 'documents', `${documentId}.json`);
  const knowledge = JSON.parse(await readFile(file, 'utf8')) as KnowledgeFile;
  const record = knowledge.records.find((r) => r.id === recordId);
  if (!record) throw new Error(`kbWithMarkup: no record ${recordId} in ${file}`);
  record.answer.th = `${record.answer.th} ${markup}`;
  if (english) {
    record.question.en = english.question;
    record.answer.en = english.answer;
  }
  await writeFile(file, JSON.stringify(knowledge, null, 2));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** CSP refusals, uncaught errors and requests that left the test server. */
  problems: string[];
  /** Headers of every /api/ request the page made. */
  apiRequests: { url: string; method: string; headers: Record<string, string> }[];
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { locale: string; viewport: { width: number; height: number }; allow?: string[] },
): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: options.locale, viewport: options.viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // Generous: eight helpers share two cores. Still under BROWSER_TEST_TIMEOUT, so a missing
  // element fails with playwright's own message rather than vitest's timeout.
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  const apiRequests: WatchedPage['apiRequests'] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (![baseUrl, ...(options.allow ?? [])].some((origin) => request.url().startsWith(origin))) problems.push(`outside request: ${request.url()}`);
    if (new URL(request.url()).pathname.startsWith('/api/')) {
      apiRequests.push({ url: request.url(), method: request.method(), headers: request.headers() });
    }
  });
  return { page, context, problems, apiRequests };
}

/** Types a question the way a person does and waits for the bot's reply to it. */
export async function ask(page: Page, question: string): Promise<void> {
  // The loading line is a bot message too; wait for the real reply after it.
  const replies = page.locator('.log > .msg-bot:not(.msg-loading)');
  const before = await replies.count();
  await page.locator('#question').fill(question);
  await page.locator('#question').press('Enter');
  await replies.nth(before).waitFor();
}

/**
 * The question-log entry (`type: 'question'`) or feedback (`type: 'feedback'`) the app stored,
 * once `predicate` matches one: the log writes in batches off the request path.
 */
export async function waitForLogLine(running: RunningApp, predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines: Record<string, unknown>[] = [
      ...(await running.store.listQuestions()).map((q) => ({ type: 'question', ...q })),
      ...(await running.store.listFeedback()).map((f) => ({ type: 'feedback', ...f })),
    ];
    const hit = lines.find(predicate);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no matching entry after ${timeoutMs} ms; the store has:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (or frame) and fails on any serious or critical violation, listing
 * each rule and the elements it found. Injected through the DevTools protocol, which the page's
 * CSP does not govern, so the page is checked under its real policy.
 */
export async function expectAccessible(target: Page | Frame, label: string): Promise<void> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const serious = violations.filter((v: A11yViolation) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: axe-core found\n${serious.map((v: A11yViolation) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`).join('\n')}`).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until `predicate` holds for the focused element; fails after `max` presses. */
export async function tabUntil(page: Page, predicate: string, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 40); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const hit = await page.evaluate((p) => {
      let el: Element | null = document.activeElement;
      // Follow focus into an iframe's document when the frame is same-origin.
      while (el instanceof HTMLIFrameElement && el.contentDocument) el = el.contentDocument.activeElement;
      return el ? el.matches(p) : false;
    }, predicate);
    if (hit) return;
  }
  throw new Error(`focus never reached ${predicate} with ${options.back ? 'Shift+Tab' : 'Tab'}`);
}
