/**
 * `checkSolutions(plant, answer)`: does the answer of an external solver (read by
 * `parseSolverAnswer`: points, and parametric solutions in free variables) match a planted
 * system? Two oracles:
 *
 * - completeness: every planted point the solver claims to list (all of them, or the real ones
 *   for a solver whose domain is `real`), and `samples` generic points of every planted
 *   positive-dimensional component (random complex parameters; real ones for `real`), lie on a
 *   returned solution — exactly when both sides are exact rationals; else within `tolerance`
 *   (relative to max(1, |value|)) of the plant's complex-double coordinates, inside a returned
 *   interval widened by it, or, for a parametric solution, its expressions evaluated at the
 *   point's free coordinates give the point's other coordinates;
 * - soundness: every returned solution solves the system — a point exactly (all coordinates
 *   exact: each polynomial is 0 in Q), rigorously (intervals: 0 lies in each polynomial's interval
 *   evaluation over the box, in exact rational interval arithmetic) or numerically (decimals:
 *   |f(p)| ≤ tolerance · Σ |c|·|m(p)|, a residual relative to the size of the terms, since
 *   high-degree plants cancel terms of 10^15 at their roots); a parametric solution numerically
 *   at `samples` random values of its free variables — and a returned point of a finite plant is
 *   one of the planted points.
 *
 * Every failed oracle is a sentence in `problems`; `missing` lists the planted points not found.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, radd, rationalToNumber, rationalToString, rcmp, req, rmul, rpow } from '../arithmetic/rational';
import { evaluate } from '../poly/evaluate';
import { Polynomial } from '../poly/polynomial';
import { cabs, cnear, complex, complexSampler } from './complex';
import { Complex, PlantedSystem } from './plant';
import { Coordinate, ReturnedSolution } from './solver-protocol';

/** A planted point (or a generic point of a planted component), exact when rational. */
export interface PlantedPoint {
  approximate: Record<string, Complex>;
  exact?: Record<string, Rational>;
  real: boolean;
  /** The component it belongs to, and its coordinates, for reports. */
  description: string;
}

/** The verdict on an answer. */
export type SolutionsReport =
  | { ok: true; required: number; found: number }
  | { ok: false; required: number; found: number; missing: PlantedPoint[]; problems: string[] };

/** Options of `checkSolutions`. */
export interface SolutionsCheckOptions {
  /** Relative tolerance of the numeric comparisons (default 1e-6). */
  tolerance?: number;
  /** Generic points per planted component of positive dimension, and per parametric solution (default 2). */
  samples?: number;
  /** Seed of those random points (default 1). */
  seed?: number;
}

/** Formats a complex double briefly: `1.4142136`, `-0.5 + 1.3228757i`. */
export function formatComplex(z: Complex): string {
  const f = (x: number) => String(Number(x.toPrecision(8)) + 0);
  if (z.im === 0) return f(z.re);
  const im = `${f(Math.abs(z.im))}i`;
  return z.re === 0 ? `${z.im < 0 ? '-' : ''}${im}` : `${f(z.re)} ${z.im < 0 ? '-' : '+'} ${im}`;
}

const describe = (vars: readonly string[], p: Record<string, Complex>, exact?: Record<string, Rational>) =>
  `(${vars.join(', ')}) ${exact ? '=' : '≈'} (${vars.map((v) => (exact ? rationalToString(exact[v]) : formatComplex(p[v]))).join(', ')})`;

/** The planted points of a plant's finite components (from their construction). */
export function plantedPointList(plant: PlantedSystem): PlantedPoint[] {
  const out: PlantedPoint[] = [];
  for (const c of plant.components) {
    for (const approximate of c.approximatePoints ?? []) {
      const exact = c.point ? Object.fromEntries(Object.entries(c.point).map(([v, s]) => [v, parseRational(s)])) : undefined;
      out.push({ approximate, exact, real: plant.vars.every((v) => approximate[v].im === 0), description: `${describe(plant.vars, approximate, exact)} from ${c.description}` });
    }
  }
  return out;
}

/** `samples` generic points of each positive-dimensional component of a plant. */
export function genericPlantedPoints(plant: PlantedSystem, samples: number, real: boolean, seed = 1): PlantedPoint[] {
  const next = complexSampler(seed);
  const out: PlantedPoint[] = [];
  for (const c of plant.components) {
    if (c.dimension === 0 || !c.sample) continue;
    for (let k = 0; k < samples; k++) {
      const t = Array.from({ length: c.dimension }, () => (real ? complex(next().re) : next()));
      const approximate = c.sample(t);
      out.push({ approximate, real, description: `a generic point of ${c.description}, ${describe(plant.vars, approximate)}` });
    }
  }
  return out;
}

