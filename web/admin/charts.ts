/**
 * Small inline SVG charts (no library): horizontal bars and a daily line. Built with
 * createElementNS and attributes only, so they run under the CSP (no inline style).
 * Each chart has a text alternative: a <title> and a visually hidden table of its numbers.
 */
import { h } from '../src/dom.js';

const NS = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export interface Bar {
  label: string;
  values: number[];
}

/** Bars of one or two series (e.g. 👍 and 👎) per label. */
export function barChart(title: string, bars: Bar[], seriesClasses: string[]): HTMLElement {
  const rowH = 22;
  const width = 320;
  const labelW = 150;
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((a, v) => a + v, 0)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(rowH, bars.length * rowH)}`, role: 'img', class: 'chart', 'aria-label': title }, svg('title', {}, title));
  bars.forEach((b, i) => {
    const y = i * rowH;
    chart.append(svg('text', { x: 0, y: y + 15, class: 'chart-label' }, b.label.length > 24 ? `…${b.label.slice(-23)}` : b.label));
    let x = labelW;
    b.values.forEach((v, s) => {
      const w = ((width - labelW - 30) * v) / max;
      if (w > 0) chart.append(svg('rect', { x, y: y + 4, width: w, height: rowH - 8, class: seriesClasses[s] ?? 'bar' }));
      x += w;
    });
    chart.append(svg('text', { x: x + 4, y: y + 15, class: 'chart-value' }, b.values.join(' / ')));
  });
  const table = h('table', { class: 'visually-hidden' }, ...bars.map((b) => h('tr', null, h('th', null, b.label), h('td', null, b.values.join(' / ')))));
  return h('figure', { class: 'chart-figure' }, h('figcaption', null, title), chart, table);
}

/** A line of shares (0-1) per day. */
export function shareChart(title: string, points: { day: string; share: number; asked: number }[]): HTMLElement {
  const width = 320;
  const height = 120;
  const pad = 24;
  const step = points.length > 1 ? (width - pad * 2) / (points.length - 1) : 0;
  const xy = points.map((p, i) => [pad + i * step, height - pad - p.share * (height - pad * 2)] as const);
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': title },
    svg('title', {}, title),
    svg('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }),
    svg('text', { x: 0, y: pad, class: 'chart-label' }, '100%'),
    svg('text', { x: 0, y: height - pad, class: 'chart-label' }, '0%'),
    svg('polyline', { points: xy.map(([x, y]) => `${x},${y}`).join(' '), class: 'line' }),
    ...xy.map(([x, y]) => svg('circle', { cx: x, cy: y, r: 3, class: 'dot' })),
  );
  if (points.length) {
    chart.append(svg('text', { x: pad, y: height - 6, class: 'chart-label' }, points[0]!.day.slice(5)));
    chart.append(svg('text', { x: width - pad - 30, y: height - 6, class: 'chart-label' }, points[points.length - 1]!.day.slice(5)));
  }
  const table = h('table', { class: 'visually-hidden' }, ...points.map((p) => h('tr', null, h('th', null, p.day), h('td', null, `${Math.round(p.share * 100)}% of ${p.asked}`))));
  return h('figure', { class: 'chart-figure' }, h('figcaption', null, title), chart, table);
}
