import type { StoredEngineSnapshot } from '../search/answerer.js';
import type { CompactIndexData } from '../search/engine/compact-index.js';
import { SNAPSHOT_FORMAT } from '../search/engine/snapshot-key.js';
import { bytesOf, encodeSections, linesSection, readSections } from './sectioned-file.js';

/**
 * The engine snapshot's file (var/index-cache/engine-<kb>.bin, beside the analysis cache), in
 * the layout of sectioned-file.ts. MiniSearch's snapshot is its own JSON (toJSON), one section;
 * the compact index's is its record ids (one per line) and then its typed arrays.
 */

const MAGIC = 'opdc-engine-snapshot';
const WHAT = 'engine snapshot';

const ARRAYS = {
  fieldLength: Uint16Array,
  avgFieldLength: Float64Array,
  offsets: Uint32Array,
  postDoc: Uint32Array,
  postField: Uint8Array,
  postTf: Uint16Array,
  fieldDf: Uint32Array,
  docFreq: Uint32Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
const ARRAY_NAMES = Object.keys(ARRAYS) as ArrayName[];

interface Header {
  format: number;
  key: string;
  engine: 'minisearch' | 'compact';
  /** Bytes of MiniSearch's JSON, or of the compact index's record ids. */
  textBytes: number;
  fieldCount?: number;
  termCount?: number;
  /** Element counts of the compact index's arrays. */
  lengths?: Record<ArrayName, number>;
}

export function encodeEngineSnapshot({ key, snapshot }: StoredEngineSnapshot): Buffer {
  if (snapshot.engine === 'minisearch') {
    const json = Buffer.from(snapshot.json, 'utf8');
    return encodeSections(MAGIC, { format: SNAPSHOT_FORMAT, key, engine: 'minisearch', textBytes: json.length } satisfies Header, [json]);
  }
  const { data } = snapshot;
  const ids = linesSection(data.ids, WHAT);
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    engine: 'compact',
    textBytes: ids.length,
    fieldCount: data.fieldCount,
    termCount: data.termCount,
    lengths: Object.fromEntries(ARRAY_NAMES.map((n) => [n, data[n].length])) as Record<ArrayName, number>,
  };
  return encodeSections(MAGIC, header, [ids, ...ARRAY_NAMES.map((n) => bytesOf(data[n]))]);
}

/** Reads a file written by encodeEngineSnapshot; throws a readable error when it is not one or is damaged. */
export function decodeEngineSnapshot(file: Buffer): StoredEngineSnapshot {
  const reader = readSections<Header>(file, MAGIC, WHAT);
  const { header } = reader;
  if (header.format !== SNAPSHOT_FORMAT) throw new Error(`${WHAT}: format ${header.format}, expected ${SNAPSHOT_FORMAT}`);
  if (typeof header.key !== 'string') throw new Error(`${WHAT}: header is invalid`);
  if (header.engine === 'minisearch') return { key: header.key, snapshot: { engine: 'minisearch', json: reader.text(header.textBytes) } };
  if (header.engine !== 'compact') throw new Error(`${WHAT}: unknown engine ${String(header.engine)}`);

  const { fieldCount: F, termCount: T, lengths } = header;
  if (!isCount(F) || !isCount(T) || !lengths) throw new Error(`${WHAT}: header is invalid`);
  const ids = reader.lines(header.textBytes);
  const arrays = Object.fromEntries(ARRAY_NAMES.map((n) => [n, reader.array(ARRAYS[n], lengths[n])]));
  const data = { ids, fieldCount: F, termCount: T, ...arrays } as CompactIndexData;
  checkShape(data);
  return { key: header.key, snapshot: { engine: 'compact', data } };
}

function isCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 0;
}

/** The arrays' sizes agree with each other, so no query can read past one. */
function checkShape(d: CompactIndexData): void {
  const N = d.ids.length;
  const F = d.fieldCount;
  const T = d.termCount;
  const E = d.offsets[T];
  const ok =
    d.fieldLength.length === N * F &&
    d.avgFieldLength.length === F &&
    d.offsets.length === T + 1 &&
    E !== undefined &&
    d.postDoc.length === E &&
    d.postField.length === E &&
    d.postTf.length === E &&
    d.fieldDf.length === T * F &&
    d.docFreq.length === T;
  if (!ok) throw new Error(`${WHAT}: array sizes do not agree`);
}
