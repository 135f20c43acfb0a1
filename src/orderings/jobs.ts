/**
 * One row of the orderings benchmark: a task (a Gröbner basis, `solve`, or a network's critical
 * points) run on one problem for one variable order and one monomial route, timed, with the
 * engine's statistics and a fingerprint of the answer. A problem is plain data (polynomials as
 * text, or a network: a preset, a spec, or a spec file the environment reads) so that it crosses
 * to worker threads by structured clone; everything is rebuilt on the worker's side.
 * Platform-free: what needs the platform (reading a spec file, the heap limit, the hash) comes in
 * a `BenchEnvironment` — the CLI passes Node's (`cli/bench/tasks.ts`), the web playground runs
 * with the default one.
 *
 * The untimed extras (the fingerprint, F4's structure over Z/p) share the row's time limit, so a
 * row that cannot finish them fails instead of hanging. A cancelled run (the environment's
 * deadline) is not a failed row: the cancellation propagates.
 *
 * Fingerprints are hashes of canonical text, so rows from different orders compare with `===`.
 * For `groebner` the answer of a row is a reduced basis *for that row's order*, a different basis
 * of the same ideal, so it is compared with a reference — the reduced degrevlex basis of the input
 * in the canonical ring (the variables in natural-sorted order), computed once per thread — by
 * normal forms both ways, outside the timed section: the row gets the reference's fingerprint
 * exactly when it generates the same ideal. For `solve` and `critical` the solver already
 * presents answers in a canonical ring: the fingerprint hashes the components' JSON (critical: the
 * analysis without its `stats` and without the weights' list and the loss's text, which restate
 * the input in the row's ring) with object keys sorted, since point records list their
 * coordinates in the input ring's variable order.
 */
import { QQ, Zp } from '../arithmetic/field';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { computeGroebner } from '../groebner/groebner';
import { inIdeal } from '../groebner/normal-form';
import { fglm } from '../groebner/fglm';
import { DEFAULT_PARSE_LIMITS, ParseLimits, parsePolynomials } from '../io/parse';
import { MonomialOrder, degrevlex, deglex, lex } from '../monomials/order';
import { criticalPoints } from '../networks/critical';
import { NetworkLoss, lossGradient, networkLoss } from '../networks/loss';
import { preset } from '../networks/presets';
import { NetworkSpec } from '../networks/spec';
import { changeRing, reduceModulo } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { solveResultToJSON } from '../solve/result-json';
import { solve } from '../solve/solve';

/** What is being computed. */
export type BenchTask = 'groebner' | 'solve' | 'critical';

/** Monomial routes compared for one system: three orders, and degrevlex followed by FGLM to lex. */
export type MonomialRoute = 'degrevlex' | 'deglex' | 'lex' | 'degrevlex+fglm';
export const MONOMIAL_ROUTES: readonly MonomialRoute[] = ['degrevlex', 'deglex', 'lex', 'degrevlex+fglm'];

/** A problem as plain data: polynomials over Q in text, or a network (a preset, a spec, or a spec file). */
export type BenchProblem =
  | { kind: 'polynomials'; name: string; vars: string[]; polynomials: string[] }
  | { kind: 'network'; name: string; preset?: string; spec?: NetworkSpec; specFile?: string };

/** One unit of work: the problem, the task, the variable order (a permutation of the variables) and the monomial route. */
export interface BenchJob {
  index: number;
  problem: BenchProblem;
  task: BenchTask;
  vars: string[];
  route: MonomialRoute;
  /** Seconds allowed for this job (Infinity for none). */
  timeout: number;
  digits: number;
  /** Runs of the job; the row keeps the fastest (default 1). */
  repeat?: number;
}

/** The measured outcome of one job. */
export interface BenchRow {
  index: number;
  vars: string[];
  route: MonomialRoute;
  task: BenchTask;
  status: 'ok' | 'failed';
  /** Wall-clock seconds of the timed computation (not the fingerprint). */
  seconds: number;
  /** Size of the final reduced basis (groebner) or number of components (solve, critical). */
  size?: number;
  basisSizeMax?: number;
  rounds?: number;
  /** The largest F4 matrix (named as in `GroebnerStats`). */
  maxMatrixRows?: number;
  maxMatrixCols?: number;
  /** Hash (16 hex digits) of the canonical answer. */
  fingerprint?: string;
  error?: string;
}

