/**
 * Helper threads for the multi-modular Gröbner driver, on Node's worker threads: the
 * implementation of `BasisWorkers` (basis-workers.ts) that the CLI injects. Node-only; the
 * driver itself never imports this file. The waiting is `threads/synchronous-helper.ts`'s.
 *
 * The thread is pooled: started by the first job and kept, unreferenced, for the next ones (the
 * decomposition of a network computes a hundred bases and more, one after another). A job is one
 * basis: its messages and answers carry its number, and its end clears the shared `current` cell,
 * so the thread skips the primes still queued for it and a later job never reads its answers.
 * Besides its start (0.1–0.2 s), a fresh thread runs its first replays cold; a pooled one is
 * warm (`BasisWorkers.warm`), which the driver counts when it decides whether a helper pays.
 * A job started while another one runs (none does today: the driver's jobs follow one another)
 * gets a thread of its own, ended with it. `close` ends the kept thread (a long-lived process done
 * with bases; the command's process simply exits).
 */
import { Deadline } from '../errors';
import { SynchronousHelper, helperScript } from '../threads/synchronous-helper';
import { BasisImage, BasisJob, BasisTask, BasisWorkers } from './basis-workers';
import { F4TraceData, traceDataBuffers } from './f4';

/** What a pooled helper thread receives as `workerData`: the number of the job it serves now (0: none). */
export interface BasisPoolData {
  current: Int32Array;
}

/** A message to a pooled helper thread (see `basis-thread-main.ts`). */
export interface BasisMessage {
  job: number;
  task?: BasisTask;
  p?: number;
  trace?: F4TraceData;
  end?: boolean;
}

/** A thread of the pool and its shared cell. */
interface PooledThread {
  helper: SynchronousHelper<BasisImage & { job: number }>;
  current: Int32Array;
  /** It has served a job (its code is compiled: warm). */
  served: boolean;
  busy: boolean;
  /** Closed by `BasisWorkers.close` while a job ran: ended with that job. */
  retired?: boolean;
}

class BasisThreadJob implements BasisJob {
  private readonly ready: BasisImage[] = [];
  private submitted = 0;
  private closed = false;

  constructor(
    private readonly thread: PooledThread,
    private readonly job: number,
    task: BasisTask,
    private readonly deadline: Deadline | undefined,
    private readonly onClose: () => void,
  ) {
    Atomics.store(thread.current, 0, job);
    this.post({ job, task });
  }

  private post(message: BasisMessage, transfer?: ArrayBuffer[]): void {
    if (!this.closed) this.thread.helper.post(message, transfer);
  }

  get pending(): number {
    return this.submitted;
  }

  submit(p: number): void {
    this.post({ job: this.job, p });
    this.submitted++;
  }

  replayTrace(trace: F4TraceData): void {
    // Moved, not copied: the data is made for the helper (katsura-9: a copy cost the driver 40 ms).
    this.post({ job: this.job, trace }, traceDataBuffers(trace));
  }

  take(waitMs: number): BasisImage | undefined {
    if (this.closed) return undefined;
    if (this.ready.length === 0) {
      // Wait in slices, so that the computation's time limit still holds while it waits.
      const until = Date.now() + waitMs;
      for (;;) {
        for (const { job, ...image } of this.thread.helper.receive(Math.min(100, Math.max(0, until - Date.now())))) if (job === this.job) this.ready.push(image);
        if (this.ready.length > 0 || Date.now() >= until) break;
        this.deadline?.check();
      }
    }
    const r = this.ready.shift();
    if (r) this.submitted--;
    return r;
  }

  close(): void {
    if (this.closed) return;
    this.post({ job: this.job, end: true });
    this.closed = true;
    Atomics.compareExchange(this.thread.current, 0, this.job, 0);
    this.onClose();
  }
}

/**
 * Helper threads for the driver's images modulo primes (one job uses one thread today), pooled
 * (see the file header); none when `threads` is below 1 or the compiled helper script is missing
 * (e.g. under ts-jest).
 */
export function basisThreads(threads = 1): BasisWorkers {
  const script = helperScript(__dirname, 'basis-thread-main');
  if (threads < 1 || script === undefined) return { start: () => undefined };
  let pooled: PooledThread | undefined;
  let jobs = 0;
  const spawn = (): PooledThread => {
    const current = new Int32Array(new SharedArrayBuffer(4));
    const data: BasisPoolData = { current };
    return { helper: new SynchronousHelper(script, data), current, served: false, busy: false };
  };
  return {
    get warm() {
      return pooled !== undefined && pooled.served && !pooled.busy;
    },
    close() {
      // A job still running keeps the thread until it ends (then the thread ends too).
      if (pooled !== undefined) {
        pooled.retired = true;
        if (!pooled.busy) pooled.helper.close();
      }
      pooled = undefined;
    },
    start(task, deadline) {
      const job = ++jobs;
      if (pooled === undefined || !pooled.busy) {
        const thread = (pooled ??= spawn());
        thread.busy = true;
        return new BasisThreadJob(thread, job, task, deadline, () => {
          thread.busy = false;
          thread.served = true;
          // Answers of the job that ended are dropped now rather than read by the next one.
          if (thread.retired) thread.helper.close();
          else thread.helper.drain();
        });
      }
      const own = spawn();
      return new BasisThreadJob(own, job, task, deadline, () => own.helper.close());
    },
  };
}
