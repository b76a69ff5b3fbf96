import { withRoom } from './growable.js';
import type { Vocabulary } from './vocabulary.js';

/** The lookups the scoring makes on a count per term; a Map<string, number> is one too. */
export interface TermCountLookup {
  /** The term's count, undefined when it is 0. */
  get(term: string): number | undefined;
  has(term: string): boolean;
}

/**
 * A count per term of a shared vocabulary, in one typed array indexed by term id instead of a
 * Map entry per term (the index's document frequencies: a few hundred thousand terms at
 * 100,000 records). Counts grow while the index is built; freeze() fixes them.
 */
export class TermCounts implements TermCountLookup {
  private counts = new Uint32Array(1024);

  constructor(private readonly vocabulary: Vocabulary) {}

  increment(id: number): void {
    this.counts = withRoom(this.counts, id + 1);
    this.counts[id]!++;
  }

  get(term: string): number | undefined {
    const id = this.vocabulary.idOf(term);
    const n = id >= 0 && id < this.counts.length ? this.counts[id]! : 0;
    return n > 0 ? n : undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  /** Every term whose count is above 0. */
  *terms(): Generator<string> {
    const n = Math.min(this.counts.length, this.vocabulary.size);
    for (let id = 0; id < n; id++) if (this.counts[id]! > 0) yield this.vocabulary.termOf(id);
  }

  /** Trims the array to the vocabulary once no more counts come. */
  freeze(): this {
    if (this.counts.length > this.vocabulary.size) this.counts = this.counts.slice(0, this.vocabulary.size);
    return this;
  }
}
