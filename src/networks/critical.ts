/**
 * All critical points of a network's loss: the critical set {∇L = 0} decomposed into
 * irreducible components over Q (points and positive-dimensional pieces), the loss value on each
 * component, and its type (minimum, maximum, saddle, degenerate) from the Hessian's inertia.
 *
 * - Critical values: L is constant on every irreducible component of the critical set (its
 *   gradient vanishes there), so the value on a prime P is the root of the generator of
 *   (P + ⟨t − L⟩) ∩ Q[t]; when L reduces to a constant modulo P the value is rational.
 * - Classification at real points, exactly: rational points give a rational Hessian; algebraic
 *   points give a Hessian over Q(θ) whose characteristic polynomial's signs are decided at θ
 *   (see `solve/inertia.ts`). On a component of dimension d the Hessian has at least d zero
 *   eigenvalues (the tangent directions); with exactly d (Morse–Bott) the other signs decide
 *   minimum/maximum/saddle, with more it is a saddle if both signs occur and degenerate
 *   otherwise. Positive-dimensional components are classified at their sample points (the most
 *   generic one: the fewest zero eigenvalues). Components without a real point found are
 *   'complex'.
 */
import { QQ } from '../arithmetic/field';
import { Rational, parseRational, rational, rationalToString, rcmp } from '../arithmetic/rational';
import { Deadline, InputError, TimeoutError, deadlineOf } from '../errors';
import { changeRing } from '../poly/change';
import { gradient, hessian } from '../poly/derivative';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { NumberFieldElement, numberField } from '../poly/number-field';
import { UPoly, toUnivariate, uevaluate } from '../poly/univariate';
import { eliminate } from '../groebner/eliminate';
import { normalForm } from '../groebner/normal-form';
import { Inertia, algebraicInertia, intervalInertia, rationalInertia } from '../solve/inertia';
import { evaluateOnInterval, decimal } from '../solve/points';
import { RootInterval, isolateRealRoots, refineRoot } from '../solve/roots/real';
import { Component, SolveResult, solve } from '../solve/solve';
import { AlgebraicDescription, ComponentParametrizationData, ExactRealPoint, exactRealPoints, parametrizationOf } from '../solve/zero-dimensional';
import { realPointBox, valuesOnComponent } from '../solve/component-values';
import { evaluateAtRationalPoint, evaluateOnBox } from '../poly/evaluate';
import { factorUnivariate } from '../poly/factor';
import { NetworkLoss } from './loss';
import { ImageWorkers } from '../solve/image-workers';
import { canonicalRing } from '../solve/canonical';
import { digitsOption } from '../poly/arguments';
import { ComponentOrbit, SymmetryReport, attachSymmetries } from './critical-symmetry';

export type CriticalType = 'minimum' | 'maximum' | 'saddle' | 'degenerate' | 'mixed' | 'complex';

/** A critical value: exact rational text, or an algebraic number. */
export type CriticalValue =
  | string
  | {
      minimalPolynomial: string;
      realRoots: { lo: string; hi: string; approx: string }[];
      approx: string;
      /**
       * The real roots taken at the component's real points (a real root of the minimal
       * polynomial may be the value at a pair of complex conjugate points only).
       */
      atRealPoints?: string[];
    };

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
  /** Finite components: how many points are real (all listed in `points`) and how many are not. */
  realPoints?: number;
  nonRealPoints?: number;
  freeVariables?: string[];
  parametrization?: Record<string, string>;
  points?: unknown[];
  samplePoints?: unknown[];
  /** The component's orbit under the network's discrete symmetries (see `symmetries`). */
  orbit?: ComponentOrbit;
}

export interface CriticalAnalysis {
  weights: string[];
  loss: string;
  /** Largest dimension of a component of the critical set. */
  dimension: number;
  /** For a finite critical set: the number of critical points counted with multiplicity. */
  solutions?: number;
  /** Distinct critical values, real ones ascending first. */
  criticalValues: CriticalValue[];
  components: CriticalComponent[];
  /** True when every component of the critical set is analysed; false when a time limit cut the work short. */
  complete: boolean;
  /** Why the analysis is incomplete, when it is. */
  message?: string;
  /** The smallest critical value over components with real points (the global minimum when attained; only for complete analyses). */
  globalMinimum?: { value: CriticalValue; approx: string; components: number[]; note: string };
  /** The network's symmetries and the components' orbits (unless `symmetries: false`). */
  symmetries?: SymmetryReport;
  seconds: number;
}

