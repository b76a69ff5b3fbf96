import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import { ask, CHROMIUM, HAVE_CHROMIUM, kbWithMarkup, LAUNCH_OPTIONS, openPage, startApp, waitForLogLine, type RunningApp, type WatchedPage } from './browser-support.js';

/**
 * The chat page in a real Chromium against the real app and knowledge base.
 * Skips (loudly) only on a developer machine without Chromium; CI must have it.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const README_SHOTS = path.join(ROOT, 'web', 'screenshots');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The Open Data template calendar: Template 3 is due in May 2565. */
const TEMPLATE_RECORD = 'fy2565-potential-base/overview/2';
/** "Can we pick more than one sub-topic?": only one. Its English wording is distinctive enough to find. */
const SUBTOPIC_RECORD = 'fy2565-potential-base/overview/1';
const XSS_RECORD = 'fy2565-potential-base/data-catalog/14';
const XSS_MARKUP = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1">';
const XSS_ENGLISH = { question: 'Does Template 3 list only the data we will open?', answer: 'Template 3 lists all open data.' };

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

describe.skipIf(!HAVE_CHROMIUM)('web chat in Chromium', () => {
  let browser: Browser;
  let running: RunningApp;

  beforeAll(async () => {
    const [, app, launched] = await Promise.all([buildWeb(), startApp(), chromium.launch(LAUNCH_OPTIONS)]);
    running = app;
    browser = launched;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = async (locale: string, viewport = DESKTOP, pathname = '/') => {
    const watched = await openPage(browser, running.baseUrl, { locale, viewport });
    await watched.page.goto(running.baseUrl + pathname);
    return watched;
  };

  /** Every page must run under the CSP without refusals, without errors and without leaving the server. */
  const expectClean = (watched: WatchedPage) => expect(watched.problems).toEqual([]);

  it('answers a Thai question with the record, its number and the Thai date', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    expect(await page.getAttribute('html', 'lang')).toBe('th');

    await ask(page, 'Template 3 ต้องส่งภายในเดือนไหน');
    const card = await expectAnswer(page, TEMPLATE_RECORD);
    await expect.poll(() => card.locator('.card-answer').innerText()).toContain('พฤษภาคม');
    // The bullet lines of the answer are a real list, not text with "•" in it.
    expect(await card.locator('.card-answer ul > li').count()).toBeGreaterThanOrEqual(3);
    const citation = await card.locator('.citation').innerText();
    expect(citation).toContain('ข้อ 2');
    expect(citation).toContain('10 ก.ย. 2564');
    expect(citation).toContain('(2021-09-10)');
    expect(await card.locator('.tag').allInnerTexts()).toContain('ปีงบ 2565');
    expect(await card.locator('.source-title').innerText()).not.toBe('');
    expect(await card.locator('a.permalink').getAttribute('href')).toBe(`/records/${TEMPLATE_RECORD}`);

    const asks = watched.apiRequests.filter((r) => r.url.endsWith('/api/ask'));
    expect(asks.length).toBe(1);
    expect(asks[0]?.headers['x-client']).toBe('web');

    // The shipped font, not a system fallback, draws the Thai text.
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
    });
    expect(faces).toContain('Noto Sans Thai 400');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'desktop');
    expectClean(watched);
  });

  it('sends feedback, shows thanks and disables the buttons', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await ask(page, 'Template 3 ต้องส่งภายในเดือนไหน');
    const card = lastCard(page);
    const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback'));
    await card.locator('.feedback-button.is-up').click();
    expect((await response).status()).toBe(202);
    await expect.poll(() => card.locator('.feedback-status').innerText()).toContain('ขอบคุณ');
    expect(await card.locator('.feedback-button.is-up').isDisabled()).toBe(true);
    expect(await card.locator('.feedback-button.is-down').isDisabled()).toBe(true);
    expect(await card.locator('.feedback-button.is-up').getAttribute('aria-pressed')).toBe('true');

    const line = await waitForLogLine(running.questionLog, (l) => l.type === 'feedback');
    expect(line).toMatchObject({ recordId: TEMPLATE_RECORD, helpful: true, channel: 'web', question: 'Template 3 ต้องส่งภายในเดือนไหน' });
    expectClean(watched);
  });

  it('opens a suggestion chip as a new answer in the conversation', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await ask(page, 'Template 3 ต้องส่งภายในเดือนไหน');
    const chip = page.locator('.log > .msg-bot').last().locator('.chips .chip').first();
    const chipId = await chip.getAttribute('data-record-id');
    const chipQuestion = await chip.locator('.chip-question').innerText();
    expect(chipId).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+\/\d+$/);
    expect(chipId).not.toBe(TEMPLATE_RECORD);

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

  it('answers an English question, then switches the interface to Thai and remembers it', async () => {
    const watched = await open('en-US');
    const { page } = watched;
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('label[for="question"]').innerText()).toBe('Your question');

    await ask(page, 'Can an agency choose more than one sub-indicator of the digital indicator?');
    const card = await expectAnswer(page, SUBTOPIC_RECORD);
    expect(await card.locator('.card-answer').innerText()).toContain('only 1 sub-topic');
    expect(await card.locator('.card-answer').getAttribute('lang')).toBe('en');
    const citation = await card.locator('.citation').innerText();
    expect(citation).toContain('Q1');
    expect(citation).toContain('10 Sep 2021 (2021-09-10)');
    expect(await card.locator('.tag').allInnerTexts()).toContain('FY2565 (2022)');
    // Our English translation says so and can show the authoritative Thai beside it.
    expect(await card.locator('.translated-note').innerText()).toBe('English translation — the Thai original is authoritative');
    const toggle = card.locator('button[aria-controls]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await card.locator('.original').getAttribute('lang')).toBe('th');
    expect(await card.locator('.original').innerText()).toContain('ให้หน่วยงานเลือกเพียง 1 ประเด็นย่อย');

    await page.locator('.lang-button[data-lang="th"]').click();
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.locator('.lang-button[data-lang="th"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lang'))).toBe('th');
    // The conversation survives the switch and its citations follow the new language.
    const switched = lastCard(page);
    expect(await switched.locator('.citation').innerText()).toContain('ข้อ 1 · ภาพรวมการประเมินฯ · 10 ก.ย. 2564 (2021-09-10)');
    expect(await switched.locator('.translated-note').innerText()).toContain('ต้นฉบับภาษาไทยเป็นฉบับที่ใช้อ้างอิง');
    expect(await switched.locator('button[aria-controls]').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('label[for="question"]').innerText()).toBe('คำถามของคุณ');

    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    expect(await page.locator('.brand-title').innerText()).toContain('ถาม-ตอบ');
    expectClean(watched);
  });

  it('says honestly when it has no answer and suggests rephrasing', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await ask(page, 'วิธีทำต้มยำกุ้งน้ำข้นให้อร่อย ใส่เครื่องปรุงอะไรบ้าง');
    const reply = page.locator('.log > .msg-bot').last();
    expect(await reply.locator('.notice-title').innerText()).toBe('ยังไม่พบคำตอบที่ตรงกับคำถามนี้');
    expect(await reply.innerText()).toContain('ลองเรียบเรียงคำถามใหม่');
    expect(await reply.locator('.card').count()).toBe(0);
    expectClean(watched);
  });

  it('shows a readable message when the API refuses or is unreachable', async () => {
    const watched = await open('en-US');
    const { page } = watched;
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

  it('can be used with the keyboard alone', async () => {
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
    await page.keyboard.type('Template 3 ต้องส่งภายในเดือนไหน');
    await page.keyboard.press('Enter');
    await lastCard(page).waitFor();

    // Shift+Tab back from the question box reaches the card's feedback buttons.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Shift+Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('feedback-button') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('feedback-status'))).toBe(true);
    expect(await lastCard(page).locator('.feedback-status').innerText()).not.toBe('');
    expectClean(watched);
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const watched = await open('th-TH', PHONE);
    const { page } = watched;
    await ask(page, 'Template 3 ต้องส่งภายในเดือนไหน');
    await lastCard(page).scrollIntoViewIfNeeded();
    for (const width of [PHONE.width, 360]) {
      await page.setViewportSize({ width, height: PHONE.height });
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scrollWidth, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(innerWidth);
    }
    await page.setViewportSize(PHONE);
    await screenshot(page, 'phone');
    expectClean(watched);
  });

  it('shows one record on its own page with a link back to the chat', async () => {
    const watched = await open('th-TH', DESKTOP, '/records/fy2565-potential-base/e-service/14');
    const { page } = watched;
    const card = page.locator('main .card');
    await card.waitFor();
    expect(await card.getAttribute('data-record-id')).toBe('fy2565-potential-base/e-service/14');
    expect(await card.locator('h2').innerText()).toContain('e-service');
    const citation = await card.locator('.citation').innerText();
    expect(citation).toContain('ข้อ 14');
    expect(citation).toContain('ตัวชี้วัด e-service');
    expect(citation).toContain('10 ก.ย. 2564 (2021-09-10)');
    expect(await page.title()).toContain('e-service');
    await page.locator('a', { hasText: 'กลับไปหน้าถาม-ตอบ' }).click();
    await page.locator('#question').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto(`${running.baseUrl}/records/fy2565-potential-base/e-service/999`);
    await expect.poll(() => page.locator('.error-text').count()).toBe(1);
    expect(await page.locator('.error-text').innerText()).toContain('ไม่พบคำตอบ');
    watched.problems.splice(0); // the 404 fetch is expected
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
      expect(await card.locator('.citation').innerText()).toBe('Q14 · ตัวชี้วัด Data catalog · 10 Sep 2021 (2021-09-10)');
      const toggle = card.locator('button[aria-controls]');
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
