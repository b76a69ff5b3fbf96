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
 *    largest single cost of building an index. fastLookup() re-keys the same table by numbers.
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

interface PrefixTree {
  tab: Record<string, unknown>;
  lookup(nodeId: number, offset: number, ch: string): unknown;
}

/**
 * Replaces the lookup of the dictionary acceptor's trie with one over nested Maps keyed by
 * node, offset and character. The table's keys are "node,offset,ch" strings (prefixtree.js).
 */
export function fastLookup(creators: readonly unknown[]): void {
  for (const creator of creators) {
    const tree = (creator as { tree?: PrefixTree }).tree;
    if (!tree?.tab) continue;
    const nodes = new Map<number, Map<string, unknown>>();
    for (const [key, child] of Object.entries(tree.tab)) {
      const first = key.indexOf(',');
      const second = key.indexOf(',', first + 1);
      const node = Number(key.slice(0, first)) * 4096 + Number(key.slice(first + 1, second));
      let children = nodes.get(node);
      if (!children) nodes.set(node, (children = new Map()));
      children.set(key.slice(second + 1), child);
    }
    // Offsets stay far below 4096: the longest dictionary word has a few dozen letters.
    tree.lookup = (nodeId, offset, ch) => nodes.get(nodeId * 4096 + offset)?.get(ch) ?? null;
  }
}