/** What a job needs from its platform; every field has a platform-free default. */
export interface BenchEnvironment {
  /** The network of a network problem (default: its preset or its spec; a spec file needs the platform). */
  loadNetwork?: (problem: Extract<BenchProblem, { kind: 'network' }>) => NetworkLoss;
  /** 16 hex digits of a text (default: `textHash`). */
  hash?: (text: string) => string;
  /** An outer deadline (a Cancel button): when it expires the job throws instead of failing its row. */
  deadline?: Deadline;
}

/**
 * A 64-bit hash of a text as 16 hex digits (two 32-bit multiply–xor lanes, cyrb53's mixing):
 * equal texts give equal fingerprints; not cryptographic, and not meant to be.
 * @example textHash('x^2 - 2') === textHash('x^2 - 2') // true
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Natural sort of variable names: x2 before x10. */
export function naturalSort(vars: readonly string[]): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...vars].sort(collator.compare);
}

/**
 * JSON with the keys of every object sorted: the solver's point records are keyed by variable in
 * the order of the input ring, which is exactly what changes between rows.
 */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function routeOrder(route: MonomialRoute): MonomialOrder {
  return route === 'deglex' ? deglex : route === 'lex' ? lex : degrevlex;
}

/** A preset's or an inline spec's network; a spec file needs an environment that reads files. */
function defaultLoadNetwork(problem: Extract<BenchProblem, { kind: 'network' }>): NetworkLoss {
  if (problem.preset !== undefined) return networkLoss(preset(problem.preset));
  if (problem.spec !== undefined) return networkLoss(problem.spec);
  throw new Error(`the network ${problem.name} is a spec file, which this platform cannot read`);
}

function loadNetwork(problem: Extract<BenchProblem, { kind: 'network' }>, env: BenchEnvironment): NetworkLoss {
  return (env.loadNetwork ?? defaultLoadNetwork)(problem);
}

/**
 * No limits: a problem's polynomials are the canonical text of polynomials the command has
 * already read within the limits its flags set (expanded, that text can be longer than the input).
 */
const UNLIMITED: ParseLimits = Object.fromEntries(Object.keys(DEFAULT_PARSE_LIMITS).map((name) => [name, Infinity])) as unknown as ParseLimits;

/** The polynomial system of a problem (a network's gradient for networks), in its natural ring. */
export function problemSystem(problem: BenchProblem, env: BenchEnvironment = {}): Polynomial<Rational>[] {
  if (problem.kind === 'network') return lossGradient(loadNetwork(problem, env));
  const ring = new PolynomialRing(QQ, problem.vars);
  return parsePolynomials(problem.polynomials.join('\n'), { ring, limits: UNLIMITED }).polynomials as Polynomial<Rational>[];
}

/** The variables of a problem in their natural order. */
export function problemVars(problem: BenchProblem, env: BenchEnvironment = {}): string[] {
  return problem.kind === 'network' ? [...loadNetwork(problem, env).ring.vars] : [...problem.vars];
}

/** The canonical basis of each problem's ideal, computed once per thread. */
const references = new Map<string, { G: Polynomial<Rational>[]; text: string }>();

/**
 * Fingerprint of a row's Gröbner basis: the reference fingerprint (the canonical reduced basis of
 * the problem's ideal) when the two ideals are equal — checked by normal forms both ways, each
 * basis reducing the other's elements to zero — and a hash of the row's own basis otherwise.
 * Much cheaper than recomputing a canonical basis from, say, a lex basis.
 */
export function groebnerFingerprint(basis: readonly Polynomial<Rational>[], problem: BenchProblem, deadline?: Deadline, env: BenchEnvironment = {}): string {
  const hash = env.hash ?? textHash;
  const key = JSON.stringify(problem);
  let ref = references.get(key);
  if (!ref) {
    const system = problemSystem(problem, env);
    const canonical = new PolynomialRing(QQ, naturalSort(system[0].ring.vars), degrevlex);
    const G = computeGroebner(system.map((g) => changeRing(g, canonical)), { deadline }).basis;
    ref = { G, text: G.map(String).join(';') };
    references.set(key, ref);
  }
  const R = ref.G[0].ring;
  const B = basis[0].ring;
  const inside = basis.every((b) => inIdeal(changeRing(b, R), ref.G));
  const contains = inside && ref.G.every((g) => inIdeal(changeRing(g, B), basis));
  return hash(inside && contains ? ref.text : `differs:${basis.map(String).join(';')}`);
}

/**
 * Runs a job `job.repeat` times and keeps the fastest row — small tasks on a shared machine are
 * dominated by noise and by the JIT — unless a run fails or answers differently, which wins.
 */