export interface CriticalOptions {
  digits?: number;
  timeout?: number;
  deadline?: Deadline;
  /** Permute the variables with this seed before solving (the answer must not change). */
  shuffleSeed?: number;
  /** List the non-real critical points of finite components (default false: counted). */
  complex?: boolean;
  /** Write the prime ideal of finite components in the weights when small (default false). */
  bases?: boolean;
  /** Receives what is known so far (`complete: false`) as it grows; see `SolveOptions.onPartial`. */
  onPartial?: (partial: CriticalAnalysis) => void;
  /** Receives short progress messages (the CLI shows them on a terminal). */
  progress?: (message: string) => void;
  /** Derive the network's symmetries and the components' orbits (default true). */
  symmetries?: boolean;
  /** Helper threads for the solver (see `SolveOptions.imageWorkers`). */
  imageWorkers?: ImageWorkers;
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

/** p evaluated at number-field coordinates (one per ring variable). */
function evaluateInField(p: Polynomial<Rational>, F: ReturnType<typeof numberField>, values: NumberFieldElement[]): NumberFieldElement {
  const powers: NumberFieldElement[][] = values.map((v) => [F.one, v]);
  const power = (i: number, e: number): NumberFieldElement => {
    const list = powers[i];
    while (list.length <= e) list.push(F.mul(list[list.length - 1], values[i]));
    return list[e];
  };
  let acc = F.zero;
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    let t = F.fromRational(p.coefficients[k]);
    for (let i = 0; i < values.length; i++) if (m[i + 1] > 0) t = F.mul(t, power(i, m[i + 1]));
    acc = F.add(acc, t);
  }
  return acc;
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

function typeOf(inertia: Inertia, dimension: number): CriticalType {
  if (inertia.positive > 0 && inertia.negative > 0) return 'saddle';
  if (inertia.zero === dimension) return inertia.negative === 0 ? 'minimum' : 'maximum';
  return 'degenerate';
}

/** The value of L on the prime with basis B (canonical ring). */
function valueOn(L: Polynomial<Rational>, B: Polynomial<Rational>[], digits: number, deadline?: Deadline): { value: CriticalValue; key: number } {
  // B is empty on the whole space (a constant loss: every point is critical).
  const C = B[0]?.ring ?? canonicalRing(QQ, L.ring.vars);
  const LC = changeRing(L, C);
  const r = normalForm(LC, B);
  if (r.isConstant()) {
    const q = r.isZero() ? QQ.zero : r.lc();
    return { value: rationalToString(q), key: Number(decimal(q, 17)) };
  }
  const S = new PolynomialRing(QQ, [...C.vars, 't_']);
  const gens = [...B.map((g) => changeRing(g, S)), S.variable('t_').sub(changeRing(LC, S))];
  const E = eliminate(gens, C.vars, { deadline });
  const e = toUnivariate(E[0], 0);
  const factors = factorUnivariate(e).factors;
  const f = factors[0].factor;
  const T = new PolynomialRing(QQ, ['t']);
  const realRoots = isolateRealRoots(f).map((iv) => {
    const refined = iv.lo === iv.hi ? iv : refineRoot(f, iv, { bits: Math.ceil(digits * 3.33) + 8 });
    const box = evaluateOnInterval([QQ.zero, QQ.one] as UPoly<Rational>, refined);
    return { lo: rationalToString(box.lo), hi: rationalToString(box.hi), approx: decimal(QQ.div(QQ.add(box.lo, box.hi), rational(2n)), digits), mid: QQ.div(QQ.add(box.lo, box.hi), rational(2n)) };
  });
  const poly = T.fromTerms(f.map((c, i) => [[i], rational(c)] as const));
  return {
    value: { minimalPolynomial: poly.toString(), realRoots: realRoots.map(({ lo, hi, approx }) => ({ lo, hi, approx })), approx: realRoots.map((r) => r.approx).join(', ') },
    key: realRoots.length > 0 ? Number(realRoots[0].approx) : Infinity,
  };
}

/** The critical value on a finite component, from the loss evaluated on its parametrization. */
function valueOnPoints(L: Polynomial<Rational>, data: ComponentParametrizationData, thetas: readonly RootInterval[], digits: number, deadline?: Deadline): { value: CriticalValue; key: number; realKey?: number } {
  const bits = Math.ceil(digits * 3.33) + 8;
  const v = valuesOnComponent(L, data, thetas, bits, deadline);
  if (v.kind === 'rational') return { value: rationalToString(v.value), key: Number(decimal(v.value, 17)) };
  const T = new PolynomialRing(QQ, ['t']);
  const mid = (r: { lo: Rational; hi: Rational }): Rational => QQ.div(QQ.add(r.lo, r.hi), rational(2n));
  const realRoots = v.realRoots.map((r) => ({ lo: rationalToString(r.lo), hi: rationalToString(r.hi), approx: decimal(mid(r), digits) }));
  const attained = [...new Set(v.atRealPoints)].sort((a, b) => a - b);
  const value: CriticalValue = {
    minimalPolynomial: T.fromTerms(v.minimalPolynomial.map((c, i) => [[i], rational(c)] as const)).toString(),
    realRoots,
    approx: realRoots.map((r) => r.approx).join(', '),
    ...(thetas.length > 0 ? { atRealPoints: attained.map((k) => realRoots[k].approx) } : {}),
  };
  return {
    value,
    key: realRoots.length > 0 ? Number(realRoots[0].approx) : Infinity,
    ...(attained.length > 0 ? { realKey: Number(realRoots[attained[0]].approx) } : {}),
  };
}

/**
 * The inertia of the Hessian at the real point of a finite component with root interval θ:
 * first in interval arithmetic on a box around the point (certain when the Hessian is
 * non-singular there, as at every simple critical point), at growing precision; the exact
 * computation in Q(θ) decides the rest.
 */
function inertiaAtRealPoint(H: Polynomial<Rational>[][], W: PolynomialRing<Rational>, data: ComponentParametrizationData, exact: ExactRealPoint, deadline?: Deadline): Inertia {
  const index = W.vars.map((v) => data.ring.vars.indexOf(v));
  let iv = exact.interval;
  for (let s = 64; s <= 512; s *= 2) {
    deadline?.check();
    const at = realPointBox(data, iv, s);
    iv = at.theta;
    const box = index.map((i) => at.box[i]);
    const M = H.map((row, i) => row.map((h, j) => (j <= i ? evaluateOnBox(h, box, s) : { lo: 0n, hi: 0n })));
    const inertia = intervalInertia(M, s);
    if (inertia) return inertia;
  }
  return inertiaAt(H, W, exact);
}

/**
 * The real roots of the critical value's minimal polynomial that the loss takes at the given
 * exact real points: L is evaluated in the point's number field, then on the refined isolating
 * interval of its generator (exact interval arithmetic), and matched with the roots' isolating
 * intervals it meets.
 */
function valuesAtRealPoints(L: Polynomial<Rational>, ring: PolynomialRing<Rational>, points: readonly ExactRealPoint[], roots: { lo: string; hi: string; approx: string }[]): { approx: string }[] {
  const hit = new Set<number>();
  for (const point of points) {
    const F = numberField(point.chi);
    const coords = ring.vars.map((v) => point.coordinates[point.vars.indexOf(v)] as NumberFieldElement);
    const value = evaluateOnInterval(evaluateInField(L, F, coords) as UPoly<Rational>, point.interval);
    roots.forEach((r, k) => {
      if (rcmp(parseRational(r.lo), value.hi) <= 0 && rcmp(value.lo, parseRational(r.hi)) <= 0) hit.add(k);
    });
  }
  return roots.filter((_, k) => hit.has(k));
}

/** Analyses the critical set of a network's loss. */
export function criticalPoints(net: NetworkLoss, options: CriticalOptions = {}): CriticalAnalysis {
  const start = performance.now();
  const n = net as Partial<NetworkLoss> | null;
  if (typeof n !== 'object' || n === null || !(n.loss instanceof Polynomial) || !(n.ring instanceof PolynomialRing)) {
    throw new InputError('criticalPoints takes the loss of a network: criticalPoints(networkLoss(spec)) or criticalPoints(networkLoss(preset(name)))');
  }
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
    deadline,
    complex: options.complex,
    bases: options.bases,
    progress: options.progress,
    imageWorkers: options.imageWorkers,
    // What the solver knows so far, as an analysis without values yet.
    onPartial:
      options.onPartial &&
      ((r) =>
        options.onPartial?.({
          weights: [...W.vars],
          loss: net.loss.toString(),
          dimension: r.dimension,
          ...(r.solutions !== undefined ? { solutions: r.solutions } : {}),
          criticalValues: [],
          components: [],
          complete: false,
          message: r.message,
          seconds: (performance.now() - start) / 1000,
        })),
  });
  if (!deadline.expired) options.progress?.('critical values and Hessians'); // past the limit, the phase reached stays the solver's
  const H = hessian(L);
  // An algebraic critical value lists the real roots of its minimal polynomial; some may be taken
  // only at complex points. Record those taken at the real points and return the smallest.
  const restrictToRealPoints = (value: CriticalValue, points: readonly object[]): number | undefined => {
    if (typeof value === 'string' || points.length === 0) return undefined;
    const exact = points.map((p) => exactRealPoints.get(p)).filter((p): p is ExactRealPoint => p !== undefined);
    if (exact.length === 0) return undefined;
    const attained = valuesAtRealPoints(L, ring, exact, value.realRoots);
    value.atRealPoints = attained.map((r) => r.approx);
    return attained.length > 0 ? Math.min(...attained.map((r) => Number(r.approx))) : undefined;
  };
  type Analyzed = CriticalComponent & { key: number; real: boolean };
  const analyze = (c: Component): Analyzed => {
    deadline?.check();
    if (c.kind === 'points') {
      const data = parametrizationOf(c);
      const realPoints = c.points.filter((p) => p.real).map((p) => exactRealPoints.get(p) as ExactRealPoint);
      const { value, key, realKey } = valueOnPoints(L, data, realPoints.map((p) => p.interval), digits, deadline);
      const inertias = realPoints.map((p) => inertiaAtRealPoint(H, ring, data, p, deadline));
      const types = [...new Set(inertias.map((i) => typeOf(i, 0)))];
      const type: CriticalType = types.length === 0 ? 'complex' : types.length === 1 ? types[0] : 'mixed';
      return {
        dimension: 0,
        degree: c.degree,
        criticalValue: value,
        ...(c.basis ? { basis: c.basis.map(String) } : {}),
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
    const { value, key } = valueOn(L, c.basis, digits, deadline);
    const base = { dimension: c.dimension, degree: c.degree, criticalValue: value, basis: c.basis.map(String) };
    const realSamples = c.samplePoints.filter((p) => p.real && exactRealPoints.has(p));
    const exact = realSamples.map((p) => inertiaAt(H, ring, exactRealPoints.get(p) as ExactRealPoint));
    const realKey = restrictToRealPoints(value, realSamples) ?? key;
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
    const smallestReal = Math.min(...components.filter((c) => c.real).map((c) => c.key));
    for (const c of components) {
      if (!c.real || c.type === 'minimum' || c.type === 'saddle') continue;
      const zero = c.criticalValue === '0' && nonNegative;
      if (zero || (complete && coercive && c.key === smallestReal && typeof c.criticalValue === 'string')) c.type = 'minimum';
    }
    // Distinct critical values, sorted by (first real) value.
    const seen = new Map<string, { value: CriticalValue; key: number }>();
    for (const c of components) seen.set(JSON.stringify(c.criticalValue), { value: c.criticalValue, key: c.key });
    const criticalValues = [...seen.values()].sort((a, b) => a.key - b.key).map((v) => v.value);
    const realOnes = components.map((c, i) => ({ c, i })).filter(({ c }) => c.real);
    let globalMinimum: CriticalAnalysis['globalMinimum'];
    // The global minimum needs every component: an incomplete answer names none.
    if (complete && realOnes.length > 0) {
      const best = Math.min(...realOnes.map(({ c }) => c.key));
      const at = realOnes.filter(({ c }) => c.key === best);
      const regularized = isCoercive(net);
      const v = at[0].c.criticalValue;
      globalMinimum = {
        value: v,
        approx: typeof v === 'string' ? v : (v.atRealPoints ?? v.realRoots.map((r) => r.approx)).find((x) => Number(x) === best) ?? String(best),
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
      criticalValues,
      components: components.map(({ key: _k, real: _r, ...c }) => c),
      ...(globalMinimum ? { globalMinimum } : {}),
      complete,
      ...(message ? { message } : {}),
      seconds: (performance.now() - start) / 1000,
    };
  };
  const analyzed: Analyzed[] = [];
  let message = result.complete ? undefined : result.message;
  try {
    for (const c of result.components) {
      analyzed.push(analyze(c));
      options.onPartial?.(summary([...analyzed], false, `stopped before the end (phase: critical values and Hessians)`));
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    message = `${e.message} (phase: critical values and Hessians; ${analyzed.length} of ${result.components.length} component(s) analysed)`;
  }
  const analysis = summary(analyzed, message === undefined, message);
  // Past the time limit the analysis is cut short: no orbits of a partial list.
  if (options.symmetries === false || deadline.expired) return analysis;
  // The symmetry group and the orbits of the components under it (critical-symmetry.ts).
  options.progress?.('symmetries and orbits');
  const symmetries = attachSymmetries(analysis, net, result.components.slice(0, analyzed.length), deadline);
  return { ...analysis, symmetries, seconds: (performance.now() - start) / 1000 };
}

/** Is the loss a sum of squares plus non-negative regularization (so L ≥ 0)? */
function isNonNegative(net: NetworkLoss): boolean {
  const reg = net.spec.regularization;
  if (reg === undefined) return true;
  const values = typeof reg === 'object' ? Object.values(reg) : [reg];
  return values.every((v) => !String(v).trim().startsWith('-'));
}

/** Does the spec regularize every free weight with λ > 0? */
function isCoercive(net: NetworkLoss): boolean {
  const reg = net.spec.regularization;
  if (reg === undefined) return false;
  const positive = (v: string | number): boolean => {
    try {
      const r = String(v).includes('/') ? String(v).split('/') : [String(v), '1'];
      return Number(r[0]) / Number(r[1]) > 0;
    } catch {
      return false;
    }
  };
  if (typeof reg === 'object') return net.ring.vars.every((w) => reg[w] !== undefined && positive(reg[w]));
  return positive(reg);
}

