/**
 * Orchestration of the orderings benchmark, free of mathematics: which variable orders to run
 * (every permutation, or N seeded random ones), a pool that runs jobs on worker threads (or in
 * this thread for `workers = 1`, as the tests do) and can be stopped at any time, and the summary
 * — fastest, median and slowest order, the spread, and whether every order gave the same answer.
 * Worker scripts must be JavaScript at run time, so the pool resolves `worker.js` next to this
 * compiled file (dist/src/cli/bench/); under ts-jest the in-process path is used instead.
 * Each thread first runs the first job once, untimed (index −1, discarded), so that no row pays
 * for the JIT warming up — otherwise the first order on each worker looks several times slower.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { seededPermutation } from '../../networks/critical';
import { BenchJob, BenchRow, runJob } from './tasks';

/** n! for small n (Infinity past 170). */
export function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** All permutations of `items` in lexicographic order of positions (the identity first). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([x, ...rest]);
  });
  return out;
}

/**
 * The variable orders to run: the natural order first, then every other permutation when
 * `count` is 'all', or `count − 1` distinct seeded random permutations.
 * @example chooseOrders(['x','y'], 'all') // [['x','y'], ['y','x']]
 */
export function chooseOrders(vars: readonly string[], count: number | 'all', seed = 1): string[][] {
  const total = factorial(vars.length);
  if (count === 'all' || count >= total) {
    if (total > 5040) throw new RangeError(`${vars.length} variables have ${total} orders; give --orders N`);
    return permutations(vars);
  }
  const seen = new Set<string>([vars.join(',')]);
  const out: string[][] = [[...vars]];
  for (let k = 0; out.length < count; k++) {
    // Consecutive seeds give xorshift nearly equal first draws (the last positions would hardly
    // move), so the k-th seed is scrambled by a multiplicative hash first.
    const p = seededPermutation(vars.length, Math.imul((seed + k) ^ 0x5bd1e995, 2654435761) >>> 0).map((i) => vars[i]);
    const key = p.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** A running batch of jobs: `done` resolves with every finished row; `stop()` ends it early. */
export interface BenchRun {
  done: Promise<{ rows: BenchRow[]; stopped: boolean }>;
  stop: () => void;
}

/** Where the compiled worker script lives, or undefined when running from TypeScript sources. */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'worker.js');
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Runs the jobs on `workers` threads (1: in this thread, between event-loop turns so a stop
 * request is seen between jobs). `onRow` is called as each row arrives.
 */
export function runJobs(jobs: readonly BenchJob[], workers: number, onRow: (row: BenchRow) => void = () => {}, warmup = true): BenchRun {
  const rows: BenchRow[] = [];
  let stopped = false;
  const script = workerScript();
  if (workers <= 1 || !script) {
    let stopRequested = false;
    const done = (async () => {
      if (warmup && jobs.length > 0) runJob({ ...jobs[0], index: -1 });
      for (const job of jobs) {
        await new Promise((r) => setImmediate(r));
        if (stopRequested) return { rows, stopped: true };
        const row = runJob(job);
        rows.push(row);
        onRow(row);
      }
      return { rows, stopped: false };
    })();
    return { done, stop: () => void (stopRequested = true) };
  }
  const pool: Worker[] = [];
  let finish: (v: { rows: BenchRow[]; stopped: boolean }) => void = () => {};
  const done = new Promise<{ rows: BenchRow[]; stopped: boolean }>((resolve) => (finish = resolve));
  let next = 0;
  let active = 0;
  const end = () => {
    for (const w of pool) void w.terminate();
    finish({ rows: [...rows].sort((a, b) => a.index - b.index), stopped });
  };
  const feed = (w: Worker) => {
    if (stopped) return;
    if (next >= jobs.length) {
      if (active === 0) end();
      return;
    }
    active++;
    w.postMessage(jobs[next++]);
  };
  for (let k = 0; k < Math.min(workers, jobs.length); k++) {
    const w = new Worker(script);
    w.on('message', (row: BenchRow) => {
      active--;
      if (row.index === -1) {
        feed(w);
        return;
      }
      rows.push(row);
      onRow(row);
      feed(w);
    });
    w.on('error', (e) => {
      active--;
      rows.push({ index: -1, vars: [], route: 'degrevlex', task: jobs[0].task, status: 'failed', seconds: 0, error: `worker: ${e.message}` });
      feed(w);
    });
    pool.push(w);
  }
  if (jobs.length === 0) end();
  pool.forEach((w) => {
    if (warmup && jobs.length > 0) {
      active++;
      w.postMessage({ ...jobs[0], index: -1 });
    } else feed(w);
  });
  return {
    done,
    stop: () => {
      if (stopped) return;
      stopped = true;
      end();
    },
  };
}

/** The summary of a set of rows. */
export interface BenchSummary {
  ok: number;
  failed: number;
  fastest?: BenchRow;
  median?: BenchRow;
  slowest?: BenchRow;
  /** slowest / fastest seconds. */
  spread?: number;
  /** Distinct fingerprints among the rows that finished, with how many rows gave each. */
  answers: { fingerprint: string; rows: number }[];
  /** True when every finished row has the same fingerprint. */
  agree: boolean;
}

/** Fastest, median and slowest row, spread, and agreement of the answers. */
export function summarize(rows: readonly BenchRow[]): BenchSummary {
  const ok = rows.filter((r) => r.status === 'ok');
  const sorted = [...ok].sort((a, b) => a.seconds - b.seconds);
  const counts = new Map<string, number>();
  for (const r of ok) counts.set(r.fingerprint as string, (counts.get(r.fingerprint as string) ?? 0) + 1);
  const answers = [...counts].map(([fingerprint, n]) => ({ fingerprint, rows: n })).sort((a, b) => b.rows - a.rows);
  const fastest = sorted[0];
  const slowest = sorted[sorted.length - 1];
  return {
    ok: ok.length,
    failed: rows.length - ok.length,
    fastest,
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    slowest,
    spread: fastest && slowest && fastest.seconds > 0 ? slowest.seconds / fastest.seconds : undefined,
    answers,
    agree: answers.length <= 1,
  };
}

/** A Markdown table of the rows (one per order), sorted by time. */
export function formatRows(rows: readonly BenchRow[], label: (r: BenchRow) => string): string {
  const header = ['order', 'seconds', 'size', 'max basis', 'rounds', 'max matrix', 'answer'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const r of [...rows].sort((a, b) => a.seconds - b.seconds)) {
    lines.push(
      `| ${label(r)} | ${r.seconds.toFixed(3)} | ${r.size ?? '-'} | ${r.basisSizeMax ?? '-'} | ${r.rounds ?? '-'} | ${r.maxMatrix ? r.maxMatrix.join('×') : '-'} | ${r.status === 'ok' ? r.fingerprint : `FAILED: ${r.error}`} |`,
    );
  }
  return lines.join('\n');
}

/** A one-line text progress bar, e.g. `[#####-----] 5/10`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}
