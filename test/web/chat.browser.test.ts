import { copyFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import {
  ask,
  BROWSER_TEST_TIMEOUT,
  CHROMIUM,
  expectAccessible,
  HAVE_CHROMIUM,
  kbWithMarkup,
  LAUNCH_OPTIONS,
  openPage,
  startApp,
  tabUntil,
  waitForLogLine,
  type RunningApp,
  type WatchedPage,
} from './browser-support.js';

/**
 * The chat page, record pages, the 404 page and the widget in a real Chromium against the real
 * app and knowledge base, on a desktop and a 360 px phone, with axe-core on every kind of page.
 * Skips (loudly) only on a developer machine without Chromium; CI must have it.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const README_SHOTS = path.join(ROOT, 'web', 'screenshots');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };

/** The Open Data template calendar: Template 3 is due in May 2565. */
const TEMPLATE_RECORD = 'fy2565-potential-base/overview/2';
const TEMPLATE_QUESTION = 'Template 3 ต้องส่งภายในเดือนไหน';
/** "Can we pick more than one sub-topic?": only one. Its English wording is distinctive enough to find. */
const SUBTOPIC_RECORD = 'fy2565-potential-base/overview/1';
const SUBTOPIC_QUESTION_EN = 'Can an agency choose more than one sub-indicator of the digital indicator?';
const E_SERVICE_RECORD = 'fy2565-potential-base/e-service/14';
const XSS_RECORD = 'fy2565-potential-base/data-catalog/14';
const XSS_MARKUP = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1">';
const XSS_ENGLISH = { question: 'Does Template 3 list only the data we will open?', answer: 'Template 3 lists all open data.' };

/** Set by the editor in kb/documents/fy2565-potential-base.json. */
const SHORT_TH = 'ถาม-ตอบ Potential Base ปีงบ 2565';
const SHORT_EN = 'Potential Base Q&A, FY2565';

vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT });

if (!HAVE_CHROMIUM) {
  if (process.env.CI) throw new Error(`browser tests need Chromium at ${CHROMIUM} in CI (apt-get install chromium)`);
  console.warn(`SKIPPING web browser tests: ${CHROMIUM} not found (apt-get install -y chromium). In CI this is a failure.`);
}

/** Screenshots always go to test-artifacts/; with UPDATE_SCREENSHOTS=1 also to the README's copies. */
async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(README_SHOTS, { recursive: true });
    await copyFile(file, path.join(README_SHOTS, `${name}.png`));
  }
}

const lastCard = (page: Page) => page.locator('.log > .msg-bot .card').last();

/** The latest reply is an answer card for `id`; otherwise fail showing what the page said instead. */
async function expectAnswer(page: Page, id: string) {
  const reply = page.locator('.log > .msg-bot').last();
  const card = reply.locator('.card');
  expect(await card.count(), `expected an answer card, the reply was: ${await reply.innerText()}`).toBe(1);
  expect(await card.getAttribute('data-record-id')).toBe(id);
  return card;
}

async function expectNoHorizontalScroll(page: Page, label: string) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth, `horizontal scroll: ${label}`).toBeLessThanOrEqual(innerWidth);
}

interface HostSite {
  server: Server;
  origin: string;
  /** Where the page loads widget.js from (set once the app is listening). */
  appOrigin: string;
  close(): Promise<void>;
}

