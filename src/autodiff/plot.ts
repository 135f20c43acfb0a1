/**
 * A small headless SVG plotter for the experiments: line and scatter series on linear axes with
 * "nice" ticks, a legend, and several panels side by side in one document. Written here because
 * the JavaScript plotting libraries that emit SVG need a DOM (d3 + jsdom, Vega's canvas); this
 * one is plain string building.
 * Representation: a `Panel` is a title, axis labels and series of [x, y] points; non-finite
 * points are dropped. Output: one SVG string, panels laid out left to right in rows.
 * Reference: Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
 */

/** One data series of a panel. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  /** 'line' joins the points, 'points' marks them, 'both' does both (default 'line'). */
  style?: 'line' | 'points' | 'both';
  /** CSS colour; defaults cycle through a palette. */
  color?: string;
}

/** One plot. */
export interface Panel {
  title: string;
  xLabel?: string;
  yLabel?: string;
  series: readonly Series[];
  /** Fixed y range (otherwise from the data). */
  yRange?: readonly [number, number];
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const W = 460;
const H = 320;
const M = { left: 60, right: 16, top: 34, bottom: 46 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceStep(range: number, count: number): number {
  const raw = range / Math.max(count, 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

function ticks(lo: number, hi: number): number[] {
  const step = niceStep(hi - lo, 5);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const label = (v: number): string => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(+v.toPrecision(6)));

function extent(values: number[]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    lo -= 0.5 + Math.abs(lo) * 0.1;
    hi += 0.5 + Math.abs(hi) * 0.1;
  }
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

function panelSvg(p: Panel, ox: number, oy: number): string {
  const pts = p.series.flatMap((s) => s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  const [x0, x1] = extent(pts.map((q) => q[0]));
  const [y0, y1] = p.yRange ? [p.yRange[0], p.yRange[1]] : extent(pts.map((q) => q[1]));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number): number => ox + M.left + ((x - x0) / (x1 - x0)) * pw;
  const sy = (y: number): number => oy + M.top + (1 - (y - y0) / (y1 - y0)) * ph;
  const out: string[] = [];
  out.push(`<rect x="${ox + M.left}" y="${oy + M.top}" width="${pw}" height="${ph}" fill="#fff" stroke="#444"/>`);
  out.push(`<text x="${ox + W / 2}" y="${oy + 20}" text-anchor="middle" font-size="14" font-weight="bold">${esc(p.title)}</text>`);
  for (const t of ticks(x0, x1)) {
    out.push(`<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${oy + M.top}" y2="${oy + M.top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${sx(t).toFixed(1)}" y="${oy + M.top + ph + 16}" text-anchor="middle" font-size="11">${label(t)}</text>`);
  }
  for (const t of ticks(y0, y1)) {
    out.push(`<line x1="${ox + M.left}" x2="${ox + M.left + pw}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${ox + M.left - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end" font-size="11">${label(t)}</text>`);
  }
  if (p.xLabel) out.push(`<text x="${ox + M.left + pw / 2}" y="${oy + H - 8}" text-anchor="middle" font-size="12">${esc(p.xLabel)}</text>`);
  if (p.yLabel) {
    out.push(`<text transform="translate(${ox + 14},${oy + M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(p.yLabel)}</text>`);
  }
  const clip = (y: number): number => Math.min(Math.max(y, y0 - (y1 - y0)), y1 + (y1 - y0));
  p.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    const good = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
    const style = s.style ?? 'line';
    if (style !== 'points' && good.length > 1) {
      const d = good.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(2)},${sy(clip(y)).toFixed(2)}`).join('');
      out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"/>`);
    }
    if (style !== 'line') {
      for (const [x, y] of good) {
        if (y >= y0 && y <= y1) out.push(`<circle cx="${sx(x).toFixed(2)}" cy="${sy(y).toFixed(2)}" r="3" fill="${color}" fill-opacity="0.8"/>`);
      }
    }
    const ly = oy + M.top + 14 + i * 15;
    out.push(`<line x1="${ox + M.left + pw - 130}" x2="${ox + M.left + pw - 112}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="3"/>`);
    out.push(`<text x="${ox + M.left + pw - 108}" y="${ly}" font-size="11">${esc(s.name)}</text>`);
  });
  return out.join('\n');
}

/**
 * Renders panels into one SVG document, `columns` per row.
 * @example renderSvg([{ title: 'f', series: [{ name: 'f', points: [[0, 0], [1, 1]] }] }])
 */
export function renderSvg(panels: readonly Panel[], columns = 2): string {
  const cols = Math.max(1, Math.min(columns, panels.length));
  const rows = Math.ceil(panels.length / cols);
  const body = panels.map((p, i) => panelSvg(p, (i % cols) * W, Math.floor(i / cols) * H)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * W}" height="${rows * H}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="#fafafa"/>\n${body}\n</svg>\n`;
}

/** Samples a function on [lo, hi] at n + 1 points, for curves under trajectories. */
export function sampleCurve(f: (x: number) => number, lo: number, hi: number, n = 400): [number, number][] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / n;
    return [x, f(x)];
  });
}
