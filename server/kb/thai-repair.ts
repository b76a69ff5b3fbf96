import { PUA_TO_BASE } from './thai-pua.js';
import { restoreSaraAm } from './thai-words.js';

/**
 * Repairs of Thai text as PDF text layers garble it (Unicode normalization
 * fixes none of these). Each rule is one row of REPAIRS, applied in order,
 * counted, and tested on its own (test/kb/thai-repair.test.ts). Text that
 * still looks broken afterwards is reported by brokenThai(), never guessed.
 */
export const REPAIR_KINDS = ['pua', 'space-before-mark', 'sara-am', 'mark-order', 'double-sara-e', 'lost-nikhahit'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];
export type RepairCounts = Record<RepairKind, number>;

export const emptyRepairCounts = (): RepairCounts => Object.fromEntries(REPAIR_KINDS.map((k) => [k, 0])) as RepairCounts;

export function addRepairCounts(into: RepairCounts, from: RepairCounts): RepairCounts {
  for (const k of REPAIR_KINDS) into[k] += from[k];
  return into;
}

/** Combining marks: mai han-akat, above and below vowels, maitaikhu, tone marks, thanthakhat, nikhahit, yamakkan. */
const MARK = '\u0E31\u0E34-\u0E3A\u0E47-\u0E4E';
const CONSONANT = '\u0E01-\u0E2E';
const TONE = '\u0E48-\u0E4B';
/** A run of Thai letters with at least one space + sara aa inside it. */
const LOST_NIKHAHIT_PHRASE = /[\u0E01-\u0E3A\u0E40-\u0E4E]+(?:[ \u00A0]\u0E32[\u0E01-\u0E3A\u0E40-\u0E4E]*)+/g;

/**
 * Order of marks stacked on one consonant: below vowel, above vowel, tone (and
 * thanthakhat), as Thai is typed and as the Thai Industrial Standard (TIS 620
 * / WTT 2.0) input sequence requires; PDF writers that emit glyphs in drawing
 * order put the tone first.
 */
function markRank(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0x0e38 && c <= 0x0e3a) return 1; // below vowels, phinthu
  if (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e37) || c === 0x0e47 || c === 0x0e4d) return 2; // above vowels, maitaikhu, nikhahit
  return 3; // tone marks, thanthakhat, yamakkan
}

interface Repair {
  kind: RepairKind;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

export const REPAIRS: readonly Repair[] = [
  // The PUA glyph of a shifted mark or a descender-less consonant back to its character.
  { kind: 'pua', pattern: /[\uF700-\uF71A\uF884-\uF89E]/g, replace: (m) => PUA_TO_BASE.get(m) ?? m },
  // A mark belongs to the consonant before it: extraction puts a space between them (`ต ้องการ`).
  // pdfjs then reports the mark with a space after it too (`ต ุ ลาคม`; its text layer adds a space
  // after a zero-width mark that follows a space), so a mark alone between spaces loses both.
  // The cost: a real space after such a mark (`ไม ่ มี` for ไม่ มี) is lost with it.
  {
    kind: 'space-before-mark',
    pattern: new RegExp(`(?<=[${CONSONANT}${MARK}])[ \\u00A0\\t]+([${MARK}]+)(?:[ \\u00A0\\t](?=[${CONSONANT}\\u0E30-\\u0E33\\u0E40-\\u0E45]))?`, 'g'),
    replace: (_m, marks: string) => marks,
  },
  // Sara am drawn as nikhahit + sara aa, the tone mark on either side of the nikhahit (`ค ําน ํา`, `น ํ้า`).
  { kind: 'sara-am', pattern: new RegExp(`([${TONE}]?)\\u0E4D([${TONE}]?)\\u0E32`, 'g'), replace: (_m, a, b) => `${a}${b}\u0E33` },
  // Stacked marks in canonical order (`ก่ิ` → `กิ่`).
  {
    kind: 'mark-order',
    pattern: new RegExp(`[${MARK}]{2,}`, 'g'),
    replace: (m) => [...m].sort((a, b) => markRank(a) - markRank(b)).join(''),
  },
  // Two sara e typed for sara ae (`เเ` → `แ`); no Thai word has two sara e in a row.
  { kind: 'double-sara-e', pattern: /\u0E40\u0E40/g, replace: () => '\u0E41' },
  // A nikhahit lost, leaving a space before sara aa (`ค าน า`): sara aa cannot start a syllable, so
  // the space is wrong, but whether a nikhahit was there is for the dictionary to say (see thai-words.ts).
  { kind: 'lost-nikhahit', pattern: LOST_NIKHAHIT_PHRASE, replace: (m) => restoreSaraAm(m) ?? m },
];

/** Applies every repair in order, adding to `counts`; returns the repaired text. */
export function repairThai(text: string, counts?: RepairCounts): string {
  let out = text;
  for (const r of REPAIRS) {
    out = out.replace(r.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const replaced = r.replace(match, ...(args.slice(1) as string[]));
      if (counts && replaced !== match) counts[r.kind] += r.kind === 'lost-nikhahit' ? (match.match(/[ \u00A0]\u0E32/g)?.length ?? 1) : 1;
      return replaced;
    });
  }
  return out;
}

const LONE_MARK = new RegExp(`(?:^|[^${CONSONANT}${MARK}\\u0E24\\u0E26])[${MARK}]`);
const SPACE_SARA_AA = new RegExp(`[${CONSONANT}${MARK}][ \\u00A0]+\\u0E32`);
const SARA_AM_PARTS = /\u0E4D|[\uF700-\uF71A\uF884-\uF89E]|\u25CC/;

/** Why repaired text still looks broken, or undefined. For flagging a row for review. */
export function brokenThai(text: string): string | undefined {
  const at = (re: RegExp) => {
    const m = re.exec(text);
    return m ? `"${text.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8).replace(/\s+/g, ' ')}"` : '';
  };
  if (LONE_MARK.test(text)) return `a Thai mark with no consonant to sit on near ${at(LONE_MARK)}`;
  if (SPACE_SARA_AA.test(text)) return `sara aa after a space (a lost nikhahit the dictionary cannot confirm?) near ${at(SPACE_SARA_AA)}`;
  if (SARA_AM_PARTS.test(text)) return `a stray nikhahit, PUA glyph or dotted circle near ${at(SARA_AM_PARTS)}`;
  return undefined;
}