/** A page of another site (another origin) that embeds the widget under a strict CSP and careless CSS. */
async function startHostSite(): Promise<HostSite> {
  // Rules a careless intranet stylesheet might have: the widget's shadow root must not feel them.
  const css = 'button { display: none !important; } div { border: 5px solid red; } iframe { width: 10px !important; }';
  const site: HostSite = {
    server: createServer((request, response) => {
      if (request.url === '/host.css') return void response.writeHead(200, { 'content-type': 'text/css' }).end(css);
      const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Agency intranet</title>
<link rel="stylesheet" href="/host.css"></head><body><main><h1>Agency intranet</h1><p>News for staff.</p></main>
<script src="${site.appOrigin}/widget.js" data-lang="th"></script></body></html>`;
      const csp = `default-src 'self'; script-src 'self' ${site.appOrigin}; frame-src ${site.appOrigin}; style-src 'self'`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(page);
    }),
    origin: '',
    appOrigin: '',
    close: () => new Promise((resolve) => site.server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => site.server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

describe.skipIf(!HAVE_CHROMIUM)('web chat in Chromium', () => {
  let browser: Browser;
  let running: RunningApp;
  let host: HostSite;

  beforeAll(async () => {
    // The host site's origin must be known before the app starts, to list it in FRAME_ANCESTORS.
    host = await startHostSite();
    const [, app, launched] = await Promise.all([buildWeb(), startApp(undefined, { FRAME_ANCESTORS: host.origin }), chromium.launch(LAUNCH_OPTIONS)]);
    running = app;
    browser = launched;
    host.appOrigin = running.baseUrl;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await host?.close();
  });

  const open = async (locale: string, viewport = DESKTOP, pathname = '/') => {
    const watched = await openPage(browser, running.baseUrl, { locale, viewport });
    await watched.page.goto(running.baseUrl + pathname);
    return watched;
  };

  /** Every page must run under the CSP without refusals, without errors and without leaving the server. */
  const expectClean = (watched: WatchedPage) => expect(watched.problems).toEqual([]);

  describe('language and sources', () => {
    it('answers a Thai question citing the short name, question number, section and one Thai date', async () => {
      const watched = await open('th-TH');
      const { page } = watched;
      expect(await page.getAttribute('html', 'lang')).toBe('th');

      await ask(page, TEMPLATE_QUESTION);
      const card = await expectAnswer(page, TEMPLATE_RECORD);
      await expect.poll(() => card.locator('.card-answer').innerText()).toContain('พฤษภาคม');
      // The bullet lines of the answer are a real list, not text with "•" in it.
      expect(await card.locator('.card-answer ul > li').count()).toBeGreaterThanOrEqual(3);
      expect(await card.locator('.citation').innerText()).toBe(`ที่มา: ${SHORT_TH} · ข้อ 2 · ภาพรวมการประเมินฯ · 10 ก.ย. 2564`);
      expect(await card.locator('.citation time').getAttribute('datetime')).toBe('2021-09-10');
      expect(await card.locator('.tag').allInnerTexts()).toContain('ปีงบ 2565');
      expect(await card.locator('a.permalink').getAttribute('href')).toBe(`/records/${TEMPLATE_RECORD}`);

      // The full title: on hover (title) and on request, under the citation.
      const doc = card.locator('button.source-doc');
      const fullTitle = await doc.getAttribute('title');
      expect(fullTitle).toMatch(/^การประชุมชี้แจงแนวทางการประเมินส่วนราชการ/);
      expect(await card.locator('.source-full').isVisible()).toBe(false);
      await doc.click();
      expect(await doc.getAttribute('aria-expanded')).toBe('true');
      expect(await card.locator('.source-full').innerText()).toBe(fullTitle);

      const asks = watched.apiRequests.filter((r) => r.url.endsWith('/api/ask'));
      expect(asks.length).toBe(1);
      expect(asks[0]?.headers['x-client']).toBe('web');

      // The shipped font, not a system fallback, draws the Thai text.
      const faces = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
      });
      expect(faces).toContain('Noto Sans Thai 400');
      await doc.click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'desktop');
      await expectAccessible(page, 'chat page with an answer');
      expectClean(watched);
    });

    it('asks in the interface language, so an English question in the Thai interface gets the Thai answer', async () => {
      const watched = await open('th-TH');
      const { page } = watched;
      const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
      await ask(page, SUBTOPIC_QUESTION_EN);
      expect((await request).postDataJSON()).toMatchObject({ question: SUBTOPIC_QUESTION_EN, lang: 'th' });
      const card = await expectAnswer(page, SUBTOPIC_RECORD);
      expect(await card.locator('.card-answer').getAttribute('lang')).toBe('th');
      expect(await card.locator('.translated-note').count()).toBe(0);
      expect(await card.locator('.citation').innerText()).toBe(`ที่มา: ${SHORT_TH} · ข้อ 1 · ภาพรวมการประเมินฯ · 10 ก.ย. 2564`);
      expectClean(watched);
    });

    it('answers in English with English names throughout, then labels that answer in Thai after a switch', async () => {
      const watched = await open('en-US');
      const { page } = watched;
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('label[for="question"]').innerText()).toBe('Your question');

      await ask(page, SUBTOPIC_QUESTION_EN);
      const card = await expectAnswer(page, SUBTOPIC_RECORD);
      expect(await card.locator('.card-answer').innerText()).toContain('only 1 sub-topic');
      expect(await card.locator('.card-answer').getAttribute('lang')).toBe('en');
      expect(await card.locator('.citation').innerText()).toBe(`Source: ${SHORT_EN} · Q1 · Assessment overview · 10 Sep 2021`);
      expect(await card.locator('.tag').allInnerTexts()).toContain('FY2565 (2022)');
      // Our English translation says so and can show the authoritative Thai beside it.
      expect(await card.locator('.translated-note').innerText()).toBe('English translation — the Thai original is authoritative');
      const toggle = card.locator('button.original-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await card.locator('.original').getAttribute('lang')).toBe('th');
      expect(await card.locator('.original').innerText()).toContain('ให้หน่วยงานเลือกเพียง 1 ประเด็นย่อย');

      await page.locator('.lang-button[data-lang="th"]').click();
      expect(await page.getAttribute('html', 'lang')).toBe('th');
      expect(await page.locator('.lang-button[data-lang="th"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lang'))).toBe('th');
      // The English answer stays English, but every label around it is now Thai.
      const switched = lastCard(page);
      expect(await switched.locator('.card-answer').getAttribute('lang')).toBe('en');
      expect(await switched.locator('.citation').innerText()).toBe(`ที่มา: ${SHORT_TH} · ข้อ 1 · ภาพรวมการประเมินฯ · 10 ก.ย. 2564`);
      expect(await switched.locator('.translated-note').innerText()).toBe('คำตอบนี้เป็นภาษาอังกฤษ แปลโดยทีมงานจากต้นฉบับภาษาไทย ซึ่งเป็นฉบับที่ใช้อ้างอิง');
      expect(await switched.locator('button.original-toggle').getAttribute('aria-expanded')).toBe('true');
      expect(await switched.locator('button.original-toggle').innerText()).toBe('ซ่อนต้นฉบับภาษาไทย');
      expect(await page.locator('label[for="question"]').innerText()).toBe('คำถามของคุณ');

      // The choice is remembered, and the conversation survives the reload in this tab.
      await page.reload();
      expect(await page.getAttribute('html', 'lang')).toBe('th');
      expect(await page.locator('.brand-title').innerText()).toContain('ถาม-ตอบ');
      await expect.poll(() => lastCard(page).getAttribute('data-record-id')).toBe(SUBTOPIC_RECORD);
      expectClean(watched);
    });
  });

  describe('feedback', () => {
    it('sends 👍 at once, shows thanks and disables the buttons', async () => {
      const watched = await open('th-TH');
      const { page } = watched;
      await ask(page, TEMPLATE_QUESTION);
      const card = lastCard(page);
      const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
      await card.locator('.feedback-button.is-up').click();
      expect((await response).status()).toBe(202);
      await expect.poll(() => card.locator('.feedback-status').innerText()).toContain('ขอบคุณ');
      expect(await card.locator('.feedback-button.is-up').isDisabled()).toBe(true);
      expect(await card.locator('.feedback-button.is-down').isDisabled()).toBe(true);
      expect(await card.locator('.feedback-button.is-up').getAttribute('aria-pressed')).toBe('true');

      const line = await waitForLogLine(running, (l) => l.type === 'feedback' && l.helpful === true);
      expect(line).toMatchObject({ recordId: TEMPLATE_RECORD, helpful: true, channel: 'web', question: TEMPLATE_QUESTION });
      expect(line.reason).toBeUndefined();
      expectClean(watched);
    });

    it('opens a choice of reasons on 👎 and sends the reason with a comment of at most 500 characters', async () => {
      const watched = await open('en-GB', PHONE);
      const { page } = watched;
      await ask(page, 'When is Template 3 due?');
      const card = lastCard(page);
      const recordId = await card.getAttribute('data-record-id');
      await card.locator('.feedback-button.is-down').click();
      const form = card.locator('form.feedback-form');
      await form.waitFor();
      expect(await card.locator('.feedback-button.is-down').getAttribute('aria-expanded')).toBe('true');
      expect(await form.locator('legend').innerText()).toBe('What is wrong with this answer?');
      expect(await form.locator('.feedback-reason').allInnerTexts()).toEqual(['Wrong', 'Out of date', 'Unclear', 'Other']);
      // Focus lands on the first choice.
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('wrong');

      // Cancel (Escape) closes it and gives focus back to 👎; nothing is sent.
      await page.keyboard.press('Escape');
      expect(await form.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('is-down'))).toBe(true);

      await card.locator('.feedback-button.is-down').click();
      await form.locator('button[type="submit"]').click();
      expect(await form.locator('.input-error').innerText()).toBe('Please choose a reason first');

      await form.locator('input[value="outdated"]').check();
      expect(await form.locator('.input-error').innerText()).toBe('');
      const comment = form.locator('textarea');
      expect(await comment.getAttribute('maxlength')).toBe('500');
      await comment.fill('x'.repeat(600));
      expect((await comment.inputValue()).length).toBe(500);
      expect(await form.locator('.feedback-count').innerText()).toBe('500/500 characters');
      await comment.fill('The 2566 handout moved the deadline.');
      await expectNoHorizontalScroll(page, 'reason form at 360 px');
      await expectAccessible(page, 'chat page with the feedback form open');

      const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
      await form.locator('button[type="submit"]').click();
      const sent = await response;
      expect(sent.status()).toBe(202);
      expect(sent.request().postDataJSON()).toMatchObject({ helpful: false, reason: 'outdated', comment: 'The 2566 handout moved the deadline.' });
      await expect.poll(() => card.locator('.feedback-status').innerText()).toBe('Thanks for your feedback');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('feedback-status'))).toBe(true);
      const line = await waitForLogLine(running, (l) => l.type === 'feedback' && l.reason === 'outdated');
      expect(line).toMatchObject({ recordId, helpful: false, comment: 'The 2566 handout moved the deadline.' });
      expectClean(watched);
    });
  });

  it('opens a suggestion chip as a new answer in the conversation', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await ask(page, TEMPLATE_QUESTION);
    const chip = page.locator('.log > .msg-bot').last().locator('.chips .chip').first();
    const chipId = await chip.getAttribute('data-record-id');
    const chipQuestion = await chip.locator('.chip-question').innerText();
    expect(chipId).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/);
    expect(chipId).not.toBe(TEMPLATE_RECORD);
    expect(await chip.locator('.chip-meta').innerText()).toContain(SHORT_TH);

    const before = await page.locator('.log > .msg-bot .card').count();
    await chip.click();
    await expect.poll(() => page.locator('.log > .msg-bot .card').count()).toBe(before + 1);
    expect(await lastCard(page).getAttribute('data-record-id')).toBe(chipId);
    expect(await page.locator('.log > .msg-user').last().innerText()).toContain(chipQuestion.replace(/…$/, '').slice(0, 20));
    expectClean(watched);
  });

  it('sends the chosen fiscal year and indicator as filters', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    // Options come from GET /api/documents facets.
    await expect.poll(() => page.locator('#filter-year option[value="2565"]').count()).toBe(1);
    expect(await page.locator('#filter-year option[value="2565"]').innerText()).toBe('ปีงบ 2565');
    await expect.poll(() => page.locator('#filter-indicator option[value="e-service"]').count()).toBe(1);
    await page.selectOption('#filter-year', '2565');
    await page.selectOption('#filter-indicator', 'e-service');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await ask(page, 'เกณฑ์ Level 1-3 ของงานบริการ');
    expect((await request).postDataJSON()).toMatchObject({ question: 'เกณฑ์ Level 1-3 ของงานบริการ', filters: { year: 2565, indicator: 'e-service' } });
    const card = page.locator('.log > .msg-bot').last().locator('.card');
    if ((await card.count()) > 0) expect(await card.locator('.tag').allInnerTexts()).toContain('e-Service');
    expectClean(watched);
  });

  it('says honestly when it has no answer, and explains API refusals and network failures', async () => {
    const watched = await open('en-US');
    const { page } = watched;
    await ask(page, 'How do I cook tom yum soup with thick broth?');
    const reply = page.locator('.log > .msg-bot').last();
    expect(await reply.locator('.notice-title').innerText()).toBe("I couldn't find an answer to that");
    expect(await reply.innerText()).toContain('Try rephrasing');
    expect(await reply.locator('.card').count()).toBe(0);
    expect(await reply.locator('.search-all').count()).toBe(0);

    await page.route('**/api/ask', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: 'Too Many Requests', message: 'slow down', requestId: 'r1' }) }),
    );
    await ask(page, 'When is Template 3 due?');
    expect(await page.locator('.log > .msg-bot').last().innerText()).toContain('Too many questions right now');

    await page.unroute('**/api/ask');
    await page.route('**/api/ask', (route) => route.abort('connectionrefused'));
    await ask(page, 'When is Template 3 due?');
    expect(await page.locator('.log > .msg-bot').last().innerText()).toContain("Can't reach the server");
    // The page stays usable after errors.
    expect(await page.locator('.send-button').isDisabled()).toBe(false);
    watched.problems.splice(0); // the aborted request logs a network error, which is the point here
  });

  it('can be used with the keyboard alone: ask, expand the source, give a reason, clear', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');

    await page.keyboard.type('บรรทัดแรก');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('บรรทัดสอง');
    expect(await page.locator('#question').inputValue()).toBe('บรรทัดแรก\nบรรทัดสอง');
    expect(await page.locator('.log > .msg-user').count()).toBe(0);

    await page.locator('#question').fill('');
    await page.keyboard.type(TEMPLATE_QUESTION);
    await page.keyboard.press('Enter');
    await lastCard(page).waitFor();

    // Shift+Tab back from the question box reaches the card's source toggle and feedback.
    await tabUntil(page, 'button.source-doc', { back: true });
    await page.keyboard.press('Enter');
    expect(await lastCard(page).locator('.source-full').isVisible()).toBe(true);
    await tabUntil(page, '.feedback-button.is-down');
    await page.keyboard.press('Space');
    await lastCard(page).locator('form.feedback-form').waitFor();
    // Arrow keys move between the reasons; Tab reaches the comment and the send button.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('unclear');
    await tabUntil(page, 'textarea.feedback-comment');
    await page.keyboard.type('ใช้คำย่อที่ไม่อธิบาย');
    await tabUntil(page, '.feedback-form button[type="submit"]');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await page.keyboard.press('Enter');
    expect((await response).request().postDataJSON()).toMatchObject({ helpful: false, reason: 'unclear', comment: 'ใช้คำย่อที่ไม่อธิบาย' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('feedback-status'))).toBe(true);

    await tabUntil(page, '.clear-button', { back: true, max: 60 });
    await page.keyboard.press('Enter');
    expect(await page.locator('.log > .msg-user').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    expectClean(watched);
  });

  it('fits a 360 px phone: no horizontal scroll, a long question clamped with a way to read it all', async () => {
    const watched = await open('en-US', PHONE);
    const { page } = watched;
    await ask(page, SUBTOPIC_QUESTION_EN);
    const card = await expectAnswer(page, SUBTOPIC_RECORD);
    await expectNoHorizontalScroll(page, 'chat at 360 px');
    const heading = card.locator('.card-question');
    const lineHeight = await heading.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    const clamped = (await heading.boundingBox())?.height ?? 0;
    expect(clamped).toBeLessThanOrEqual(lineHeight * 3 + 1);
    const more = card.locator('button.question-toggle');
    expect(await more.isVisible()).toBe(true);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect((await heading.boundingBox())?.height ?? 0).toBeGreaterThan(clamped);
    await more.click();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone');
    await expectAccessible(page, 'chat page at 360 px');
    expectClean(watched);
  });

  describe('record pages', () => {
    it('shows one record with its full title, section and date, and the handout to download', async () => {
      const watched = await open('th-TH', DESKTOP, `/records/${E_SERVICE_RECORD}`);
      const { page } = watched;
      const card = page.locator('main .card');
      await card.waitFor();
      expect(await card.getAttribute('data-record-id')).toBe(E_SERVICE_RECORD);
      expect(await card.locator('h2').innerText()).toContain('e-service');
      expect(await card.locator('.citation').innerText()).toBe(`ที่มา: ${SHORT_TH} · ข้อ 14 · ตัวชี้วัด e-service · 10 ก.ย. 2564`);
      expect(await card.locator('.source-full').innerText()).toMatch(/^ชื่อเอกสาร: การประชุมชี้แจงแนวทางการประเมินส่วนราชการ/);
      const download = card.locator('.source-download a');
      expect(await download.getAttribute('href')).toBe('/sources/002_0c27346554988bac.txt');
      expect(await card.locator('.source-download').textContent()).toBe('ดาวน์โหลดเอกสารต้นฉบับ (ไฟล์ TXT)');
      const file = await page.request.get(running.baseUrl + '/sources/002_0c27346554988bac.txt');
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toBe('text/plain; charset=utf-8');
      expect(await file.text()).toContain('e-service');
      expect(await page.title()).toContain('e-service');
      await expectAccessible(page, 'record page');

      await page.locator('a', { hasText: 'กลับไปหน้าถาม-ตอบ' }).click();
      await page.locator('#question').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expectClean(watched);
    });

    it('honours ?lang=en from LINE links: English labels, section title and date', async () => {
      const watched = await open('th-TH', PHONE, `/records/${E_SERVICE_RECORD}?lang=en`);
      const { page } = watched;
      const card = page.locator('main .card');
      await card.waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await card.locator('.citation').innerText()).toBe(`Source: ${SHORT_EN} · Q14 · e-Service indicator · 10 Sep 2021`);
      expect(await card.locator('.source-download').textContent()).toBe('Download the original handout (TXT file)');
      expect(await page.locator('.back a').innerText()).toContain('Back to the chat');
      await expectNoHorizontalScroll(page, 'record page at 360 px');
      // Switching language keeps the address in step, so a copied link opens as seen.
      await page.locator('.lang-button[data-lang="th"]').click();
      await expect.poll(() => page.locator('main .card .citation').innerText()).toContain('ข้อ 14');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('th');
      expectClean(watched);
    });
  });

  it('answers unknown paths and missing records with a 404 page in the interface language', async () => {
    const cases = [
      { viewport: DESKTOP, pathname: '/no/such/page', heading: 'ไม่พบหน้านี้', lang: 'th' },
      { viewport: PHONE, pathname: '/no/such/page?lang=en', heading: 'Page not found', lang: 'en' },
      { viewport: DESKTOP, pathname: '/records/fy2565-potential-base/e-service/999?lang=en', heading: 'Answer not found', lang: 'en' },
      { viewport: PHONE, pathname: '/records/fy2565-potential-base/e-service/999', heading: 'ไม่พบคำตอบนี้', lang: 'th' },
    ];
    const watched = await openPage(browser, running.baseUrl, { locale: 'th-TH', viewport: DESKTOP });
    const { page } = watched;
    for (const c of cases) {
      await page.setViewportSize(c.viewport);
      const response = await page.goto(running.baseUrl + c.pathname);
      expect(response?.status(), c.pathname).toBe(404);
      await expect.poll(() => page.locator('.not-found h2').count()).toBe(1);
      expect(await page.locator('.not-found h2').innerText()).toBe(c.heading);
      expect(await page.getAttribute('html', 'lang')).toBe(c.lang);
      expect(await page.locator('.not-found a').getAttribute('href')).toBe(c.lang === 'en' ? '/?lang=en' : '/');
      await expectNoHorizontalScroll(page, `404 page ${c.pathname}`);
      if (c === cases[0]) await expectAccessible(page, `404 page ${c.pathname}`);
    }
    // The record page's own API call for the missing record is a 404 too; that is expected.
    watched.problems.splice(0);
  });

  describe('the embeddable widget', () => {
    it('adds a chat button and panel to another site, unharmed by its CSS and CSP, usable by keyboard, on desktop and phone', async () => {
      const watched = await openPage(browser, host.origin, { locale: 'en-US', viewport: DESKTOP, allow: [running.baseUrl] });
      const { page } = watched;
      await page.goto(`${host.origin}/`);
      const launcher = page.locator('[data-opdc-qa-widget] >> .launcher');
      await launcher.waitFor();
      expect(await launcher.isVisible()).toBe(true);
      expect(await launcher.innerText()).toBe('ถาม-ตอบ ก.พ.ร.');
      // Nothing is loaded until the chat is opened.
      expect(page.frames().length).toBe(1);

      // Keyboard: Tab reaches the button on the host page; Enter opens the panel and focuses the chat.
      await tabUntil(page, '[data-opdc-qa-widget]');
      await page.keyboard.press('Enter');
      const panel = page.locator('[data-opdc-qa-widget] >> .panel');
      await panel.waitFor();
      const frameEl = panel.locator('iframe');
      expect(await frameEl.getAttribute('src')).toBe(`${running.baseUrl}/embed?lang=th`);
      const box = await frameEl.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      const frame = page.frameLocator('[data-opdc-qa-widget] >> iframe');
      await frame.locator('#question').waitFor();
      expect(await frame.locator('html').getAttribute('lang')).toBe('th');
      expect(await frame.locator('html').getAttribute('class')).toContain('is-embedded');
      await frame.locator('#question').fill(TEMPLATE_QUESTION);
      await frame.locator('#question').press('Enter');
      const card = frame.locator('.log .card').last();
      await card.waitFor();
      expect(await card.getAttribute('data-record-id')).toBe(TEMPLATE_RECORD);
      // Links out of the small frame open a new tab.
      expect(await card.locator('a.permalink').getAttribute('target')).toBe('_blank');
      await screenshot(page, 'widget');

      const chatFrame = page.frames().find((f) => f.url().startsWith(`${running.baseUrl}/embed`));
      expect(chatFrame).toBeDefined();
      await expectAccessible(page, 'host page with the widget open');
      await expectAccessible(chatFrame!, 'chat inside the widget');

      // Escape inside the chat closes the panel and puts focus back on the button.
      await frame.locator('#question').press('Escape');
      await expect.poll(() => panel.isVisible()).toBe(false);
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-opdc-qa-widget'))).toBe(true);

      // On a 360 px phone the panel takes the screen, within it.
      await page.setViewportSize(PHONE);
      await launcher.click();
      await expect.poll(() => panel.isVisible()).toBe(true);
      const phoneBox = await frameEl.boundingBox();
      expect(phoneBox!.x).toBeGreaterThanOrEqual(0);
      expect(phoneBox!.x + phoneBox!.width).toBeLessThanOrEqual(PHONE.width);
      expect(phoneBox!.width).toBeGreaterThan(300);
      await expectNoHorizontalScroll(page, 'host page with the widget at 360 px');
      await screenshot(page, 'widget-phone');
      expectClean(watched);
    });

    it('is refused by the browser on a site FRAME_ANCESTORS does not list', async () => {
      // The app allows only the first host site; this one, on another port, is another origin.
      const other = await startHostSite();
      other.appOrigin = running.baseUrl;
      const origin = other.origin;
      try {
        const watched = await openPage(browser, origin, { locale: 'th-TH', viewport: DESKTOP, allow: [running.baseUrl] });
        const { page } = watched;
        await page.goto(`${origin}/`);
        await page.locator('[data-opdc-qa-widget] >> .launcher').click();
        // Chromium replaces a frame refused by frame-ancestors with its error page: the chat never loads.
        await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(true);
        expect(page.frames().some((f) => f.url().startsWith(`${running.baseUrl}/embed`) && f.url() !== 'about:blank')).toBe(false);
        watched.problems.splice(0); // the refusal is logged as an error, which is the point here
      } finally {
        await other.close();
      }
    });
  });

  describe('with markup in the knowledge text', () => {
    let hostile: RunningApp;
    let kb: { dir: string; cleanup(): Promise<void> };

    beforeAll(async () => {
      kb = await kbWithMarkup(XSS_RECORD, XSS_MARKUP, XSS_ENGLISH);
      hostile = await startApp(kb.dir);
    });

    afterAll(async () => {
      await hostile?.close();
      await kb?.cleanup();
    });

    it('shows the markup as text and never runs it', async () => {
      const watched = await openPage(browser, hostile.baseUrl, { locale: 'th-TH', viewport: DESKTOP });
      const { page } = watched;
      await page.goto(hostile.baseUrl);
      await ask(page, 'ใน Template 3 ระบุเฉพาะข้อมูลที่เราจะเปิดเผยใช้หรือไม่');
      const card = await expectAnswer(page, XSS_RECORD);
      const text = await card.locator('.card-answer').innerText();
      expect(text).toContain('<script>window.__xss=1</script>');
      expect(text).toContain('<img src=x onerror="window.__xss=1">');
      expect(await page.locator('.log script, .log img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      await page.goto(`${hostile.baseUrl}/records/${XSS_RECORD}`);
      await page.locator('main .card').waitFor();
      expect(await page.locator('main .card-answer').innerText()).toContain('<script>window.__xss=1</script>');
      expect(await page.locator('main script, main img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expectClean(watched);
    });

    it('marks an English translation and shows the Thai original on request', async () => {
      const watched = await openPage(browser, hostile.baseUrl, { locale: 'en-GB', viewport: DESKTOP });
      const { page } = watched;
      await page.goto(`${hostile.baseUrl}/records/${XSS_RECORD}`);
      const card = page.locator('main .card');
      await card.waitFor();
      expect(await card.locator('h2').innerText()).toBe(XSS_ENGLISH.question);
      expect(await card.locator('.card-answer').getAttribute('lang')).toBe('en');
      expect(await card.locator('.translated-note').innerText()).toBe('English translation — the Thai original is authoritative');
      expect(await card.locator('.citation').innerText()).toBe(`Source: ${SHORT_EN} · Q14 · Data catalog indicator · 10 Sep 2021`);
      const toggle = card.locator('button.original-toggle');
      expect(await toggle.innerText()).toBe('Show the Thai original');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await card.locator('.original').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await toggle.innerText()).toBe('Hide the Thai original');
      const original = card.locator('.original');
      expect(await original.isVisible()).toBe(true);
      expect(await original.getAttribute('lang')).toBe('th');
      expect(await original.innerText()).toContain('ใน Template 3 ระบุเฉพาะข้อมูลที่เราจะเปิดเผยใช้หรือไม่');
      // The Thai original is knowledge text too: its markup stays text.
      expect(await original.innerText()).toContain('<script>window.__xss=1</script>');
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expectClean(watched);
    });
  });
});
