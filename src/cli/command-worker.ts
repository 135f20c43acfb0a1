/**
 * The worker-thread side of the installed command: runs `main(argv, io)` with an IO that posts
 * everything to the main thread (see `protocol.ts`) and posts the exit code last. The main thread
 * ends this thread to stop it (time limit, Ctrl-C); the only request it sends is `interrupt`, to
 * a command that said it can stop cleanly (`CliContext.onInterrupt`).
 *
 * The V8 flags are set again here before the CLI's modules load: they are process-wide and the
 * main thread has set them already, but this keeps the worker right if that ever changes.
 */
import { applyV8Flags } from './v8-flags';
applyV8Flags();
// The CLI is required after the flags are set (TypeScript keeps the statements in this order).
import { parentPort, workerData } from 'worker_threads';
import { CliIO } from './context';
import { readThroughRelay } from './input-relay';
import { main } from './main';
import { CommandWorkerData, MainMessage, WorkerMessage } from './protocol';

/** `main` again, for the build step that runs commands through the bundle to fill its code cache. */
export { main };

const beforeExitHooks: (() => void)[] = [];

/** Runs `hook` once the command has finished, before its exit code is posted (the code cache's refresh). */
export function beforeExit(hook: () => void): void {
  beforeExitHooks.push(hook);
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as CommandWorkerData;
  const post = (message: WorkerMessage) => port.postMessage(message);
  let onInterrupt: (() => void) | undefined;
  const listener = (message: MainMessage) => {
    if (message.kind === 'interrupt') onInterrupt?.();
  };
  port.on('message', listener);
  const io: CliIO = {
    stdout: (text) => post({ kind: 'stdout', text }),
    stderr: (text) => post({ kind: 'stderr', text }),
    readStdin: () => readThroughRelay(data.input, '-'),
    readFile: (path) => readThroughRelay(data.input, path),
    isTTY: data.isTTY,
    startedAt: data.startedAt,
    events: {
      started: (info) => post({ kind: 'started', ...info }),
      phase: (message) => post({ kind: 'phase', message }),
      partial: (json) => post({ kind: 'partial', json }),
      listenForInterrupt: (handler) => {
        onInterrupt = handler;
        post({ kind: 'interruptible' });
      },
    },
  };
  void main(data.argv, io).then((code) => {
    for (const hook of beforeExitHooks) hook();
    post({ kind: 'exit', code });
    // Let the thread end by itself once the command's own handles are closed.
    port.off('message', listener);
    port.unref();
  });
}
