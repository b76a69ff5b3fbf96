import { createHash } from 'node:crypto';
import type { Field } from '../index.js';
import type { RetrievalOptions } from '../options.js';
import { createMiniSearchRetriever, type EngineInput } from '../retrieve.js';
import { createCompactRetriever } from './retrievers.js';
import type { EngineSnapshot } from './types.js';
import { TermCounts } from './term-counts.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The key an engine snapshot must carry to stand in for building the engine: a hash of exactly
 * what the engines are built from (the fields, the vocabulary in id order, every record's id and
 * term ids per field) plus both engines' snapshots of a small fixed index, which change when
 * the engines' build code or MiniSearch's format does while the inputs do not. A snapshot with
 * this key is what a build would make now.
 */

/** Bumped when EngineSnapshot or the snapshot file's layout changes. */
export const SNAPSHOT_FORMAT = 1;

export function engineSnapshotKey(index: Pick<EngineInput, 'fields' | 'vocabulary'>, options: RetrievalOptions): string {
  // SHA-1, not a stronger hash: a cache key over our own data, where speed counts (one hash
  // update per record and field cost ~0.2 s at 30,000 records; three updates of whole arrays do not).
  const hash = createHash('sha1');
  const fields = Object.keys(options.fieldBoost) as Field[];
  hash.update(`engine snapshot ${SNAPSHOT_FORMAT}\n${fields.join(',')}\n${probeFingerprint(options)}\n`);
  hash.update(index.vocabulary.terms.join('\n'));
  hash.update(`\n${index.fields.map((f) => f.id).join('\n')}\n`);
  const lengths = new Uint32Array(index.fields.length * fields.length);
  let total = 0;
  index.fields.forEach(({ terms }, r) => fields.forEach((f, i) => (total += lengths[r * fields.length + i] = terms[f].length)));
  const ids = new Uint32Array(total);
  let at = 0;
  for (const { terms } of index.fields) {
    for (const f of fields) {
      ids.set(terms[f], at);
      at += terms[f].length;
    }
  }
  hash.update(new Uint8Array(lengths.buffer));
  hash.update(new Uint8Array(ids.buffer));
  return hash.digest('base64url');
}

let probe: { options: RetrievalOptions; fingerprint: string } | undefined;

/** Both engines' snapshots of a three-record index, hashed (once per options object). */
function probeFingerprint(options: RetrievalOptions): string {
  if (probe?.options === options) return probe.fingerprint;
  const vocabulary = new Vocabulary(['แบบฟอร์ม', 'ส่ง', 'template', 'c:template', 'due']);
  const fields = Object.keys(options.fieldBoost) as Field[];
  const doc = (id: string, ...terms: number[][]) => ({ id, terms: Object.fromEntries(fields.map((f, i) => [f, Uint32Array.from(terms[i] ?? [])])) as Record<Field, Uint32Array> });
  const fieldsOf = [doc('a', [0, 1], [2]), doc('b', [2, 3, 4], [], [0]), doc('c', [], [1, 1], [3])];
  const documentFrequency = new TermCounts(vocabulary);
  for (let id = 0; id < vocabulary.size; id++) documentFrequency.increment(id);
  const index: EngineInput = { fields: fieldsOf, vocabulary, documentFrequency: documentFrequency.freeze(), size: fieldsOf.length };
  const snapshots: EngineSnapshot[] = [createMiniSearchRetriever(index, options).snapshot!(), createCompactRetriever(index, options).snapshot!()];
  const hash = createHash('sha256');
  for (const s of snapshots) {
    if (s.engine === 'minisearch') hash.update(s.json);
    else hash.update(JSON.stringify(s.data, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v)));
  }
  const fingerprint = hash.digest('base64url');
  probe = { options, fingerprint };
  return fingerprint;
}
