/**
 * The files a command reads and writes, with clean errors. Input (a path, or `-` for standard
 * input) is read up to a cap a little above what the parser accepts, so an endless source —
 * `/dev/zero`, `yes |` — is refused after a few megabytes instead of being read until memory
 * runs out. Reading comes in two forms: synchronous, for commands run in-process, and
 * asynchronous, for the main thread of the installed command, which reads for its worker
 * (`input-relay.ts`) because a blocking read on a thread cannot be interrupted, not even by
 * terminating the thread. Output files that cannot be written, and input that cannot be read,
 * are input errors (exit 2) naming the path and the system's error code.
 *
 * This file does not import the parser: the main thread loads it, and must start fast.
 */
import * as fs from 'fs';
import { dirname } from 'path';
import type { Readable } from 'stream';
import { InputError } from '../errors';

/**
 * Most bytes read from one input: 4 × the parser's `maxLength` of 1,000,000 characters (a UTF-8
 * character takes at most 4 bytes), so an input the parser accepts always fits. A test checks
 * that the two agree.
 */
export const MAX_INPUT_BYTES = 4_000_000;

/** How an input is named in messages. */
function inputName(path: string): string {
  return path === '-' ? 'standard input' : `'${path}'`;
}

function tooLong(path: string): InputError {
  return new InputError(`${inputName(path)} is longer than ${MAX_INPUT_BYTES} bytes; the parser takes at most ${MAX_INPUT_BYTES / 4} characters`);
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** Reads an open file descriptor to its end, refusing more than `MAX_INPUT_BYTES`. */
function readCapped(fd: number, path: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // A non-blocking stdin with nothing buffered yet: wait a little and retry.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new InputError(`cannot read ${inputName(path)}: ${errorCode(e)}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLong(path);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** Reads all of standard input (at most `MAX_INPUT_BYTES`). */
export function readStandardInput(): string {
  return readCapped(0, '-');
}

/** Reads a file (at most `MAX_INPUT_BYTES`); a missing or unreadable file is an input error. */
export function readInputFile(path: string): string {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    throw new InputError(`cannot read '${path}': ${errorCode(e)}`);
  }
  try {
    return readCapped(fd, path);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a path, or standard input for `-`, without blocking the thread (at most
 * `MAX_INPUT_BYTES`); `close` on the result stops a read still waiting for data.
 */
export function readInputAsync(path: string): { text: Promise<string>; close: () => void } {
  const { stream, close } = openInput(path);
  const text = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      chunks.push(chunk);
      if (total > MAX_INPUT_BYTES) {
        close();
        reject(tooLong(path));
      }
    });
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', (e: Error) => reject(new InputError(`cannot read ${inputName(path)}: ${errorCode(e)}`)));
  });
  return { text, close };
}

/**
 * A stream of the input. Regular files and stdin are read by the event loop (stdin as a pipe or
 * terminal never blocks a thread). Anything else — a FIFO, `/dev/stdin`, `/dev/fd/N` from `<(…)`,
 * a device — would be opened and read in libuv's thread pool, where a read waiting for data can
 * be neither cancelled nor left behind at exit; so a child process reads it, which can be killed.
 */
function openInput(path: string): { stream: Readable; close: () => void } {
  if (path === '-') return { stream: process.stdin, close: () => void process.stdin.destroy() };
  let regular = true;
  try {
    regular = fs.statSync(path).isFile();
  } catch {
    // the read stream reports the error
  }
  if (regular) {
    const stream = fs.createReadStream(path);
    return { stream, close: () => void stream.destroy() };
  }
  // Loaded only here: the main thread's start needs neither (child_process brings net and dgram).
  const { spawn } = require('child_process') as typeof import('child_process');
  const { PassThrough } = require('stream') as typeof import('stream');
  const copy = "require('fs').createReadStream(process.argv[1]).on('error', (e) => { console.error(e.code); process.exit(1); }).pipe(process.stdout)";
  const child = spawn(process.execPath, ['-e', copy, path], { stdio: ['inherit', 'pipe', 'pipe'] });
  const stream = new PassThrough();
  child.stdout?.pipe(stream, { end: false });
  let message = '';
  child.stderr?.on('data', (d: Buffer) => (message += d.toString()));
  // The text is complete only when the child has exited well.
  child.on('close', (code) => (code === 0 ? stream.end() : stream.destroy(Object.assign(new Error(), { code: message.trim() || `exit code ${code}` }))));
  return { stream, close: () => void child.kill('SIGKILL') };
}

/** Writes an output file; a path that cannot be written is an input error. */
export function writeOutputFile(path: string, text: string): void {
  try {
    fs.writeFileSync(path, text);
  } catch (e) {
    throw new InputError(`cannot write '${path}': ${errorCode(e)}`);
  }
}

/**
 * Checks, before a long run, that an output file could be created: its folder exists and is
 * writable (the file itself is written at the end). Throws the same error `writeOutputFile` would.
 */
export function checkOutputPath(path: string): void {
  const dir = dirname(path);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
  } catch (e) {
    throw new InputError(`cannot write '${path}': ${errorCode(e)}`);
  }
}
