/**
 * `polycrit bench orderings (FILE | --preset NAME | SYSTEM:N)`: runs a task (Gröbner basis,
 * solve, or a network's critical points) for every permutation of the variables, or N of them,
 * on worker threads, then compares the monomial routes (degrevlex, deglex, lex, degrevlex +
 * FGLM) on the same system. Prints the rows, the fastest / median / slowest order, the spread and
 * whether every order gave the same answer — a difference is printed loudly and exits 1, as does
 * a stop on `--timeout` (with the rows done so far; Ctrl-C prints them too, then exits 130).
 * `--job-timeout` is hard: a job still running half a second past it loses its thread.
 */
import * as os from 'os';
import type { Command } from 'commander';
import { Rational } from '../../arithmetic/rational';
import { Polynomial } from '../../poly/polynomial';
import { PRESET_NAMES } from '../../networks/presets';
import { CliContext, UsageError, addTimeoutOption, intOption, secondsOption } from '../context';
import { checkOutputPath, writeOutputFile } from '../files';
import { readSystem } from '../system-input';
import { BenchRow, BenchJob, BenchProblem, BenchTask, MONOMIAL_ROUTES, problemVars } from '../../orderings/jobs';
import { chooseOrders, summarize } from '../../orderings/orders';
import { formatRows, progressBar, verdict } from '../bench/orderings';
import { NODE_ENVIRONMENT } from '../bench/tasks';
import { addParseLimitOptions, parseLimitOptions } from '../parse-limits';
import type { ParseLimitName } from '../../io/parse';
import { runJobs } from '../bench/pool';
import { timeChartSvg } from '../bench/svg';

interface OrderingsOptions extends Partial<Record<ParseLimitName, number>> {
  preset?: string;
  orders: string;
  seed: number;
  task: string;
  workers?: number;
  timeout?: number;
  jobTimeout?: number;
  digits: number;
  repeat: number;
  routes: boolean;
  json?: boolean;
  svg?: string;
}

function problemFrom(ctx: CliContext, file: string | undefined, opts: OrderingsOptions): BenchProblem {
  if ((file === undefined) === (opts.preset === undefined)) throw new UsageError('give a FILE, a named system like katsura:6, or --preset NAME');
  if (opts.preset !== undefined) return { kind: 'network', name: opts.preset, preset: opts.preset };
  const text = file as string;
  if (text.endsWith('.json')) return { kind: 'network', name: text, specFile: text };
  const { ring, polynomials } = readSystem(ctx, text, parseLimitOptions(opts));
  return { kind: 'polynomials', name: text, vars: [...ring.vars], polynomials: (polynomials as Polynomial<Rational>[]).map(String) };
}

