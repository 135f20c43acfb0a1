/**
 * The main thread of the installed `polycrit` command, for the commands that do not run on it
 * (`launch.ts`, `main-thread.ts`). Node cannot interrupt synchronous code from a signal handler,
 * so the command runs on a worker thread (`command-worker.ts`, started through `worker-entry.ts`)
 * while this thread relays its output and stays free to stop it:
 *
 * - time limit: when the command's action starts it reports its `--timeout` S; the library has
 *   the same cooperative deadline and normally stops by itself S seconds after the process
 *   started, with what it knows; if the worker is still running 0.5 s later it is terminated;
 * - Ctrl-C (SIGINT) and SIGTERM: the worker is terminated at once — or, if the command said it can
 *   stop cleanly (bench orderings), asked to and terminated 0.5 s later if still running;
 * - memory: the worker's heap is capped (`--max-memory`, default node's own limit), so a runaway
 *   computation ends with a message instead of V8's fatal error.
 *
 * A run stopped here is reported as in `stop.ts`: the phase reached (the worker's last progress
 * message), the last partial result under `--json`, exit 1 for a limit, 130 for Ctrl-C.
 * This file loads nothing of the library; the price is one worker thread at start-up, about
 * 60 ms of wall time on the 2-core development machine, during which this thread reads the
 * command's bundle for it (`handOverBundle`).
 */
import * as path from 'path';
import { getHeapStatistics } from 'v8';
import { MessageChannel, MessagePort, Worker } from 'worker_threads';
import { createInputRelay } from './input-relay';
import { CommandWorkerData, MainMessage, WorkerMessage } from './protocol';
import { GRACE_SECONDS, StopReason, reportStop } from './stop';

/** The range `--max-memory` accepts, in MB. */
export const MAX_MEMORY_RANGE: readonly [number, number] = [16, 2 ** 20];

/** The default heap limit of the computation: node's own for this machine, in MB. */
export function defaultMaxMemory(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
}

/**
 * The value of `--max-memory MB` in `argv`, read before commander runs (the limit is fixed when
 * the worker starts); a malformed value is left to commander, which reports it (exit 2).
 */
export function maxMemoryArgument(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i];
    const value = a === '--max-memory' ? argv[i + 1] : a.startsWith('--max-memory=') ? a.slice('--max-memory='.length) : undefined;
    if (value !== undefined && /^\d+$/.test(value) && Number(value) >= MAX_MEMORY_RANGE[0] && Number(value) <= MAX_MEMORY_RANGE[1]) return Number(value);
  }
  return undefined;
}

/**
 * Reads the command's bundle and code cache while its thread boots (about 70 ms here) and posts
 * them to it, which takes their reading and hashing (about 25 ms) off the thread's start-up
 * (`code-cache.ts`). Nothing is posted when there is no bundle (a build without the bundling
 * step): the thread then loads the separate modules.
 */
function handOverBundle(port: MessagePort): void {
  // Required only now, so that the thread starts without waiting for it.
  const { COMMAND_BUNDLE, readBundleFiles } = require('./code-cache') as typeof import('./code-cache');
  try {
    const files = readBundleFiles(COMMAND_BUNDLE);
    // The cache is moved, not copied, when it owns its memory (a file's bytes usually do).
    const own = files.stored !== undefined && files.stored.byteOffset === 0 && files.stored.byteLength === files.stored.buffer.byteLength;
    port.postMessage(files, own ? [files.stored!.buffer as ArrayBuffer] : []);
  } catch {
    // No bundle: nothing to hand over.
  }
  port.close();
}

/** Runs the command line on a worker thread; resolves to the process's exit code. */
export function runInWorker(argv: string[]): Promise<number> {
  const isTTY = Boolean(process.stderr.isTTY);
  const megabytes = maxMemoryArgument(argv) ?? defaultMaxMemory();
  const input = createInputRelay();
  const bundleFiles = new MessageChannel();
  const workerData: CommandWorkerData = { argv, isTTY, startedAt: performance.timeOrigin, input: input.workerEnd, bundleFiles: bundleFiles.port2 };
  const worker = new Worker(path.join(__dirname, 'worker-entry.js'), {
    workerData,
    transferList: [input.workerEnd.port, bundleFiles.port2],
    resourceLimits: { maxOldGenerationSizeMb: megabytes },
  });
  handOverBundle(bundleFiles.port1);
  const out = { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
  const run: { phase: string; partial?: object; json: boolean; printed: boolean } = { phase: 'starting', json: false, printed: false };
  let interruptible = false;
  let interrupted: 'SIGINT' | 'SIGTERM' | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      input.close();
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      resolve(code);
    };
    const stop = (reason: StopReason) => {
      if (finished) return;
      // terminate() stops JavaScript and WebAssembly at once; its promise is not awaited so that
      // the message and the exit code do not wait for the thread's teardown.
      void worker.terminate();
      if (isTTY) out.stderr('\r\x1b[K');
      finish(reportStop(out, reason, run));
    };
    const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
      if (interruptible && interrupted === undefined) {
        interrupted = signal;
        worker.postMessage({ kind: 'interrupt' } satisfies MainMessage);
        clearTimeout(timer);
        timer = setTimeout(() => stop({ kind: 'signal', signal }), GRACE_SECONDS * 1000);
      } else stop({ kind: 'signal', signal: interrupted ?? signal });
    };
    const onSigint = () => onSignal('SIGINT');
    const onSigterm = () => onSignal('SIGTERM');
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);

    worker.on('message', (m: WorkerMessage) => {
      if (finished) return;
      switch (m.kind) {
        case 'stdout':
          run.printed = true;
          out.stdout(m.text);
          break;
        case 'stderr':
          out.stderr(m.text);
          break;
        case 'started':
          run.json = m.json;
          if (m.timeLimit !== undefined) {
            const seconds = m.timeLimit;
            // performance.now() is the time since the process started.
            timer = setTimeout(() => stop({ kind: 'time limit', seconds }), Math.max(0, (seconds + GRACE_SECONDS) * 1000 - performance.now()));
          }
          break;
        case 'phase':
          run.phase = m.message;
          break;
        case 'partial':
          run.partial = m.json;
          break;
        case 'interruptible':
          interruptible = true;
          break;
        case 'exit':
          // A command that stopped cleanly on Ctrl-C has printed what it had; the exit code still says why.
          finish(interrupted ? reportStop(out, { kind: 'signal', signal: interrupted }, { ...run, json: false }) : m.code);
          break;
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return stop({ kind: 'memory', megabytes });
      if (finished) return;
      out.stderr(`polycrit: internal error: ${e?.stack ?? String(e)}\n`);
      finish(1);
    });
    worker.on('exit', (code) => {
      if (finished) return;
      out.stderr(`polycrit: internal error: the command's thread ended without a result (exit code ${code})\n`);
      finish(1);
    });
  });
}
