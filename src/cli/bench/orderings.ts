/**
 * The orderings benchmark's text, free of mathematics: the table of rows, the verdict (fastest,
 * median and slowest order, the spread, and whether every order gave the same answer) and the
 * progress bar. Which orders to run and the summary are in `orderings/orders.ts`; the jobs run on
 * the thread pool of `pool.ts`. Platform-free: the web playground prints the same text.
 */
import { BenchRow } from '../../orderings/jobs';
import { BenchSummary } from '../../orderings/orders';

/** A Markdown table of the rows (one per order), sorted by time. */
export function formatRows(rows: readonly BenchRow[], label: (r: BenchRow) => string): string {
  const header = ['order', 'seconds', 'size', 'max basis', 'rounds', 'max matrix', 'answer'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const r of [...rows].sort((a, b) => a.seconds - b.seconds)) {
    lines.push(
      `| ${label(r)} | ${r.seconds.toFixed(3)} | ${r.size ?? '-'} | ${r.basisSizeMax ?? '-'} | ${r.rounds ?? '-'} | ${r.maxMatrixRows !== undefined ? `${r.maxMatrixRows}×${r.maxMatrixCols}` : '-'} | ${r.status === 'ok' ? r.fingerprint : `FAILED: ${r.error}`} |`,
    );
  }
  return lines.join('\n');
}

/** The lines under the table: fastest, median, slowest, spread, and whether the answers agree (loudly when not). */
export function verdict(s: BenchSummary): string[] {
  const lines: string[] = [];
  const t = (r?: BenchRow) => (r ? `${r.seconds.toFixed(3)} s  [${r.vars.join(',')}]` : '-');
  lines.push(`fastest: ${t(s.fastest)}`);
  lines.push(`median:  ${t(s.median)}`);
  lines.push(`slowest: ${t(s.slowest)}`);
  if (s.spread !== undefined) lines.push(`spread:  ${s.spread.toFixed(2)}× (slowest / fastest)`);
  if (s.failed > 0) lines.push(`${s.failed} order(s) failed (see the table)`);
  if (s.agree) lines.push(`answers: every order gave the same answer (${s.answers[0]?.fingerprint ?? 'none finished'})`);
  else {
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    lines.push(`!!! ANSWERS DIFFER between variable orders: ${s.answers.map((a) => `${a.fingerprint} ×${a.rows}`).join(', ')}`);
    lines.push('!!! this is a bug in polycrit: please report it with this output');
    lines.push('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }
  return lines;
}

/** A one-line text progress bar, e.g. `[#####-----] 5/10`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
