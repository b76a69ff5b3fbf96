import { PREFIX_WEIGHT, type Hit, type RetrievalEngine, type RetrieveQuery } from './types.js';
import { Vocabulary } from './vocabulary.js';

/**
 * An inverted index in typed arrays, for knowledge bases where MiniSearch's per-posting objects
 * cost too much heap and time (issue 16; numbers in README "Retrieval engines").
 *
 * Layout: every (term, record, field) with its term frequency is one posting; postings are
 * grouped by term id (offsets[t] .. offsets[t + 1]) and, within a term, ordered by record then
 * field. Record ids are indexes into `ids`. Field lengths are unique terms per field, as
 * MiniSearch counts them, and the average is accumulated the way MiniSearch does it, so the
 * scores are the same numbers to the last bit wherever the additions happen in the same order.
 *
 * Query: OR over the terms with a dense score accumulator (no object per match). When the
 * terms' postings are many (a large knowledge base), AND comes first: the records that hold
 * every term are found by galloping through the postings from the rarest term, and when at
 * least `limit` of them pass the filter only they are scored; otherwise the OR runs. Terms in
 * a large share of the records are left out upstream (answerer's rankingTerms) and count only
 * in the coverage features.
 */

export interface CompactIndexOptions {
  /**
   * Postings (summed over the query's terms) above which AND is tried before OR. Below it the
   * OR is cheap and exact; 20,000 is never reached at hundreds of records and is about a
   * millisecond of OR work.
   */
  andFirstMinPostings?: number;
}

const DEFAULTS: Required<CompactIndexOptions> = { andFirstMinPostings: 20_000 };
const EMPTY = new Uint32Array(0);

export interface CompactIndex extends RetrievalEngine {
  readonly vocabulary: Vocabulary;
  /** Records holding the term in any field. */
  documentFrequency(term: string): number;
  /** Heap held by the typed arrays, in bytes (the vocabulary's strings not included). */
  readonly bytes: number;
  /** Its arrays, for a snapshot. */
  readonly data: CompactIndexData;
}

/** One record's terms per field as ids of the shared vocabulary (buildIndex makes them). */
export interface IdDoc {
  id: string;
  fields: readonly Uint32Array[];
}

/**
 * Everything a compact index holds apart from its vocabulary and its query scratch: what an index
 * snapshot stores (index-cache/engine-snapshot.ts), so a restart over unchanged knowledge reads
 * it back instead of building it.
 */
export interface CompactIndexData {
  /** Record ids, in indexing order (postings refer to records by their place here). */
  ids: string[];
  /** Number of fields. */
  fieldCount: number;
  /** Number of vocabulary terms the postings cover (terms added later have none). */
  termCount: number;
  /** Unique terms per record and field, record-major. */
  fieldLength: Uint16Array;
  avgFieldLength: Float64Array;
  /** Postings of term t are offsets[t] .. offsets[t + 1]. */
  offsets: Uint32Array;
  postDoc: Uint32Array;
  postField: Uint8Array;
  postTf: Uint16Array;
  /** Records with term t in field f, at t × fieldCount + f. */
  fieldDf: Uint32Array;
  /** Records with term t in any field. */
  docFreq: Uint32Array;
}

/** The index over documents whose terms already have ids in `vocabulary`. */
export function buildCompactIndex(docs: readonly IdDoc[], fields: readonly string[], vocabulary: Vocabulary, options: CompactIndexOptions = {}): CompactIndex {
  return compactIndexOf(compactIndexData(docs, fields, vocabulary), fields, vocabulary, options);
}

/** The arrays of a compact index over `docs` (see the layout above). */
export function compactIndexData(docs: readonly IdDoc[], fields: readonly string[], vocabulary: Vocabulary): CompactIndexData {
  const F = fields.length;
  if (F > 255) throw new Error('compact index: at most 255 fields');
  const N = docs.length;
  const ids = docs.map((d) => d.id);
  const fieldLength = new Uint16Array(N * F);
  const avgFieldLength = new Float64Array(F);
  // Two passes over the records, both counting each field's term frequencies in one array over
  // the whole vocabulary (reset after the field): the first counts each term's postings, the
  // second writes every posting into its term's place, in record then field order. Sorting each
  // field's ids, or sorting one array of all postings by term, took 1-2 s more at 100,000 records.
  const T = vocabulary.size;
  const count = new Uint32Array(T);
  const unique: number[] = [];
  /** The distinct terms of one field into `unique`, their frequencies in `count` (reset by the caller). */
  const distinct = (terms: Uint32Array) => {
    unique.length = 0;
    for (let i = 0; i < terms.length; i++) if (count[terms[i]!]!++ === 0) unique.push(terms[i]!);
  };
  const offsets = new Uint32Array(T + 1);
  for (let d = 0; d < N; d++) {
    const doc = docs[d]!;
    for (let f = 0; f < F; f++) {
      distinct(doc.fields[f] ?? EMPTY);
      for (const t of unique) {
        offsets[t + 1]!++;
        count[t] = 0;
      }
      fieldLength[d * F + f] = Math.min(unique.length, 0xffff);
      // MiniSearch's running average (addFieldLength), kept bit-identical.
      avgFieldLength[f] = ((avgFieldLength[f] || 0) * d + unique.length) / (d + 1);
    }
  }
  for (let t = 0; t < T; t++) offsets[t + 1]! += offsets[t]!;
  const E = offsets[T]!;
  const postDoc = new Uint32Array(E);
  const postField = new Uint8Array(E);
  const postTf = new Uint16Array(E);
  const cursor = offsets.slice(0, T);
  for (let d = 0; d < N; d++) {
    const doc = docs[d]!;
    for (let f = 0; f < F; f++) {
      distinct(doc.fields[f] ?? EMPTY);
      for (const t of unique) {
        const at = cursor[t]!++;
        postDoc[at] = d;
        postField[at] = f;
        postTf[at] = Math.min(count[t]!, 0xffff);
        count[t] = 0;
      }
    }
  }
  // Per term: records with the term in each field (BM25's n per field) and in any field.
  const fieldDf = new Uint32Array(T * F);
  const docFreq = new Uint32Array(T);
  for (let t = 0; t < T; t++) {
    let last = -1;
    for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
      fieldDf[t * F + postField[i]!]!++;
      if (postDoc[i] !== last) {
        docFreq[t]!++;
        last = postDoc[i]!;
      }
    }
  }

  return { ids, fieldCount: F, termCount: T, fieldLength, avgFieldLength, offsets, postDoc, postField, postTf, fieldDf, docFreq };
}

