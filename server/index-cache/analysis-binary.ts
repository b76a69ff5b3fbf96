import type { SerializedAnalysisCache } from '../search/analysis-cache.js';

/**
 * The analysis cache's file format: binary, because its bulk is one array of integers (the
 * analyses, search/analysis-cache.ts) that JSON would write as text and parse number by number
 * (2.1 s of a 7 s warm build at 30,000 records; read this way it is a copy of bytes).
 *
 * Layout: the line MAGIC; a JSON header line; then, each section padded to 4 bytes, the strings
 * (UTF-8, one per line: tokens, terms and concept ids never hold a line break), the text hashes
 * (one per line), their offsets (Int32 each) and the data (Int32 each), in the byte order of
 * this machine, which the header names: the file is a local cache, and a file from a machine of
 * the other byte order is refused (then rebuilt), not misread.
 */

const MAGIC = 'opdc-analysis-cache\n';
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

interface Header {
  format: number;
  version: string;
  littleEndian: boolean;
  stringBytes: number;
  keyBytes: number;
  keyCount: number;
  dataLength: number;
}

const padded = (n: number) => (n + 3) & ~3;

export function encodeAnalyses(cache: SerializedAnalysisCache): Buffer {
  if (cache.strings.some((s) => s.includes('\n'))) throw new Error('analysis cache: a string holds a line break');
  const strings = Buffer.from(cache.strings.join('\n'), 'utf8');
  const keys = Buffer.from([...cache.entries.keys()].join('\n'), 'utf8');
  const offsets = Int32Array.from(cache.entries.values());
  const header: Header = {
    format: cache.format,
    version: cache.version,
    littleEndian: LITTLE_ENDIAN,
    stringBytes: strings.length,
    keyBytes: keys.length,
    keyCount: cache.entries.size,
    dataLength: cache.data.length,
  };
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  const parts = [head, strings, keys].map((b) => Buffer.concat([b, Buffer.alloc(padded(b.length) - b.length)]));
  return Buffer.concat([...parts, Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength), Buffer.from(cache.data.buffer, cache.data.byteOffset, cache.data.byteLength)]);
}

/** Reads a file written by encodeAnalyses; throws a readable error when it is not one. */
export function decodeAnalyses(file: Buffer): SerializedAnalysisCache {
  if (file.toString('utf8', 0, MAGIC.length) !== MAGIC) throw new Error('not an analysis cache file');
  const headEnd = file.indexOf(0x0a, MAGIC.length);
  if (headEnd < 0) throw new Error('analysis cache: header line missing');
  const header = JSON.parse(file.toString('utf8', MAGIC.length, headEnd)) as Header;
  if (header.littleEndian !== LITTLE_ENDIAN) throw new Error('analysis cache: written on a machine of the other byte order');
  const counts = [header.stringBytes, header.keyBytes, header.keyCount, header.dataLength];
  if (typeof header.version !== 'string' || !counts.every((n) => Number.isInteger(n) && n >= 0)) throw new Error('analysis cache: header is invalid');
  let at = padded(headEnd + 1);
  const take = (bytes: number) => {
    if (at + bytes > file.length) throw new Error('analysis cache: file is truncated');
    const from = at;
    at = padded(at + bytes);
    return from;
  };
  const lines = (bytes: number) => {
    const from = take(bytes);
    return bytes === 0 ? [] : file.toString('utf8', from, from + bytes).split('\n');
  };
  const ints = (count: number) => {
    const from = file.byteOffset + take(count * 4);
    // A view when the bytes are aligned (a file read whole starts its own buffer), else a copy.
    return from % 4 === 0 ? new Int32Array(file.buffer, from, count) : new Int32Array(file.buffer.slice(from, from + count * 4));
  };
  const strings = lines(header.stringBytes);
  const keys = lines(header.keyBytes);
  const offsets = ints(header.keyCount);
  const data = ints(header.dataLength);
  if (keys.length !== header.keyCount) throw new Error('analysis cache: key count does not match');
  if (offsets.some((o) => o < 0 || o >= data.length)) throw new Error('analysis cache: an offset points outside the data');
  const entries = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) entries.set(keys[i]!, offsets[i]!);
  return { format: header.format, version: header.version, strings, data, entries };
}
