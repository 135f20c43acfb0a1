/**
 * The orderings benchmark's jobs on Node (`orderings/jobs.ts` runs them): network problems may be
 * spec files, read here with their CSV data; a network's heap budget is V8's heap limit; answers
 * are fingerprinted by sha256 (the first 16 hex digits). The pool and its worker threads call
 * `runJob` from this file.
 */
import { getHeapStatistics } from 'v8';
import { networkLoss } from '../../networks/loss';
import { preset } from '../../networks/presets';
import { readSpecFile } from '../../networks/spec-file';
import { BenchEnvironment, BenchJob, BenchRow, runJob as runJobWith } from '../../orderings/jobs';

/** Node's side of a job: spec files, the heap limit, sha256. */
export const NODE_ENVIRONMENT: BenchEnvironment = {
  loadNetwork(problem) {
    const options = { heapLimit: getHeapStatistics().heap_size_limit };
    if (problem.preset !== undefined) return networkLoss(preset(problem.preset), undefined, options);
    if (problem.spec !== undefined) return networkLoss(problem.spec, undefined, options);
    const { spec, readData } = readSpecFile(problem.specFile as string);
    return networkLoss(spec, readData, options);
  },
  // crypto is loaded on the first hash: other commands start without it.
  hash: (text) => (require('crypto') as typeof import('crypto')).createHash('sha256').update(text).digest('hex').slice(0, 16),
};

/** Runs a job in this thread with Node's environment (see `orderings/jobs.ts`). */
export function runJob(job: BenchJob): BenchRow {
  return runJobWith(job, NODE_ENVIRONMENT);
}
