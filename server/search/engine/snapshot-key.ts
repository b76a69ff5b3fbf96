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
  const hash = createHash('sha256');
  const fields = Object.keys(options.fieldBoost) as Field[];
  hash.update(`engine snapshot ${SNAPSHOT_FORMAT}\n${fields.join(',')}\n${probeFingerprint(options)}\n`);
  hash.update(index.vocabulary.terms.join('\n'));
  for (const { id, terms } of index.fields) {
    hash.update(`\n${id}`);
    for (const f of fields) {
      const ids = terms[f];
      hash.update(`\n${ids.length}:`);
      hash.update(new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength));
    }
  }
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