/** Does coordinate `c` denote the planted value (exact `e`, approximately `z`)? `at`: the point, for expressions. */
function matches(c: Coordinate, z: Complex, e: Rational | undefined, tol: number, at: Record<string, Complex>): boolean {
  switch (c.kind) {
    case 'exact':
      return e ? req(c.value, e) : cnear(complex(rationalToNumber(c.value)), z, tol);
    case 'decimal':
      return cnear(c, z, tol);
    case 'interval': {
      const slack = tol * Math.max(1, cabs(z));
      if (e) return rcmp(c.lo, e) <= 0 && rcmp(e, c.hi) <= 0;
      return rationalToNumber(c.lo) - slack <= z.re && z.re <= rationalToNumber(c.hi) + slack && Math.abs(z.im) <= slack;
    }
    case 'expression':
      return cnear(c.expression.evaluate(at), z, tol);
  }
}

/** Does the returned solution pass through the planted point? */
function onSolution(s: ReturnedSolution, q: PlantedPoint, tol: number): boolean {
  return Object.entries(s.coordinates).every(([v, c]) => matches(c, q.approximate[v], q.exact?.[v], tol, q.approximate));
}

/** Interval arithmetic over Q: [lo, hi]. */
type Box = [Rational, Rational];
const minMax = (xs: Rational[]): Box => xs.reduce<Box>(([lo, hi], x) => [rcmp(x, lo) < 0 ? x : lo, rcmp(x, hi) > 0 ? x : hi], [xs[0], xs[0]]);
const boxMul = (a: Box, b: Box): Box => minMax([rmul(a[0], b[0]), rmul(a[0], b[1]), rmul(a[1], b[0]), rmul(a[1], b[1])]);
function boxPow(a: Box, e: number): Box {
  const [l, h] = [rpow(a[0], e), rpow(a[1], e)];
  // An even power of an interval around 0 reaches down to 0.
  if (e % 2 === 0 && a[0].num < 0n && a[1].num > 0n) return [QQ.zero, rcmp(l, h) > 0 ? l : h];
  return minMax([l, h]);
}

/**
 * |f(z)| and Σ |c|·|m(z)| (the size of the terms) in complex doubles: the residual of a point
 * relative to the terms, which high-degree systems cancel at their roots.
 */
export function residual(f: Polynomial<Rational>, z: Readonly<Record<string, Complex>>): { residual: number; size: number } {
  const x = f.ring.vars.map((v) => z[v]);
  let re = 0;
  let im = 0;
  let size = 0;
  f.monomials.forEach((m, k) => {
    let a = rationalToNumber(f.coefficients[k]);
    let b = 0;
    for (let j = 0; j < x.length; j++) for (let e = 0; e < m[j + 1]; e++) [a, b] = [a * x[j].re - b * x[j].im, a * x[j].im + b * x[j].re];
    re += a;
    im += b;
    size += Math.hypot(a, b);
  });
  return { residual: Math.hypot(re, im), size };
}

/** Why the numeric point does not solve the system, or undefined (relative residuals). */
function residualProblem(polys: readonly Polynomial<Rational>[], z: Readonly<Record<string, Complex>>, tol: number): string | undefined {
  for (const [i, f] of polys.entries()) {
    const r = residual(f, z);
    if (!(r.residual <= tol * Math.max(r.size, Number.MIN_VALUE))) return `polynomial ${i + 1} is ${r.residual.toPrecision(3)} there (relative to terms of size ${r.size.toPrecision(3)}), not 0`;
  }
  return undefined;
}

