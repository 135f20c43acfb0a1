/**
 * All critical points of a network's loss: the critical set {∇L = 0} decomposed into
 * irreducible components over Q (points and positive-dimensional pieces), the loss value on each
 * component, and its type (minimum, maximum, saddle, degenerate) from the Hessian's inertia.
 *
 * - Critical values: L is constant on every irreducible component of the critical set (its
 *   gradient vanishes there), so the value on a prime P is the root of the generator of
 *   (P + ⟨t − L⟩) ∩ Q[t]; when L reduces to a constant modulo P the value is rational. Values are
 *   read from `valueOnCriticalSet(L)`, which agrees with L on the critical set without its
 *   top-degree part (the squared outputs), so every evaluation is of a smaller polynomial
 *   (`critical-values.ts`).
 * - Classification at real points, exactly: rational points give a rational Hessian; algebraic
 *   points give a Hessian over Q(θ) whose characteristic polynomial's signs are decided at θ
 *   (see `solve/inertia.ts`). On a component of dimension d the Hessian has at least d zero
 *   eigenvalues (the tangent directions); with exactly d (Morse–Bott) the other signs decide
 *   minimum/maximum/saddle, with more it is a saddle if both signs occur and degenerate
 *   otherwise. Positive-dimensional components are classified at their sample points (the most
 *   generic one: the fewest zero eigenvalues). Components without a real point found are
 *   'complex'. Each real point's exact data is plain data in the point itself (its coordinates,
 *   or θ's isolating interval with its component's parametrization), so a copy of a solve result
 *   is analysed as the original (`analyzeCriticalSet`).
 * - Values are ordered exactly (`solve/roots/compare.ts`: isolating intervals refined until they
 *   separate, equality by a common root): the order of `criticalValues`, the smallest real value
 *   and the global minimum never go through decimals.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rational, rsign } from '../arithmetic/rational';
import { Deadline, InputError, TimeoutError, deadlineOf } from '../errors';
import { ControlOptions, phase, progressOf } from '../control';
import { polynomialDataToString, polynomialsFromData } from '../poly/data';
import { changeRing } from '../poly/change';
import { gradient, hessian, valueOnCriticalSet } from '../poly/derivative';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { NumberFieldElement, numberField } from '../poly/number-field';
import { uevaluate } from '../poly/univariate';
import { Inertia, algebraicInertia, intervalInertia, rationalInertia } from '../solve/inertia';
import { RootInterval } from '../solve/roots/real';
import { Component, SolveResult, UnfinishedPart, solve } from '../solve/solve';
import { AlgebraicDescription, ComponentParametrizationData, RationalPoint, RealPoint, parametrizationOf, thetaInterval } from '../solve/zero-dimensional';
import { ExactRealPoint, coordinatePolynomials, exactSamplePoint } from '../solve/point-components';
import { realPointBox } from '../solve/component-values';
import { FixedInterval } from '../arithmetic/fixed-interval';
import { evaluateAtRationalPoint, evaluateOnBox } from '../poly/evaluate';
import { NetworkLoss } from './loss';
import { ImageWorkers } from '../solve/image-workers';
import type { BasisWorkers } from '../groebner/basis-workers';
import { digitsOption } from '../poly/arguments';
import { ComponentOrbit, SymmetryReport, attachSymmetries } from './critical-symmetry';
import { continuousSymmetries } from './continuous-symmetry';
import { CriticalValue, ValueKey, ValueRoots, compareKeys, evaluateInField, rootKey, valueBits, valueFrom, valueOn, valueOnPoints, valuesAtRealPoints } from './critical-values';

export type { CriticalValue } from './critical-values';
import type { SamplePoint } from '../solve/components';
import type { SolutionPoint } from '../solve/point-components';
import { OrbitFamily, OrbitPoint, orbitFamilyData, orbitRepresentativeBox } from '../solve/orbit-solve';
import { OrbitFamilyData, orbitInertia, orbitValues } from '../solve/orbit-evaluation';

export type CriticalType = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'mixed' | 'complex';

export interface CriticalComponent {
  dimension: number;
  degree: number;
  criticalValue: CriticalValue;
  type: CriticalType;
  /** Inertia (positive, negative, zero eigenvalues) at the point(s) the type was read from. */
  inertia?: Inertia[];
  /**
   * The component's equations: the reduced Gröbner basis of its prime (always for components of
   * positive dimension; for finite ones when known or asked for, see `exact`).
   */
  basis?: string[];
  /** Finite components: the exact parametrization of their points. */
  exact?: AlgebraicDescription;
  /**
   * Finite components solved orbit by orbit under the sign changes of hidden units (see
   * `solve/orbit-solve.ts`): the number of orbits, the points in each, and their exact
   * description (in place of `exact`). Type and inertia are read at each real orbit's representative.
   */
  signOrbits?: { orbits: number; orbitSize: number; exact: OrbitFamily['exact'] };
  /** Finite components: how many points are real (all listed in `points`) and how many are not. */
  realPoints?: number;
  nonRealPoints?: number;
  freeVariables?: string[];
  parametrization?: Record<string, string>;
  /** Finite components: the points (real ones first, with certified decimals and exact boxes). */
  points?: (SolutionPoint | OrbitPoint)[];
  /** Components of positive dimension: sample points (rational where possible). */
  samplePoints?: SamplePoint[];
  /** The component's orbit under the network's discrete symmetries (see `symmetries`). */
  orbit?: ComponentOrbit;
}

