/**
 * `polycrit check [--runs N] [--seed S]`: runs the completeness properties of `polycrit/testing`
 * — planted rational, algebraic and multiple points and positive-dimensional unions, under
 * random changes of coordinates — against `solve`, and prints per family the cases tried, how
 * many were found completely, and the shrunk counterexample if any (exit 1). A case whose solve
 * runs past `--timeout` is not a completeness failure: it is counted as timed out (exit 1 too, the
 * check is incomplete). The testing module (and fast-check with it) is loaded only when this
 * command runs.
 *
 * `--solver CMD` checks an external solver instead, through a JSON protocol (`../check-solver.ts`,
 * `testing/solver-protocol.ts`); there `--timeout` limits the whole run and `--solver-timeout`
 * each call.
 */
import type { Command } from 'commander';
import { TimeoutError } from '../../errors';
import { solve } from '../../solve/solve';
import { CliContext, UsageError, intOption, secondsOption } from '../context';

/** Parses `--tolerance`: a number in (0, 1). */
function toleranceOption(value: string): number {
  const t = Number(value);
  if (!(t > 0 && t < 1)) throw new UsageError(`--tolerance expects a number between 0 and 1, got '${value}'`);
  return t;
}

/** What `check` reports per family (`check --solver` adds to it). */
export interface FamilyReport {
  family: string;
  tried: number;
  found: number;
  /** Cases whose solve ran past `--timeout` (neither found nor failed). */
  timedOut: number;
  failed: boolean;
  shrinks: number;
  seconds: number;
  counterexample?: { system: string; polynomials: string[]; problems: string[] };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('run the completeness properties (planted solutions must all be found) against solve, or another solver (--solver)')
    .option('--runs <n>', 'cases per family', intOption('--runs', 1, 100000), 10)
    .option('--seed <s>', 'fast-check seed (the same seed replays the same cases)', intOption('--seed', -(2 ** 31), 2 ** 31 - 1), 20261122)
    .option('--family <name>', 'only this family (rational, algebraic, multiplicities, linear, positive-dimensional)')
    .option('--timeout <seconds>', 'time limit of each solve (with --solver: of the whole run)', secondsOption('--timeout'))
    .option('--solver <command>', 'check this external solver instead: a shell command that reads a system as JSON on stdin and prints its points as JSON (see the README, "Checking other solvers")')
    .option('--solver-timeout <seconds>', 'with --solver: time limit of each call', secondsOption('--solver-timeout'), 30)
    .option('--tolerance <t>', 'with --solver: relative tolerance for decimal answers', toleranceOption, 1e-6)
    .option('--json', 'print JSON: [{family, tried, found, failed, shrinks, counterexample}]')
    .addHelpText(
      'after',
      '\nExamples:\n  polycrit check\n  polycrit check --runs 100 --seed 7\n  polycrit check --family multiplicities --json\n  polycrit check --solver "python3 examples/solvers/sympy-solve.py" --timeout 600\n  polycrit check --solver "node dist/examples/solvers/polycrit-solve.js" --runs 5',
    )
    .action(async (opts: { runs: number; seed: number; family?: string; timeout?: number; json?: boolean; solver?: string; solverTimeout: number; tolerance: number }, command: Command) => {
      if (opts.solver !== undefined) {
        const { checkSolver } = await import('../check-solver');
        return checkSolver(ctx, command, { ...opts, solver: opts.solver });
      }
      const fc = (await import('fast-check')).default;
      const { completenessFamilies, checkSolution } = await import('../../testing');
      let families = completenessFamilies();
      if (opts.family !== undefined) {
        families = families.filter((f) => f.name.startsWith(opts.family as string));
        if (families.length === 0) throw new UsageError(`unknown family '${opts.family}' (rational, algebraic, multiplicities, linear, positive-dimensional)`);
      }
      const reports: FamilyReport[] = [];
      for (const { name, arbitrary } of families) {
        const start = performance.now();
        ctx.status(`checking ${name}`);
        // Timeouts are counted until the first failure; after it fast-check only shrinks.
        let timedOut = 0;
        let failureSeen = false;
        const holds = (P: Parameters<typeof checkSolution>[0]): boolean => {
          try {
            const result = solve(P.polynomials, { digits: 12, timeout: opts.timeout });
            // An answer the time limit cut short (complete: false) was not checked either.
            if (!result.complete) {
              if (!failureSeen) timedOut++;
              return true;
            }
            const ok = checkSolution(P, result).ok;
            failureSeen ||= !ok;
            return ok;
          } catch (e) {
            if (!(e instanceof TimeoutError)) {
              failureSeen = true;
              throw e;
            }
            if (!failureSeen) timedOut++;
            return true;
          }
        };
        const details = fc.check(fc.property(arbitrary, holds), { numRuns: opts.runs, seed: opts.seed });
        // fast-check stops at the first failing case: every case before it was found completely.
        const tried = details.numRuns;
        const found = tried - timedOut - (details.failed ? 1 : 0);
        const report: FamilyReport = { family: name, tried, found, timedOut, failed: details.failed, shrinks: details.numShrinks, seconds: (performance.now() - start) / 1000 };
        if (details.failed && details.counterexample) {
          const [P] = details.counterexample;
          // Re-run the shrunk case to print its own problems (a thrown error has no report).
          let problems: string[];
          try {
            const r = checkSolution(P, solve(P.polynomials, { digits: 12, timeout: opts.timeout }));
            problems = r.ok ? ['passed when re-run (flaky?)'] : r.problems;
          } catch (e) {
            problems = [`solve threw: ${(e as Error).message}`];
          }
          report.counterexample = { system: P.description, polynomials: P.polynomials.map(String), problems };
        } else if (details.failed) report.counterexample = { system: '(none)', polynomials: [], problems: [String(details.errorInstance)] };
        reports.push(report);
      }
      if (opts.json) ctx.printJSON({ seed: opts.seed, runs: opts.runs, families: reports });
      else {
        ctx.print(`completeness of solve on planted systems (seed ${opts.seed}, ${opts.runs} case(s) per family)`);
        ctx.print('');
        const w = Math.max(...reports.map((r) => r.family.length));
        for (const r of reports) {
          const late = r.timedOut > 0 ? `  timed out ${String(r.timedOut).padStart(4)}` : '';
          ctx.print(`${r.family.padEnd(w)}  tried ${String(r.tried).padStart(4)}  all found ${String(r.found).padStart(4)}${late}  ${r.failed ? 'FAILED' : 'ok'}  (${r.seconds.toFixed(1)} s)`);
          if (r.counterexample) {
            ctx.print(`  shrunk counterexample (${r.shrinks} shrink(s)): ${r.counterexample.system}`);
            for (const p of r.counterexample.polynomials) ctx.print(`    ${p}`);
            for (const p of r.counterexample.problems) ctx.print(`  - ${p}`);
          }
        }
      }
      if (reports.some((r) => r.timedOut > 0)) ctx.warn(`note: ${reports.reduce((s, r) => s + r.timedOut, 0)} case(s) ran past --timeout ${opts.timeout} s and were not checked`);
      if (reports.some((r) => r.failed || r.timedOut > 0)) ctx.exitCode = 1;
    });
}
