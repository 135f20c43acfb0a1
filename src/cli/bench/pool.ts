/**
 * The thread pool of the orderings benchmark: runs jobs on worker threads (`worker.js`, resolved
 * next to this compiled file in dist/src/cli/bench/) and can be stopped at any time. Under
 * ts-jest there is no compiled worker script, and the jobs run in this thread instead, between
 * event-loop turns so that a stop request is seen between jobs.
 *
 * Each thread first runs the first job once, untimed (index −1, discarded), so that no row pays
 * for the JIT warming up — otherwise the first order on each worker looks several times slower.
 *
 * A job's time limit is hard: the library checks it cooperatively, and a thread still busy
 * `GRACE_SECONDS` after it is terminated; its job becomes a failed row and a new thread (without
 * the warm-up, which could overrun the same way) takes the remaining jobs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { GRACE_SECONDS } from '../stop';
import { BenchJob, BenchRow } from '../../orderings/jobs';
import { runJob } from './tasks';

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

/** Runs the jobs in this thread, between event-loop turns. */
function runInThisThread(jobs: readonly BenchJob[], onRow: (row: BenchRow) => void, warmup: boolean): BenchRun {
  const rows: BenchRow[] = [];
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

/** A job that ended without a row of its own (its thread was ended, or crashed). */
function failedRow(job: BenchJob, seconds: number, error: string): BenchRow {
  return { index: job.index, vars: job.vars, route: job.route, task: job.task, status: 'failed', seconds, error };
}

/**
 * Runs the jobs on `workers` threads (in this thread when no compiled worker script exists).
 * `onRow` is called as each row arrives; `done` lists the rows by job index.
 */
export function runJobs(jobs: readonly BenchJob[], workers: number, onRow: (row: BenchRow) => void = () => {}, warmup = true): BenchRun {
  const script = workerScript();
  if (!script) return runInThisThread(jobs, onRow, warmup);
  const rows: BenchRow[] = [];
  const pool = new Set<Worker>();
  let stopped = false;
  let next = 0;
  let finish: (v: { rows: BenchRow[]; stopped: boolean }) => void = () => {};
  const done = new Promise<{ rows: BenchRow[]; stopped: boolean }>((resolve) => (finish = resolve));
  const end = () => {
    for (const w of pool) void w.terminate();
    pool.clear();
    finish({ rows: [...rows].sort((a, b) => a.index - b.index), stopped });
  };
  const record = (row: BenchRow) => {
    if (row.index < 0) return; // the warm-up
    rows.push(row);
    onRow(row);
  };

  /** Starts a thread that takes jobs until none is left. */
  const spawn = (warm: boolean) => {
    const w = new Worker(script);
    pool.add(w);
    let current: BenchJob | undefined;
    let timer: NodeJS.Timeout | undefined;
    const assign = (job: BenchJob) => {
      current = job;
      w.postMessage(job);
      if (Number.isFinite(job.timeout)) timer = setTimeout(() => replace(failedRow(job, job.timeout, `stopped after the time limit of ${job.timeout} s (its thread was ended)`)), (job.timeout + GRACE_SECONDS) * 1000);
    };
    const feed = () => {
      current = undefined;
      if (stopped) return;
      if (next < jobs.length) assign(jobs[next++]);
      else {
        pool.delete(w);
        void w.terminate();
        if (pool.size === 0) end();
      }
    };
    /** Ends this thread, records its job as failed, and lets a new thread go on. */
    const replace = (row: BenchRow) => {
      clearTimeout(timer);
      if (stopped || !pool.has(w)) return;
      pool.delete(w);
      void w.terminate();
      record(row);
      spawn(false);
    };
    w.on('message', (row: BenchRow) => {
      clearTimeout(timer);
      record(row);
      feed();
    });
    w.on('error', (e) => current && replace(failedRow(current, 0, `worker: ${e.message}`)));
    if (warm && jobs.length > 0) assign({ ...jobs[0], index: -1 });
    else feed();
  };

  if (jobs.length === 0) end();
  else for (let k = 0; k < Math.min(workers, jobs.length); k++) spawn(warmup);
  return {
    done,
    stop: () => {
      if (stopped) return;
      stopped = true;
      end();
    },
  };
}
