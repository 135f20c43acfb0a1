/**
 * The `polycrit` command line: a commander program with one module per command under
 * `commands/`. Exit codes: 0 success, 1 a computation that failed or stopped at a limit (time,
 * memory, or an input past one of the parser's size limits), 2 bad usage or bad input; messages
 * go to stderr, with the library's limit options named by their flags (`parse-limits.ts`).
 * `main` never calls process.exit, so it can be tested in-process; the installed command runs it
 * under V8's watchdog on the main thread (`main-thread.ts`) or on a worker thread
 * (`supervisor.ts`), either of which makes the time limit and Ctrl-C hard (`launch.ts`).
 */
import { Command, CommanderError } from 'commander';
import { CliContext, CliIO, intOption, processIO, UsageError } from './context';
import { MAX_MEMORY_RANGE } from './supervisor';
import { HeapLimitError, InputError, PolycritError, TimeoutError } from '../errors';
import { reportStop } from './stop';
import { withFlagNames } from './parse-limits';
import { ParseError } from '../io/errors';
import { commands } from './commands';
import { version as packageVersion } from '../../package.json';

/** Builds the program; commands write through `ctx`. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command();
  program
    .name('polycrit')
    .description('Exact critical points of polynomial losses: polynomial algebra, Gröbner bases, solving, networks.')
    .version(packageVersion)
    // Read by the supervisor before the worker starts; declared here for --help and validation.
    .option('--max-memory <MB>', "heap limit of the computation in MB (default: node's own limit); past it the run stops (exit 1)", intOption('--max-memory', ...MAX_MEMORY_RANGE))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    });
  for (const register of commands) register(program, ctx);
  program.hook('preAction', (_program, action) => ctx.begin(action));
  // Commander only propagates exitOverride to subcommands created before the call; set it on all.
  const walk = (c: Command): void => {
    c.exitOverride();
    c.configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) });
    c.commands.forEach(walk);
  };
  program.commands.forEach(walk);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const ctx = new CliContext(io);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (io.isTTY) io.stderr('\r\x1b[K'); // clear a progress line left by the failed computation
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return 0;
      // commander already printed its message (or the help, when a subcommand is missing: usage)
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ParseError && e.limit !== undefined) {
      // A size the syntax pass refuses is a limit like the expansion's: exit 1, named by its flag.
      io.stderr(`polycrit: ${withFlagNames(e.message)}\n`);
      return 1;
    }
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr(`polycrit: ${withFlagNames((e as Error).message)}\n`);
      return 2;
    }
    const run = { phase: ctx.lastPhase, partial: ctx.lastPartial, json: ctx.json, printed: ctx.printed };
    // Stopped near the heap's limit: reported as the supervisor reports a thread past it.
    if (e instanceof HeapLimitError) return reportStop(io, { kind: 'memory', megabytes: Math.round(e.limit / 2 ** 20) }, run);
    if (e instanceof TimeoutError && ctx.timeLimit !== undefined) return reportStop(io, { kind: 'time limit', seconds: ctx.timeLimit }, run);
    if (e instanceof PolycritError) {
      // A limit of the parser is named by its flag (--max-terms), not the library's option.
      io.stderr(`polycrit: ${withFlagNames(e.message)}\n`);
      return 1;
    }
    io.stderr(`polycrit: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}
