/**
 * Helper threads for the parametrization modulo primes, on Node's worker threads: the
 * implementation of `ImageWorkers` (image-workers.ts) that the CLI injects. Node-only; the solver
 * itself never imports this file.
 *
 * The solver runs synchronously, so it cannot wait for a 'message' event: each helper answers on a
 * MessagePort that the solver reads with `receiveMessageOnPort`, and after every answer adds one to
 * a shared counter and wakes the solver (`Atomics.notify`); the solver waits on that counter with
 * `Atomics.wait` (a worker thread, or Node's main thread, may block). A helper that dies simply
 * stops answering: the solver computes every image itself, and a question about numerators gives
 * up after `ANSWER_TIMEOUT_MS` (that prime is then skipped, as an unlucky one would be).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';
import { Deadline } from '../errors';
import { HelperImage, ImageJob, ImageWorkers, ParametrizationTask } from './image-workers';

/** The longest wait for a helper's numerators. */
const ANSWER_TIMEOUT_MS = 30_000;

/** A message from a helper. */
type Answer =
  | { kind: 'image'; p: number; chi?: Float64Array }
  | { kind: 'numerators'; p: number; numerators?: number[][][] };

class ThreadJob implements ImageJob {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private readonly ready: HelperImage[] = [];
  private readonly replies = new Map<number, number[][][] | undefined>();
  private readonly requested = new Set<number>();
  private submitted = 0;
  private closed = false;

  constructor(
    script: string,
    task: ParametrizationTask,
    private readonly deadline?: Deadline,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    this.worker = new Worker(script, { workerData: { task, port: port2, signal: this.signal }, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', () => undefined); // a dead helper only stops answering
  }

  get pending(): number {
    return this.submitted;
  }

  submit(p: number): void {
    this.port.postMessage({ kind: 'image', p });
    this.submitted++;
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const a = m.message as Answer;
      if (a.kind === 'image') this.ready.push({ p: a.p, ...(a.chi ? { chi: a.chi } : {}) });
      else this.replies.set(a.p, a.numerators);
    }
  }

  take(waitMs: number): HelperImage | undefined {
    const seen = Atomics.load(this.signal, 0);
    this.drain();
    if (this.ready.length === 0 && waitMs > 0) {
      Atomics.wait(this.signal, 0, seen, waitMs);
      this.drain();
    }
    const r = this.ready.shift();
    if (r) this.submitted--;
    return r;
  }

  requestNumerators(p: number, factors: readonly (readonly number[])[]): void {
    if (this.requested.has(p)) return;
    this.requested.add(p);
    this.port.postMessage({ kind: 'numerators', p, factors });
  }

  numerators(p: number, factors: readonly (readonly number[])[]): number[][][] | undefined {
    this.requestNumerators(p, factors);
    const until = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      this.drain();
      if (this.replies.has(p)) {
        const answer = this.replies.get(p);
        this.replies.delete(p);
        this.requested.delete(p);
        return answer;
      }
      if (Date.now() > until) return undefined;
      this.deadline?.check();
      Atomics.wait(this.signal, 0, seen, 100);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * `threads` helper threads for the solver's images modulo primes (one job uses one thread today);
 * none when `threads` is below 1 or the compiled helper script is missing (e.g. under ts-jest).
 */
export function imageThreads(threads = 1): ImageWorkers {
  const script = path.join(__dirname, 'image-thread-main.js');
  if (threads < 1 || !fs.existsSync(script)) return { start: () => undefined };
  return { start: (task, deadline) => new ThreadJob(script, task, deadline) };
}
