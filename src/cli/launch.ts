/**
 * Where the installed command runs: on the main thread when the command allows it
 * (`main-thread.ts`: solve, groebner, critical and the light commands, with regular input files
 * and no `--max-memory`), else on a worker thread under the main thread's supervision
 * (`supervisor.ts`). The time limit and Ctrl-C hold either way; the output is the same.
 */
import { runOnMainThread, runsOnMainThread } from './main-thread';

/** Runs `polycrit argv` as the installed command does; resolves to the process's exit code. */
export function runCommand(argv: string[]): Promise<number> {
  if (runsOnMainThread(argv)) return runOnMainThread(argv);
  // Loaded only here: the supervisor brings worker_threads and the input relay's streams.
  return (require('./supervisor') as typeof import('./supervisor')).runInWorker(argv);
}
