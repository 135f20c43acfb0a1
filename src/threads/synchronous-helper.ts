/**
 * A worker thread that synchronous code can hand questions to and wait for, on Node.
 *
 * polycrit's long computations are synchronous (no `await` inside F4 or the solver), so they
 * cannot wait for a 'message' event. The helper answers on a MessagePort that the computation
 * reads with `receiveMessageOnPort`; after every answer the helper adds one to a shared counter
 * and wakes the waiting thread (`Atomics.notify`), which sleeps on that counter with
 * `Atomics.wait` (a worker thread, or Node's main thread, may block). A helper that dies simply
 * stops answering: callers treat silence as "no answer" and compute themselves.
 *
 * Node-only: the mathematics never imports this file; a platform's implementation of the helper
 * interfaces (`solve/image-threads.ts`, `groebner/basis-threads.ts`) builds on it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'worker_threads';

/**
 * The compiled script of a helper thread in `folder`: its bundle (`name.bundle.js`, written by the
 * build: one file to load instead of a hundred modules, about 50 ms sooner) unless `name.js` was
 * compiled after it (a TypeScript build without the bundling step), else `name.js`; undefined
 * when neither exists (e.g. under ts-jest, which runs the sources).
 */
export function helperScript(folder: string, name: string): string | undefined {
  const modified = (file: string): number | undefined => {
    try {
      return fs.statSync(path.join(folder, file)).mtimeMs;
    } catch {
      return undefined;
    }
  };
  const bundle = modified(`${name}.bundle.js`);
  const script = modified(`${name}.js`);
  if (bundle !== undefined && (script === undefined || script <= bundle)) return path.join(folder, `${name}.bundle.js`);
  return script === undefined ? undefined : path.join(folder, `${name}.js`);
}

/** What a helper script receives as `workerData`: the caller's data, its port and the counter. */
export interface HelperData<T> {
  data: T;
  port: MessagePort;
  signal: Int32Array;
}

/** The caller's end of a helper thread. */
export class SynchronousHelper<Answer> {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private closed = false;

  constructor(script: string, data: unknown) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    this.worker = new Worker(script, { workerData: { data, port: port2, signal: this.signal }, transferList: [port2] });
    this.worker.unref();
    this.worker.on('error', () => undefined); // a dead helper only stops answering
  }

  /** Sends a question; the buffers in `transfer` move to the helper (they are unusable here afterwards). */
  post(message: unknown, transfer: ArrayBuffer[] = []): void {
    if (!this.closed) this.port.postMessage(message, transfer);
  }

  /** The answers arrived so far, without waiting. */
  drain(): Answer[] {
    const out: Answer[] = [];
    if (this.closed) return out;
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) out.push(m.message as Answer);
    return out;
  }

  /** The answers, waiting at most `ms` milliseconds for the first one when none is there. */
  receive(ms: number): Answer[] {
    const seen = Atomics.load(this.signal, 0);
    const now = this.drain();
    if (now.length > 0 || ms <= 0 || this.closed) return now;
    Atomics.wait(this.signal, 0, seen, ms);
    return this.drain();
  }

  /** Ends the thread (without waiting for it). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }
}

/** The helper's side: a function that posts an answer and wakes the caller. */
export function answerer(port: MessagePort, signal: Int32Array): (message: unknown, transfer?: ArrayBuffer[]) => void {
  return (message, transfer = []) => {
    port.postMessage(message, transfer);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
}