/** A component of the critical set found by the solver and not analysed (see `CriticalAnalysis.unanalysed`). */
export interface UnanalysedComponent {
  dimension: number;
  degree: number;
  basis?: string[];
}

/**
 * A part of the critical set that the solver's decomposition had not finished when a time limit
 * stopped it (see `CriticalAnalysis.unfinished`).
 */
export interface UnfinishedCriticalPart {
  /** An upper bound on the dimension of the components in the part. */
  dimensionBound: number;
  /** Equations in the weights: the part lies in their solution set. */
  equations: string[];
  /** True when the part is irreducible: a component, unless it lies in a larger one inside another part. */
  irreducible?: boolean;
  /** The loss on the whole part, when the part's Gröbner basis reduces it to a constant (a rational number as text). */
  criticalValue?: string;
  /**
   * 'minimum' when that value is 0 and the loss is a sum of squares plus λ·|w|² with every λ ≥ 0:
   * its least value, so every real point of the part (if it has any) is a global minimum.
   */
  type?: 'minimum';
}

export interface CriticalAnalysis {
  weights: string[];
  loss: string;
  /** Largest dimension of a component of the critical set. */
  dimension: number;
  /** For a finite critical set: the number of critical points counted with multiplicity. */
  solutions?: number;
  /**
   * Only in an incomplete analysis: the prime modulo which `dimension` (and `solutions`, when
   * given) were read before they were confirmed — probably right, not certain (`SolveResult.dimensionModulo`).
   */
  dimensionModulo?: number;
  /** Distinct critical values, real ones ascending first. */
  criticalValues: CriticalValue[];
  components: CriticalComponent[];
  /**
   * Components the solver found that a time limit left without a value or a type, in the solver's
   * order after those analysed: their dimension, degree and equations (the reduced Gröbner basis of
   * the prime, which the solver gives for every component of positive dimension and for finite
   * ones when asked). Only in an incomplete analysis, when there are any.
   */
  unanalysed?: UnanalysedComponent[];
  /**
   * Only in an incomplete analysis whose solver stopped inside its decomposition: the parts of
   * the critical set not decomposed yet. Every critical point outside the components listed lies
   * in one of them; each comes with its loss value when that is constant on it.
   */
  unfinished?: UnfinishedCriticalPart[];
  /** True when every component of the critical set is analysed; false when a time limit cut the work short. */
  complete: boolean;
  /** Why the analysis is incomplete, when it is. */
  message?: string;
  /** The smallest critical value over components with real points (the global minimum when attained; only for complete analyses). */
  globalMinimum?: { value: CriticalValue; approx: string; components: number[]; note: string };
  /** The network's symmetries and the components' orbits (unless `symmetries: false`). */
  symmetries?: SymmetryReport;
  /** How long it took: the one part that changes from run to run (compare analyses without it). */
  stats: CriticalStats;
}

