/**
 * The worker-thread side of the orderings benchmark: receives one `BenchJob` at a time on the
 * parent port, runs it with `runJob`, and posts the `BenchRow` back. The main thread terminates
 * the worker to stop it (Ctrl-C, `--timeout`), so there is no cancellation protocol here.
 */
import { parentPort } from 'worker_threads';
import { BenchJob } from '../../orderings/jobs';
import { runJob } from './tasks';

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: BenchJob) => {
    port.postMessage(runJob(job));
  });
}
