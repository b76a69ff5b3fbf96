import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths.js';
import type { Unit } from './analyze.js';
import { generalRank } from './general-frequency.js';
import { termsOfToken } from './terms.js';

/**
 * English synonyms for the words of a question that no record uses: "is it compulsory" is
 * matched by a record that says "mandatory". The table (server/search/data/english-synonyms.tsv)
 * is WordNet 3.1's most frequent sense of each everyday English verb, adjective and adverb, made by
 * scripts/make-english-synonyms.ts. Only a word the knowledge base lacks is expanded, and only
 * to synonyms the knowledge base holds, so a question's own words always match as they are and
 * a synonym never adds a word no record has. Thai has no such table here: the thesauri under a
 * usable licence are literary (PyThaiNLP's thai-synonym), and Thai synonyms come from the
 * glossary and the lexicon instead.
 */

const FILE = path.join(REPO_ROOT, 'server', 'search', 'data', 'english-synonyms.tsv');
const ENGLISH_WORD = /^[a-z]+$/;
/**
 * Synonyms among the most frequent English words are left out: they have many senses, and a
 * record using one seldom means the question's ("located" lists "set", which general/8 uses for
 * something else entirely).
 */
const MIN_SYNONYM_RANK = 1000;

let table: Map<string, string[]> | undefined;

function read(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(FILE, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
  }
  return out;
}

/** Reads the table now (it is otherwise read on first use). */
export function loadSynonyms(): ReadonlyMap<string, readonly string[]> {
  table ??= read();
  return table;
}

/** WordNet synonyms of an everyday English word (lower case), or none. */
export function synonymsOf(word: string): readonly string[] {
  return loadSynonyms().get(word) ?? [];
}

/**
 * The units with each English word that no record holds (and no glossary concept covers) also
 * carrying the index terms of its synonyms that some record holds. Units are copied, not changed.
 */
export function withSynonyms(units: readonly Unit[], inKnowledgeBase: (term: string) => boolean): Unit[] {
  return units.map((unit) => {
    if (!ENGLISH_WORD.test(unit.token) || unit.concepts.length > 0 || unit.terms.length === 0 || unit.terms.some(inKnowledgeBase)) return unit;
    const extra = synonymsOf(unit.token)
      .filter((w) => (generalRank(w) ?? Infinity) > MIN_SYNONYM_RANK)
      .flatMap(termsOfToken)
      .filter((t) => inKnowledgeBase(t) && !unit.terms.includes(t));
    return extra.length === 0 ? unit : { ...unit, terms: [...unit.terms, ...new Set(extra)] };
  });
}
