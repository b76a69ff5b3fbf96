import { loadPdfjs } from './libraries.js';

/** A piece of text as pdfjs reports it, in page space (points, y up): x at the start, y on the baseline. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A filled or stroked rectangle thin enough to be a table rule, in page space. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention (`cm` concatenates the new matrix before the CTM). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Thicker than this is a shaded box, not a rule (points). */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this is a glyph-like mark, not a rule (points). */
const MIN_RULE_LENGTH = 4;

function addRule(rules: Rule[], p: [number, number], q: [number, number]): void {
  const x0 = Math.min(p[0], q[0]);
  const x1 = Math.max(p[0], q[0]);
  const y0 = Math.min(p[1], q[1]);
  const y1 = Math.max(p[1], q[1]);
  const w = x1 - x0;
  const h = y1 - y0;
  if ((h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) || (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH)) rules.push({ x0, y0, x1, y1 });
}

/** pdfjs 5 path data: moveTo 0 x y, lineTo 1 x y, curveTo 2 (6 numbers), quadraticCurveTo 3 (4), closePath 4. */
function* segments(data: ArrayLike<number> | undefined): Generator<[[number, number], [number, number]]> {
  if (!data) return;
  let start: [number, number] = [0, 0];
  let at: [number, number] = [0, 0];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      at = start = [data[i]!, data[i + 1]!];
      i += 2;
    } else if (op === 1) {
      const to: [number, number] = [data[i]!, data[i + 1]!];
      yield [at, to];
      at = to;
      i += 2;
    } else if (op === 2) {
      at = [data[i + 4]!, data[i + 5]!];
      i += 6;
    } else if (op === 3) {
      at = [data[i + 2]!, data[i + 3]!];
      i += 4;
    } else if (op === 4) {
      yield [at, start];
      at = start;
    } else return;
  }
}

interface PdfPageLike {
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

export async function pageText(page: PdfPageLike): Promise<TextRun[]> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items as { str?: string; transform?: number[]; width?: number }[]) {
    if (!item.str || !item.transform || !item.str.trim()) continue;
    const [a, b, , d, e, f] = item.transform as Matrix;
    runs.push({ text: item.str, x: e, y: f, width: item.width ?? 0, size: Math.hypot(a, b) || Math.abs(d) });
  }
  return runs;
}

/**
 * The ruling lines of a page: every path whose bounding box, in page space, is
 * a thin horizontal or vertical bar. pdfjs 5 hands paths over as
 * constructPath(paintOp, [data], minMax), with minMax in the coordinates of the
 * current transformation matrix, which is tracked through save/restore/cm and
 * form XObjects.
 */
export async function pageRules(page: PdfPageLike): Promise<Rule[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const { OPS } = await loadPdfjs();
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (matrix) ctm = multiply(matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath) {
      const paint = args?.[0] as number;
      if (paint === OPS.endPath) continue; // a clipping path, not drawn
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint >= OPS.fillStroke;
      if (stroked) {
        for (const [a, b] of segments((args?.[1] as ArrayLike<number>[] | undefined)?.[0])) addRule(rules, apply(ctm, a[0], a[1]), apply(ctm, b[0], b[1]));
      } else {
        const minMax = args?.[2] as ArrayLike<number> | null | undefined;
        if (minMax && minMax.length >= 4 && Number.isFinite(minMax[0]!)) addRule(rules, apply(ctm, minMax[0]!, minMax[1]!), apply(ctm, minMax[2]!, minMax[3]!));
      }
    }
  }
  return rules;
}
