/**
 * Hand-written SVG for the playground's two pictures: the real curves of a two-variable system
 * with its real solutions, and a heat map of a loss over a 2-D slice with contour lines and the
 * critical points marked. Curves are level sets of values on a grid, traced by marching squares
 * (each cell's sign pattern gives the segments, cut by linear interpolation).
 *
 * A plotting library was not worth it: both pictures are a few hundred lines of paths and rects,
 * with no zoom or interaction the playground needs; the bundle stays free of a 200+ kB charting
 * package, and the SVG is plain DOM the browser test can inspect.
 */
import type { Grid } from './protocol';

const SIZE = 420;
const PAD = 52;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const SVG = 'http://www.w3.org/2000/svg';

type Segment = [number, number, number, number];

/** The segments of {f = level} in grid coordinates (i, j), by marching squares. */
export function levelSegments(g: Grid, level: number): Segment[] {
  const v = g.values;
  const out: Segment[] = [];
  const cut = (a: number, b: number): number => (a === b ? 0.5 : (level - a) / (b - a));
  for (let j = 0; j + 1 < v.length; j++) {
    for (let i = 0; i + 1 < v[j].length; i++) {
      const a = v[j][i] - level, b = v[j][i + 1] - level, c = v[j + 1][i + 1] - level, d = v[j + 1][i] - level;
      if (![a, b, c, d].every(Number.isFinite)) continue;
      // Crossing points on the four edges (bottom, right, top, left), where the sign changes.
      const pts: [number, number][] = [];
      if (a < 0 !== b < 0) pts.push([i + cut(a + level, b + level), j]);
      if (b < 0 !== c < 0) pts.push([i + 1, j + cut(b + level, c + level)]);
      if (d < 0 !== c < 0) pts.push([i + cut(d + level, c + level), j + 1]);
      if (a < 0 !== d < 0) pts.push([i, j + cut(a + level, d + level)]);
      if (pts.length === 2) out.push([...pts[0], ...pts[1]]);
      else if (pts.length === 4) out.push([...pts[0], ...pts[1]], [...pts[2], ...pts[3]]);
    }
  }
  return out;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG, name);
  for (const [k, val] of Object.entries(attrs)) e.setAttribute(k, String(val));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Pixel coordinates of a grid and of the plane. */
function frame(g: Grid) {
  const n = g.values[0].length - 1;
  const m = g.values.length - 1;
  const px = (x: number) => PAD + ((x - g.x0) / (g.x1 - g.x0)) * (SIZE - 2 * PAD);
  const py = (y: number) => SIZE - PAD - ((y - g.y0) / (g.y1 - g.y0)) * (SIZE - 2 * PAD);
  const gx = (i: number) => px(g.x0 + ((g.x1 - g.x0) * i) / n);
  const gy = (j: number) => py(g.y0 + ((g.y1 - g.y0) * j) / m);
  return { px, py, gx, gy };
}

function axes(svg: SVGElement, g: Grid, labels: [string, string]): void {
  const { px, py } = frame(g);
  svg.append(el('rect', { x: PAD, y: PAD, width: SIZE - 2 * PAD, height: SIZE - 2 * PAD, fill: 'none', stroke: '#555' }));
  for (let k = 0; k <= 4; k++) {
    const x = g.x0 + ((g.x1 - g.x0) * k) / 4;
    const y = g.y0 + ((g.y1 - g.y0) * k) / 4;
    svg.append(el('text', { x: px(x), y: SIZE - PAD + 16, 'text-anchor': 'middle', 'font-size': 11 }, x.toPrecision(3)));
    svg.append(el('text', { x: PAD - 5, y: py(y) + 4, 'text-anchor': 'end', 'font-size': 10 }, y.toPrecision(3)));
  }
  svg.append(el('text', { x: SIZE / 2, y: SIZE - 6, 'text-anchor': 'middle', 'font-size': 12 }, labels[0]));
  svg.append(el('text', { x: 10, y: SIZE / 2, 'text-anchor': 'middle', 'font-size': 12, transform: `rotate(-90 10 ${SIZE / 2})` }, labels[1]));
}

function pathOf(g: Grid, segments: Segment[]): string {
  const { gx, gy } = frame(g);
  return segments.map(([i0, j0, i1, j1]) => `M${gx(i0).toFixed(1)},${gy(j0).toFixed(1)}L${gx(i1).toFixed(1)},${gy(j1).toFixed(1)}`).join('');
}

