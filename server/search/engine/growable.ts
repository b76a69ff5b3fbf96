type IntArray = Uint32Array | Uint16Array | Uint8Array | Int32Array;

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
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(1024, this.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
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
