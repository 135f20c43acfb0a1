/**
 * A horizontal bar chart of seconds per order as a standalone SVG (no dependencies): one bar
 * (`rect.bar`) per row, sorted by time, labelled with the order; failed rows are drawn in red at
 * the time they failed, and rows whose answer differs from the majority are marked. Platform-free
 * text: `bench orderings --svg` writes it, the web playground shows it.
 */
import { BenchRow } from '../../orderings/jobs';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The chart; `label` names a row, `majority` is the most common fingerprint, `note` the line under the bars. */
export function timeChartSvg(title: string, rows: readonly BenchRow[], label: (r: BenchRow) => string, majority?: string, note = 'seconds per order (wall clock, one job per worker thread)'): string {
  const sorted = [...rows].sort((a, b) => a.seconds - b.seconds);
  const labels = sorted.map(label);
  const labelWidth = Math.round(Math.min(640, 16 + 7.5 * Math.max(8, ...labels.map((l) => l.length))));
  const barArea = 460;
  const rowH = 18;
  const top = 40;
  const height = top + rowH * sorted.length + 30;
  const max = Math.max(1e-9, ...sorted.map((r) => r.seconds));
  const out: string[] = [];
  const width = labelWidth + barArea + 90;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="10" y="22" font-size="14" font-weight="bold">${esc(title)}</text>`);
  sorted.forEach((r, i) => {
    const y = top + i * rowH;
    const w = Math.max(1, (r.seconds / max) * barArea);
    const bad = r.status !== 'ok' || (majority !== undefined && r.fingerprint !== majority);
    out.push(`<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${esc(labels[i])}</text>`);
    out.push(`<rect class="bar" x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 4}" fill="${bad ? '#d62728' : '#1f77b4'}"/>`);
    const note = r.status !== 'ok' ? ' failed' : majority !== undefined && r.fingerprint !== majority ? ' DIFFERENT ANSWER' : '';
    out.push(`<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 13}">${r.seconds.toFixed(3)} s${note}</text>`);
  });
  out.push(`<text x="10" y="${height - 10}" fill="#555">${esc(note)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
