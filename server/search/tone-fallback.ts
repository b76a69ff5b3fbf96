/**
 * Chat Thai typed without tone marks (ตองสงเมือไหร for ต้องส่งเมื่อไหร่) or with ไ/ใ swapped
 * (ใหม for ไหม): the segmenter, which knows only the correct spellings, cuts such text into
 * junk (ใช้ได้ใหม → ใ|ช้ไ|ด้ใหม) or into rare dictionary words (ตอง|สง|กี), and the question's
 * words are lost.
 *
 * A fallback for questions only: a run of Thai tokens is cut again only when one of its tokens
 * is not domain vocabulary, and a domain word typed correctly always keeps its exact form.
 * The new cut is a cheapest path over the run, where a piece costs
 * - 1 when it is a domain word as typed,
 * - SWAPPED_VOWEL when it is one domain word with ใ and ไ exchanged (ใหม → ไหม),
 * - BY_TONE_KEY when its key (tone marks dropped, ใ read as ไ) belongs to exactly one domain
 *   word, which it becomes; a key shared by two domain words (ไหม, ใหม่) is ambiguous, unused,
 * - GENERAL_AS_TYPED when it is only a general word as typed: the tdict dictionary holds many
 *   rare words that tone-less typing hits by accident (สง, กี), and the question is about the
 *   domain, so a domain word reached by its key is preferred,
 * - UNKNOWN_CHAR per letter left over.
 * The new cut is taken only when fewer of the run's letters are outside domain words than in
 * the segmenter's cut. Cost: O(run length × MAX_WORD) map lookups, only for such runs.
 */

export type ThaiRunRepair = (tokens: readonly string[]) => string[];

/** Tone marks, mai taikhu and thanthakhat: the marks chat typing drops (U+0E47-U+0E4C). */
const MARKS = /[\u0E47-\u0E4C]/g;
const MARK = /[\u0E47-\u0E4C]/;
/** Vowels and marks written above or below a letter (and sara am): they follow a letter. */
const COMBINING = /[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]/;
const THAI_TOKEN = /^[\u0E01-\u0E4E]+$/;

/** The key a word is looked up by when its exact form is unknown. */
export function toneKey(word: string): string {
  return word.replace(MARKS, '').replace(/ใ/g, 'ไ');
}

/** Longest piece tried, in UTF-16 units (longer domain words are still cut by the segmenter). */
const MAX_WORD = 20;
const SWAPPED_VOWEL = 1.2;
const BY_TONE_KEY = 1.5;
/** Keys this short (one letter and its marks) would turn any stray letter into a word. */
const MIN_KEY = 2;
const GENERAL_AS_TYPED = 1.6;
const UNKNOWN_CHAR = 10;

export interface ToneFallbackInput {
  /** Thai words of the knowledge base: the records' tokens, glossary forms, lexicon words. */
  domain: Iterable<string>;
  /** Everyday words (lexicon.ts isGeneralWord): known, but not preferred over the domain's. */
  isGeneral: (word: string) => boolean;
}

