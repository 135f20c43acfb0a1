/**
 * What every CLI command receives: where to write, and helpers that keep the commands uniform
 * (JSON or text output, reading a file or stdin, numeric option parsing with clear errors).
 * The CLI holds no mathematics; commands call the library and format its results.
 */
import * as fs from 'fs';
import { InputError } from '../errors';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (used when a FILE argument is `-`). */
  readStdin: () => string;
  /** True when stdout is a terminal (progress bars are drawn only then). */
  isTTY: boolean;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Wrong use of the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends InputError {}

export class CliContext {
  exitCode = 0;
  constructor(readonly io: CliIO) {}
  print(text: string): void {
    this.io.stdout(text.endsWith('\n') ? text : text + '\n');
  }
  printJSON(value: unknown): void {
    this.print(JSON.stringify(value, null, 2));
  }
  private lastProgress = 0;
  private progressShown = false;
  /**
   * A progress callback for long computations: on a terminal it redraws one status line on
   * stderr (at most 10 times a second); elsewhere it does nothing. Call `endProgress` after.
   */
  progress(): ((message: string) => void) | undefined {
    if (!this.io.isTTY) return undefined;
    return (message: string) => {
      const now = Date.now();
      if (now - this.lastProgress < 100) return;
      this.lastProgress = now;
      this.progressShown = true;
      this.io.stderr(`\r\x1b[K… ${message.slice(0, 100)}`);
    };
  }
  /** Clears the progress line, if one was drawn. */
  endProgress(): void {
    if (this.progressShown) this.io.stderr('\r\x1b[K');
    this.progressShown = false;
  }
  warn(text: string): void {
    this.io.stderr(text.endsWith('\n') ? text : text + '\n');
  }
  /** Reads a path, or stdin for `-`; a missing file is an input error. */
  readInput(path: string): string {
    if (path === '-') return this.io.readStdin();
    try {
      return fs.readFileSync(path, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
}

/** Parses an integer option, with a message naming the option. */
export function intOption(name: string, min = -Infinity, max = Infinity) {
  return (value: string): number => {
    if (!/^[+-]?\d+$/.test(value.trim())) throw new UsageError(`${name} expects an integer, got '${value}'`);
    const n = Number(value);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** Parses a non-negative number of seconds. */
export function secondsOption(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} expects a positive number of seconds, got '${value}'`);
    return n;
  };
}
