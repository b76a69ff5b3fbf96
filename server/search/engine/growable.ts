type IntArray = Uint32Array | Uint16Array | Uint8Array | Int32Array;

/**
 * `array` when it holds at least `length` values, else a copy in a new array of at least twice
 * its size (zeros after the copied values): the one way our typed arrays grow.
 */
export function withRoom<T extends IntArray>(array: T, length: number): T {
  if (length <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/** A typed array that doubles when full (the analysis cache appends its analyses to one). */
export class Growable<T extends IntArray> {
  data: T;
  length: number;

  /** Empty with room for 1,024 values, or holding `initial` (taken over, not copied). */
  constructor(make: new (n: number) => T, initial?: T) {
    this.data = initial ?? new make(1024);
    this.length = initial?.length ?? 0;
  }

  /** Appends one value; returns the new length. */
  push(value: number): number {
    this.data = withRoom(this.data, this.length + 1);
    this.data[this.length] = value;
    return ++this.length;
  }

  pushAll(values: readonly number[]): void {
    for (const v of values) this.push(v);
  }

  /** The values so far (a view, not a copy). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
