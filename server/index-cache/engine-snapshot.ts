import type { StoredEngineSnapshot } from '../search/answerer.js';
import type { CompactIndexData } from '../search/engine/compact-index.js';
import { SNAPSHOT_FORMAT } from '../search/engine/snapshot-key.js';

/**
 * The engine snapshot's file format (var/index-cache/engine-<kb>.bin, beside the analysis
 * cache): the line MAGIC; a JSON header line (format, key, engine, byte order, section sizes);
 * then the sections, each padded to 8 bytes. MiniSearch's snapshot is its own JSON (toJSON),
 * one section; the compact index's is its record ids (one per line) and its typed arrays, in
 * this machine's byte order, which the header names (a file from the other order is refused
 * and the engine built, never misread).
 */

const MAGIC = 'opdc-engine-snapshot\n';
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

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
  littleEndian: boolean;
  /** Bytes of MiniSearch's JSON, or of the compact index's record ids. */
  textBytes: number;
  fieldCount?: number;
  termCount?: number;
  /** Element counts of the compact index's arrays. */
  lengths?: Record<ArrayName, number>;
}

const padded = (n: number) => (n + 7) & ~7;
const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(padded(b.length) - b.length)]);

export function encodeEngineSnapshot({ key, snapshot }: StoredEngineSnapshot): Buffer {
  const header: Header = { format: SNAPSHOT_FORMAT, key, engine: snapshot.engine, littleEndian: LITTLE_ENDIAN, textBytes: 0 };
  let sections: Buffer[];
  if (snapshot.engine === 'minisearch') {
    const json = Buffer.from(snapshot.json, 'utf8');
    header.textBytes = json.length;
    sections = [json];
  } else {
    const { data } = snapshot;
    if (data.ids.some((id) => id.includes('\n'))) throw new Error('engine snapshot: a record id holds a line break');
    const ids = Buffer.from(data.ids.join('\n'), 'utf8');
    Object.assign(header, { textBytes: ids.length, fieldCount: data.fieldCount, termCount: data.termCount });
    header.lengths = Object.fromEntries(ARRAY_NAMES.map((n) => [n, data[n].length])) as Record<ArrayName, number>;
    sections = [ids, ...ARRAY_NAMES.map((n) => Buffer.from(data[n].buffer, data[n].byteOffset, data[n].byteLength))];
  }
  return Buffer.concat([pad(Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8')), ...sections.map(pad)]);
}

/** Reads a file written by encodeEngineSnapshot; throws a readable error when it is not one or is damaged. */
export function decodeEngineSnapshot(file: Buffer): StoredEngineSnapshot {
  if (file.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an engine snapshot file');
  const headEnd = file.indexOf(0x0a, MAGIC.length);
  if (headEnd < 0) throw new Error('engine snapshot: header line missing');
  const header = JSON.parse(file.toString('utf8', MAGIC.length, headEnd)) as Header;
  if (header.format !== SNAPSHOT_FORMAT) throw new Error(`engine snapshot: format ${header.format}, expected ${SNAPSHOT_FORMAT}`);
  if (header.littleEndian !== LITTLE_ENDIAN) throw new Error('engine snapshot: written on a machine of the other byte order');
  if (typeof header.key !== 'string' || !isCount(header.textBytes)) throw new Error('engine snapshot: header is invalid');
  let at = padded(headEnd + 1);
  const take = (bytes: number) => {
    if (at + bytes > file.length) throw new Error('engine snapshot: file is truncated');
    const from = at;
    at = padded(at + bytes);
    return from;
  };
  const textFrom = take(header.textBytes);
  const text = file.toString('utf8', textFrom, textFrom + header.textBytes);
  if (header.engine === 'minisearch') return { key: header.key, snapshot: { engine: 'minisearch', json: text } };
  if (header.engine !== 'compact') throw new Error(`engine snapshot: unknown engine ${String(header.engine)}`);

  const { fieldCount: F, termCount: T, lengths } = header;
  if (!isCount(F) || !isCount(T) || !lengths || !ARRAY_NAMES.every((n) => isCount(lengths[n]))) throw new Error('engine snapshot: header is invalid');
  const array = <N extends ArrayName>(name: N): InstanceType<(typeof ARRAYS)[N]> => {
    const Type = ARRAYS[name];
    const count = lengths[name];
    const from = file.byteOffset + take(count * Type.BYTES_PER_ELEMENT);
    const buffer = file.buffer as ArrayBuffer;
    // A view when the bytes are aligned (a file read whole starts its own buffer), else a copy.
    const view = from % Type.BYTES_PER_ELEMENT === 0 ? new Type(buffer, from, count) : new Type(buffer.slice(from, from + count * Type.BYTES_PER_ELEMENT));
    return view as InstanceType<(typeof ARRAYS)[N]>;
  };
  const ids = header.textBytes === 0 ? [] : text.split('\n');
  const data = { ids, fieldCount: F, termCount: T, ...Object.fromEntries(ARRAY_NAMES.map((n) => [n, array(n)])) } as CompactIndexData;
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
  if (!ok) throw new Error('engine snapshot: array sizes do not agree');
}
