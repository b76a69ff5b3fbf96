/**
 * Term strings ↔ dense numeric ids, shared by the compact index and the per-record term sets
 * (term-id-set.ts). One string per distinct term in the whole knowledge base, instead of one
 * Set entry per record and term: at 100,000 records that is the difference between a few MB
 * and about a GB of heap (bench-results/, issue 16). The analysis cache keeps its string table
 * in one too (analysis-cache.ts).
 */
export class Vocabulary {
  /** Made on the first lookup: a vocabulary read back from a file may only ever be read by id. */
  private ids: Map<string, number> | undefined;
  private sortedIds: Uint32Array | undefined;

  /** `strings` are the terms of ids 0, 1, …, taken over (not copied). */
  constructor(private readonly strings: string[] = []) {}

  private get map(): Map<string, number> {
    return (this.ids ??= new Map(this.strings.map((t, i) => [t, i])));
  }

  /** The term's id, adding it when new. */
  add(term: string): number {
    let id = this.map.get(term);
    if (id === undefined) {
      id = this.strings.length;
      this.map.set(term, id);
      this.strings.push(term);
      this.sortedIds = undefined;
    }
    return id;
  }

  /** The term's id, or -1 when no record has it. */
  idOf(term: string): number {
    return this.map.get(term) ?? -1;
  }

  /** Every term, by id (not to be modified). */
  get terms(): readonly string[] {
    return this.strings;
  }

  termOf(id: number): string {
    return this.strings[id]!;
  }

  get size(): number {
    return this.strings.length;
  }

  /**
   * Ids of the indexed terms that start with `prefix` (the prefix itself excluded), in code-unit
   * order: a binary search over the terms sorted once, not a scan of the vocabulary.
   */
  withPrefix(prefix: string): number[] {
    const sorted = (this.sortedIds ??= this.sortIds());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.strings[sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < sorted.length; i++) {
      const term = this.strings[sorted[i]!]!;
      if (!term.startsWith(prefix)) break;
      if (term !== prefix) out.push(sorted[i]!);
    }
    return out;
  }

  private sortIds(): Uint32Array {
    const order = Uint32Array.from(this.strings.keys());
    return order.sort((a, b) => (this.strings[a]! < this.strings[b]! ? -1 : this.strings[a]! > this.strings[b]! ? 1 : 0));
  }
}
