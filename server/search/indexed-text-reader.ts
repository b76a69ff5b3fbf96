import type { IndexedText } from './analyze.js';
import { withRoom } from './engine/growable.js';
import type { Vocabulary } from './engine/vocabulary.js';
import { CONCEPT_PREFIX } from './prefixes.js';

/**
 * Turns the index build's texts (IndexedText: strings as indexes into a table) into term ids
 * of the index's vocabulary, and counts their tokens. Each distinct string of a table is
 * looked up once and its id remembered by table index: with the analysis cache a build has one
 * table, and at 100,000 records a hash lookup per term and two per token were a quarter of a
 * warm build. A text of another table (an analyzer without a cache makes one per text) first
 * hands over the counts of the previous table.
 */
export class IndexedTextReader {
  private strings: readonly string[] | undefined;
  /** Vocabulary id + 1 of strings[i] as a term, and of CONCEPT_PREFIX + strings[i]; 0 = not looked up. */
  private termIds = new Int32Array(0);
  private conceptIds = new Int32Array(0);
  private tokenCounts = new Uint32Array(0);

  constructor(
    private readonly vocabulary: Vocabulary,
    /** Receives every token's count (the speller's vocabulary). */
    private readonly tokenFrequency: Map<string, number>,
  ) {}

  /** The text's term ids (the units' terms, its concepts, then `extra`); counts its tokens. */
  read(text: IndexedText, extra: readonly string[] = []): Uint32Array {
    this.use(text.strings);
    const out = new Uint32Array(text.terms.length + text.concepts.length + extra.length);
    let k = 0;
    for (const t of text.terms) out[k++] = this.idOf(this.termIds, t, '');
    for (const c of text.concepts) out[k++] = this.idOf(this.conceptIds, c, CONCEPT_PREFIX);
    for (const e of extra) out[k++] = this.vocabulary.add(e);
    for (const t of text.tokens) this.tokenCounts[t]!++;
    return out;
  }

  /** Hands the counted tokens to tokenFrequency; call once the last text is read. */
  finish(): void {
    const strings = this.strings;
    if (strings === undefined) return;
    for (let i = 0; i < strings.length; i++) {
      const n = this.tokenCounts[i]!;
      if (n > 0) this.tokenFrequency.set(strings[i]!, (this.tokenFrequency.get(strings[i]!) ?? 0) + n);
    }
    this.strings = undefined;
  }

  private idOf(ids: Int32Array, index: number, prefix: string): number {
    const known = ids[index]!;
    if (known > 0) return known - 1;
    const id = this.vocabulary.add(prefix + this.strings![index]!);
    ids[index] = id + 1;
    return id;
  }

  /** Starts reading `strings`; the arrays grow with the table (a cache's table grows on misses). */
  private use(strings: readonly string[]): void {
    if (strings !== this.strings) {
      this.finish();
      this.strings = strings;
      this.termIds = new Int32Array(strings.length);
      this.conceptIds = new Int32Array(strings.length);
      this.tokenCounts = new Uint32Array(strings.length);
    } else {
      this.termIds = withRoom(this.termIds, strings.length);
      this.conceptIds = withRoom(this.conceptIds, strings.length);
      this.tokenCounts = withRoom(this.tokenCounts, strings.length);
    }
  }
}
