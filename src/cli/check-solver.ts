/**
 * `polycrit check --solver CMD`: the planted-solution properties against an external solver,
 * through the protocol of `testing/solver-protocol.ts` (one process per system, JSON in and out,
 * run by `solver-process.ts`). A case is a planted system of one of `completenessFamilies()` and
 * an order of its variables, both drawn by fast-check (fixed seed); the solver passes when
 * `checkSolutions` finds every planted point it claims to list, and `SAMPLES` generic points of
 * each planted component of positive dimension, on its solutions, and nothing that does not
 * solve the system. A crash, a non-zero exit, output that is not the protocol's, or an
 * `{"error": …}` answer fails the case too (with what it printed); a call past
 * `--solver-timeout` is counted as timed out, not as a failure. The first failure is shrunk (at
 * most `MAX_SHRINK_CALLS` more calls) and reported with the system, its planted components, the
 * order, what the solver returned, what is missing, and what the same system gets in two other
 * orders (the blog's sympy answers depended on it).
 *
 * `--timeout` limits the whole run here, and Ctrl-C stops it: the running solver's process group
 * is killed, and the families checked so far are printed.
 */
import type { Command } from 'commander';
import { constants } from 'os';
import type { PlantedSystem } from '../testing/plant';
import type { FamilyReport } from './commands/check';
import { CliContext, UsageError } from './context';
import { runSolver, SolverRun } from './solver-process';
import { stopMessage, StopReason } from './stop';

/** Generic points checked per positive-dimensional component. */
const SAMPLES = 2;

/** Shrinking stops after this many solver calls past the first failure. */
export const MAX_SHRINK_CALLS = 60;


export interface SolverCheckOptions {
  solver: string;
  runs: number;
  seed: number;
  family?: string;
  /** Seconds per solver call. */
  solverTimeout: number;
  tolerance: number;
  json?: boolean;
}

/** One call, judged. */
type Verdict =
  | { kind: 'passed'; required: number }
  | { kind: 'timed out' }
  | { kind: 'stopped' }
  | { kind: 'failed'; problems: string[]; returned?: string[]; required: number; found: number; stderr?: string };

interface Counterexample {
  system: string;
  /** The planted components: description and prime. */
  planted: string[];
  vars: string[];
  polynomials: string[];
  returned?: string[];
  problems: string[];
  stderr?: string;
  otherOrders: { vars: string[]; result: string }[];
}

interface SolverFamilyReport extends Omit<FamilyReport, 'counterexample'> {
  solverCalls: number;
  solverSeconds: number;
  /** The run was stopped (time limit, Ctrl-C) during this family: the counts are partial. */
  stopped?: boolean;
  counterexample?: Counterexample;
}

const tail = (s: string, n = 400) => (s.length > n ? `…${s.slice(-n)}` : s).trim();