/** Wall-clock figures of an analysis, kept apart from its deterministic data. */
export interface CriticalStats {
  /** Seconds from the call to the answer (solving included for `criticalPoints`). */
  seconds: number;
}

/**
 * Options of `criticalPoints` and `analyzeCriticalSet`, beside `timeout` (seconds), `signal`,
 * `deadline` and `onProgress` (see `ControlOptions`): stopped by either after the solver knows the
 * dimension, the analysis comes back with `complete: false` and what was found.
 */
export interface CriticalOptions extends ControlOptions {
  digits?: number;
  /** Permute the variables with this seed before solving (the answer must not change). */
  shuffleSeed?: number;
  /** List the non-real critical points of finite components (default false: counted). */
  complex?: boolean;
  /** Write the prime ideal of finite components in the weights when small (default false). */
  bases?: boolean;
  /** Receives what is known so far (`complete: false`) as it grows; see `SolveOptions.onPartial`. */
  onPartial?: (partial: CriticalAnalysis) => void;
  /** Derive the network's symmetries and the components' orbits (default true). */
  symmetries?: boolean;
  /** Helper threads for the solver (see `SolveOptions.imageWorkers`). */
  imageWorkers?: ImageWorkers;
  /** Helper threads for the bases over Q of a positive-dimensional critical set (see `SolveOptions.basisWorkers`). */
  basisWorkers?: BasisWorkers;
  /** Solve orbit by orbit under sign changes (see `SolveOptions.orbits`; default: by size). */
  orbits?: boolean;
}

