/**
 * Speed-ups for wordcut 0.9 that leave every cut identical (test/search/segment.test.ts
 * compares the result with stock wordcut on both seed handouts and on random Thai strings).
 *
 * 1. Its two Thai rules (node_modules/wordcut/lib/thai_rules.js) filter an array and run three
 *    regular expressions per pattern per character (`ch.match(/[ก-ฮ]/)`): on a question that
 *    was about 45% of everything ask() allocated, and the young-generation collections it
 *    caused were most of the p99 latency. THAI_RULES keeps the live patterns in a bit mask
 *    and compares character codes.
 * 2. Its dictionary trie (lib/prefixtree.js) looks a child up as `tab[[node, offset, ch]]`,
 *    which builds and hashes a string key for every character of every candidate word: the
 *    largest single cost of building an index. fastPrefixTree() gives the same tree keyed by
 *    numbers, each node made the first time a cut reaches it, and fastDictionary() puts it in
 *    wordcut's dictionary.
 */

const CONSONANT_FIRST = 0x0e01; // ก
const CONSONANT_LAST = 0x0e2e; // ฮ
const TONE_FIRST = 0x0e48;
const TONE_LAST = 0x0e4b;

const isConsonant = (c: number) => c >= CONSONANT_FIRST && c <= CONSONANT_LAST;

/**
 * wordcut's isMatch: a pattern character ก/ข/ม/บ stands for any consonant, ้ for any tone
 * mark; anything else matches itself.
 */
function matches(pattern: string, offset: number, ch: string): boolean {
  if (offset >= pattern.length) return false;
  const p = pattern[offset]!;
  if (p === ch) return true;
  const c = ch.charCodeAt(0);
  if (p === 'ก' || p === 'ข' || p === 'ม' || p === 'บ') return isConsonant(c);
  if (p === '\u0E49') return c >= TONE_FIRST && c <= TONE_LAST;
  return false;
}

interface Acceptor {
  strOffset: number;
  isFinal: boolean;
  isError: boolean;
  tag: string;
  type: string;
  w: number;
  unk?: number;
  transit(ch: string): Acceptor;
}

const RULE0_PATTERN = 'เหก็ม';

/** wordcut's Rule0: the one pattern เหก็ม (เ, ห, any consonant, ็, any consonant). */
const rule0 = {
  createAcceptor(): Acceptor {
    return {
      strOffset: 0,
      isFinal: false,
      isError: false,
      tag: 'THAI_RULE',
      type: 'THAI_RULE',
      w: 1,
      transit(ch) {
        if (matches(RULE0_PATTERN, this.strOffset, ch)) {
          this.isFinal = this.strOffset + 1 === RULE0_PATTERN.length;
          this.strOffset++;
        } else {
          this.isError = true;
        }
        return this;
      },
    };
  },
};

const PART_PATTERNS = ['แก', 'เก', 'ก้', 'กก์', 'กา', 'กี', 'กิ', 'กืก'];
const ALL_PARTS = (1 << PART_PATTERNS.length) - 1;

/** wordcut's PartRule: syllable fragments of unknown words, scored as unknown (unk: 1). */
const partRule = {
  createAcceptor(): Acceptor & { live: number } {
    return {
      strOffset: 0,
      live: ALL_PARTS,
      isFinal: false,
      isError: false,
      tag: 'PART',
      type: 'PART',
      unk: 1,
      w: 1,
      transit(ch) {
        const offset = this.strOffset;
        let live = 0;
        let final = false;
        for (let i = 0; i < PART_PATTERNS.length; i++) {
          if ((this.live & (1 << i)) === 0 || !matches(PART_PATTERNS[i]!, offset, ch)) continue;
          live |= 1 << i;
          if (PART_PATTERNS[i]!.length === offset + 1) final = true;
        }
        this.live = live;
        if (live !== 0) {
          this.isFinal = final;
          this.strOffset++;
        } else {
          this.isError = true;
        }
        return this;
      },
    };
  },
};

/** In wordcut's order: Rule0 first, then PartRule. */
export const THAI_RULES: readonly unknown[] = [rule0, partRule];

type TreeNode = [id: number, final: boolean, payload: null];

/**
 * wordcut's createPrefixTree (lib/prefixtree.js) over the sorted, de-duplicated word list, with
 * the same node ids, final flags and first-word-wins rule, built lazily. A node is the prefix P
 * of the word with that id, cut at `offset`; its words are a contiguous run of the sorted list
 * from that id, so its children are found by binary search the first time a cut reaches it.
 * The stock tree keyed a plain object by "node,offset,ch" strings, and building the whole tree
 * eagerly, even in nested Maps, took 150-170 ms of every index worker's start for ~150,000
 * nodes, of which one knowledge base's cuts visit a few thousand.
 */
export function fastPrefixTree(words: readonly string[]): { lookup(nodeId: number, offset: number, ch: string): TreeNode | null } {
  // Offsets stay far below 4096: the longest dictionary word has a few dozen letters.
  const nodes = new Map<number, Map<string, TreeNode>>();
  const expand = (nodeId: number, offset: number): Map<string, TreeNode> => {
    const children = new Map<string, TreeNode>();
    const prefix = words[nodeId]!.slice(0, offset);
    // No dictionary word holds U+FFFF, so "P\uFFFF" sorts after every word starting with P and
    // before every later word.
    const end = firstAtLeast(words, `${prefix}\uffff`, nodeId);
    // The word equal to P itself (a final node) sorts first and has no child character.
    let i = words[nodeId]!.length === offset ? nodeId + 1 : nodeId;
    while (i < end) {
      const ch = words[i]![offset]!;
      children.set(ch, [i, words[i]!.length === offset + 1, null]);
      i = firstAtLeast(words, `${prefix}${ch}\uffff`, i + 1);
    }
    nodes.set(nodeId * 4096 + offset, children);
    return children;
  };
  return { lookup: (nodeId, offset, ch) => (nodes.get(nodeId * 4096 + offset) ?? expand(nodeId, offset)).get(ch) ?? null };
}

/** The first index from `from` whose word is not below `key` (the list is sorted). */
function firstAtLeast(words: readonly string[], key: string, from: number): number {
  let lo = from;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface WordcutDict {
  dict: string[];
  tree: unknown;
  sortuniq(words: string[]): string[];
  finalizeDict(): void;
}

/** wordcut's dictionary acceptor (lib/dict.js) with the tree of fastPrefixTree(). */
export function fastDictionary<D extends object>(stock: D): D {
  return {
    ...stock,
    finalizeDict(this: WordcutDict) {
      this.dict = this.sortuniq(this.dict);
      this.tree = fastPrefixTree(this.dict);
    },
  };
}
