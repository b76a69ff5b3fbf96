import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONVERSATION_LEXICON, LexiconError, loadConversationLexicon } from '../../server/conversation/lexicon.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'opdc-lexicon-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('conversation lexicon', () => {
  it('loads the repository lexicon with a source on every entry', () => {
    const lexicon = loadConversationLexicon(DEFAULT_CONVERSATION_LEXICON);
    const entries = [
      ...Object.values(lexicon.followUp).flat(),
      ...lexicon.particles,
      ...Object.values(lexicon.smallTalk).flat(),
      ...Object.values(lexicon.handoff).flat(),
    ];
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) expect(e.source.trim().length, e.text).toBeGreaterThan(2);
  });

  it('names the file and the bad entry when an entry has no source', async () => {
    const lexicon = loadConversationLexicon();
    const bad = { ...lexicon, particles: [...lexicon.particles, { text: 'จ๊ะ', lang: 'th' }] };
    const file = path.join(dir, 'no-source.json');
    await writeFile(file, JSON.stringify(bad));
    expect(() => loadConversationLexicon(file)).toThrow(LexiconError);
    expect(() => loadConversationLexicon(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*particles\\.\\d+\\.source`));
  });

  it('names the file when it is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{"followUp": ');
    expect(() => loadConversationLexicon(file)).toThrow(/broken\.json: cannot read JSON/);
  });

  it('rejects an unknown language', async () => {
    const lexicon = loadConversationLexicon();
    const file = path.join(dir, 'lang.json');
    await writeFile(file, JSON.stringify({ ...lexicon, particles: [{ text: 'bitte', lang: 'de', source: 'editor' }] }));
    expect(() => loadConversationLexicon(file)).toThrow(/particles\.0\.lang: must be "th" or "en"/);
  });
});