export function createToneFallback({ domain, isGeneral }: ToneFallbackInput): ThaiRunRepair {
  const words = new Set<string>();
  const bySwap = new Map<string, string | null>();
  const byKey = new Map<string, string | null>();
  // null marks an ambiguous key: two domain words look the same under it.
  const put = (map: Map<string, string | null>, key: string, w: string) => map.set(key, map.has(key) && map.get(key) !== w ? null : w);
  for (const w of domain) {
    if (!THAI_TOKEN.test(w) || words.has(w)) continue;
    words.add(w);
    if (w.length < MIN_KEY) continue;
    put(bySwap, w.replace(/ใ/g, 'ไ'), w);
    put(byKey, toneKey(w), w);
  }

  const recut = (run: string): { tokens: string[]; unknown: number } => {
    const n = run.length;
    // Every piece's keys are slices of the run's keys, computed once: ใ → ไ maps letter to
    // letter, and dropping marks maps run position p to keyAt[p] in the tone key.
    const swappedRun = run.replace(/ใ/g, 'ไ');
    const keyAt = new Array<number>(n + 1);
    let toneRun = '';
    for (let p = 0; p < n; p++) {
      keyAt[p] = toneRun.length;
      if (!MARK.test(run[p]!)) toneRun += swappedRun[p];
    }
    keyAt[n] = toneRun.length;
    const cost = new Array<number>(n + 1).fill(Infinity);
    const back = new Array<{ from: number; word: string; unknown: number }>(n + 1);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue;
      const step = (j: number, c: number, word: string, unknown: number) => {
        if (cost[i]! + c < cost[j]!) {
          cost[j] = cost[i]! + c;
          back[j] = { from: i, word, unknown };
        }
      };
      step(i + 1, UNKNOWN_CHAR, run[i]!, -1);
      // A word never starts on a vowel or tone mark written above or below a letter.
      if (COMBINING.test(run[i]!)) continue;
      for (let j = i + 1; j <= Math.min(n, i + MAX_WORD); j++) {
        // Nor does a word end right before one.
        if (j < n && COMBINING.test(run[j]!)) continue;
        const piece = run.slice(i, j);
        if (words.has(piece)) {
          step(j, 1, piece, 0);
          continue;
        }
        if (j - i >= MIN_KEY) {
          const swapped = bySwap.get(swappedRun.slice(i, j));
          if (swapped) step(j, SWAPPED_VOWEL, swapped, 0);
          const byTone = byKey.get(toneRun.slice(keyAt[i]!, keyAt[j]!));
          if (byTone) step(j, BY_TONE_KEY, byTone, 0);
        }
        // A general word is known but not domain vocabulary: it counts as left over.
        if (isGeneral(piece)) step(j, GENERAL_AS_TYPED, piece, piece.length);
      }
    }
    const tokens: string[] = [];
    let unknown = 0;
    let pending = '';
    for (let j = n; j > 0; j = back[j]!.from) {
      const b = back[j]!;
      // unknown -1: one leftover letter; it stays with its neighbours as one token, as the
      // segmenter leaves an unknown word.
      unknown += Math.abs(b.unknown);
      if (b.unknown < 0) pending = b.word + pending;
      else {
        if (pending) tokens.push(pending);
        pending = '';
        tokens.push(b.word);
      }
    }
    if (pending) tokens.push(pending);
    return { tokens: tokens.reverse(), unknown };
  };

  /** Re-cuts a stretch of tokens, keeping the segmenter's cut unless the new one explains more. */
  const repairSpan = (span: readonly string[]): readonly string[] => {
    const unknownBefore = span.reduce((s, t) => (words.has(t) ? s : s + t.length), 0);
    const { tokens, unknown } = recut(span.join(''));
    return unknown < unknownBefore ? tokens : span;
  };

  /**
   * Only the stretches of tokens outside the domain vocabulary are re-cut, each with one
   * neighbour on either side (a mis-cut moves letters across the boundary: ใ|ช้ไ|ด้ใหม); the
   * domain words elsewhere in the run are kept as cut, and the path stays short.
   */
  const repairRun = (run: readonly string[]): string[] => {
    const out: string[] = [];
    // Whether out's last token is run[i - 1] as cut (not the end of a re-cut stretch).
    let lastAsCut = false;
    let i = 0;
    while (i < run.length) {
      if (words.has(run[i]!)) {
        out.push(run[i]!);
        lastAsCut = true;
        i++;
        continue;
      }
      let end = i;
      while (end < run.length && !words.has(run[end]!)) end++;
      const from = lastAsCut ? i - 1 : i;
      if (lastAsCut) out.pop();
      const to = Math.min(run.length, end + 1);
      lastAsCut = false;
      out.push(...repairSpan(run.slice(from, to)));
      i = to;
    }
    return out;
  };

  return (tokens) => {
    const out: string[] = [];
    let run: string[] = [];
    for (const t of tokens) {
      if (THAI_TOKEN.test(t)) run.push(t);
      else {
        out.push(...repairRun(run), t);
        run = [];
      }
    }
    out.push(...repairRun(run));
    return out;
  };
}
