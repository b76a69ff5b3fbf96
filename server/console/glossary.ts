import { ConceptSchema, GlossarySchema, type Concept, type Glossary } from '../kb/schema.js';
import { ConsoleError } from './errors.js';
import type { KnowledgeFiles } from './kb-files.js';

/**
 * Glossary concepts and lexicon files in the draft. The glossary has a schema (kb/schema.ts);
 * lexicon files (kb/lexicon/*.json, owned by the search engine) are edited as JSON and must
 * parse, and each entry must name its source, as the team's rules require.
 */
export function readGlossary(files: KnowledgeFiles): Glossary {
  const text = files['glossary.json'];
  if (!text) return { concepts: [] };
  const parsed = GlossarySchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new ConsoleError('unprocessable', 'glossary.json in the draft is invalid');
  return parsed.data;
}

const serialize = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function putConcept(files: KnowledgeFiles, input: unknown): Concept {
  const parsed = ConceptSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(concept)', message: i.message }));
    throw new ConsoleError('invalid', `The concept is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const concept = parsed.data;
  const glossary = readGlossary(files);
  const at = glossary.concepts.findIndex((c) => c.id === concept.id);
  if (at >= 0) glossary.concepts[at] = concept;
  else glossary.concepts.push(concept);
  files['glossary.json'] = serialize(glossary);
  return concept;
}

export function deleteConcept(files: KnowledgeFiles, id: string): void {
  const glossary = readGlossary(files);
  const next = glossary.concepts.filter((c) => c.id !== id);
  if (next.length === glossary.concepts.length) throw new ConsoleError('not-found', `No concept ${id} in the glossary`);
  if (!next.length) throw new ConsoleError('invalid', 'The glossary needs at least one concept');
  files['glossary.json'] = serialize({ concepts: next });
}

export function lexiconNames(files: KnowledgeFiles): string[] {
  return Object.keys(files)
    .filter((p) => p.startsWith('lexicon/'))
    .map((p) => p.slice('lexicon/'.length, -'.json'.length))
    .sort();
}

/** Replaces a lexicon file with the given JSON text; it must parse, and entries that are objects must name a `source`. */
export function putLexicon(files: KnowledgeFiles, name: string, text: string): void {
  if (!/^[a-z0-9-]+$/.test(name)) throw new ConsoleError('invalid', `Lexicon name "${name}" must be lower-case letters, digits and dashes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ConsoleError('invalid', `lexicon/${name}.json is not valid JSON: ${(cause as Error).message}`);
  }
  const entries: unknown[] = Array.isArray(value) ? value : Array.isArray((value as { entries?: unknown })?.entries) ? (value as { entries: unknown[] }).entries : [];
  const unsourced = entries.findIndex((e) => e !== null && typeof e === 'object' && !('source' in e));
  if (unsourced >= 0) throw new ConsoleError('invalid', `lexicon/${name}.json: entry ${unsourced + 1} has no "source" (a reference, a record id, or "editor")`);
  files[`lexicon/${name}.json`] = serialize(value);
}
