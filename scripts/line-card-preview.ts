import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadKnowledgeBase } from '../server/kb/load.js';
import { answerMessages } from '../server/line/messages.js';
import { REPO_ROOT } from '../server/paths.js';
import { createAnswerer } from '../server/search/answerer.js';
import { flexPreviewHtml } from './line/flex-html.js';

/**
 * Renders the LINE answer card of a question against kb/ as an HTML preview and screenshots it
 * with Debian's chromium: `npx tsx scripts/line-card-preview.ts [question] [out.png]`.
 */
const question = process.argv[2] ?? 'งานบริการ e-service ต้องเป็นงานบริการใหม่ หรือใช้งานบริการเดิมได้ไหม';
const out = path.resolve(process.argv[3] ?? path.join(REPO_ROOT, 'docs', 'line-answer-card.png'));

const kb = await loadKnowledgeBase(path.join(REPO_ROOT, 'kb'));
const answerer = createAnswerer(kb);
const result = answerer.ask({ question, limit: 6 });
const [top, ...rest] = result.answers;
if (!result.answered || !top) {
  console.error(`line-card-preview: "${question}" is not answered confidently (status ${result.status}); pick another question`);
  process.exit(1);
}
const [card] = answerMessages(top, result.lang, { publicBaseUrl: 'https://bot.example.go.th', documents: kb.documents, kb }, rest.filter((a) => a.score >= 0.1));
const fontDir = pathToFileURL(path.join(REPO_ROOT, 'node_modules', '@fontsource', 'noto-sans-thai', 'files')).href;
const dir = await mkdtemp(path.join(tmpdir(), 'line-preview-'));
const html = path.join(dir, 'card.html');
await writeFile(html, flexPreviewHtml(card as never, fontDir, question));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 420, height: 400 }, deviceScaleFactor: 2 });
  await page.goto(pathToFileURL(html).href);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
