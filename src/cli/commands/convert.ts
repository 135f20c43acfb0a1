/**
 * `polycrit convert FILE --to FORMAT`: a system written in another system's format — msolve's
 * `.ms`, a Singular script (`ring r = …; ideal I = …;`, so `std(I);` runs on it as is), Macaulay2,
 * Maple-style lists, JSON, LaTeX or polycrit's own text — on standard output. FILE is read like
 * every command's (any format, `--format` to force one, a named system such as `katsura:4`).
 */
import type { Command } from 'commander';
import { FORMAT_NAMES, formatByName, writeSystem } from '../../io/formats';
import { CliContext, UsageError } from '../context';
import { FORMAT_HELP, SystemInputOptions, readSystem } from '../system-input';
import { addParseLimitOptions } from '../parse-limits';

export function register(program: Command, ctx: CliContext): void {
  addParseLimitOptions(program.command('convert'))
    .description("write a polynomial system in another program's format")
    .argument('<file>', "a file of polynomials in any readable format, '-' for stdin, or a named system like katsura:4")
    .requiredOption('--to <format>', `the format to write: ${FORMAT_NAMES.join(', ')}`)
    .option('--format <name>', FORMAT_HELP)
    .option('--vars <list>', 'comma-separated variables, in order (default: those the file declares, else order of first appearance)')
    .option('--field <p>', "0 for the rationals, or a prime p for Z/p (default: the file's characteristic, else 0)")
    .option('--order <order>', 'monomial order written (Singular, Macaulay2): degrevlex, deglex or lex', 'degrevlex')
    .addHelpText('after', '\nExamples:\n  polycrit convert kat7-qq.ms --to singular > kat7.sing     (then in Singular: < "kat7.sing"; std(I);)\n  polycrit convert katsura:4 --to msolve\n  polycrit convert system.m2 --to latex')
    .action((file: string, opts: SystemInputOptions & { to: string }) => {
      let target;
      try {
        target = formatByName(opts.to);
      } catch {
        throw new UsageError(`--to must be one of ${FORMAT_NAMES.join(', ')}, got '${opts.to}'`);
      }
      const { ring, polynomials } = readSystem(ctx, file, opts);
      ctx.print(writeSystem(polynomials, target.name, ring));
    });
}
