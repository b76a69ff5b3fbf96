import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import { createKnowledgeService } from '../../server/knowledge-service.js';
import { DEFAULT_KB_DIR } from '../../server/kb/load.js';
import type { AskQuery, AskResult } from '../../server/search/types.js';
import { createFakeAnswerer, type FakeScript } from '../support/fake-answerer.js';
import { engineOnly } from '../support/scripted-knowledge.js';
import {
  ask,
  BROWSER_TEST_TIMEOUT,
  expectAccessible,
  HAVE_CHROMIUM,
  LAUNCH_OPTIONS,
  openPage,
  startApp,
  tabUntil,
  waitForLogLine,
  type RunningApp,
} from './browser-support.js';

/**
 * The conversation side of the chat in Chromium: "did you mean" choices, the bot's own messages
 * (greeting, hand-off, a year no record covers), history sent with each question and kept across
 * a reload, honest filters. The engine that produces clarify and messages is still being built,
 * so the app runs over a fake answerer that returns them for the questions below; everything
 * else (routes, question log, page) is the real app.
 */

vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };

const TEMPLATE = 'fy2565-potential-base/overview/2';
const E_SERVICE = 'fy2565-potential-base/e-service/14';
const CATALOG = 'fy2565-potential-base/data-catalog/14';
const PROVINCIAL = 'fy2563-provincial/general/1';

const AMBIGUOUS = { th: 'ต้องส่งอะไรเมื่อไหร่', en: 'what is due when' };
const GREETING = { th: 'สวัสดี', en: 'hello' };
const HANDOFF = { th: 'ขอคุยกับเจ้าหน้าที่', en: 'can I talk to a person' };
const YEAR_2562 = 'ปีงบ 2562 ส่ง template เมื่อไหร่';
const CONTACT = { th: 'ติดต่อกองพัฒนาระบบ โทร 02 356 9999 หรืออีเมล help@opdc.go.th', en: 'Contact the systems division: call 02 356 9999 or e-mail help@opdc.go.th' };

const script: FakeScript = (query: AskQuery, { render, lang }): AskResult | undefined => {
  const q = query.question;
  const none = (message: AskResult['message'], answers: AskResult['answers'] = []): AskResult => ({ answered: false, status: 'none', lang, answers, ...(message ? { message } : {}) });
  if (q === AMBIGUOUS.th || q === AMBIGUOUS.en) {
    return { answered: false, status: 'clarify', lang, answers: [render(TEMPLATE, lang, 0.62), render(E_SERVICE, lang, 0.61), render(CATALOG, lang, 0.6)] };
  }
  if (q === GREETING.th || q === GREETING.en) {
    const example = render(TEMPLATE, lang).question;
    return none({ kind: 'greeting', text: lang === 'th' ? 'สวัสดีครับ ผมตอบคำถามเรื่องแนวทางการประเมินได้' : 'Hello! I answer questions about the assessment guidelines.', examples: [example] });
  }
  if (q === HANDOFF.th || q === HANDOFF.en) return none({ kind: 'handoff', text: CONTACT[lang] });
  if (q === YEAR_2562) return none({ kind: 'year-not-covered', text: 'ยังไม่มีแนวทางสำหรับปีงบ 2562 ที่ใกล้เคียงที่สุดคือปีงบ 2563' }, [render(PROVINCIAL, lang, 0.5)]);
  return undefined;
};

/** The default path of the fake answers exact record questions; this one also honours the year filter. */
const withFilters: FakeScript = (query, tools) => {
  const scripted = script(query, tools);
  if (scripted) return scripted;
  if (query.filters?.year !== undefined && query.question === tools.render(TEMPLATE, 'th').question && query.filters.year !== 2565) {
    return { answered: false, status: 'none', lang: tools.lang, answers: [] };
  }
  return undefined;
};

