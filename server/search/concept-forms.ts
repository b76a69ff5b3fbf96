import type { Concept, Glossary } from '../kb/schema.js';
import { isGeneralWord, lexicon, type Lexicon } from './lexicon.js';

/**
 * The glossary as the analyzer uses it: kb/glossary.json plus two lexicon files.
 *  - concept-forms.json: more surface forms of a concept, each entry with its own source (a
 *    glossary concept has one source for all its forms, so a form from another reference, or a
 *    synonym from a thesaurus, is kept here where it can say where it comes from);
 *  - letter-names.json: romanised consonant names, from which every abbreviation of two to four
 *    consonants gets its spelled-out Latin forms (ก.พ.ร. → "kor por ror", "gor phor ror"), the
 *    way staff type an abbreviation on a Latin keyboard.
 * Entries naming a concept the glossary lacks are ignored: the glossary decides what exists.
 */

/** An abbreviation is spelled out only when it is this many consonants (more: too many spellings). */
const SPELLED_LETTERS = { min: 2, max: 4 } as const;
/** Most spellings derived per abbreviation (the product of each letter's name variants). */
const MAX_SPELLINGS = 16;

const THAI_CONSONANTS = /^[\u0E01-\u0E2E]+$/;

const KIND_FIELD = {
  th: 'th',
  en: 'en',
  abbreviation: 'abbreviations',
  transliteration: 'transliterations',
  synonym: 'synonyms',
} as const;

/** Spelled-out Latin forms of a Thai abbreviation (ก.พ.ร. → kor por ror, …); [] when not one. */
export function spelledOut(abbreviation: string, names: ReadonlyMap<string, readonly string[]>): string[] {
  const letters = abbreviation.replace(/[.\s]/g, '');
  if (!THAI_CONSONANTS.test(letters) || letters.length < SPELLED_LETTERS.min || letters.length > SPELLED_LETTERS.max) return [];
  let out = [''];
  for (const letter of letters) {
    const options = names.get(letter);
    if (!options) return [];
    out = out.flatMap((prefix) => options.map((n) => (prefix ? `${prefix} ${n}` : n))).slice(0, MAX_SPELLINGS);
  }
  // A spelling that is an everyday English word when written together would fire on ordinary text.
  return out.filter((s) => !isGeneralWord(s.replace(/ /g, '')));
}

function withForms(concept: Concept, added: ReadonlyArray<{ field: (typeof KIND_FIELD)[keyof typeof KIND_FIELD]; form: string }>): Concept {
  const next = { ...concept, th: [...concept.th], en: [...concept.en], abbreviations: [...concept.abbreviations], transliterations: [...concept.transliterations], synonyms: [...concept.synonyms] };
  for (const { field, form } of added) if (!next[field].includes(form)) next[field].push(form);
  return next;
}

export function withLexiconForms(glossary: Glossary, lex: Pick<Lexicon, 'concept-forms' | 'letter-names'> = lexicon()): Glossary {
  const names = new Map(lex['letter-names'].entries.map((e) => [e.letter, e.names]));
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
      return added.length === 0 ? c : withForms(c, added);
    }),
  };
}
