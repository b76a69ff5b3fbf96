import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../scripts/build-web.js';

describe('buildWeb', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('writes the bundle, page, stylesheet and the shipped Thai font', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'opdc-build-web-'));
    dirs.push(parent);
    const out = path.join(parent, 'dist');
    await buildWeb(out);
    expect((await readdir(out)).sort()).toEqual(['admin', 'app.js', 'app.js.map', 'favicon.svg', 'fonts', 'index.html', 'styles.css', 'widget.js', 'widget.js.map']);
    const fonts = await readdir(path.join(out, 'fonts'));
    expect(fonts.sort()).toEqual([
      'noto-sans-thai-latin-400-normal.woff2',
      'noto-sans-thai-latin-600-normal.woff2',
      'noto-sans-thai-thai-400-normal.woff2',
      'noto-sans-thai-thai-600-normal.woff2',
    ]);
    // Every @font-face the stylesheet names is in the build.
    const css = await readFile(path.join(out, 'styles.css'), 'utf8');
    const referenced = [...css.matchAll(/url\(\/fonts\/([^)]+)\)/g)].map((m) => m[1]);
    expect(new Set(referenced)).toEqual(new Set(fonts));
    expect(css).not.toMatch(/https?:\/\//);
    expect(await readFile(path.join(out, 'app.js'), 'utf8')).toMatch(/sourceMappingURL=app\.js\.map/);
  });

  it('leaves no inline script or style for the CSP to refuse', async () => {
    const html = await readFile(path.join(dirs[0] ?? '', 'dist', 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('replaces an earlier build instead of mixing with it', async () => {
    const out = path.join(dirs[0] ?? '', 'dist');
    await buildWeb(out);
    const siblings = await readdir(path.dirname(out));
    expect(siblings).toEqual(['dist']);
  });

  it('lets builds run side by side into one folder, each ending with the whole output in place', async () => {
    const out = path.join(dirs[0] ?? '', 'dist');
    await Promise.all([buildWeb(out), buildWeb(out), buildWeb(out), buildWeb(out)]);
    expect((await readdir(out)).sort()).toEqual(['admin', 'app.js', 'app.js.map', 'favicon.svg', 'fonts', 'index.html', 'styles.css', 'widget.js', 'widget.js.map']);
    expect(await readdir(path.dirname(out))).toEqual(['dist']);
  });
});