describe.skipIf(!HAVE_CHROMIUM)('conversation in Chromium (fake answerer)', () => {
  let browser: Browser;
  let running: RunningApp;
  let templateTh: string;

  beforeAll(async () => {
    const knowledge = createKnowledgeService({ kbDir: DEFAULT_KB_DIR, createAnswerer: (kb) => createFakeAnswerer(kb, withFilters) });
    const loaded = await knowledge.reload();
    if (!loaded.ok) throw new Error(loaded.error.message);
    templateTh = loaded.snapshot.answerer.record(TEMPLATE, 'th')!.question;
    const [, app, launched] = await Promise.all([buildWeb(), startApp(undefined, {}, { knowledge, conversations: engineOnly }), chromium.launch(LAUNCH_OPTIONS)]);
    running = app;
    browser = launched;
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = async (locale: string, viewport = DESKTOP) => {
    const watched = await openPage(browser, running.baseUrl, { locale, viewport });
    await watched.page.goto(running.baseUrl);
    return watched;
  };

  const lastReply = (page: Page) => page.locator('.log > .msg-bot').last();

  it('shows "did you mean" options as choices; choosing one by keyboard shows that record and logs the choice', async () => {
    const watched = await open('th-TH');
    const { page } = watched;
    await ask(page, AMBIGUOUS.th);
    // Not lastReply: the chosen answer will come after it.
    const reply = page.locator('.log > .msg-bot.clarify');
    expect(await reply.locator('.notice-title').innerText()).toBe('คำถามนี้ตรงกับหลายเรื่อง คุณหมายถึงข้อไหน');
    const choices = reply.locator('.choices button.chip');
    expect(await choices.count()).toBe(3);
    expect(await reply.locator('.card').count()).toBe(0);
    expect(await choices.nth(1).getAttribute('aria-pressed')).toBe('false');

    // No horizontal scroll at 360 px, and nothing axe calls serious.
    await page.setViewportSize(PHONE);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(page, 'clarify choices');
    await page.setViewportSize(DESKTOP);

    // Keyboard only: back from the question box to the second option, Enter.
    await page.locator('#question').focus();
    await tabUntil(page, `.choices button.chip[data-record-id="${E_SERVICE}"]`, { back: true });
    const record = page.waitForResponse((r) => r.url().includes('/api/records/'));
    const logged = page.waitForRequest((r) => r.url().endsWith('/api/ask') && r.postDataJSON().question !== AMBIGUOUS.th);
    await page.keyboard.press('Enter');
    expect((await record).url()).toContain(`/api/records/${E_SERVICE}`);
    const body = (await logged).postDataJSON();
    // The choice goes out as a question with the conversation as history, the clarified turn now answered by the choice.
    expect(body.history).toEqual([{ question: AMBIGUOUS.th, answerId: E_SERVICE }]);
    await expect.poll(() => lastReply(page).locator('.card').getAttribute('data-record-id')).toBe(E_SERVICE);
    expect(await choices.nth(1).getAttribute('aria-pressed')).toBe('true');
    const line = await waitForLogLine(running, (l) => l.type === 'question' && l.topId === E_SERVICE);
    expect(line).toMatchObject({ channel: 'web', question: body.question });
    expect(watched.problems).toEqual([]);
  });

  it('shows greetings with example questions, the hand-off contact and the year note, in Thai and English', async () => {
    const watched = await open('th-TH', PHONE);
    const { page } = watched;
    await ask(page, GREETING.th);
    const greeting = lastReply(page);
    expect(await greeting.locator('.bot-note').getAttribute('data-kind')).toBe('greeting');
    expect(await greeting.locator('.bot-note-text').innerText()).toContain('สวัสดีครับ');
    expect(await greeting.locator('.notice-title').count()).toBe(0);
    // An example question is a button that asks it.
    const cards = page.locator('.log .card');
    await greeting.locator('.chip-example').click();
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.last().getAttribute('data-record-id')).toBe(TEMPLATE);

    await ask(page, HANDOFF.th);
    const handoff = lastReply(page);
    expect(await handoff.locator('.bot-note').getAttribute('data-kind')).toBe('handoff');
    expect(await handoff.locator('.bot-note-text').innerText()).toBe(CONTACT.th);
    expect(await handoff.locator('a[href="mailto:help@opdc.go.th"]').count()).toBe(1);
    expect(await handoff.locator('a[href="tel:023569999"]').count()).toBe(1);

    // A year no record covers: the note above the nearest guidance, never a confident answer.
    await ask(page, YEAR_2562);
    const year = lastReply(page);
    expect(await year.locator('.bot-note').getAttribute('data-kind')).toBe('year-not-covered');
    expect(await year.locator('.bot-note-text').innerText()).toContain('2562');
    expect(await year.locator('.card').count()).toBe(0);
    expect(await year.locator('.chip').getAttribute('data-record-id')).toBe(PROVINCIAL);
    await expectAccessible(page, 'bot messages at 360 px');

    await page.locator('.lang-button[data-lang="en"]').click();
    await ask(page, GREETING.en);
    expect(await lastReply(page).locator('.bot-note-text').innerText()).toContain('Hello!');
    expect(await lastReply(page).locator('.chips-label').innerText()).toBe('Try asking');
    await ask(page, HANDOFF.en);
    expect(await lastReply(page).locator('.bot-note-text').innerText()).toBe(CONTACT.en);
    expect(watched.problems).toEqual([]);
  });

  it('sends earlier turns as history, keeps the conversation across a reload, and clears it', async () => {
    const watched = await open('th-TH', PHONE);
    const { page } = watched;
    const asked: { question: string; history?: { question: string; answerId?: string }[] }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/ask')) asked.push(r.postDataJSON());
    });

    await ask(page, templateTh);
    await ask(page, 'แล้ว e-service ล่ะ');
    expect(asked[0]?.history).toBeUndefined();
    expect(asked[1]?.history).toEqual([{ question: templateTh, answerId: TEMPLATE }]);

    await page.reload();
    await expect.poll(() => page.locator('.log > .msg-user').count()).toBe(2);
    expect(await page.locator('.log .card').getAttribute('data-record-id')).toBe(TEMPLATE);
    await ask(page, 'แล้วต้องส่งที่ไหน');
    expect(asked[2]?.history).toEqual([{ question: templateTh, answerId: TEMPLATE }, { question: 'แล้ว e-service ล่ะ' }]);

    // At most five turns go out, the latest ones.
    for (const q of ['คำถามสี่', 'คำถามห้า', 'คำถามหก']) await ask(page, q);
    expect(asked.at(-1)?.history?.map((t) => t.question)).toEqual([templateTh, 'แล้ว e-service ล่ะ', 'แล้วต้องส่งที่ไหน', 'คำถามสี่', 'คำถามห้า']);
    await ask(page, 'คำถามเจ็ด');
    expect(asked.at(-1)?.history).toHaveLength(5);
    expect(asked.at(-1)?.history?.at(-1)?.question).toBe('คำถามหก');

    await page.locator('.clear-button').click();
    expect(await page.locator('.log > .msg-user').count()).toBe(0);
    expect(await page.locator('.welcome .chip-example').count()).toBeGreaterThan(0);
    expect(await page.locator('.clear-button').isDisabled()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('opdc-qa.conversation'))).toBeNull();
    await ask(page, templateTh);
    expect(asked.at(-1)?.history).toBeUndefined();
    await page.reload();
    await expect.poll(() => page.locator('.log > .msg-user').count()).toBe(1);
    expect(watched.problems).toEqual([]);
  });

  it('says when the filters leave no answer and searches all years on request', async () => {
    const watched = await open('th-TH', PHONE);
    const { page } = watched;
    await expect.poll(() => page.locator('#filter-year option[value="2563"]').count()).toBe(1);
    await page.selectOption('#filter-year', '2563');
    await ask(page, templateTh);
    const reply = lastReply(page);
    expect(await reply.locator('.notice-title').innerText()).toBe('ไม่พบคำตอบที่ตรงกับคำถามนี้เมื่อกรองด้วย ปีงบ 2563');
    const searchAll = reply.locator('button.search-all');
    expect(await searchAll.innerText()).toBe('ค้นหาทุกปีงบประมาณ');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/ask'));
    await searchAll.click();
    expect((await request).postDataJSON().filters).toBeUndefined();
    await expect.poll(() => lastReply(page).locator('.card').getAttribute('data-record-id')).toBe(TEMPLATE);
    expect(await page.locator('#filter-year').inputValue()).toBe('');
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    await page.setViewportSize(DESKTOP);
    await page.selectOption('#filter-year', '2563');
    await page.selectOption('#filter-indicator', 'e-service');
    await ask(page, templateTh);
    expect(await lastReply(page).locator('button.search-all').innerText()).toBe('ค้นหาทุกปีและทุกตัวชี้วัด');
    expect(watched.problems).toEqual([]);
  });
});