/** Why a returned point does not solve the system, or undefined if it does (see the header). */
function unsoundPoint(polys: readonly Polynomial<Rational>[], vars: readonly string[], p: ReturnedSolution, tol: number): string | undefined {
  const cs = vars.map((v) => p.coordinates[v]);
  if (cs.every((c) => c.kind === 'exact')) {
    const point = Object.fromEntries(vars.map((v) => [v, (p.coordinates[v] as { value: Rational }).value]));
    const i = polys.findIndex((f) => !QQ.isZero(evaluate(f, point)));
    return i < 0 ? undefined : `polynomial ${i + 1} is ${rationalToString(evaluate(polys[i], point))} there, not 0`;
  }
  if (cs.every((c) => c.kind === 'exact' || c.kind === 'interval')) {
    const boxes = new Map(vars.map((v, j) => [v, cs[j].kind === 'exact' ? ([cs[j].value, cs[j].value] as Box) : ([(cs[j] as { lo: Rational }).lo, (cs[j] as { hi: Rational }).hi] as Box)]));
    for (const [i, f] of polys.entries()) {
      let sum: Box = [QQ.zero, QQ.zero];
      f.monomials.forEach((m, k) => {
        let term: Box = [f.coefficients[k], f.coefficients[k]];
        for (let j = 0; j < f.ring.nvars; j++) if (m[j + 1] > 0) term = boxMul(term, boxPow(boxes.get(f.ring.vars[j]) as Box, m[j + 1]));
        sum = [radd(sum[0], term[0]), radd(sum[1], term[1])];
      });
      if (sum[0].num > 0n || sum[1].num < 0n) return `polynomial ${i + 1} has no zero in the box: its values there lie in [${rationalToNumber(sum[0]).toPrecision(4)}, ${rationalToNumber(sum[1]).toPrecision(4)}]`;
    }
    return undefined;
  }
  return residualProblem(polys, numericPoint(p, {}), tol);
}

/** The solution's point at the given values of its free variables (intervals by their middle). */
function numericPoint(s: ReturnedSolution, freeValues: Record<string, Complex>): Record<string, Complex> {
  const out: Record<string, Complex> = { ...freeValues };
  for (const [v, c] of Object.entries(s.coordinates)) {
    out[v] =
      c.kind === 'exact' ? complex(rationalToNumber(c.value)) : c.kind === 'decimal' ? c : c.kind === 'interval' ? complex((rationalToNumber(c.lo) + rationalToNumber(c.hi)) / 2) : c.expression.evaluate(freeValues);
  }
  return out;
}

/** Why a parametric solution does not lie in the solution set, or undefined (random samples). */
function unsoundFamily(polys: readonly Polynomial<Rational>[], s: ReturnedSolution, tol: number, samples: number, next: () => Complex): string | undefined {
  let evaluated = 0;
  for (let attempt = 0; attempt < 5 * samples && evaluated < samples; attempt++) {
    const free = Object.fromEntries(s.free.map((v) => [v, next()]));
    const p = numericPoint(s, free);
    if (Object.values(p).some((z) => !Number.isFinite(z.re) || !Number.isFinite(z.im))) continue;
    evaluated++;
    const why = residualProblem(polys, p, tol);
    if (why) return `at ${describe(Object.keys(p).sort(), p)}, ${why}`;
  }
  return evaluated === 0 ? `it cannot be evaluated (division by zero?) at ${5 * samples} random values of ${s.free.join(', ')}` : undefined;
}

/**
 * Verifies a solver's answer against a plant.
 * @example
 * const answer = parseSolverAnswer(stdout, P.vars);
 * if (answer.kind === 'solutions') checkSolutions(P, answer); // { ok: true, required: 3, found: 3 }
 */
export function checkSolutions(plant: PlantedSystem, answer: { domain: 'complex' | 'real'; solutions: readonly ReturnedSolution[] }, options: SolutionsCheckOptions = {}): SolutionsReport {
  const tol = options.tolerance ?? 1e-6;
  const samples = options.samples ?? 2;
  const seed = options.seed ?? 1;
  const real = answer.domain === 'real';
  const planted = plantedPointList(plant);
  const required = [...planted.filter((q) => !real || q.real), ...genericPlantedPoints(plant, samples, real, seed)];
  const missing = required.filter((q) => !answer.solutions.some((s) => onSolution(s, q, tol)));
  const problems = missing.map((q) => `missing: ${q.description}`);
  const next = complexSampler(seed + 1);
  for (const s of answer.solutions) {
    const why = s.free.length === 0 ? unsoundPoint(plant.polynomials, plant.vars, s, tol) : unsoundFamily(plant.polynomials, s, tol, samples, next);
    if (why) problems.push(`returned ${s.text} does not solve the system: ${why}`);
    else if (plant.zeroDimensional && s.free.length === 0 && !planted.some((q) => onSolution(s, q, tol))) problems.push(`returned ${s.text} is none of the planted points`);
  }
  const found = required.length - missing.length;
  return problems.length === 0 ? { ok: true, required: required.length, found } : { ok: false, required: required.length, found, missing, problems };
}
