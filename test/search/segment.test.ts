import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import wordcut from 'wordcut';
import { describe, expect, it } from 'vitest';
import { fastDictionary, fastPrefixTree, THAI_RULES } from '../../server/search/internal/wordcut-fast.js';
import { createSegmenter, segment, type SegmenterEngine } from '../../server/search/segment.js';
import { predictedBoundaries, readGold, scoreSegmenter } from './segmentation-gold.js';

const engines: SegmenterEngine[] = ['wordcut', 'intl'];
const segmenters = Object.fromEntries(engines.map((e) => [e, createSegmenter({ engine: e })]));

describe('segment', () => {
  it.each([
    ['พัฒนา L1 ให้ดำเนินการ', ['L1']],
    ['ระบบราชการ 4.0 องค์กรดิจิทัล', ['4.0', 'ระบบราชการ', 'องค์กรดิจิทัล']],
    ['ตัวชี้วัด e-service ของกรม', ['e-service', 'ตัวชี้วัด']],
    ['เผยแพร่ใน data.go.th แล้ว', ['data.go.th']],
    ['เกณฑ์ PMQA 4.0 หรือไม่', ['PMQA', '4.0']],
    ['สำนักงาน ก.พ.ร. จะมีหนังสือแจ้ง', ['ก.พ.ร.']],
    ['สำนักงานก.พ.ร.จะมีหนังสือแจ้ง', ['สำนักงาน', 'ก.พ.ร.']],
    ['ตามมติ ค.ร.ม. ฯ', ['ค.ร.ม.', 'ฯ']],
    ['ผู้รับบริการ (อปท.) เกิน 500 ราย', ['อปท.', '500', '(', ')']],
    ['ข้ามL1ไปL2ได้ไหม', ['ข้าม', 'L1', 'ไป', 'L2']],
    ['การรายงานผลโควิด-19', ['โควิด', '-', '19']],
    ['ส่วนราชการเลือกชุดข้อมูล', ['ส่วนราชการ', 'ชุดข้อมูล']],
  ])('keeps the terms of %j whole', (text, whole) => {
    for (const engine of engines) {
      const tokens = segmenters[engine]!(text);
      for (const w of whole) expect(tokens, `${engine}: ${tokens.join('|')}`).toContain(w);
    }
  });

  it('drops whitespace and keeps every other character in order', () => {
    const alphabet = fc.constantFrom(...'กขคงตัวชี้วัดส่วนราชการ่้ำะาิีเแโไ ๆฯ.-()/%abcXYZ019๑ \t'.split(''), 'e-service', 'ก.พ.ร.', '4.0');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const engine of engines) {
          const tokens = segmenters[engine]!(text);
          expect(tokens.join('')).toBe(text.replace(/\s+/g, ''));
          expect(tokens.every((t) => t.length > 0 && !/\s/.test(t))).toBe(true);
          predictedBoundaries(text, tokens);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cuts exactly like stock wordcut with the faster Thai rules and trie lookup', () => {
    const stock = Object.create(wordcut) as typeof wordcut;
    stock.init(undefined, false, ['กพร']);
    const lean = Object.create(wordcut) as typeof wordcut & { defaultLatinRules: unknown; defaultThaiRules: unknown; defaultDict: object };
    lean.defaultLatinRules = [];
    lean.defaultThaiRules = THAI_RULES;
    lean.defaultDict = fastDictionary(wordcut.defaultDict);
    lean.init(undefined, false, ['กพร']);
    const seeds = ['000_3ba3b9301aa51fd5.txt', '002_0c27346554988bac.txt'].map((f) => readFileSync(new URL(`../../kb/sources/${f}`, import.meta.url), 'utf8'));
    const runs = seeds.flatMap((t) => t.match(/[\u0E01-\u0E4F\u0E5A\u0E5B]+/g) ?? []);
    expect(runs.length).toBeGreaterThan(500);
    for (const run of runs) expect(lean.cutIntoArray(run), run).toEqual(stock.cutIntoArray(run));
    const thai = fc.constantFrom(...'กขคงจฉชซญดตถทนบปผพฟมยรลวศษสหอฮะัาำิีึืุูเแโใไ็่้๊๋์ๆฯ'.split(''));
    fc.assert(
      fc.property(fc.array(thai, { minLength: 1, maxLength: 16 }), (chars) => {
        const run = chars.join('');
        expect(lean.cutIntoArray(run)).toEqual(stock.cutIntoArray(run));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same trie node as wordcut\'s own prefix tree for every step, made or not', () => {
    type Node = [number, boolean, unknown] | null;
    const { createPrefixTree } = createRequire(import.meta.url)('wordcut/lib/prefixtree.js') as {
      createPrefixTree(words: Array<[string, null]>): { lookup(id: number, offset: number, ch: string): Node };
    };
    const letters = 'กขคงาิ่้ะ';
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 5 }).map((a) => a.join('')), { minLength: 1, maxLength: 40 }), (list) => {
        const words = [...list].sort();
        const stock = createPrefixTree(words.map((w) => [w, null]));
        const fast = fastPrefixTree(words);
        // Walk every prefix of every word and try every letter from it, as a cut would.
        for (const word of words) {
          let node = 0;
          for (let offset = 0; offset < word.length; offset++) {
            for (const ch of letters) {
              const expected = stock.lookup(node, offset, ch);
              const got = fast.lookup(node, offset, ch);
              expect(got && [got[0], got[1]], `${word} ${offset} ${ch}`).toEqual(expected && [expected[0], expected[1]]);
            }
            node = stock.lookup(node, offset, word[offset]!)![0];
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('segments an empty or blank string to no tokens', () => {
    expect(segment('')).toEqual([]);
    expect(segment(' \n\t ')).toEqual([]);
  });

  it('scores search-F1 of at least 0.97 on the gold file with the default engine', () => {
    const gold = readGold();
    const scores = engines.map((engine) => {
      const started = performance.now();
      const score = scoreSegmenter(gold, segmenters[engine]!);
      const fine = scoreSegmenter(gold, segmenters[engine]!, 'fine');
      const perPhraseUs = ((performance.now() - started) / (2 * gold.length)) * 1000;
      console.log(
        `${engine}: search P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} F1 ${score.f1.toFixed(4)}; ` +
          `fine F1 ${fine.f1.toFixed(4)}; ${gold.length} phrases, ~${perPhraseUs.toFixed(0)} µs/phrase`,
      );
      if (score.errors.length > 0) console.log(score.errors.map((e) => `  ${e}`).join('\n'));
      return [engine, score.f1] as const;
    });
    // segment() uses wordcut: it scored higher than ICU here (see the printed scores).
    expect(Object.fromEntries(scores).wordcut).toBeGreaterThanOrEqual(0.97);
    expect(scoreSegmenter(gold, segment).f1).toBeGreaterThanOrEqual(0.97);
  });
});
