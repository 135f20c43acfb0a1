/**
 * A grouped bar chart on a log scale as a plain SVG string (no plotting dependency): one group per
 * system, one bar per solver, in seconds. A run that timed out is drawn as a hollow bar up to the
 * time limit with a "›" mark; a run that failed or was skipped leaves a gap with a small "×" or "–".
 * Several panels (over Q, over Z/p) stack vertically in one picture.
 */

export type BarValue = { kind: 'time'; seconds: number } | { kind: 'timeout'; limit: number } | { kind: 'none'; mark: string };

export interface Series {
  name: string;
  values: BarValue[];
}

export interface Panel {
  title: string;
  groups: string[];
  series: Series[];
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function panelSvg(panel: Panel, top: number, width: number, colorOf: (name: string) => string): { svg: string; height: number } {
  const left = 60;
  const right = 150;
  const plotH = 260;
  const titleH = 30;
  const labelH = 40;
  const y0 = top + titleH;
  const all: number[] = [];
  for (const s of panel.series)
    for (const v of s.values) {
      if (v.kind === 'time') all.push(Math.max(v.seconds, 1e-3));
      if (v.kind === 'timeout') all.push(v.limit);
    }
  const lo = Math.floor(Math.log10(Math.min(1e-2, ...all)));
  const hi = Math.ceil(Math.log10(Math.max(1, ...all)));
  const y = (sec: number): number => y0 + plotH - ((Math.log10(Math.max(sec, 10 ** lo)) - lo) / (hi - lo)) * plotH;
  const parts: string[] = [];
  parts.push(`<text x="${left}" y="${top + 20}" font-size="15" font-weight="bold">${esc(panel.title)}</text>`);
  for (let e = lo; e <= hi; e++) {
    const yy = y(10 ** e).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#ddd"/>`);
    const label = e >= 0 ? `${10 ** e} s` : `${(10 ** e).toFixed(-e)} s`;
    parts.push(`<text x="${left - 6}" y="${yy}" font-size="11" text-anchor="end" dominant-baseline="middle">${label}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${left}" y1="${y0}" y2="${y0 + plotH}" stroke="#333"/>`);
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${y0 + plotH}" y2="${y0 + plotH}" stroke="#333"/>`);
  const groupW = (width - left - right) / Math.max(1, panel.groups.length);
  const barW = Math.min(22, (groupW * 0.8) / Math.max(1, panel.series.length));
  panel.groups.forEach((g, gi) => {
    const gx = left + gi * groupW + (groupW - barW * panel.series.length) / 2;
    panel.series.forEach((s, si) => {
      const v = s.values[gi];
      const x = gx + si * barW;
      const base = y0 + plotH;
      const color = colorOf(s.name);
      if (!v) return;
      if (v.kind === 'time') {
        const yt = y(v.seconds);
        parts.push(`<rect x="${x.toFixed(1)}" y="${yt.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(base - yt).toFixed(1)}" fill="${color}"><title>${esc(`${s.name}, ${g}: ${v.seconds.toPrecision(3)} s`)}</title></rect>`);
      } else if (v.kind === 'timeout') {
        const yt = y(v.limit);
        parts.push(`<rect x="${x.toFixed(1)}" y="${yt.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(base - yt).toFixed(1)}" fill="none" stroke="${color}" stroke-dasharray="3,2"><title>${esc(`${s.name}, ${g}: > ${v.limit} s`)}</title></rect>`);
        parts.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(yt - 3).toFixed(1)}" font-size="11" text-anchor="middle" fill="${color}">›</text>`);
      } else {
        parts.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(base - 4).toFixed(1)}" font-size="10" text-anchor="middle" fill="${color}">${esc(v.mark)}</text>`);
      }
    });
    parts.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${y0 + plotH + 16}" font-size="11" text-anchor="middle">${esc(g)}</text>`);
  });
  panel.series.forEach((s, si) => {
    const ly = y0 + 10 + si * 18;
    parts.push(`<rect x="${width - right + 12}" y="${ly - 9}" width="12" height="12" fill="${colorOf(s.name)}"/>`);
    parts.push(`<text x="${width - right + 30}" y="${ly + 1}" font-size="12">${esc(s.name)}</text>`);
  });
  return { svg: parts.join('\n'), height: titleH + plotH + labelH };
}

/** The whole picture: panels stacked, a shared colour per series name, a footnote. */
export function barChartSvg(panels: Panel[], footnote: string): string {
  const names: string[] = [];
  for (const p of panels) for (const s of p.series) if (!names.includes(s.name)) names.push(s.name);
  const colorOf = (name: string): string => COLORS[names.indexOf(name) % COLORS.length];
  const groupsMax = Math.max(1, ...panels.map((p) => p.groups.length));
  const width = Math.max(760, 210 + groupsMax * 80);
  let top = 0;
  const body: string[] = [];
  for (const p of panels) {
    const r = panelSvg(p, top, width, colorOf);
    body.push(r.svg);
    top += r.height;
  }
  // The footnote, wrapped at about 110 characters a line.
  const lines: string[] = [''];
  for (const word of footnote.split(' ')) {
    if (lines[lines.length - 1].length + word.length > 110) lines.push('');
    lines[lines.length - 1] += (lines[lines.length - 1] ? ' ' : '') + word;
  }
  lines.forEach((l, i) => body.push(`<text x="10" y="${top + 14 + 14 * i}" font-size="11" fill="#555">${esc(l)}</text>`));
  const height = top + 14 * lines.length + 12;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