async function orderings(ctx: CliContext, file: string | undefined, opts: OrderingsOptions): Promise<void> {
  const actionStart = performance.now();
  if (!['groebner', 'solve', 'critical'].includes(opts.task)) throw new UsageError(`--task must be groebner, solve or critical, got '${opts.task}'`);
  const task = opts.task as BenchTask;
  const count: number | 'all' = opts.orders === 'all' ? 'all' : intOption('--orders', 1, 100000)(opts.orders);
  if (opts.svg !== undefined) checkOutputPath(opts.svg);
  const problem = problemFrom(ctx, file, opts);
  if (task === 'critical' && problem.kind !== 'network') throw new UsageError('--task critical needs a network: --preset NAME or a spec .json file');
  const vars = problemVars(problem, NODE_ENVIRONMENT);
  let orders: string[][];
  try {
    orders = chooseOrders(vars, count, opts.seed);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const workers = opts.workers ?? Math.min(2, os.cpus().length);
  const jobTimeout = opts.jobTimeout ?? opts.timeout ?? Infinity;
  const jobs: BenchJob[] = orders.map((v, index) => ({ index, problem, task, vars: v, route: 'degrevlex', timeout: jobTimeout, digits: opts.digits, repeat: opts.repeat }));
  if (opts.routes) {
    // The monomial routes run the Gröbner basis of the same system in the natural variable order.
    for (const route of MONOMIAL_ROUTES) jobs.push({ index: jobs.length, problem, task: 'groebner', vars, route, timeout: jobTimeout, digits: opts.digits, repeat: opts.repeat });
  }
  const total = jobs.length;
  let finished = 0;
  const draw = () => {
    ctx.phase(`${finished} of ${total} job(s) done`);
    if (ctx.io.isTTY) ctx.io.stderr(`\r${progressBar(finished, total)} ${problem.name} (${task}, ${workers} worker${workers > 1 ? 's' : ''})`);
  };
  draw();
  const run = runJobs(jobs, workers, () => {
    finished++;
    draw();
  });
  let why = '';
  ctx.onInterrupt(() => {
    why = 'interrupted (Ctrl-C)';
    run.stop();
  });
  // At the run's deadline (the installed command ends the thread half a second later).
  const timer = opts.timeout !== undefined ? setTimeout(() => ((why = `stopped after --timeout ${opts.timeout} s`), run.stop()), ctx.secondsLeftAtStart * 1000 - (performance.now() - actionStart)) : undefined;
  const { rows, stopped } = await run.done;
  if (timer) clearTimeout(timer);
  if (ctx.io.isTTY) ctx.io.stderr('\n');

  const orderRows = rows.filter((r) => r.index < orders.length);
  const routeRows = rows.filter((r) => r.index >= orders.length);
  const summary = summarize(orderRows);
  const routeSummary = summarize(routeRows);
  const label = (r: BenchRow) => r.vars.join(',');
  if (opts.json) {
    ctx.printJSON({ problem: problem.name, task, vars, workers, orders: orders.length, stopped, ...(stopped ? { note: why } : {}), summary, routeSummary, rows: orderRows, routes: routeRows });
  } else {
    ctx.print(`${problem.name}: ${task} for ${orderRows.length} of ${orders.length} variable order(s) (${vars.length} variables: ${vars.join(', ')})`);
    ctx.print('');
    ctx.print(formatRows(orderRows, label));
    ctx.print('');
    for (const l of verdict(summary)) ctx.print(l);
    if (routeRows.length > 0) {
      ctx.print('');
      ctx.print(`monomial orders (Gröbner basis of the ${problem.kind === 'network' ? 'gradient' : 'system'}, natural variable order):`);
      ctx.print('');
      ctx.print(formatRows(routeRows, (r) => r.route));
      ctx.print(routeSummary.agree ? 'every monomial route generates the same ideal' : `!!! MONOMIAL ROUTES DISAGREE: ${routeSummary.answers.map((a) => `${a.fingerprint} ×${a.rows}`).join(', ')}`);
    }
  }
  if (stopped) ctx.warn(`note: ${why}; ${rows.length} of ${total} job(s) finished, the table shows those`);
  // Written after the table, so that a file that cannot be written does not lose the results.
  if (opts.svg) writeOutputFile(opts.svg, timeChartSvg(`${problem.name}: ${task}, seconds per variable order`, orderRows, label, summary.answers[0]?.fingerprint));
  if (!summary.agree || !routeSummary.agree) ctx.warn('ANSWERS DIFFER: see above');
  if (stopped || !summary.agree || !routeSummary.agree || summary.failed > 0) ctx.exitCode = 1;
}

export function register(program: Command, ctx: CliContext): void {
  const bench = program.command('bench').description('benchmarks run from the command line');
  addParseLimitOptions(addTimeoutOption(bench.command('orderings'), 'stop everything after this many seconds (rows done so far are printed; exit 1)')
    .description('run a task for every order of the variables (or N of them) on worker threads; check that every order gives the same answer')
    .argument('[file]', 'a system: a path, - for stdin, a named system like katsura:6, or a network spec .json')
    .option('--preset <name>', `a network preset: ${PRESET_NAMES.join(', ')}`)
    .option('--orders <all|N>', 'every permutation, or N orders (the natural one and N−1 seeded random ones)', 'all')
    .option('--seed <s>', 'seed of the random orders', intOption('--seed', 0, 2 ** 31 - 1), 1)
    .option('--task <task>', 'groebner, solve or critical', 'groebner')
    .option('--workers <w>', 'worker threads; default min(2, CPUs)', intOption('--workers', 1, 64))
    .option('--job-timeout <seconds>', 'time limit of each order (default: --timeout)', secondsOption('--job-timeout'))
    .option('--digits <n>', 'significant digits of decimals (solve, critical)', intOption('--digits', 1, 1000), 20)
    .option('--repeat <r>', 'run each order r times and keep the fastest (noise on a shared machine)', intOption('--repeat', 1, 100), 1)
    .option('--no-routes', 'skip the comparison of monomial orders (degrevlex, deglex, lex, degrevlex+fglm)')
    .option('--json', 'print JSON with every row')
    .option('--svg <file>', 'write a bar chart of seconds per order'))
    .addHelpText('after', '\nExamples:\n  polycrit bench orderings katsura:6 --orders 8\n  polycrit bench orderings --preset xor-blog --task critical --orders 6 --svg xor.svg\n  polycrit bench orderings cyclic:5 --task solve --orders 4 --json')
    .action((file: string | undefined, opts: OrderingsOptions) => orderings(ctx, file, opts));
}
