/**
 * `polycrit groebner FILE`: the reduced Gröbner basis of a system, as text or JSON.
 */
import type { Command } from 'commander';
import { computeGroebner, GroebnerMethod } from '../../groebner/groebner';
import { orderToString } from '../../monomials/order';
import { CliContext, UsageError, addThreadsOption, addTimeoutOption, basisWorkersFor } from '../context';
import { FORMAT_HELP, SystemInputOptions, readSystem } from '../system-input';
import { addParseLimitOptions } from '../parse-limits';

export function register(program: Command, ctx: CliContext): void {
  // Two threads by default, as solve and critical: the driver starts its helper only when the primes
  // still to come repay its start (groebner/modular.ts, helperPays), so small bases stay on one thread.
  addParseLimitOptions(addThreadsOption(addTimeoutOption(program.command('groebner'))))
    .description('reduced Gröbner basis of a polynomial system')
    .argument('<file>', "a file of polynomials (one per line, or separated by ',' or ';'; or msolve, Singular, Macaulay2, Maple, JSON), '-' for stdin, or a named system like katsura:8 or cyclic:6")
    .option('--order <order>', 'monomial order: degrevlex, deglex or lex', 'degrevlex')
    .option('--vars <list>', 'comma-separated variables, in order (default: order of first appearance)')
    .option('--field <p>', "0 for the rationals, or a prime p for Z/p (default: the file's characteristic, else 0)")
    .option('--format <name>', FORMAT_HELP)
    .option('--method <method>', 'f4 (multi-modular over Q) or buchberger (the reference)', 'f4')
    .option('--certify', 'over Q, verify the multi-modular result exactly')
    .option('--deterministic', "F4 reduces every row (default: blocks of rows are certified zero by random combinations, error < 1/p² per block)")
    .option('--json', 'print JSON: {vars, order, field, basis}')
    .addHelpText('after', '\nExamples:\n  polycrit groebner katsura:6\n  echo "x^2 + y^2 - 1, x - y" | polycrit groebner - --order lex --json')
    .action(async (file: string, opts: SystemInputOptions & { order: string; method: string; certify?: boolean; deterministic?: boolean; timeout?: number; threads: number; json?: boolean }) => {
      if (opts.method !== 'f4' && opts.method !== 'buchberger') throw new UsageError(`--method must be f4 or buchberger, got '${opts.method}'`);
      const { ring, polynomials } = readSystem(ctx, file, opts);
      ctx.status(`Gröbner basis over ${ring.field.name}`); // the library reports only after a first prime or round
      const result = computeGroebner(polynomials, { method: opts.method as GroebnerMethod, deadline: ctx.deadline, certify: opts.certify, linalg: opts.deterministic ? 'deterministic' : 'auto', onProgress: ctx.onProgress(), basisWorkers: basisWorkersFor(opts.threads) });
      ctx.endProgress();
      const basis = result.basis.map((g) => g.toString());
      if (opts.json) {
        ctx.printJSON({ vars: ring.vars, order: orderToString(ring.order), field: Number(ring.field.characteristic), basis, stats: result.stats });
        return;
      }
      ctx.print(`# reduced Gröbner basis over ${ring.field.name}, ${orderToString(ring.order)}, variables ${ring.vars.join(' > ') || '(none)'}: ${basis.length} element(s), ${result.stats.seconds.toFixed(3)} s (${result.stats.method})`);
      ctx.print(basis.length === 0 ? '# (empty: every polynomial is 0, the zero ideal)' : basis.join('\n'));
    });
}
