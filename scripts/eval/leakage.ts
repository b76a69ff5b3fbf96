/**
 * Leakage check: a word-table entry that exists only because an evaluation question needed it
 * makes the evaluation lie. An entry (lexicon key or glossary surface form) leaks when its key
 * occurs in an evaluation question, occurs in no record's text, and has no general source (a
 * dictionary, grammar or word list that holds it for any text). An entry citing
 * `record:<id>` must also really occur in that record.
 */
import type { Glossary, KbRecord } from '../../server/kb/schema.js';
import { surfaceForms } from '../../server/search/expand.js';
import type { Lexicon } from '../../server/search/lexicon.js';
import { normalize } from '../../server/search/normalize.js';

export interface Leak {
  file: string;
  key: string;
  source: string;
  /** The evaluation question ids whose text contains the key. */
  questions: string[];
  problem: string;
}

export interface LeakageInput {
  lexicon: Lexicon;
  glossary: Glossary;
  records: readonly KbRecord[];
  questions: ReadonlyArray<{ id: string; question: string }>;
}

/** Letters and digits only, so spacing and dots do not hide a match (ก.พ.ร. = กพร). */
const key = (text: string) => normalize(text).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();

function contains(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  // Latin keys match whole words; Thai has no spaces, so a Thai key matches inside text.
  if (/^[a-z0-9 ]+$/.test(needle)) return ` ${haystack} `.includes(` ${needle} `);
  return haystack.includes(needle) || haystack.replace(/ /g, '').includes(needle.replace(/ /g, ''));
}

function recordText(r: KbRecord): string {
  return key([r.question.th, r.question.en, r.answer.th, r.answer.en, ...r.alternates.th, ...r.alternates.en].join('\n'));
}

export function findLeaks({ lexicon, glossary, records, questions }: LeakageInput): Leak[] {
  const texts = new Map(records.map((r) => [r.id, recordText(r)]));
  const all = [...texts.values()];
  const qs = questions.map((q) => ({ id: q.id, text: key(q.question) }));
  const leaks: Leak[] = [];

  const check = (file: string, raw: string, source: string) => {
    const k = key(raw);
    if (source.startsWith('record:')) {
      const text = texts.get(source.slice('record:'.length));
      if (text === undefined || !contains(text, k)) leaks.push({ file, key: raw, source, questions: [], problem: `cites ${source}, whose text does not contain it` });
    }
    if (source.startsWith('general:')) return;
    const inQuestions = qs.filter((q) => contains(q.text, k)).map((q) => q.id);
    if (inQuestions.length === 0 || all.some((t) => contains(t, k))) return;
    leaks.push({ file, key: raw, source, questions: inQuestions, problem: 'occurs in evaluation questions, in no record, and has no general source' });
  };

  for (const e of lexicon.formal.entries) check('kb/lexicon/formal.json', e.from, e.source);
  for (const name of ['question-words', 'stopwords', 'general-words', 'domain-words', 'negators', 'number-words'] as const) {
    for (const e of lexicon[name].entries) check(`kb/lexicon/${name}.json`, e.word, e.source);
  }
  for (const e of lexicon['concept-forms'].entries) check('kb/lexicon/concept-forms.json', e.form, e.source);
  for (const e of lexicon['letter-names'].entries) for (const name of e.names) check('kb/lexicon/letter-names.json', name, e.source);
  for (const e of lexicon['latin-letter-names'].entries) for (const name of e.names) check('kb/lexicon/latin-letter-names.json', name, e.source);
  for (const concept of glossary.concepts) {
    const source = concept.source ?? 'editor';
    for (const form of surfaceForms(concept)) check(`kb/glossary.json (${concept.id})`, form, source);
  }
  return leaks;
}

export function formatLeak(l: Leak): string {
  return `${l.file}: "${l.key}" (source ${l.source}) ${l.problem}${l.questions.length ? `: questions ${l.questions.join(', ')}` : ''}`;
}