/**
 * A compact index over its arrays. `vocabulary` must give every term the id it had when the
 * arrays were made (a snapshot is only read back for the same analysed records, same ids).
 */
export function compactIndexOf(data: CompactIndexData, fields: readonly string[], vocabulary: Vocabulary, options: CompactIndexOptions = {}): CompactIndex {
  const opts = { ...DEFAULTS, ...options };
  const { ids, fieldLength, avgFieldLength, offsets, postDoc, postField, postTf, fieldDf, docFreq } = data;
  const F = data.fieldCount;
  const T = data.termCount;
  const N = ids.length;
  if (F !== fields.length) throw new Error(`compact index: the data has ${F} fields, not ${fields.length}`);

  // Query scratch, reused by every query (queries run one at a time on the event loop).
  const acc = new Float64Array(N);
  const termAcc = new Float64Array(N);
  const matched = new Uint16Array(N);
  const docStamp = new Uint32Array(N);
  const termStamp = new Uint32Array(N);
  const touched = new Uint32Array(N);
  const termTouched = new Uint32Array(N);
  let stamp = 0;
  let termStampValue = 0;

  const nextStamp = () => {
    if (++stamp === 0xffffffff) {
      docStamp.fill(0);
      stamp = 1;
    }
    return stamp;
  };
  const nextTermStamp = () => {
    if (++termStampValue === 0xffffffff) {
      termStamp.fill(0);
      termStampValue = 1;
    }
    return termStampValue;
  };

  /** First posting of `term` at or after `from` whose record is ≥ doc (galloping search). */
  const seek = (end: number, from: number, doc: number): number => {
    let step = 1;
    let lo = from;
    let hi = from;
    while (hi < end && postDoc[hi]! < doc) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    if (hi > end) hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (postDoc[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  interface Expansion {
    id: number;
    weight: number;
  }

  /** The indexed terms a query term stands for, with MiniSearch's weights. */
  const expand = (term: string, prefix: boolean | undefined): Expansion[] => {
    const out: Expansion[] = [];
    // Terms added to a shared vocabulary after this index was built have no postings here.
    const id = vocabulary.idOf(term);
    if (id >= 0 && id < T) out.push({ id, weight: 1 });
    if (prefix) {
      for (const other of vocabulary.withPrefix(term)) {
        if (other >= T) continue;
        const length = vocabulary.termOf(other).length;
        out.push({ id: other, weight: (PREFIX_WEIGHT * length) / (length + 0.3 * (length - term.length)) });
      }
    }
    return out;
  };

  function retrieve(query: RetrieveQuery): Hit[] {
    if (query.terms.length === 0 || N === 0 || query.limit <= 0) return [];
    const { k, b, d: bm25d } = query.bm25;
    const boosts = fields.map((f) => query.fieldBoost[f] || 1);
    const expanded = query.terms.map((q) => ({ boost: q.boost ?? 1, prefix: q.prefix === true, exp: expand(q.term, q.prefix) }));
    // BM25 of one posting, written as MiniSearch writes it so the floats agree.
    const postingScore = (i: number, t: number, weight: number, termBoost: number): number => {
      const f = postField[i]!;
      const tf = postTf[i]!;
      const matching = fieldDf[t * F + f]!;
      const invDocFreq = Math.log(1 + (N - matching + 0.5) / (matching + 0.5));
      const raw = invDocFreq * (bm25d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength[postDoc[i]! * F + f]!) / avgFieldLength[f]!)));
      return weight * termBoost * boosts[f]! * 1 * raw;
    };

    let postings = 0;
    for (const q of expanded) for (const e of q.exp) postings += offsets[e.id + 1]! - offsets[e.id]!;
    const plain = expanded.every((q) => !q.prefix && q.exp.length === 1);
    if (plain && expanded.length > 1 && postings > opts.andFirstMinPostings) {
      const hits = andFirst(expanded.map((q) => ({ id: q.exp[0]!.id, boost: q.boost })), query, postingScore);
      if (hits) return hits;
    }

    // OR: each term's score per record is summed over fields first, then added to the record's
    // total, in term order: the association MiniSearch's per-term result maps give.
    const s = nextStamp();
    let touchedCount = 0;
    for (const q of expanded) {
      const ts = nextTermStamp();
      let termCount = 0;
      for (const { id: t, weight } of q.exp) {
        for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
          const doc = postDoc[i]!;
          const score = postingScore(i, t, weight, q.boost);
          if (termStamp[doc] !== ts) {
            termStamp[doc] = ts;
            termAcc[doc] = score;
            termTouched[termCount++] = doc;
          } else {
            termAcc[doc]! += score;
          }
        }
      }
      for (let j = 0; j < termCount; j++) {
        const doc = termTouched[j]!;
        if (docStamp[doc] !== s) {
          docStamp[doc] = s;
          acc[doc] = termAcc[doc]!;
          matched[doc] = 1;
          touched[touchedCount++] = doc;
        } else {
          acc[doc]! += termAcc[doc]!;
          matched[doc]!++;
        }
      }
    }
    return best(touched, touchedCount, query);
  }

  /**
   * Records holding every term, scored exactly; undefined when fewer than `limit` pass the
   * filter (the caller then runs the OR).
   */
  function andFirst(
    terms: { id: number; boost: number }[],
    query: RetrieveQuery,
    postingScore: (i: number, t: number, weight: number, boost: number) => number,
  ): Hit[] | undefined {
    const byRarity = [...terms].sort((x, y) => offsets[x.id + 1]! - offsets[x.id]! - (offsets[y.id + 1]! - offsets[y.id]!));
    const rarest = byRarity[0]!.id;
    let candidates: number[] = [];
    for (let i = offsets[rarest]!; i < offsets[rarest + 1]!; i++) if (candidates.at(-1) !== postDoc[i]) candidates.push(postDoc[i]!);
    for (const { id: t } of byRarity.slice(1)) {
      const end = offsets[t + 1]!;
      let at = offsets[t]!;
      const kept: number[] = [];
      for (const doc of candidates) {
        at = seek(end, at, doc);
        if (at < end && postDoc[at] === doc) kept.push(doc);
      }
      candidates = kept;
      if (candidates.length < query.limit) return undefined;
    }
    if (query.accept) {
      const accept = query.accept;
      candidates = candidates.filter((doc) => accept(ids[doc]!));
      if (candidates.length < query.limit) return undefined;
    }
    const s = nextStamp();
    for (const doc of candidates) {
      docStamp[doc] = s;
      acc[doc] = 0;
      matched[doc] = terms.length;
    }
    for (const { id: t, boost } of terms) {
      const end = offsets[t + 1]!;
      let at = offsets[t]!;
      for (const doc of candidates) {
        at = seek(end, at, doc);
        let termScore = 0;
        let first = true;
        for (let i = at; i < end && postDoc[i] === doc; i++) {
          const score = postingScore(i, t, 1, boost);
          termScore = first ? score : termScore + score;
          first = false;
        }
        acc[doc]! += termScore;
      }
    }
    const list = Uint32Array.from(candidates);
    return best(list, list.length, { ...query, accept: undefined });
  }

  /** The `limit` best of the touched records (score × distinct terms matched), filter applied. */
  function best(docsTouched: Uint32Array, count: number, query: RetrieveQuery): Hit[] {
    const limit = query.limit;
    const topDoc: number[] = [];
    const topScore: number[] = [];
    for (let j = 0; j < count; j++) {
      const doc = docsTouched[j]!;
      const score = acc[doc]! * (matched[doc] || 1);
      if (topDoc.length === limit && score <= topScore[limit - 1]!) continue;
      if (query.accept && !query.accept(ids[doc]!)) continue;
      // Insertion after equal scores keeps first-touched first, like a stable sort.
      let at = topDoc.length;
      while (at > 0 && topScore[at - 1]! < score) at--;
      topDoc.splice(at, 0, doc);
      topScore.splice(at, 0, score);
      if (topDoc.length > limit) {
        topDoc.pop();
        topScore.pop();
      }
    }
    return topDoc.map((doc, i) => ({ id: ids[doc]!, score: topScore[i]! }));
  }

  const bytes =
    fieldLength.byteLength + offsets.byteLength + postDoc.byteLength + postField.byteLength + postTf.byteLength + fieldDf.byteLength + docFreq.byteLength +
    (acc.byteLength + termAcc.byteLength + matched.byteLength + docStamp.byteLength + termStamp.byteLength + touched.byteLength + termTouched.byteLength);

  return {
    name: 'compact',
    size: N,
    vocabulary,
    bytes,
    documentFrequency(term) {
      const id = vocabulary.idOf(term);
      return id >= 0 && id < T ? docFreq[id]! : 0;
    },
    retrieve,
    data,
  };
}
