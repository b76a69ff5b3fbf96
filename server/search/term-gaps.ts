import type { Concept, KbRecord } from '../kb/schema.js';
import type { Analyzer } from './analyze.js';
import { isGeneralWord } from './lexicon.js';

/**
 * Vocabulary gaps for editors (`npm run kb:terms`): the English and abbreviated terms that the
 * records write inside their Thai text (Focus Area, Potential Base, MOU, ก.พ.ร., อปท.) and that
 * no glossary concept covers. Staff ask about such a term in its formal Thai rendering, its
 * abbreviation with or without dots, or its romanisation; only a concept joins those forms
 * (expand.ts), so every term listed here is one a question can miss.
 *
 * Only the Thai text is mined: an English term there is one the Thai handouts borrow, which is
 * where staff switch languages. Ordinary English words (SUBTLEX-US, lexicon.ts) are not listed.
 */

export interface TermGap {
  /** The term as the records write it (first spelling seen). */
  term: string;
  /** Its words that no concept covers, as the analyzer tokenises them. */
  uncovered: string[];
  /** Concepts covering it whose forms lack a kind staff use for it (see missingKinds). */
  missing: Array<{ concept: string; kinds: FormKind[] }>;
  /** Records whose Thai text contains it, in knowledge-base order. */
  records: string[];
}

/**
 * What a borrowed term's concept should also have: a Latin term some Thai-script form (a formal
 * rendering such as ประเด็นมุ่งเน้น for Focus Area, or a transliteration), since Thai questions
 * use one; a Thai abbreviation a romanisation (derived from letter-names.json when it has two
 * to four consonants), since staff on a Latin keyboard spell it out.
 */
export type FormKind = 'thai form' | 'romanisation';

const LATIN = /[A-Za-z]/;
const THAI = /[\u0E01-\u0E4E]/;

export function missingKinds(term: string, concept: Concept): FormKind[] {
  if (LATIN.test(term)) return [...concept.th, ...concept.transliterations, ...concept.synonyms].some((f) => THAI.test(f)) ? [] : ['thai form'];
  return [...concept.en, ...concept.synonyms].some((f) => /^[a-z][a-z ]*$/i.test(f)) ? [] : ['romanisation'];
}

/**
 * A run of Latin words (with digits, dots and hyphens inside: e-Service, 4.0, L1-L3), or a
 * dotted Thai abbreviation (ก.พ.ร., อปท., สป.พม.): the two ways a Thai text borrows a term.
 */
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const LATIN_RUN = /[A-Za-z][A-Za-z0-9.\-]*(?: +[A-Za-z0-9][A-Za-z0-9.\-]*)*/g;
const THAI_ABBREVIATION = /(?<![\u0E01-\u0E4E])(?:[\u0E01-\u0E2E][\u0E01-\u0E4E]{0,3}\.)+(?:[\u0E01-\u0E2E]{1,3}(?![\u0E01-\u0E4E]))?/g;

function thaiTexts(r: KbRecord): string[] {
  return [r.question.th, r.answer.th, ...r.alternates.th];
}

/** Borrowed terms of one Thai text, trimmed of trailing dots and hyphens. */
export function borrowedTerms(text: string): string[] {
  const out: string[] = [];
  // A link is an address, not a term.
  const prose = text.replace(URL, ' ');
  for (const m of prose.matchAll(LATIN_RUN)) out.push(m[0].replace(/[.\-]+$/, ''));
  for (const m of prose.matchAll(THAI_ABBREVIATION)) if (m[0].replace(/\./g, '').length >= 2) out.push(m[0]);
  return out.filter((t) => t !== '');
}

/**
 * Every borrowed term of the records with the words of it that no concept covers and the form
 * kinds its concepts lack; a term whose every content word is covered by a concept with all
 * those kinds, is a number, or is everyday English is left out.
 */
export function termGaps(records: readonly KbRecord[], analyzer: Analyzer): TermGap[] {
  const byKey = new Map<string, TermGap>();
  for (const r of records) {
    for (const text of thaiTexts(r)) {
      for (const term of borrowedTerms(text)) {
        const key = term.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
        const known = byKey.get(key);
        if (known) {
          if (!known.records.includes(r.id)) known.records.push(r.id);
          continue;
        }
        const units = analyzer.analyze(term).units;
        const uncovered = units
          .filter((u) => u.terms.length > 0 && u.concepts.length === 0 && !/^[\d.,]+$/.test(u.token) && !isGeneralWord(u.token))
          .map((u) => u.token);
        const concepts = [...new Set(units.flatMap((u) => u.concepts))];
        const missing = concepts
          .map((id) => ({ concept: id, kinds: missingKinds(term, analyzer.expander.concepts.get(id)!) }))
          .filter((m) => m.kinds.length > 0);
        byKey.set(key, { term, uncovered, missing, records: [r.id] });
      }
    }
  }
  return [...byKey.values()].filter((g) => g.uncovered.length > 0 || g.missing.length > 0).sort((a, b) => b.records.length - a.records.length || (a.term < b.term ? -1 : 1));
}
