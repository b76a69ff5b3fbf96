/**
 * Line diffs in unified format, for the draft review and the change history. Small on purpose:
 * knowledge files are pretty-printed JSON of at most a few thousand lines, and an edit touches a
 * few of them, so after trimming the common head and tail a plain LCS table is cheap.
 */
const CONTEXT = 3;
/** Beyond this many cells the middle is shown as removed + added rather than aligned. */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

function lcsOps(a: string[], b: string[], offset: number): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [...a.map((text, i) => ({ kind: '-' as const, text, a: offset + i, b: offset })), ...b.map((text, j) => ({ kind: '+' as const, text, a: offset + n, b: offset + j }))];
  }
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i]!, a: offset + i++, b: offset + j++ });
    // Removals before additions on a tie, as `diff -u` prints them.
    else if (i < n && (j === m || table[i + 1]![j]! >= table[i]![j + 1]!)) ops.push({ kind: '-', text: a[i]!, a: offset + i++, b: offset + j });
    else ops.push({ kind: '+', text: b[j]!, a: offset + i, b: offset + j++ });
  }
  return ops;
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** Unified diff of two texts ('' for a missing file); '' when they are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((text, i) => ({ kind: ' ' as const, text, a: i, b: i })),
    ...lcsOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head),
    ...a.slice(a.length - tail).map((text, k) => ({ kind: ' ' as const, text, a: a.length - tail + k, b: b.length - tail + k })),
  ];
  // Hunks: runs of changes with CONTEXT lines around them, merged when close.
  const changed = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const start = Math.max(0, k - CONTEXT);
    const end = Math.min(ops.length, k + CONTEXT + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- ${before === '' ? '/dev/null' : `published/${name}`}`, `+++ ${after === '' ? '/dev/null' : `draft/${name}`}`];
  for (const [start, end] of hunks) {
    const part = ops.slice(start, end);
    const aCount = part.filter((o) => o.kind !== '+').length;
    const bCount = part.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aCount ? part[0]!.a + 1 : part[0]!.a},${aCount} +${bCount ? part[0]!.b + 1 : part[0]!.b},${bCount} @@`);
    for (const o of part) out.push(`${o.kind}${o.text}`);
  }
  return `${out.join('\n')}\n`;
}