/** A seeded permutation of 0..n−1 (xorshift32; Fisher–Yates). */
export function seededPermutation(n: number, seed: number): number[] {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Inertia of the Hessian H (entries in the weights' ring) at an exact real point. */
function inertiaAt(H: Polynomial<Rational>[][], W: PolynomialRing<Rational>, point: ExactRealPoint): Inertia {
  if (point.chi.length === 2) {
    // A rational point (the usual sample point of a component, whose fibre is one point): the
    // Hessian over Q, its lower triangle evaluated once, no number-field arithmetic.
    const theta = rational(-point.chi[0], point.chi[1]);
    const values = W.vars.map((v) => uevaluate(QQ, point.coordinates[point.vars.indexOf(v)], theta));
    const lower = evaluateAtRationalPoint(H.flatMap((row, i) => row.slice(0, i + 1)), values);
    const M = H.map((row) => row.map(() => QQ.zero));
    let at = 0;
    for (let i = 0; i < M.length; i++) for (let j = 0; j <= i; j++) M[i][j] = M[j][i] = lower[at++];
    return rationalInertia(M);
  }
  const F = numberField(point.chi);
  const coords = W.vars.map((v) => point.coordinates[point.vars.indexOf(v)] as NumberFieldElement);
  const M = H.map((row) => row.map((h) => evaluateInField(h, F, coords)));
  return algebraicInertia(F, M, point.chi, point.interval);
}

/** The type of a finite component from the inertias at its real points: 'complex' without any, 'mixed' when they differ. */
function finiteType(inertias: readonly Inertia[]): CriticalType {
  const types = [...new Set(inertias.map((i) => typeOf(i, 0)))];
  return types.length === 0 ? 'complex' : types.length === 1 ? types[0] : 'mixed';
}

function typeOf(inertia: Inertia, dimension: number): CriticalType {
  if (inertia.positive > 0 && inertia.negative > 0) return 'saddle';
  if (inertia.zero === dimension) return inertia.negative === 0 ? 'minimum' : 'maximum';
  return 'degenerate';
}

/**
 * The inertia of the Hessian at the real point of a finite component with root interval θ:
 * first in interval arithmetic on a box around the point (certain when the Hessian is
 * non-singular there, as at every simple critical point), at growing precision; the exact
 * computation in Q(θ) decides the rest.
 */
function inertiaAtRealPoint(H: Polynomial<Rational>[][], W: PolynomialRing<Rational>, data: ComponentParametrizationData, theta: RootInterval, deadline?: Deadline): Inertia {
  const box = (iv: RootInterval, s: number) => realPointBox(data, iv, s);
  return intervalInertiaAt(H, W.vars.map((v) => data.ring.vars.indexOf(v)), box, theta, deadline) ?? inertiaAt(H, W, { vars: data.ring.vars, chi: data.minimalPolynomial, interval: theta, coordinates: coordinatePolynomials(data) });
}

/**
 * The inertia of the Hessian at the representative of a real orbit (root interval θ of its
 * family's q): in interval arithmetic first, at growing precision, then exactly over Q(θ) after
 * the congruence of `orbitInertia`.
 */
function inertiaAtOrbit(H: Polynomial<Rational>[][], W: PolynomialRing<Rational>, data: OrbitFamilyData, theta: RootInterval, deadline?: Deadline): Inertia {
  const box = (iv: RootInterval, s: number) => orbitRepresentativeBox(data, iv, s);
  return intervalInertiaAt(H, W.vars.map((v) => data.vars.indexOf(v)), box, theta, deadline) ?? orbitInertia(data, H, theta, deadline);
}

/**
 * The inertia of H on boxes around a real point at scales 64 to 512 (`boxAt` encloses the point
 * with root interval θ at scale s, coordinates at `index`, and refines θ); undefined when no box
 * certifies it (a singular Hessian, or too close to one).
 */
function intervalInertiaAt(
  H: Polynomial<Rational>[][],
  index: readonly number[],
  boxAt: (theta: RootInterval, s: number) => { box: FixedInterval[]; theta: RootInterval },
  theta: RootInterval,
  deadline?: Deadline,
): Inertia | undefined {
  let iv = theta;
  for (let s = 64; s <= 512; s *= 2) {
    deadline?.check();
    const at = boxAt(iv, s);
    iv = at.theta;
    const box = index.map((i) => at.box[i]);
    const M = H.map((row, i) => row.map((h, j) => (j <= i ? evaluateOnBox(h, box, s) : { lo: 0n, hi: 0n })));
    const inertia = intervalInertia(M, s);
    if (inertia) return inertia;
  }
  return undefined;
}

/**
 * The share of the time limit (at most `ANALYSIS_RESERVE_MOST` seconds) that a solver stopped by
 * it leaves to the analysis of the components it found. The 2-2-1 network with biases and
 * activation z − z³/3 stops in its decomposition with 38 components, whose values and Hessians
 * take 0.35 s: with the whole limit spent in the solver they were listed unanalysed.
 */
const ANALYSIS_RESERVE = 0.05;
const ANALYSIS_RESERVE_MOST = 5;

/**
 * Analyses the critical set of a network's loss: solves ∇L = 0, then `analyzeCriticalSet`. Under a
 * time limit the solver stops 5% of the limit early (at most 5 s), so that what it found is analysed.
 */
export function criticalPoints(net: NetworkLoss, options: CriticalOptions = {}): CriticalAnalysis {
  const start = performance.now();
  checkNetwork(net, 'criticalPoints');
  if (typeof options !== 'object' || options === null) throw new InputError(`criticalPoints: the options must be an object ({ digits, timeout, … }), got ${options === null ? 'null' : typeof options}`);
  const digits = digitsOption(options.digits, 'criticalPoints');
  const deadline = deadlineOf(options, 'critical');
  const W = net.ring;
  let ring = W;
  if (options.shuffleSeed !== undefined) {
    const perm = seededPermutation(W.nvars, options.shuffleSeed);
    ring = new PolynomialRing(QQ, perm.map((i) => W.vars[i]));
  }
  const L = changeRing(net.loss, ring);
  const grad = gradient(L);
  const result: SolveResult = solve(grad, {
    digits,
    // A solver stopped by the time limit leaves the analysis of what it found a share of the time.
    deadline: deadline.leaving(Math.min(ANALYSIS_RESERVE_MOST, ANALYSIS_RESERVE * deadline.remaining)),
    complex: options.complex,
    bases: options.bases,
    onProgress: progressOf(options),
    imageWorkers: options.imageWorkers,
    basisWorkers: options.basisWorkers,
    ...(options.orbits !== undefined ? { orbits: options.orbits } : {}),
    // L is constant on every component of the critical set: the decomposition splits by its values
    // (read from a polynomial of lower degree that agrees with L there).
    constantOnComponents: [valueOnCriticalSet(L)],
    // The analysis reads no independent sets: the solver may skip the whole system's basis.
    independentSets: false,
    positiveDimensional: dimensionHint(net),
    // What the solver knows so far, as an analysis without values yet.
    onPartial:
      options.onPartial &&
      ((r) =>
        options.onPartial?.({
          weights: [...W.vars],
          loss: net.loss.toString(),
          dimension: r.dimension,
          ...(r.solutions !== undefined ? { solutions: r.solutions } : {}),
          ...(r.dimensionModulo !== undefined ? { dimensionModulo: r.dimensionModulo } : {}),
          criticalValues: [],
          components: [],
          complete: false,
          message: r.message,
          stats: { seconds: (performance.now() - start) / 1000 },
        })),
  });
  return analyze(net, result, ring, digits, deadline, options, start);
}

/**
 * The analysis of a critical set already solved: `result` is `solve(gradient(L))` for the
 * network's loss L, its variables the weights in any order — the solver's result itself or a
 * copy of it (a spread, a structured clone, a message from a worker thread: every point carries
 * its exact data). Components, values and types are those `criticalPoints` gives.
 */
export function analyzeCriticalSet(net: NetworkLoss, result: SolveResult, options: CriticalOptions = {}): CriticalAnalysis {
  const start = performance.now();
  checkNetwork(net, 'analyzeCriticalSet');
  if (typeof options !== 'object' || options === null) throw new InputError(`analyzeCriticalSet: the options must be an object ({ digits, timeout, … }), got ${options === null ? 'null' : typeof options}`);
  const W = net.ring;
  const vars = (result as Partial<SolveResult> | null)?.vars;
  if (!Array.isArray(vars) || vars.length !== W.nvars || !W.vars.every((v) => vars.includes(v)) || !Array.isArray(result.components)) {
    throw new InputError(`analyzeCriticalSet takes the result of solve(gradient(loss)) over the weights ${W.vars.join(', ')}`);
  }
  const digits = digitsOption(options.digits, 'analyzeCriticalSet');
  const deadline = deadlineOf(options, 'critical');
  return analyze(net, result, new PolynomialRing(QQ, vars), digits, deadline, options, start);
}

/** A network's loss, or an InputError naming the function. */
function checkNetwork(net: NetworkLoss, name: string): void {
  const n = net as Partial<NetworkLoss> | null;
  if (typeof n !== 'object' || n === null || !(n.loss instanceof Polynomial) || !(n.ring instanceof PolynomialRing)) {
    throw new InputError(`${name} takes the loss of a network: ${name}(networkLoss(spec)) or ${name}(networkLoss(preset(name)))`);
  }
}

/** Values, types, the global minimum and the symmetries of the solved critical set (`ring`: the solver's variable order). */
function analyze(net: NetworkLoss, result: SolveResult, ring: PolynomialRing<Rational>, digits: number, deadline: Deadline, options: CriticalOptions, start: number): CriticalAnalysis {
  const W = net.ring;
  const loss = changeRing(net.loss, ring);
  if (!deadline.expired) progressOf(options)?.(phase('critical values and Hessians')); // past the limit, the phase reached stays the solver's
  const H = hessian(loss);
  // The values are read from the polynomial that agrees with the loss on the critical set without
  // its top-degree part (the squared outputs): fewer and lower terms to evaluate, the same values.
  const L = valueOnCriticalSet(loss);
  // An algebraic critical value lists the real roots of its minimal polynomial; some may be taken
  // only at complex points. Record those taken at the real points and return the smallest.
  const restrictToRealPoints = (value: CriticalValue, roots: ValueRoots | undefined, points: readonly ExactRealPoint[]): ValueKey | undefined => {
    if (typeof value === 'string' || roots === undefined || points.length === 0) return undefined;
    const attained = valuesAtRealPoints(L, ring, points, roots.intervals);
    value.atRealPoints = attained.map((k) => value.realRoots[k].approx);
    return attained.length > 0 ? rootKey(roots, value, attained[0]) : undefined;
  };
  type Analyzed = CriticalComponent & { key?: ValueKey; real: boolean };
  const analyze = (c: Component): Analyzed => {
    deadline?.check();
    if (c.kind === 'orbits') {
      // Families of orbits under sign changes: the loss is invariant, its value a number of Q(θ);
      // the Hessian's inertia is the same at every point of an orbit (the sign changes are
      // isometries of L), read at each real orbit's representative.
      const data = orbitFamilyData(c);
      const representatives = c.points.filter((p) => Object.values(p.signs).every((x) => x === 1));
      const thetas = representatives.map((p) => ({ lo: parseRational(p.theta.lo), hi: parseRational(p.theta.hi) }));
      const { value, key, realKey } = valueFrom(orbitValues(L, data, thetas, valueBits(digits), deadline), thetas.length > 0, digits);
      // One inertia per real point, as for the other components (the points are listed orbit by orbit).
      const inertias = thetas.flatMap((theta) => new Array<Inertia>(c.orbitSize).fill(inertiaAtOrbit(H, ring, data, theta, deadline)));
      const type = finiteType(inertias);
      return {
        dimension: 0,
        degree: c.degree,
        criticalValue: value,
        signOrbits: { orbits: c.orbits, orbitSize: c.orbitSize, exact: c.exact },
        type,
        inertia: inertias,
        points: c.points,
        realPoints: c.realPoints,
        nonRealPoints: c.nonRealPoints,
        key: realKey ?? key,
        real: c.realPoints > 0,
      };
    }
    if (c.kind === 'points') {
      const data = parametrizationOf(c);
      const realPoints = c.points.filter((p): p is RationalPoint | RealPoint => p.kind !== 'complex');
      const thetas = realPoints.map((p) => thetaInterval(p, data));
      const { value, key, realKey } = valueOnPoints(L, data, thetas, digits, deadline);
      const inertias = thetas.map((theta) => inertiaAtRealPoint(H, ring, data, theta, deadline));
      const type = finiteType(inertias);
      return {
        dimension: 0,
        degree: c.degree,
        criticalValue: value,
        ...(c.basis ? { basis: c.basis.map(polynomialDataToString) } : {}),
        exact: c.exact,
        type,
        inertia: inertias,
        points: c.points,
        realPoints: c.realPoints,
        nonRealPoints: c.nonRealPoints,
        key: realKey ?? key,
        real: realPoints.length > 0,
      };
    }
    const { value, key, roots } = valueOn(L, polynomialsFromData(c.basis), digits, deadline);
    const base = { dimension: c.dimension, degree: c.degree, criticalValue: value, basis: c.basis.map(polynomialDataToString) };
    const realSamples = c.samplePoints.filter((p) => p.real).map(exactSamplePoint);
    const exact = realSamples.map((p) => inertiaAt(H, ring, p));
    const realKey = restrictToRealPoints(value, roots, realSamples) ?? key;
    exact.sort((a, b) => a.zero - b.zero);
    const type: CriticalType = exact.length === 0 ? 'complex' : typeOf(exact[0], c.dimension);
    return {
      ...base,
      type,
      ...(exact.length > 0 ? { inertia: [exact[0]] } : {}),
      freeVariables: c.freeVariables,
      ...(c.parametrization ? { parametrization: c.parametrization } : {}),
      samplePoints: c.samplePoints,
      key: realKey,
      real: c.realPoints === 'found',
    };
  };
  const summary = (components: Analyzed[], complete: boolean, message?: string): CriticalAnalysis => {
    // Second-order tests are inconclusive on degenerate components; values settle some of them:
    // the loss is ≥ 0 (a sum of squares plus λ·|w|² with λ ≥ 0), so real points at value 0 are
    // global minima, and with a coercive loss so are real points at the smallest real critical value.
    const nonNegative = isNonNegative(net);
    const coercive = isCoercive(net);
    const smallestReal = components.filter((c) => c.real).reduce<ValueKey | undefined>((m, c) => (compareKeys(c.key, m) < 0 ? c.key : m), undefined);
    for (const c of components) {
      if (!c.real || c.type === 'minimum' || c.type === 'saddle') continue;
      const zero = c.criticalValue === '0' && nonNegative;
      if (zero || (complete && coercive && c.key !== undefined && compareKeys(c.key, smallestReal) === 0 && typeof c.criticalValue === 'string')) c.type = 'minimum';
    }
    // Distinct critical values, sorted by (first real) value.
    const seen = new Map<string, { value: CriticalValue; key?: ValueKey }>();
    for (const c of components) seen.set(JSON.stringify(c.criticalValue), { value: c.criticalValue, key: c.key });
    const criticalValues = [...seen.values()].sort((a, b) => compareKeys(a.key, b.key)).map((v) => v.value);
    const realOnes = components.map((c, i) => ({ c, i })).filter(({ c }) => c.real);
    let globalMinimum: CriticalAnalysis['globalMinimum'];
    // The global minimum needs every component: an incomplete answer names none.
    if (complete && realOnes.length > 0) {
      const best = realOnes.reduce<ValueKey | undefined>((m, { c }) => (compareKeys(c.key, m) < 0 ? c.key : m), undefined);
      const at = realOnes.filter(({ c }) => compareKeys(c.key, best) === 0);
      const regularized = isCoercive(net);
      const v = at[0].c.criticalValue;
      globalMinimum = {
        value: v,
        approx: typeof v === 'string' ? v : (best?.approx ?? 'none'),
        components: at.map(({ i }) => i + 1),
        note: regularized
          ? 'the loss is a sum of squares plus λ·|w|² with every λ > 0, so it is coercive and this is its global minimum'
          : 'the loss is a sum of squares, so it is bounded below; this is the smallest value at a real critical point, hence the global minimum whenever the minimum is attained',
      };
    }
    return {
      weights: [...W.vars],
      loss: net.loss.toString(),
      dimension: result.dimension,
      ...(result.solutions !== undefined ? { solutions: result.solutions } : {}),
      ...(result.dimensionModulo !== undefined ? { dimensionModulo: result.dimensionModulo } : {}),
      criticalValues,
      components: components.map(({ key: _k, real: _r, ...c }) => c),
      ...(globalMinimum ? { globalMinimum } : {}),
      complete,
      ...(message ? { message } : {}),
      stats: { seconds: (performance.now() - start) / 1000 },
    };
  };
  const analyzed: Analyzed[] = [];
  let message = result.complete ? undefined : result.message;
  // The parts of the critical set a stopped decomposition left (an incomplete answer keeps them).
  const unfinished = result.unfinished?.map((part) => unfinishedPart(part, isNonNegative(net)));
  // The components not analysed yet, as the solver describes them (an incomplete answer keeps them).
  const withRest = (a: CriticalAnalysis): CriticalAnalysis => {
    if (a.complete) return a;
    const rest = result.components.slice(analyzed.length);
    return { ...a, ...(rest.length > 0 ? { unanalysed: rest.map(unanalysedComponent) } : {}), ...(unfinished ? { unfinished } : {}) };
  };
  try {
    for (const c of result.components) {
      analyzed.push(analyze(c));
      options.onPartial?.(withRest(summary([...analyzed], false, `stopped before the end (phase: critical values and Hessians)`)));
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    message = `${e.message} (phase: critical values and Hessians; ${analyzed.length} of ${result.components.length} component(s) analysed)`;
  }
  const analysis = withRest(summary(analyzed, message === undefined, message));
  // Past the time limit the analysis is cut short: no orbits of a partial list.
  if (options.symmetries === false || deadline.expired) return analysis;
  // The symmetry group and the orbits of the components under it (critical-symmetry.ts).
  progressOf(options)?.(phase('symmetries and orbits'));
  const symmetries = attachSymmetries(analysis, net, result.components.slice(0, analyzed.length), deadline);
  const { stats: _s, ...data } = analysis;
  return { ...data, symmetries, stats: { seconds: (performance.now() - start) / 1000 } };
}

/** What the solver says of a component the analysis did not reach. */
function unanalysedComponent(c: Component): UnanalysedComponent {
  const basis = c.kind === 'orbits' ? undefined : c.basis;
  return { dimension: c.dimension, degree: c.degree, ...(basis ? { basis: basis.map(polynomialDataToString) } : {}) };
}

/**
 * What the solver says of a part its decomposition did not finish: the loss on it when constant
 * (the solver's value of `valueOnCriticalSet(L)`, which agrees with L on the critical set), and
 * the type its real points share when that value is the least the loss takes.
 */
function unfinishedPart(part: UnfinishedPart, nonNegative: boolean): UnfinishedCriticalPart {
  const value = part.constantValues?.[0] ?? undefined;
  return {
    dimensionBound: part.dimensionBound,
    equations: part.equations.map(polynomialDataToString),
    ...(part.irreducible ? { irreducible: true } : {}),
    ...(value !== undefined ? { criticalValue: value } : {}),
    ...(value === '0' && nonNegative ? { type: 'minimum' as const } : {}),
  };
}

/** The exact sign of a regularization weight λ (text or number, read as the fraction it denotes); undefined if unreadable. */
function lambdaSign(v: string | number): -1 | 0 | 1 | undefined {
  try {
    return rsign(parseRational(String(v)));
  } catch {
    return undefined;
  }
}

/** Is the loss a sum of squares plus non-negative regularization (so L ≥ 0)? */
function isNonNegative(net: NetworkLoss): boolean {
  const reg = net.spec.regularization;
  if (reg === undefined) return true;
  const values = typeof reg === 'object' ? Object.values(reg) : [reg];
  return values.every((v) => (lambdaSign(v) ?? -1) >= 0);
}

/**
 * What the solver is told of the critical set's dimension (`positiveDimensional`). Without weight
 * decay on every weight it is usually positive-dimensional (continuous symmetries, or a zero-loss
 * set of more weights than data); with it on every weight and no continuous symmetry (which moves
 * every critical point it does not fix), usually finite; with a continuous symmetry left, nothing
 * is said. A loss not built from layers has no symmetries to read: nothing is said either.
 */
function dimensionHint(net: NetworkLoss): boolean | undefined {
  if (!isCoercive(net)) return true;
  if (!Array.isArray(net.spec.layers)) return undefined;
  return continuousSymmetries(net).symmetries.length > 0 ? undefined : false;
}

/** Does the spec regularize every free weight with λ > 0 (decided exactly: λ = 10⁻⁴⁰⁰ counts)? */
function isCoercive(net: NetworkLoss): boolean {
  const reg = net.spec.regularization;
  if (reg === undefined) return false;
  const positive = (v: string | number): boolean => lambdaSign(v) === 1;
  if (typeof reg === 'object') return net.ring.vars.every((w) => reg[w] !== undefined && positive(reg[w]));
  return positive(reg);
}