/** The variables ordered by the keys fast-check drew (ties keep their order; all equal: x1, x2, …). */
function orderOf(vars: readonly string[], keys: readonly number[]): string[] {
  return vars.map((v, i) => ({ v, k: keys[i] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.v);
}

/** Runs the check; prints the report; sets the exit code. */
export async function checkSolver(ctx: CliContext, command: Command, opts: SolverCheckOptions & { timeout?: number }): Promise<void> {
  const fc = (await import('fast-check')).default;
  const testing = await import('../testing');
  let families = testing.completenessFamilies();
  if (opts.family !== undefined) {
    const wanted = opts.family;
    families = families.filter((f) => f.name.startsWith(wanted));
    if (families.length === 0) throw new UsageError(`unknown family '${wanted}' (rational, algebraic, multiplicities, linear, positive-dimensional)`);
  }
  if (opts.timeout !== undefined) ctx.limitWholeRun(command);
  // Stopping (Ctrl-C, the whole-run limit) kills the running solver and ends the wait for
  // fast-check at once: it would still build the remaining cases, past the supervisor's grace.
  const abort = new AbortController();
  let stop: StopReason | undefined;
  let onStop = () => undefined as void;
  const stopped = new Promise<'stopped'>((resolve) => (onStop = () => resolve('stopped')));
  const halt = (reason: StopReason) => {
    stop ??= reason;
    abort.abort();
    onStop();
  };
  ctx.onInterrupt(() => halt({ kind: 'signal', signal: 'SIGINT' }));
  const startedAt = Date.now();
  const timeLeft = () => (ctx.deadline.seconds === Infinity ? Infinity : ctx.deadline.seconds - (Date.now() - startedAt) / 1000);
  const limitTimer = opts.timeout !== undefined ? setTimeout(() => halt({ kind: 'time limit', seconds: opts.timeout as number }), Math.max(0, timeLeft()) * 1000) : undefined;
  let calls = 0;
  let callSeconds = 0;

  /** One solver call on a system in an order, judged against the plant. */
  const judge = async (P: PlantedSystem, vars: string[]): Promise<Verdict> => {
    const left = timeLeft();
    if (stop || left <= 0) return { kind: 'stopped' };
    const request = testing.solverRequest(P.polynomials, vars);
    // Past the whole run's deadline the call is stopped, not timed out.
    const limit = Math.min(opts.solverTimeout, left);
    const run: SolverRun = await runSolver(opts.solver, JSON.stringify(request) + '\n', { timeout: limit, signal: abort.signal });
    calls++;
    if ('seconds' in run) callSeconds += run.seconds;
    if (run.kind === 'stopped') return { kind: 'stopped' };
    if (run.kind === 'timeout') {
      if (limit < opts.solverTimeout) {
        halt({ kind: 'time limit', seconds: opts.timeout ?? 0 });
        return { kind: 'stopped' };
      }
      return { kind: 'timed out' };
    }
    const required = testing.plantedPointList(P).length + testing.genericPlantedPoints(P, SAMPLES, false).length;
    const fail = (problem: string, stderr?: string): Verdict => ({ kind: 'failed', problems: [problem], required, found: 0, ...(stderr ? { stderr: tail(stderr) } : {}) });
    if (run.kind === 'not started') return fail(`the solver could not be started: ${run.message}`);
    if (run.kind === 'too much output') return fail(`the solver printed more than ${run.bytes} bytes; it was stopped`);
    if (run.signal !== null) return fail(`the solver was killed by ${run.signal}`, run.stderr);
    if (run.code !== 0) {
      // Through the shell, a command killed by signal n exits with 128 + n.
      const signal = run.code !== null && run.code > 128 ? Object.entries(constants.signals).find(([, n]) => n === run.code! - 128)?.[0] : undefined;
      return fail(`the solver exited with code ${run.code}${signal ? ` (the shell's code for ${signal})` : ''}`, run.stderr);
    }
    const answer = testing.parseSolverAnswer(run.stdout, P.vars);
    if (answer.kind === 'malformed') return fail(`the solver's output is malformed: ${answer.reason}`, run.stderr);
    if (answer.kind === 'error') return fail(`the solver answered with an error: ${answer.message}`, run.stderr);
    const report = testing.checkSolutions(P, answer, { tolerance: opts.tolerance, samples: SAMPLES });
    const returned = answer.solutions.map((p) => p.text);
    if (report.ok) return { kind: 'passed', required: report.required };
    return { kind: 'failed', problems: report.problems, returned, required: report.required, found: report.found };
  };

  const reports: SolverFamilyReport[] = [];
  for (const { name, arbitrary } of families) {
    if (stop) break;
    const start = performance.now();
    const callsBefore = calls;
    const secondsBefore = callSeconds;
    ctx.status(`checking ${name} against ${opts.solver}`);
    let timedOut = 0;
    let tried = 0;
    let failure: { P: PlantedSystem; vars: string[]; verdict: Extract<Verdict, { kind: 'failed' }> } | undefined;
    let shrinkCalls = 0;
    const keys = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 });
    const property = fc.asyncProperty(arbitrary, keys, async (P: PlantedSystem, k: number[]) => {
      if (failure && ++shrinkCalls > MAX_SHRINK_CALLS) return true;
      const vars = orderOf(P.vars, k);
      const verdict = await judge(P, vars);
      if (verdict.kind === 'stopped') return true;
      if (!failure) tried++;
      if (verdict.kind === 'timed out') {
        if (!failure) timedOut++;
        return true;
      }
      if (verdict.kind === 'passed') return true;
      // fast-check shrinks greedily: the last failing call is the counterexample it reports.
      failure = { P, vars, verdict };
      ctx.status(`${name}: a failure, shrinking (${shrinkCalls} call(s))`);
      return false;
    });
    const outcome = await Promise.race([fc.check(property, { numRuns: opts.runs, seed: opts.seed }), stopped]);
    const details = outcome === 'stopped' ? { failed: failure !== undefined, numShrinks: 0, errorInstance: undefined } : outcome;
    const failed = details.failed && failure !== undefined;
    const report: SolverFamilyReport = {
      family: name,
      tried,
      found: tried - timedOut - (failed ? 1 : 0),
      timedOut,
      failed,
      shrinks: details.numShrinks,
      solverCalls: calls - callsBefore,
      solverSeconds: callSeconds - secondsBefore,
      seconds: (performance.now() - start) / 1000,
      ...(outcome === 'stopped' ? { stopped: true } : {}),
    };
    if (failure) {
      const { P, vars, verdict } = failure;
      // The same system in the plant's order and the reverse one (order-dependence shows here).
      const otherOrders: Counterexample['otherOrders'] = [];
      for (const other of [[...P.vars], [...P.vars].reverse()]) {
        if (other.join() === vars.join() || otherOrders.some((o) => o.vars.join() === other.join())) continue;
        const v = await judge(P, other);
        const result = v.kind === 'passed' ? `all ${v.required} point(s) found` : v.kind === 'failed' ? (v.returned ? `${v.found} of ${v.required} point(s) found${v.problems.length > v.required - v.found ? ', and wrong points' : ''}` : v.problems[0]) : v.kind;
        otherOrders.push({ vars: other, result });
      }
      report.counterexample = {
        system: P.description,
        planted: P.components.map((c) => `${c.description}: ${c.prime.map(String).join(', ')}`),
        vars,
        polynomials: testing.solverRequest(P.polynomials, vars).polynomials,
        ...(verdict.returned ? { returned: verdict.returned } : {}),
        problems: verdict.problems,
        ...(verdict.stderr ? { stderr: verdict.stderr } : {}),
        otherOrders,
      };
    } else if (details.failed) {
      report.failed = true;
      report.counterexample = { system: '(none)', planted: [], vars: [], polynomials: [], problems: [String(details.errorInstance)], otherOrders: [] };
    }
    reports.push(report);
    ctx.partial({ solver: opts.solver, seed: opts.seed, runs: opts.runs, families: reports });
  }

  clearTimeout(limitTimer);
  if (opts.json) ctx.printJSON({ solver: opts.solver, protocol: testing.SOLVER_PROTOCOL_VERSION, seed: opts.seed, runs: opts.runs, tolerance: opts.tolerance, ...(stop ? { complete: false, stopped: stop.kind === 'signal' ? stop.signal : stop.kind } : {}), families: reports });
  else ctx.print(formatReport(opts, reports));
  const late = reports.reduce((s, r) => s + r.timedOut, 0);
  if (late > 0) ctx.warn(`note: ${late} solver call(s) ran past --solver-timeout ${opts.solverTimeout} s and were not checked`);
  if (stop?.kind === 'time limit') ctx.warn(stopMessage(stop, ctx.lastPhase).trimEnd());
  if (stop || late > 0 || reports.some((r) => r.failed)) ctx.exitCode = 1;
}

/** The text report. */
export function formatReport(opts: SolverCheckOptions, reports: readonly SolverFamilyReport[]): string {
  const lines = [`completeness of \`${opts.solver}\` on planted systems (seed ${opts.seed}, ${opts.runs} case(s) per family, tolerance ${opts.tolerance})`, ''];
  const w = Math.max(0, ...reports.map((r) => r.family.length));
  for (const r of reports) {
    const late = r.timedOut > 0 ? `  timed out ${String(r.timedOut).padStart(3)}` : '';
    lines.push(`${r.family.padEnd(w)}  tried ${String(r.tried).padStart(4)}  all found ${String(r.found).padStart(4)}${late}  ${r.failed ? 'FAILED' : r.stopped ? 'stopped' : 'ok'}  (${r.seconds.toFixed(1)} s, ${r.solverCalls} call(s))`);
    const c = r.counterexample;
    if (!c) continue;
    lines.push(`  shrunk counterexample (${r.shrinks} shrink(s)): ${c.system}`);
    lines.push(`  the system, variables in the order ${c.vars.join(', ')}:`);
    for (const p of c.polynomials) lines.push(`    ${p}`);
    if (c.planted.length > 0) lines.push(`  its solutions, planted: ${c.planted.join('; ')}`);
    if (c.returned) {
      lines.push(`  the solver returned ${c.returned.length} solution(s)${c.returned.length ? ':' : ''}`);
      for (const p of c.returned) lines.push(`    ${p}`);
    }
    for (const p of c.problems) lines.push(`  - ${p}`);
    if (c.stderr) lines.push(`  its stderr: ${c.stderr.replace(/\n/g, '\n    ')}`);
    for (const o of c.otherOrders) lines.push(`  in the order ${o.vars.join(', ')}: ${o.result}`);
  }
  return lines.join('\n');
}
