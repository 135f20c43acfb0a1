/**
 * `polycrit solve FILE`: every complex solution of a system over Q, grouped into irreducible
 * components, as a readable table or JSON.
 */
import type { Command } from 'commander';
import { QQ } from '../../arithmetic/field';
import { Rational } from '../../arithmetic/rational';
import { Polynomial } from '../../poly/polynomial';
import { ORBIT_MIN_GROUP_ORDER, ORBIT_MIN_SOLUTIONS, solve } from '../../solve/solve';
import { CliContext, UsageError, addThreadsOption, addTimeoutOption, basisWorkersFor, imageWorkersFor, intOption } from '../context';
import { FORMAT_HELP, SystemInputOptions, readSystem } from '../system-input';
import { addParseLimitOptions } from '../parse-limits';
import { formatSolveResult, solveResultToJSON } from '../text/solve';

export { formatSolveResult, solveResultToJSON };

export function register(program: Command, ctx: CliContext): void {
  addParseLimitOptions(addThreadsOption(addTimeoutOption(program.command('solve'))))
    .description('all complex solutions of a polynomial system over Q, exact and certified')
    .argument('<file>', "a file of polynomials (polycrit's text, msolve, Singular, Macaulay2, Maple or JSON), '-' for stdin, or a named system like katsura:6")
    .option('--vars <list>', 'comma-separated variables, in order (default: order of first appearance)')
    .option('--format <name>', FORMAT_HELP)
    .option('--digits <n>', 'significant digits of the decimals', intOption('--digits', 1, 1000), 20)
    .option('--complex', 'list the non-real points too, with error bounds (default: real points listed, non-real ones counted)')
    .option('--orbits', `solve orbit by orbit under the sign changes that leave the equations semi-invariant, whatever the number of solutions (default: from ${ORBIT_MIN_SOLUTIONS} solutions and ${ORBIT_MIN_GROUP_ORDER} sign changes, unless --complex or --bases)`)
    .option('--no-orbits', 'never solve orbit by orbit')
    .option('--bases', "write each finite component's prime ideal in the variables when it is small (default: its exact parametrization only)")
    .option('--json', 'print JSON: {vars, dimension, components: [{dimension, degree, multiplicity, realPoints, nonRealPoints, complexPoints, exact, points, basis}]}')
    .addHelpText('after', '\nExamples:\n  polycrit solve katsura:4\n  echo "x^2 + y^2 - 1, x - y" | polycrit solve - --digits 30 --json')
    .action(async (file: string, opts: SystemInputOptions & { digits: number; complex?: boolean; orbits?: boolean; bases?: boolean; timeout?: number; json?: boolean; threads: number }) => {
      const { ring, polynomials } = readSystem(ctx, file, opts);
      if (ring.field !== (QQ as unknown)) throw new UsageError('solve works over the rationals');
      const result = solve(polynomials as Polynomial<Rational>[], {
        imageWorkers: imageWorkersFor(opts.threads),
        basisWorkers: basisWorkersFor(opts.threads),
        digits: opts.digits,
        complex: opts.complex,
        ...(opts.orbits !== undefined ? { orbits: opts.orbits } : {}),
        bases: opts.bases,
        deadline: ctx.deadline,
        onProgress: ctx.onProgress(),
        onPartial: (r) => ctx.partial(solveResultToJSON(r)),
      });
      ctx.printResult(result.complete, () => solveResultToJSON(result), () => formatSolveResult(result));
    });
}