export function runJob(job: BenchJob, env: BenchEnvironment = {}): BenchRow {
  let best = runJobOnce(job, env);
  for (let k = 1; k < (job.repeat ?? 1) && best.status === 'ok'; k++) {
    const row = runJobOnce(job, env);
    if (row.status !== 'ok' || row.fingerprint !== best.fingerprint) return row;
    if (row.seconds < best.seconds) best = row;
  }
  return best;
}

/**
 * Runs one job once in this thread. Failures (its own time limit included) become rows with
 * `status: 'failed'`; the environment's deadline (a cancellation) throws.
 */
export function runJobOnce(job: BenchJob, env: BenchEnvironment = {}): BenchRow {
  const hash = env.hash ?? textHash;
  const base = { index: job.index, vars: job.vars, route: job.route, task: job.task };
  // The job's own limit, which also honours the environment's (a cancellation) and carries its memory budget.
  const deadline = new Deadline(job.timeout, `${job.task} for one order`, job.timeout, { outer: env.deadline });
  let start = performance.now();
  try {
    if (job.task === 'critical') {
      if (job.problem.kind !== 'network') throw new Error('the critical task needs a network (--preset or a spec file)');
      const net = loadNetwork(job.problem, env);
      const ring = new PolynomialRing(QQ, job.vars, routeOrder(job.route));
      const permuted: NetworkLoss = { ...net, ring, loss: changeRing(net.loss, ring) };
      start = performance.now();
      const analysis = criticalPoints(permuted, { digits: job.digits, deadline });
      const seconds = (performance.now() - start) / 1000;
      // The weights' list and the loss's text are the input, printed in this row's ring: not part of the answer.
      const { stats: _s, weights: _w, loss: _l, ...stable } = analysis;
      return { ...base, status: 'ok', seconds, size: analysis.components.length, ...structureStats(lossGradient(permuted), deadline), fingerprint: hash(canonicalJSON(stable)) };
    }
    const system = problemSystem(job.problem, env);
    const ring = new PolynomialRing(QQ, job.vars, routeOrder(job.route));
    const polys = system.map((p) => changeRing(p, ring));
    if (job.task === 'solve') {
      start = performance.now();
      const result = solve(polys, { digits: job.digits, deadline });
      const seconds = (performance.now() - start) / 1000;
      if (!result.complete) {
        env.deadline?.check();
        return { ...base, status: 'failed', seconds, error: result.message ?? 'incomplete' };
      }
      const json = solveResultToJSON(result) as { components: unknown };
      return { ...base, status: 'ok', seconds, size: result.components.length, ...structureStats(polys, deadline), fingerprint: hash(canonicalJSON(json.components)) };
    }
    start = performance.now();
    const r = computeGroebner(polys, { deadline });
    let basis = r.basis;
    if (job.route === 'degrevlex+fglm') basis = fglm(basis, lex);
    const seconds = (performance.now() - start) / 1000;
    return { ...base, status: 'ok', seconds, size: basis.length, ...structureStats(polys, deadline), fingerprint: groebnerFingerprint(basis, job.problem, deadline, env) };
  } catch (e) {
    env.deadline?.check();
    return { ...base, status: 'failed', seconds: (performance.now() - start) / 1000, error: (e as Error).message };
  }
}

/** A prime below the fast-arithmetic limit, for the untimed structural run. */
const STATS_PRIME = 33554393;

/**
 * F4's structure (rounds, largest matrix, peak basis size) for the same ring and order — for
 * `solve` and `critical`, of the first Gröbner basis they compute (the system's, the gradient's). Over Q
 * the multi-modular driver reports only primes, so F4 is re-run once over Z/p, untimed: for all
 * but finitely many primes the run has the same shape as the one behind the rational answer.
 */
function structureStats(polys: readonly Polynomial<Rational>[], deadline: Deadline): Pick<BenchRow, 'basisSizeMax' | 'rounds' | 'maxMatrixRows' | 'maxMatrixCols'> {
  const R = polys[0].ring;
  const modular = reduceModulo(polys, new PolynomialRing(Zp(STATS_PRIME), R.vars, R.order));
  if (!modular) return {};
  const s = computeGroebner(modular, { deadline }).stats;
  return { basisSizeMax: s.basisSizeMax, rounds: s.rounds, maxMatrixRows: s.maxMatrixRows, maxMatrixCols: s.maxMatrixCols };
}
