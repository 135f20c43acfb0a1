/**
 * Helper threads for the multi-modular Gröbner driver, on Node's worker threads: the
 * implementation of `BasisWorkers` (basis-workers.ts) that the CLI injects. Node-only; the
 * driver itself never imports this file. The waiting is `threads/synchronous-helper.ts`'s.
 */
import { Deadline } from '../errors';
import { SynchronousHelper, helperScript } from '../threads/synchronous-helper';
import { BasisImage, BasisJob, BasisTask, BasisWorkers } from './basis-workers';
import { F4TraceData, traceDataBuffers } from './f4';

class BasisThreadJob implements BasisJob {
  private readonly helper: SynchronousHelper<BasisImage>;
  private readonly ready: BasisImage[] = [];
  private submitted = 0;

  constructor(
    script: string,
    task: BasisTask,
    private readonly deadline?: Deadline,
  ) {
    this.helper = new SynchronousHelper<BasisImage>(script, task);
  }

  get pending(): number {
    return this.submitted;
  }

  submit(p: number): void {
    this.helper.post({ p });
    this.submitted++;
  }

  replayTrace(trace: F4TraceData): void {
    // Moved, not copied: the data is made for the helper (katsura-9: a copy cost the driver 40 ms).
    this.helper.post({ trace }, traceDataBuffers(trace));
  }

  take(waitMs: number): BasisImage | undefined {
    if (this.ready.length === 0) {
      // Wait in slices, so that the computation's time limit still holds while it waits.
      const until = Date.now() + waitMs;
      for (;;) {
        this.ready.push(...this.helper.receive(Math.min(100, Math.max(0, until - Date.now()))));
        if (this.ready.length > 0 || Date.now() >= until) break;
        this.deadline?.check();
      }
    }
    const r = this.ready.shift();
    if (r) this.submitted--;
    return r;
  }

  close(): void {
    this.helper.close();
  }
}

/**
 * Helper threads for the driver's images modulo primes (one job uses one thread today); none when
 * `threads` is below 1 or the compiled helper script is missing (e.g. under ts-jest).
 */
export function basisThreads(threads = 1): BasisWorkers {
  const script = helperScript(__dirname, 'basis-thread-main');
  if (threads < 1 || script === undefined) return { start: () => undefined };
  return { start: (task, deadline) => new BasisThreadJob(script, task, deadline) };
}
