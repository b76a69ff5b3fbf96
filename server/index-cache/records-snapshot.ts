import type { StoredRecordsSnapshot } from '../search/answerer.js';
import { Vocabulary } from '../search/engine/vocabulary.js';
import { FIELDS, type AnalysedRecords, type Field } from '../search/index.js';
import { INDEX_FORMAT } from '../search/records-key.js';
import { bytesOf, encodeSections, linesSection, readSections } from './sectioned-file.js';

/**
 * The analysed records' snapshot (var/index-cache/records-<kb>.bin), in the layout of
 * sectioned-file.ts: the vocabulary (one term per line, by id), the tokens and their counts, the
 * kinds of answer per record, each record's field lengths and all their term ids in one array
 * (record by record, in FIELDS order).
 */

const MAGIC = 'opdc-records-snapshot';
const WHAT = 'records snapshot';

interface Header {
  format: number;
  key: string;
  records: number;
  vocabularyBytes: number;
  tokenBytes: number;
  tokens: number;
  termIds: number;
}

export function encodeRecordsSnapshot({ key, records }: StoredRecordsSnapshot): Buffer {
  const { fields, vocabulary, tokenFrequency, answerTypes } = records;
  const terms = linesSection(vocabulary.terms, WHAT);
  const tokens = linesSection([...tokenFrequency.keys()], WHAT);
  const counts = Uint32Array.from(tokenFrequency.values());
  const lengths = new Uint32Array(fields.length * FIELDS.length);
  let total = 0;
  fields.forEach((f, r) => FIELDS.forEach((name, i) => (total += lengths[r * FIELDS.length + i] = f[name].length)));
  const ids = new Uint32Array(total);
  let at = 0;
  for (const f of fields) {
    for (const name of FIELDS) {
      ids.set(f[name], at);
      at += f[name].length;
    }
  }
  const header: Header = { format: INDEX_FORMAT, key, records: fields.length, vocabularyBytes: terms.length, tokenBytes: tokens.length, tokens: counts.length, termIds: total };
  return encodeSections(MAGIC, header, [terms, tokens, bytesOf(counts), bytesOf(answerTypes), bytesOf(lengths), bytesOf(ids)]);
}

/** Reads a file written by encodeRecordsSnapshot; throws a readable error when it is not one or is damaged. */
export function decodeRecordsSnapshot(file: Buffer): StoredRecordsSnapshot {
  const reader = readSections<Header>(file, MAGIC, WHAT);
  const { header } = reader;
  if (header.format !== INDEX_FORMAT) throw new Error(`${WHAT}: format ${header.format}, expected ${INDEX_FORMAT}`);
  if (typeof header.key !== 'string') throw new Error(`${WHAT}: header is invalid`);
  const terms = reader.lines(header.vocabularyBytes);
  const tokens = reader.lines(header.tokenBytes);
  const counts = reader.array(Uint32Array, header.tokens);
  const answerTypes = reader.array(Uint8Array, header.records);
  const lengths = reader.array(Uint32Array, header.records * FIELDS.length);
  const ids = reader.array(Uint32Array, header.termIds);
  if (tokens.length !== counts.length) throw new Error(`${WHAT}: token counts do not match`);
  const fields: Array<Record<Field, Uint32Array>> = [];
  let at = 0;
  for (let r = 0; r < header.records; r++) {
    const f = {} as Record<Field, Uint32Array>;
    FIELDS.forEach((name, i) => {
      const n = lengths[r * FIELDS.length + i]!;
      f[name] = ids.subarray(at, at + n);
      at += n;
    });
    fields.push(f);
  }
  if (at !== ids.length) throw new Error(`${WHAT}: field lengths do not add up to the term ids`);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= terms.length) throw new Error(`${WHAT}: a term id is outside the vocabulary`);
  const tokenFrequency = new Map<string, number>();
  tokens.forEach((t, i) => tokenFrequency.set(t, counts[i]!));
  return { key: header.key, records: { vocabulary: new Vocabulary(terms), fields, answerTypes, tokenFrequency } };
}
