import type { Concept, Glossary } from '../kb/schema.js';
import { normalize } from './normalize.js';
import { CONCEPT_PREFIX } from './prefixes.js';
import type { Segmenter } from './segment.js';
import { isContentToken } from './terms.js';

/**
 * Concept expansion through the glossary. Every surface form of a concept (Thai, English,
 * abbreviations, transliterations, synonyms) is reduced to a key; a run of tokens whose keys
 * concatenate to a form's key names that concept. Records and questions both get the concept
 * token (`c:e-service`), so "electronic service", "อีเซอร์วิส" and "บริการอิเล็กทรอนิกส์" meet.
 *
 * Forms are matched on concatenated tokens rather than on their own segmentation because a
 * multi-word Thai form (การให้บริการด้วยระบบอิเล็กทรอนิกส์) is cut in context exactly like
 * the text around it, while cutting the form alone can differ; only the form's two ends must
 * fall on token boundaries of the text, which keeps ข้อมูล from matching inside ฐานข้อมูล.
 */

export { CONCEPT_PREFIX };

export interface ConceptMatch {
  concept: string;
  /** Token span [start, end) in the token list given to find(). */
  start: number;
  end: number;
}

export interface Expander {
  /** Longest concept match starting at each token; matches may nest or overlap. */
  find(tokens: readonly string[]): ConceptMatch[];
  /** Concept ids named in a text (normalized and segmented here). */
  conceptsOf(text: string): string[];
  readonly concepts: ReadonlyMap<string, Concept>;
}

/** Letters and digits only: spaces, hyphens and dots differ between spellings of one form. */
function keyOf(normalized: string): string {
  return normalized.replace(/[^\p{L}\p{N}\p{M}]/gu, '');
}

export function surfaceForms(concept: Concept): string[] {
  return [concept.id, ...concept.th, ...concept.en, ...concept.abbreviations, ...concept.transliterations, ...concept.synonyms];
}

/** Longest form key, in UTF-16 units; bounds the scan from each token. */
const MAX_KEY = 80;

export function createExpander(glossary: Glossary, segment: Segmenter): Expander {
  const byKey = new Map<string, Set<string>>();
  const prefixes = new Set<string>();
  const concepts = new Map<string, Concept>();
  for (const concept of glossary.concepts) {
    concepts.set(concept.id, concept);
    for (const form of surfaceForms(concept)) {
      const key = keyOf(normalize(form));
      // One- and two-letter keys (e.g. a stray "e") would fire everywhere.
      if (key.length < 2 || key.length > MAX_KEY) continue;
      let ids = byKey.get(key);
      if (!ids) byKey.set(key, (ids = new Set()));
      ids.add(concept.id);
      for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
    }
  }

  const find = (tokens: readonly string[]): ConceptMatch[] => {
    const keys = tokens.map((t) => (isContentToken(t) ? keyOf(t) : ''));
    const out: ConceptMatch[] = [];
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === '') continue;
      let acc = '';
      let best: { end: number; ids: Set<string> } | undefined;
      for (let j = i; j < keys.length; j++) {
        acc += keys[j];
        if (!prefixes.has(acc)) break;
        const ids = byKey.get(acc);
        if (ids) best = { end: j + 1, ids };
      }
      if (best) for (const concept of best.ids) out.push({ concept, start: i, end: best.end });
    }
    return out;
  };

  return {
    find,
    conceptsOf: (text) => [...new Set(find(segment(normalize(text))).map((m) => m.concept))],
    concepts,
  };
}
