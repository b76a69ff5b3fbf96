import { createHash } from 'node:crypto';
import type { Field } from '../index.js';
import type { RetrievalOptions } from '../options.js';
import { createMiniSearchRetriever, type EngineInput } from '../retrieve.js';
import { createCompactRetriever } from './retrievers.js';
import type { EngineSnapshot } from './types.js';
import { TermCounts } from './term-counts.js';
import { Vocabulary } from './vocabulary.js';

/**
 * The key an engine snapshot must carry to stand in for building the engine: the key of the
 * analysed records the engine is built from (records-key.ts: every record's texts, the
 * analyzer's version, the code that turns analyses into term ids), the fields, and both
 * engines' snapshots of a small fixed index, which change when the engines' build code or
 * MiniSearch's format does while the records do not. A snapshot with this key is what a build
 * would make now. Keying on the records rather than hashing the engine's input arrays makes the
 * key free: hashing 12 million term ids took ~0.6 s of a 100,000-record build.
 */

/** Bumped when EngineSnapshot or the snapshot file's layout changes. */
export const SNAPSHOT_FORMAT = 1;

export function engineSnapshotKey(recordsKey: string, options: RetrievalOptions): string {
  const fields = Object.keys(options.fieldBoost) as Field[];
  return createHash('sha1').update(`engine snapshot ${SNAPSHOT_FORMAT}\n${fields.join(',')}\n${probeFingerprint(options)}\n${recordsKey}`).digest('base64url');
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
