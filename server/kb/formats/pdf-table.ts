import type { Rule, TextRun } from './pdf-page.js';

/** A ruled table on one page: column edges left to right, row edges top to bottom (points, y up). */
export interface Grid {
  xs: number[];
  ys: number[];
}

/** Rules closer than this belong to the same edge (points): double borders, rounding, line widths. */
const SAME_EDGE = 2.5;
/** Rows or columns thinner than this are the gap of a double border, not cells. */
const MIN_CELL = 4;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > SAME_EDGE) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

const dropThin = (edges: number[]) => edges.filter((e, i) => i === 0 || Math.abs(e - edges[i - 1]!) >= MIN_CELL);

/**
 * Ruled tables of a page. Vertical rules that touch or overlap vertically make
 * one table (a page may hold several, one per section); its column edges are
 * their x positions and its row edges the horizontal rules across it.
 */
export function findGrids(rules: Rule[]): Grid[] {
  const vertical = rules.filter((r) => r.x1 - r.x0 <= r.y1 - r.y0).sort((a, b) => b.y1 - a.y1);
  const horizontal = rules.filter((r) => r.x1 - r.x0 > r.y1 - r.y0);
  const regions: { top: number; bottom: number; rules: Rule[] }[] = [];
  for (const v of vertical) {
    const region = regions.at(-1);
    if (region && v.y1 >= region.bottom - SAME_EDGE) {
      region.bottom = Math.min(region.bottom, v.y0);
      region.rules.push(v);
    } else regions.push({ top: v.y1, bottom: v.y0, rules: [v] });
  }
  const grids: Grid[] = [];
  for (const region of regions) {
    const xs = dropThin(cluster(region.rules.map((r) => (r.x0 + r.x1) / 2)));
    if (xs.length < 3) continue;
    const left = xs[0]!;
    const right = xs[xs.length - 1]!;
    const across = horizontal.filter(
      (h) => (h.y0 + h.y1) / 2 >= region.bottom - SAME_EDGE && (h.y0 + h.y1) / 2 <= region.top + SAME_EDGE && h.x1 > left + MIN_CELL && h.x0 < right - MIN_CELL,
    );
    const ys = dropThin(cluster([region.top, region.bottom, ...across.map((h) => (h.y0 + h.y1) / 2)])).reverse();
    if (ys.length < 2) continue;
    grids.push({ xs, ys });
  }
  return grids;
}

/** Where a run sits: the table, row and column, or undefined when outside every table. */
export function locate(grids: Grid[], run: TextRun): { grid: number; row: number; col: number } | undefined {
  // The glyph body sits above the baseline; its middle decides the row. The first glyph decides the column.
  const y = run.y + run.size * 0.3;
  const x = run.x + Math.min(1, run.width / 2);
  for (const [g, grid] of grids.entries()) {
    const { xs, ys } = grid;
    if (x < xs[0]! || x > xs[xs.length - 1]! || y > ys[0]! || y < ys[ys.length - 1]!) continue;
    const row = ys.findIndex((top, i) => i + 1 < ys.length && y <= top && y >= ys[i + 1]!);
    const col = xs.findIndex((l, i) => i + 1 < xs.length && x >= l && x <= xs[i + 1]!);
    if (row >= 0 && col >= 0) return { grid: g, row, col };
  }
  return undefined;
}
