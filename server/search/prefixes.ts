/**
 * The prefixes of derived index terms, in one place. A word is indexed as itself; these mark
 * terms that are not words of the text, so they can never collide with one.
 */

/** A glossary concept named in the text (expand.ts): `c:e-service`. */
export const CONCEPT_PREFIX = 'c:';
/** What kind of answer a question word asks for (lexicon question-words): `q:how`. */
export const INTENT_PREFIX = 'q:';
/** A content word within the scope of a negator (negation.ts): `n:เจ้าภาพ`. */
export const NEGATION_PREFIX = 'n:';
