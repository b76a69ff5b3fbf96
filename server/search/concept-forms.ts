import type { Concept, Glossary } from '../kb/schema.js';
import { isGeneralWord, lexicon, type Lexicon } from './lexicon.js';

/**
 * The glossary as the analyzer uses it: kb/glossary.json plus two lexicon files.
 *  - concept-forms.json: more surface forms of a concept, each entry with its own source (a
 *    glossary concept has one source for all its forms, so a form from another reference, or a
 *    synonym from a thesaurus, is kept here where it can say where it comes from);
 *  - letter-names.json: romanised consonant names, from which every abbreviation of two to four
 *    consonants gets its spelled-out Latin forms (ก.พ.ร. → "kor por ror", "gor phor ror"), the
 *    way staff type an abbreviation on a Latin keyboard;
 *  - latin-letter-names.json: English letter names in Thai script, from which every Latin
 *    abbreviation of two to five capitals gets its spelled-out Thai forms (PMQA → พีเอ็มคิวเอ,
 *    DGA → ดีจีเอ), the way staff type it on a Thai keyboard.
 * Entries naming a concept the glossary lacks are ignored: the glossary decides what exists.
 */

/** An abbreviation is spelled out only when it is this many letters (more: too many spellings). */
const SPELLED_LETTERS = { thai: { min: 2, max: 4 }, latin: { min: 2, max: 5 } } as const;
/** Most spellings derived per abbreviation (the product of each letter's name variants). */
const MAX_SPELLINGS = 16;

const THAI_CONSONANTS = /^[\u0E01-\u0E2E]+$/;
/** A Latin abbreviation as written in the glossary: capitals only (OPDC, KPI; not e-SAR). */
const LATIN_CAPITALS = /^[A-Z]+$/;

const KIND_FIELD = {
  th: 'th',
  en: 'en',
  abbreviation: 'abbreviations',
  transliteration: 'transliterations',
  synonym: 'synonyms',
} as const;

/** Every combination of the letters' names, at most MAX_SPELLINGS; [] when a letter has none. */
function spellings(letters: string, names: ReadonlyMap<string, readonly string[]>, separator: string): string[] {
  let out = [''];
  for (const letter of letters) {
    const options = names.get(letter);
    if (!options) return [];
    out = out.flatMap((prefix) => options.map((n) => (prefix ? `${prefix}${separator}${n}` : n))).slice(0, MAX_SPELLINGS);
  }
  // A spelling that is an everyday word when written together would fire on ordinary text.
  return out.filter((s) => !isGeneralWord(s.replace(/ /g, '')));
}

/** Spelled-out Latin forms of a Thai abbreviation (ก.พ.ร. → kor por ror, …); [] when not one. */
export function spelledOut(abbreviation: string, names: ReadonlyMap<string, readonly string[]>): string[] {
  const letters = abbreviation.replace(/[.\s]/g, '');
  const { min, max } = SPELLED_LETTERS.thai;
  if (!THAI_CONSONANTS.test(letters) || letters.length < min || letters.length > max) return [];
  return spellings(letters, names, ' ');
}

/** Spelled-out Thai forms of a Latin abbreviation (PMQA → พีเอ็มคิวเอ); [] when not one. Thai writes them unspaced. */
export function spelledInThai(abbreviation: string, names: ReadonlyMap<string, readonly string[]>): string[] {
  const letters = abbreviation.replace(/\./g, '');
  const { min, max } = SPELLED_LETTERS.latin;
  if (!LATIN_CAPITALS.test(letters) || letters.length < min || letters.length > max) return [];
  return spellings(letters.toLowerCase(), names, '');
}

function withForms(concept: Concept, added: ReadonlyArray<{ field: (typeof KIND_FIELD)[keyof typeof KIND_FIELD]; form: string }>): Concept {
  const next = { ...concept, th: [...concept.th], en: [...concept.en], abbreviations: [...concept.abbreviations], transliterations: [...concept.transliterations], synonyms: [...concept.synonyms] };
  for (const { field, form } of added) if (!next[field].includes(form)) next[field].push(form);
  return next;
}

export function withLexiconForms(glossary: Glossary, lex: Pick<Lexicon, 'concept-forms' | 'letter-names' | 'latin-letter-names'> = lexicon()): Glossary {
  const names = new Map(lex['letter-names'].entries.map((e) => [e.letter, e.names]));
  const latinNames = new Map(lex['latin-letter-names'].entries.map((e) => [e.letter, e.names]));
  const extra = new Map<string, Array<{ field: (typeof KIND_FIELD)[keyof typeof KIND_FIELD]; form: string }>>();
  for (const e of lex['concept-forms'].entries) {
    const list = extra.get(e.concept) ?? [];
    list.push({ field: KIND_FIELD[e.kind], form: e.form });
    extra.set(e.concept, list);
  }
  return {
    ...glossary,
    concepts: glossary.concepts.map((c) => {
      const added = extra.get(c.id) ?? [];
      // Spelled-out forms are neither Thai nor an English name: kept with the synonyms.
      for (const a of [...c.abbreviations, ...added.filter((x) => x.field === 'abbreviations').map((x) => x.form)]) {
        for (const form of spelledOut(a, names)) added.push({ field: 'synonyms', form });
      }
      for (const a of [...c.abbreviations, ...c.en]) {
        for (const form of spelledInThai(a, latinNames)) added.push({ field: 'transliterations', form });
      }
      return added.length === 0 ? c : withForms(c, added);
    }),
  };
}