/** The real curves {f_k = 0} of a two-variable system and its real solutions. */
export function curvesPlot(curves: Grid[], points: { x: number; y: number }[], equations: string[], vars: [string, string]): SVGElement {
  const svg = el('svg', { width: SIZE, height: SIZE + 18 * equations.length, viewBox: `0 0 ${SIZE} ${SIZE + 18 * equations.length}`, class: 'plot', 'data-plot': 'curves' });
  const g = curves[0];
  axes(svg, g, vars);
  curves.forEach((c, k) => {
    svg.append(el('path', { d: pathOf(c, levelSegments(c, 0)), stroke: COLORS[k % COLORS.length], 'stroke-width': 2, fill: 'none', class: 'curve' }));
    svg.append(el('text', { x: PAD, y: SIZE + 14 + 18 * k, fill: COLORS[k % COLORS.length], 'font-size': 12 }, `${equations[k].length > 60 ? equations[k].slice(0, 60) + '…' : equations[k]} = 0`));
  });
  const { px, py } = frame(g);
  for (const p of points) {
    if (p.x < g.x0 || p.x > g.x1 || p.y < g.y0 || p.y > g.y1) continue;
    svg.append(el('circle', { cx: px(p.x), cy: py(p.y), r: 4.5, fill: '#000', class: 'solution' }, undefined));
  }
  return svg;
}

/** A colour from dark blue (low) to yellow (high), t in [0, 1]. */
function colour(t: number): string {
  const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const x = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const k = Math.min(Math.floor(x), stops.length - 2);
  const f = x - k;
  const c = stops[k].map((a, i) => Math.round(a + f * (stops[k + 1][i] - a)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The loss on a slice: a heat map of log(1 + L − min L), contour lines, the critical points marked. */
export function slicePlot(g: Grid, axesLabels: [string, string], marks: { x: number; y: number; label: string }[]): SVGElement {
  const svg = el('svg', { width: SIZE + 90, height: SIZE, viewBox: `0 0 ${SIZE + 90} ${SIZE}`, class: 'plot', 'data-plot': 'slice' });
  const flat = g.values.flat().filter(Number.isFinite);
  const lo = Math.min(...flat);
  const scale = (v: number) => Math.log1p(v - lo);
  const hi = Math.max(...flat.map(scale)) || 1;
  const { gx, gy, px, py } = frame(g);
  const n = g.values[0].length;
  const w = (SIZE - 2 * PAD) / (n - 1);
  g.values.forEach((row, j) =>
    row.forEach((v, i) => svg.append(el('rect', { x: (gx(i) - w / 2).toFixed(1), y: (gy(j) - w / 2).toFixed(1), width: (w + 0.6).toFixed(1), height: (w + 0.6).toFixed(1), fill: colour(scale(v) / hi) }))),
  );
  for (let k = 1; k <= 8; k++) {
    const level = lo + Math.expm1((hi * k) / 9);
    svg.append(el('path', { d: pathOf(g, levelSegments(g, level)), stroke: 'rgba(255,255,255,0.7)', 'stroke-width': 1, fill: 'none', class: 'contour' }));
  }
  axes(svg, g, axesLabels);
  for (const m of marks) {
    svg.append(el('circle', { cx: px(m.x), cy: py(m.y), r: 5, fill: '#fff', stroke: '#d62728', 'stroke-width': 2.5, class: 'critical-point' }));
    svg.append(el('text', { x: px(m.x) + 8, y: py(m.y) - 8, fill: '#fff', 'font-size': 12 }, m.label));
  }
  for (let k = 0; k <= 10; k++) {
    svg.append(el('rect', { x: SIZE + 10, y: PAD + ((10 - k) * (SIZE - 2 * PAD)) / 11, width: 16, height: (SIZE - 2 * PAD) / 11 + 0.5, fill: colour(k / 10) }));
  }
  svg.append(el('text', { x: SIZE + 30, y: PAD + 10, 'font-size': 11 }, (lo + Math.expm1(hi)).toPrecision(3)));
  svg.append(el('text', { x: SIZE + 30, y: SIZE - PAD, 'font-size': 11 }, lo.toPrecision(3)));
  svg.append(el('text', { x: SIZE + 8, y: PAD - 10, 'font-size': 11 }, 'loss'));
  return svg;
}
