import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A general Thai word list for confirming repairs: the dictionary bundled with
 * wordcut (LGPL-3.0; data/tdict-std.txt, tdict-std-compound.txt,
 * tdict-common.txt, from the libthai/Thai Royal Institute word lists). Loaded
 * on first use only: imports that need no repair never read it.
 */
const FILES = ['tdict-std.txt', 'tdict-std-compound.txt', 'tdict-common.txt'];
const MAX_WORD = 24;
let words: Set<string> | undefined;

/** The words of LibThai's lists shipped in wordcut's data folder (tdict-*.txt), one per line. */
export function readLibThaiWords(files: readonly string[]): string[] {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('wordcut/package.json')), 'data');
  return files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)).map((w) => w.trim()).filter(Boolean);
}

function dictionary(): Set<string> {
  words ??= new Set(readLibThaiWords(FILES));
  return words;
}

/** Fewest dictionary words a run of Thai letters splits into; Infinity when it does not split completely. */
export function fewestWords(run: string): number {
  const dict = dictionary();
  const best = new Array<number>(run.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 0; i < run.length; i++) {
    if (best[i] === Infinity) continue;
    for (let len = 1; len <= MAX_WORD && i + len <= run.length; len++) {
      if (best[i]! + 1 < best[i + len]! && dict.has(run.slice(i, i + len))) best[i + len] = best[i]! + 1;
    }
  }
  return best[run.length]!;
}

/**
 * A Thai phrase with "space + sara aa" where a nikhahit was lost: the phrase
 * with sara am when the dictionary reads that in fewer words than the phrase
 * with the spaces simply dropped (`ค าน า` → คำนำ, one word, not คา|นา);
 * undefined when the dictionary cannot tell (a tie, or neither reads).
 */
export function restoreSaraAm(phrase: string): string | undefined {
  const withAm = phrase.replace(/[ \u00A0]\u0E32/g, '\u0E33');
  const withAa = phrase.replace(/[ \u00A0]\u0E32/g, '\u0E32');
  const am = fewestWords(withAm);
  return am < Infinity && am < fewestWords(withAa) ? withAm : undefined;
}
