/**
 * The messages between the main thread (`supervisor.ts`) and the worker thread that runs a
 * command (`command-worker.ts`). Everything the command writes travels as messages, in order on
 * one port, so the main thread can relay it, and knows the phase and the last partial result at
 * the moment it has to stop the worker.
 */
import type { MessagePort } from 'worker_threads';
import type { RelayEnd } from './input-relay';

/** What the worker starts with. */
export interface CommandWorkerData {
  /** The command line, without node and the script. */
  argv: string[];
  /** Whether the main thread's stderr is a terminal (progress lines are drawn only then). */
  isTTY: boolean;
  /** When the process started (ms since the epoch): the time limit counts from it. */
  startedAt: number;
  /** Where the worker reads its input (files and stdin are read by the main thread). */
  input: RelayEnd;
  /**
   * Where the main thread posts the command bundle and its code cache, read while this thread
   * boots (`BundleFiles` of `code-cache.ts`); the worker reads them itself if they have not come.
   */
  bundleFiles: MessagePort;
}

/** From the worker to the main thread. */
export type WorkerMessage =
  | { kind: 'stdout'; text: string }
  | { kind: 'stderr'; text: string }
  /** The command's action starts: its whole-run time limit (seconds) and whether it prints JSON. */
  | { kind: 'started'; command: string; timeLimit?: number; json: boolean }
  /** A progress message; the last one names the phase in a stop message. */
  | { kind: 'phase'; message: string }
  /** What is known so far, in the command's JSON form. */
  | { kind: 'partial'; json: object }
  /** The command can stop cleanly on request: send `interrupt` before killing it. */
  | { kind: 'interruptible' }
  /** `main` returned this exit code; nothing more follows. */
  | { kind: 'exit'; code: number };

/** From the main thread to the worker. */
export type MainMessage = { kind: 'interrupt' };
