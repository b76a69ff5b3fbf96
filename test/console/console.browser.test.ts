import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';
import { createAccounts } from '../../server/console/accounts.js';
import { copyRepoKb, type TempKb } from '../support/fixture-kb.js';
import { SAMPLE_BATCH } from '../support/sample-batch.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import { CHROMIUM, HAVE_CHROMIUM, LAUNCH_OPTIONS, openPage, type WatchedPage } from '../web/browser-support.js';
import type { FastifyInstance } from 'fastify';

/**
 * The editors' console in Debian's Chromium against the real app over a temp copy of kb/:
 * the acceptance path of issue 12, in order (each step builds on the one before).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const README_SHOTS = path.join(ROOT, 'kb', 'screenshots');
const RECORD = 'fy2565-potential-base/overview/1';
const NEW_ENGLISH = 'Choose exactly one sub-topic; pick the one that best supports the agency mission.';
const PUBLISHER_PASSWORD = 'publisher-password-1';
const EDITOR_PASSWORD = 'editor-password-123';
/** A staff question the bot declined, worded differently from the record (our own wording). */
const DECLINED = 'เลือกได้กี่ประเด็นย่อยในตัวชี้วัดดิจิทัล';

if (!HAVE_CHROMIUM) {
  if (process.env.CI) throw new Error(`browser tests need Chromium at ${CHROMIUM} in CI`);
  console.warn(`SKIPPING console browser tests: ${CHROMIUM} not found`);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `console-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await mkdir(README_SHOTS, { recursive: true });
    await copyFile(file, path.join(README_SHOTS, `console-${name}.png`));
  }
}

/** The real app on a free port over `kbDir`, with an in-memory store (nothing under var/). */
async function startApp(kbDir: string): Promise<{ app: FastifyInstance; baseUrl: string; close(): Promise<void> }> {
  const app = await buildApp(
    loadConfig({ HOST: '127.0.0.1', PORT: '0', KB_DIR: kbDir, QUESTION_LOG: 'off', RATE_LIMIT_MAX: '0', KB_WATCH: 'off', LOG_LEVEL: 'silent', LOG_SALT: 'console-browser-test-salt' }),
    { store: createMemoryStore() },
  );
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl, close: () => app.close() };
}

describe.skipIf(!HAVE_CHROMIUM)('editors’ console in Chromium', () => {
  let browser: Browser;
  let running: Awaited<ReturnType<typeof startApp>>;
  let kb: TempKb;
  let publisher: WatchedPage;
  let publisherOneTime: string;

  beforeAll(async () => {
    kb = (await copyRepoKb())!;
    const [, app, launched] = await Promise.all([buildWeb(), startApp(kb.dir), chromium.launch(LAUNCH_OPTIONS)]);
    running = app;
    browser = launched;
    const accounts = createAccounts({ store: running.app.store });
    publisherOneTime = (await accounts.addEditor('publisher1', 'publisher')).password;
    const editor = await accounts.addEditor('editor1', 'editor');
    await accounts.changePassword('editor1', editor.password, EDITOR_PASSWORD);
    await running.app.store.appendQuestions([
      { channel: 'web', question: DECLINED, lang: 'th', outcome: 'none', latencyMs: 3 },
      { channel: 'line', question: `${DECLINED} ครับ`, lang: 'th', outcome: 'none', latencyMs: 3 },
      { channel: 'web', question: RECORD, lang: 'th', outcome: 'answered', topId: RECORD, latencyMs: 3 },
    ]);
    await running.app.store.addFeedback({ recordId: RECORD, question: 'เลือกหลายประเด็นได้ไหม', helpful: false, channel: 'web' });
    publisher = await openPage(browser, running.baseUrl, { locale: 'th-TH', viewport: { width: 1280, height: 900 } });
    // Building an index for the draft and running every evaluation question takes seconds on a busy machine.
    publisher.page.setDefaultTimeout(90_000);
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await kb?.cleanup();
  });

  const page = () => publisher.page;

  it('refuses a wrong password, then signs in and asks for a new password first', async () => {
    await page().goto(`${running.baseUrl}/admin`);
    await page().getByLabel('ชื่อผู้ใช้').fill('publisher1');
    await page().getByLabel('รหัสผ่าน').fill('not-the-password');
    await page().getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await expect.poll(() => page().getByRole('alert').innerText()).toMatch(/Wrong name or password/);
    await screenshot(page(), 'signin');
    await page().getByLabel('รหัสผ่าน').fill(publisherOneTime);
    await page().getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page().getByLabel('รหัสผ่านครั้งเดียวที่ได้รับ').fill(publisherOneTime);
    await page().getByLabel('รหัสผ่านใหม่ (อย่างน้อย 10 ตัวอักษร)').fill(PUBLISHER_PASSWORD);
    await page().getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }).click();
    await page().locator('.record-row').first().waitFor();
    expect(await page().locator('.top .who').innerText()).toContain('publisher1');
    expect(publisher.problems).toEqual([]);
  }, 120_000);

  it('imports a batch into the draft, showing its problems by line and likely duplicates side by side', async () => {
    await page().locator('a[data-tab="import"]').click();
    // The first row repeats a published question, so the batch has a duplicate to show.
    const published = JSON.parse(await readFile(path.join(kb.dir, 'documents', 'fy2565-potential-base.json'), 'utf8')).records[1].question.th as string;
    const batch = SAMPLE_BATCH.replace(/^1\t[^\t]+/m, `1\t${published}`).replace('2\tต้องรายงาน', '4\tต้องรายงาน');
    await page().locator('input[type=file]').setInputFiles({ name: 'batch-2566.txt', mimeType: 'text/plain', buffer: Buffer.from(batch) });
    await page().getByLabel('รหัสเอกสาร (เว้นว่างได้)').fill('fy2566-e-service');
    await page().getByRole('button', { name: 'ตรวจดูก่อนนำเข้า' }).click();
    await page().locator('.side-by-side.duplicate').first().waitFor();
    expect(await page().locator('.batch-problems').innerText()).toMatch(/บรรทัด \d+: .*(gap|missing|numbering|duplicate)/i);
    expect(await page().locator('.side-by-side.duplicate').first().innerText()).toContain(published.slice(0, 20));
    await screenshot(page(), 'import');
    await page().getByRole('button', { name: 'นำเข้าสู่ฉบับร่าง' }).click();
    await expect.poll(() => page().getByRole('status').first().innerText()).toContain('นำเข้าสู่ฉบับร่างแล้ว');
    // The published knowledge is untouched until someone publishes.
    await expect(readFile(path.join(kb.dir, 'documents', 'fy2566-e-service.json'))).rejects.toThrow(/ENOENT/);
    // The untranslated import blocks publishing (kb:check errors); the publisher discards it.
    await page().locator('a[data-tab="draft"]').click();
    await page().locator('.problems.errors').waitFor();
    expect(await page().locator('.problems.errors').innerText()).toMatch(/untranslated/);
    expect(await page().getByRole('button', { name: 'เผยแพร่' }).isDisabled()).toBe(true);
    page().once('dialog', (d) => void d.accept());
    await page().getByRole('button', { name: 'ยกเลิกฉบับร่าง' }).click();
    await page().getByText('ฉบับร่างไม่มีการเปลี่ยนแปลง').waitFor();
  }, 120_000);

  it('translates and tags a record, validating as the editor types', async () => {
    await page().goto(`${running.baseUrl}/admin#record/${RECORD}`);
    await page().locator('.source').waitFor();
    expect(await page().locator('.source').innerText()).toMatch(/ข้อ 1 · 2021-09-10/);
    const answerEn = page().getByLabel('คำตอบ (อังกฤษ คำแปล)');
    await answerEn.fill('');
    await expect.poll(() => page().locator('#record-problems').innerText()).toContain('untranslated (answer.en empty)');
    await answerEn.fill(NEW_ENGLISH);
    await page().locator('input[name=indicator][value=training]').check();
    await expect.poll(() => page().locator('#record-problems').innerText()).toContain('ไม่พบปัญหา');
    await screenshot(page(), 'record');
    await page().getByRole('button', { name: 'บันทึกลงฉบับร่าง' }).click();
    await page().getByText('แก้ไขในฉบับร่างแล้ว (ยังไม่เผยแพร่)').waitFor();
  }, 120_000);

  it('adds a declined staff question as an alternate from the inbox', async () => {
    await page().locator('a[data-tab="inbox"]').click();
    const group = page().locator('.group').filter({ hasText: DECLINED }).first();
    await group.waitFor();
    expect(await group.innerText()).toMatch(/ถาม 2 ครั้ง/);
    expect(await page().locator('figure.chart-figure svg').count()).toBe(3);
    await screenshot(page(), 'inbox');
    await group.getByLabel('เลือกรายการ (ค้นหา)').fill(RECORD);
    await expect.poll(() => group.locator(`select option[value="${RECORD}"]`).count()).toBeGreaterThan(0);
    await group.getByLabel('รายการที่ระบบแนะนำ').selectOption(RECORD);
    await group.getByRole('button', { name: 'เพิ่มเป็นคำถามแบบอื่นของรายการนี้' }).click();
    await expect.poll(() => page().locator('.group').filter({ hasText: DECLINED }).count()).toBe(0);
    const resolved = await running.app.store.listQuestions({ outcomes: ['none'] });
    expect(resolved.every((q) => q.resolution?.kind === 'alternate' && q.resolution.recordId === RECORD)).toBe(true);
  }, 120_000);

  it('runs the batch test on the draft and publishes it; the chat page serves the change', async () => {
    await page().locator('a[data-tab="draft"]').click();
    await page().getByRole('button', { name: 'ทดสอบชุดคำถามประเมินผล' }).click();
    await expect.poll(() => page().locator('.batch-result .count').innerText(), { timeout: 60_000 }).toMatch(/\d+ คำถาม: ที่เผยแพร่ถูก \d+ · ฉบับร่างถูก \d+/);
    expect(await page().locator('.diff-text').first().textContent()).toContain(NEW_ENGLISH);
    await screenshot(page(), 'review');
    await page().getByLabel('สรุปการเปลี่ยนแปลง').fill('Clearer English for overview 1, tag, alternate from staff');
    await page().getByRole('button', { name: 'เผยแพร่' }).click();
    await page().locator('.history li[data-version="2"]').waitFor();
    expect(await readFile(path.join(kb.dir, 'documents', 'fy2565-potential-base.json'), 'utf8')).toContain(DECLINED);

    const chat = await openPage(browser, running.baseUrl, { locale: 'en-US', viewport: { width: 1280, height: 800 } });
    await chat.page.goto(`${running.baseUrl}/records/${RECORD}`);
    await chat.page.getByText(NEW_ENGLISH).waitFor();
    await chat.context.close();
  }, 180_000);

  it('restores the previous version in one step', async () => {
    page().once('dialog', (d) => void d.accept());
    await page().locator('.history li[data-version="1"] button').click();
    await page().locator('.history li[data-version="3"]').waitFor();
    const english = (await (await fetch(`${running.baseUrl}/api/records/${RECORD}?lang=en`)).json()) as { answer: string };
    expect(english.answer).not.toBe(NEW_ENGLISH);
    expect(await readFile(path.join(kb.dir, 'documents', 'fy2565-potential-base.json'), 'utf8')).not.toContain(DECLINED);
    expect(publisher.problems).toEqual([]);
  }, 120_000);

  it('does not let an editor without the publisher role publish, at phone width', async () => {
    const editor = await openPage(browser, running.baseUrl, { locale: 'en-US', viewport: { width: 360, height: 740 } });
    const p = editor.page;
    await p.goto(`${running.baseUrl}/admin`);
    await p.getByLabel('Name').fill('editor1');
    await p.getByLabel('Password').fill(EDITOR_PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.locator('.record-row').first().waitFor();
    await p.goto(`${running.baseUrl}/admin#record/${RECORD}`);
    await p.getByLabel('Answer (English, our translation)').fill(`${NEW_ENGLISH} (editor)`);
    await p.getByRole('button', { name: 'Save to draft' }).click();
    await p.getByText('Changed in the draft (not published yet)').waitFor();
    await p.locator('a[data-tab="draft"]').click();
    await p.getByText('Only a publisher can publish or discard the draft').waitFor();
    expect(await p.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    // Even a hand-made request is refused by the server.
    const status = await p.evaluate(async () => (await fetch('/api/console/draft/publish', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"summary":"x"}' })).status);
    expect(status).toBe(403);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    p.setDefaultTimeout(60_000);
    await screenshot(p, 'editor-phone');
    expect(editor.problems).toEqual([]);
    await editor.context.close();
  }, 120_000);
});
