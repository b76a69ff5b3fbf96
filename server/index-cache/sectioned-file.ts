/**
 * The layout shared by the index snapshots' files (engine-snapshot.ts, records-snapshot.ts):
 * a MAGIC line naming the kind of file; a JSON header line; then sections of bytes, each
 * padded to 8 bytes so that typed arrays can be read in place. Typed arrays are written in this
 * machine's byte order, which the header records: a file from a machine of the other order is
 * refused (and the snapshot made again), never misread.
 */

export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

const padded = (n: number) => (n + 7) & ~7;
const pad = (b: Buffer) => (b.length === padded(b.length) ? b : Buffer.concat([b, Buffer.alloc(padded(b.length) - b.length)]));

/** A typed array's bytes, not copied. */
export function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Lines of text as one section; throws if a line holds a line break itself. */
export function linesSection(lines: readonly string[], what: string): Buffer {
  if (lines.some((l) => l.includes('\n'))) throw new Error(`${what}: a line holds a line break`);
  return Buffer.from(lines.join('\n'), 'utf8');
}

export function encodeSections(magic: string, header: object, sections: readonly Buffer[]): Buffer {
  return Buffer.concat([pad(Buffer.from(`${magic}\n${JSON.stringify({ ...header, littleEndian: LITTLE_ENDIAN })}\n`, 'utf8')), ...sections.map(pad)]);
}

type ArrayType = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor;

export interface SectionReader<H> {
  header: H;
  /** The next section as text. */
  text(bytes: number): string;
  /** The next section as text lines (none for 0 bytes). */
  lines(bytes: number): string[];
  /** The next section as `count` elements of `Type`: a view when aligned, else a copy. */
  array<T extends ArrayType>(Type: T, count: number): InstanceType<T>;
}

/** Opens a file written by encodeSections; throws a readable error when it is not one of `magic` or is cut short. */
export function readSections<H>(file: Buffer, magic: string, what: string): SectionReader<H> {
  if (file.toString('utf8', 0, magic.length + 1) !== `${magic}\n`) throw new Error(`not ${what} file`);
  const headEnd = file.indexOf(0x0a, magic.length + 1);
  if (headEnd < 0) throw new Error(`${what}: header line missing`);
  const header = JSON.parse(file.toString('utf8', magic.length + 1, headEnd)) as H & { littleEndian?: boolean };
  if (header.littleEndian !== LITTLE_ENDIAN) throw new Error(`${what}: written on a machine of the other byte order`);
  let at = padded(headEnd + 1);
  const take = (bytes: number) => {
    if (!Number.isInteger(bytes) || bytes < 0) throw new Error(`${what}: header is invalid`);
    if (at + bytes > file.length) throw new Error(`${what}: file is truncated`);
    const from = at;
    at = padded(at + bytes);
    return from;
  };
  const buffer = file.buffer as ArrayBuffer;
  return {
    header,
    text(bytes) {
      const from = take(bytes);
      return file.toString('utf8', from, from + bytes);
    },
    lines(bytes) {
      const from = take(bytes);
      return bytes === 0 ? [] : file.toString('utf8', from, from + bytes).split('\n');
    },
    array(Type, count) {
      const size = count * Type.BYTES_PER_ELEMENT;
      const from = file.byteOffset + take(size);
      // A view when the bytes are aligned (a file read whole starts its own buffer), else a copy.
      const view = from % Type.BYTES_PER_ELEMENT === 0 ? new Type(buffer, from, count) : new Type(buffer.slice(from, from + size));
      return view as InstanceType<typeof Type>;
    },
  };
}
