/**
 * Input for a command running on a worker thread, read by the main thread. The command reads
 * synchronously (the parser wants the whole text), but a blocking read on the worker — a pipe
 * that stays open, a terminal, a FIFO — could not be interrupted: terminating a thread waits for
 * its system call. So the worker asks the main thread, which reads without blocking
 * (`readInputAsync`), and sleeps in `Atomics.wait`, which termination does interrupt.
 *
 * Protocol, on a channel of its own: the worker clears the flag, posts `{ path }` and waits on
 * the flag; the main thread posts `{ text }` or `{ error }` back, then sets the flag and wakes
 * it; the worker takes the reply with `receiveMessageOnPort`, without its event loop.
 */
import { MessageChannel, MessagePort, receiveMessageOnPort } from 'worker_threads';
import { InputError } from '../errors';
import { readInputAsync } from './files';

/** The worker's end: its port and the flag it waits on (an Int32Array over shared memory). */
export interface RelayEnd {
  port: MessagePort;
  flag: Int32Array;
}

type Reply = { text: string } | { error: string };

/**
 * The main thread's side: serves read requests until `close`, which also stops a read still
 * waiting for data. Transfer `workerEnd.port` to the worker.
 */
export function createInputRelay(): { workerEnd: RelayEnd; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const reads: (() => void)[] = [];
  port1.on('message', ({ path }: { path: string }) => {
    const read = readInputAsync(path);
    reads.push(read.close);
    const reply = (r: Reply) => {
      port1.postMessage(r);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    };
    read.text.then((text) => reply({ text }), (e: Error) => reply({ error: e.message }));
  });
  port1.unref(); // requests come only while the worker lives, which keeps the process up anyway
  return {
    workerEnd: { port: port2, flag },
    close: () => {
      for (const close of reads) close();
      port1.close();
    },
  };
}

/** The worker's side: reads a path, or standard input for `-`, through the main thread. */
export function readThroughRelay(end: RelayEnd, path: string): string {
  Atomics.store(end.flag, 0, 0);
  end.port.postMessage({ path });
  Atomics.wait(end.flag, 0, 0);
  const reply = receiveMessageOnPort(end.port)?.message as Reply | undefined;
  if (reply === undefined) throw new InputError(`cannot read ${path === '-' ? 'standard input' : `'${path}'`}: no reply`);
  if ('error' in reply) throw new InputError(reply.error);
  return reply.text;
}
