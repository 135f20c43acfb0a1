/**
 * Solving a finite system with sign symmetries orbit by orbit: the diagonal sign changes that
 * leave every equation semi-invariant (`sign-symmetry.ts`) are read off the system, the orbit
 * space of its solutions is parametrized (`orbit-space.ts`), the complex and real solutions are
 * counted exactly (`orbit-points.ts`), and every real solution is given with certified decimals:
 * the representative of each real orbit from the parametrization (square roots of positive
 * invariants, on exact intervals), the others by the group's sign changes.
 *
 * This is the route for a network's critical points with a weight decay λ per weight: the sign
 * flips of the hidden units divide the degree of the parametrization by up to the group's order,
 * and its height with it. It applies to radical zero-dimensional systems with a non-trivial sign
 * group; otherwise the answer says why (`kind: 'not-applicable'`) and `solve` is the route.
 */
import { QQ } from '../arithmetic/field';
import { isqrt } from '../arithmetic/integers';
import { Rational, parseRational, rational, rationalToString, req } from '../arithmetic/rational';
import { ControlOptions, phase, resolveControl } from '../control';
import { digitsOption, checkSystem } from '../poly/arguments';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly, uderivative } from '../poly/univariate';
import { canonicalRing } from './canonical';
import { LearnedFirstPrime } from '../groebner/modular';
import { countOrbitPoints } from './orbit-points';
import { OrbitComponent, OrbitCoordinate, OrbitParametrization, orbitParametrization } from './orbit-space';
import { Interval, containsZero, decimal, divideIntervals, evaluateOnInterval, multiplyIntervals } from './points';
import { FixedInterval, fixedFromRationals } from '../arithmetic/fixed-interval';
import { RootInterval, refineRoot } from './roots/real';
import { SignGroup, signSymmetries } from './sign-symmetry';
import { ImageWorkers } from './image-workers';

/**
 * A real solution found through its orbit: certified decimals and an exact box per coordinate,
 * and its exact description — the root θ of its family's q (isolating interval) and the signs
 * that take the orbit's representative (every pivot positive) to it.
 */
export interface OrbitPoint {
  kind: 'orbit';
  real: true;
  approx: Record<string, string>;
  /** [lo, hi] per coordinate, rational text. */
  box: Record<string, [string, string]>;
  /** An isolating interval of the orbit's root θ of q (rational text). */
  theta: { lo: string; hi: string };
  /** −1 for the coordinates that are the representative's negated. */
  signs: Record<string, 1 | -1>;
}

/** How a coordinate is read on the representative of an orbit, as plain data (see `OrbitCoordinate`). */
export interface OrbitCoordinateData {
  kind: 'zero' | 'invariant' | 'pivot' | 'linked';
  /** The numerator u's coefficients (ascending, rational text): of x (invariant), x² (pivot), x·Π pivots (linked). */
  numerator: string[];
  /** Linked coordinates: the pivots (variable names) whose product divides. */
  pivots?: string[];
}

/**
 * A family of orbits: the roots θ of one irreducible factor q of the orbit space's minimal
 * polynomial, each an orbit of `orbitSize` solutions under the sign changes. Its `degree`
 * solutions are usually one Galois orbit over Q (they are a union of them).
 */
export interface OrbitFamily {
  kind: 'orbits';
  dimension: 0;
  /** Number of solutions: orbits × orbitSize. */
  degree: number;
  /** Each solution's multiplicity: 1 (this route needs a radical ideal). */
  multiplicity: 1;
  /** Number of orbits: the degree of q. */
  orbits: number;
  /** Solutions in each orbit. */
  orbitSize: number;
  realOrbits: number;
  realPoints: number;
  nonRealPoints: number;
  /** Non-real solutions are counted (listing them takes the classic route: `complex: true`). */
  complexPoints: 'counted';
  /**
   * The exact description: the invariant form T, q(T), and per variable how it is read at a root
   * θ of q on the orbit's representative — 0, u(θ)/q′(θ), +√(u(θ)/q′(θ)) (a pivot), or
   * (u(θ)/q′(θ))/Π pivots — as text and as coefficient lists.
   */
  exact: {
    invariantForm: string;
    minimalPolynomial: string;
    coordinates: Record<string, string>;
    coefficients: {
      /** T's terms: an integer coefficient (text) times a product of variables (names, with repetition). */
      invariantForm: { coefficient: string; product: string[] }[];
      minimalPolynomial: string[];
      coordinates: Record<string, OrbitCoordinateData>;
    };
  };
  /** Every real solution: each real orbit's representative, then its images. */
  points: OrbitPoint[];
}

export type OrbitSolveResult =
  | {
      kind: 'solved';
      /** Each generator of the sign group: the variables it negates (canonical names). */
      group: string[][];
      /** Complex solutions (the ideal is radical: each counted once). */
      solutions: number;
      realSolutions: number;
      orbits: number;
      /** Primes used by the lift. */
      primes: number;
      components: OrbitFamily[];
    }
  | { kind: 'not-applicable'; reason: string };

export interface OrbitSolveOptions extends ControlOptions {
  /** Significant digits of the decimals (default 20). */
  digits?: number;
  /** An F4 learning run modulo a prime on the primitive parts of the (canonical) equations, e.g. `modularStaircase`'s: replayed, not learned again. */
  learned?: LearnedFirstPrime;
  /** The sign group of the (canonical) equations, when the caller has computed it (`signSymmetries`). */
  group?: SignGroup;
  /** Helper threads for the images modulo primes (see `SolveOptions.imageWorkers`); the answer is the same without them. */
  imageWorkers?: ImageWorkers;
}

/**
 * Solves a finite system with sign symmetries orbit by orbit (see the file header), given the
 * number D of its solutions counted with multiplicity (e.g. from `modularStaircase`); the result
 * says `not-applicable` (with the reason) for a system without sign symmetry, or not radical.
 * The variables of the answer are the canonical ones (`canonicalRing`).
 * @example solveByOrbits([x² + y² − 5, x·y − 2], 4) // 4 solutions, 2 orbits under (x, y) ↦ (−x, −y)
 */
export function solveByOrbits(polys: readonly Polynomial<Rational>[], D: number, options: OrbitSolveOptions = {}): OrbitSolveResult {
  const R = checkSystem(polys, 'solveByOrbits', { field: QQ });
  const digits = digitsOption(options.digits, 'solveByOrbits');
  const { deadline, onProgress } = resolveControl(options, 'solveByOrbits');
  const C = canonicalRing(QQ, R.vars);
  const input = polys.map((g) => changeRing(g, C)).filter((g) => !g.isZero());
  if (input.length === 0) return { kind: 'not-applicable', reason: 'the zero ideal has positive dimension' };
  const group = options.group ?? signSymmetries(input);
  if (group.generators.length === 0) return { kind: 'not-applicable', reason: 'no sign change leaves every equation semi-invariant' };
  const par = orbitParametrization(input, D, group, { deadline, onProgress, imageWorkers: options.imageWorkers, ...(options.learned ? { learned: options.learned } : {}) });
  if (!par) return { kind: 'not-applicable', reason: 'the ideal is not radical, or no invariant of degree ≤ 3 separated the orbits' };
  onProgress?.(phase(`${D} solutions, ${par.minimalPolynomial.length - 1} orbits: the real ones and their points`));
  const count = countOrbitPoints(par);
  const invariantForm = formText(par, C.vars);
  const components = par.components.map((c, k): OrbitFamily => {
    const thetas = count.realOrbits.filter((o) => o.component === k).map((o) => o.theta);
    const points: OrbitPoint[] = [];
    for (const theta of thetas) {
      deadline?.check();
      const rep = representative(c, theta, digits);
      for (const signs of orbitSigns(par, c)) points.push(pointText(C.vars, rep.box, rep.theta, signs, digits));
    }
    const orbits = c.minimalPolynomial.length - 1;
    const degree = orbits * c.orbitSize;
    return {
      kind: 'orbits',
      dimension: 0,
      degree,
      multiplicity: 1,
      orbits,
      orbitSize: c.orbitSize,
      realOrbits: thetas.length,
      realPoints: thetas.length * c.orbitSize,
      nonRealPoints: degree - thetas.length * c.orbitSize,
      complexPoints: 'counted',
      exact: describe(C.vars, c, par, invariantForm),
      points,
    };
  });
  return {
    kind: 'solved',
    group: group.generators.map((g) => g.map((i) => C.vars[i])),
    solutions: count.complex,
    realSolutions: count.real,
    orbits: count.orbits,
    primes: par.primes,
    components,
  };
}

function formText(par: OrbitParametrization, vars: readonly string[]): string {
  const R = new PolynomialRing(QQ, vars);
  return par.form.terms.reduce((acc, { coefficient, product }) => acc.add(product.reduce((m, i) => m.mul(R.variable(i)), R.one()).scale(rational(BigInt(coefficient)))), R.zero()).toString();
}

/** The text of a polynomial in T (ascending coefficients). */
function upolyText(u: UPoly<Rational>): string {
  return UNIVARIATE.fromTerms(u.map((c, k) => [[k], c] as const)).toString();
}
const UNIVARIATE = new PolynomialRing(QQ, ['T']);

function describe(vars: readonly string[], c: OrbitComponent, par: OrbitParametrization, invariantForm: string): OrbitFamily['exact'] {
  const q = c.minimalPolynomial.map((x) => rational(x));
  const coordinates: Record<string, string> = {};
  const data: Record<string, OrbitCoordinateData> = {};
  c.coordinates.forEach((x, i) => {
    const over = (u: UPoly<Rational>): string => `(${upolyText(u)})/q'(T)`;
    coordinates[vars[i]] = x.kind === 'zero' ? '0' : x.kind === 'invariant' ? over(x.numerator) : x.kind === 'pivot' ? `sqrt(${over(x.numerator)})` : `${over(x.numerator)}/(${x.pivots.map((v) => vars[v]).join('*')})`;
    data[vars[i]] = {
      kind: x.kind,
      numerator: x.kind === 'zero' ? [] : x.numerator.map(rationalToString),
      ...(x.kind === 'linked' ? { pivots: x.pivots.map((v) => vars[v]) } : {}),
    };
  });
  const form = par.form.terms.map(({ coefficient, product }) => ({ coefficient: String(coefficient), product: product.map((i) => vars[i]) }));
  return { invariantForm, minimalPolynomial: upolyText(q), coordinates, coefficients: { invariantForm: form, minimalPolynomial: c.minimalPolynomial.map(String), coordinates: data } };
}

/** The invariant form T of a family, as a polynomial in the ring R (which has the family's variables). */
export function invariantFormOf(f: Pick<OrbitFamily, 'exact'>, R: PolynomialRing<Rational>): Polynomial<Rational> {
  return f.exact.coefficients.invariantForm.reduce((acc, { coefficient, product }) => acc.add(product.reduce((m, v) => m.mul(R.variable(v)), R.one()).scale(parseRational(coefficient))), R.zero());
}

/** The exact data of a family read back from its plain description (a copy, JSON, a message). */
export function orbitFamilyData(f: Pick<OrbitFamily, 'exact' | 'orbitSize'>): { vars: string[]; minimalPolynomial: bigint[]; coordinates: OrbitCoordinate[]; orbitSize: number } {
  const k = f.exact.coefficients;
  const vars = Object.keys(k.coordinates);
  const coordinates = vars.map((v): OrbitCoordinate => {
    const x = k.coordinates[v];
    const numerator = x.numerator.map(parseRational);
    if (x.kind === 'zero') return { kind: 'zero' };
    if (x.kind === 'invariant' || x.kind === 'pivot') return { kind: x.kind, numerator };
    return { kind: 'linked', pivots: (x.pivots ?? []).map((p) => vars.indexOf(p)), numerator };
  });
  return { vars, minimalPolynomial: k.minimalPolynomial.map((c) => BigInt(c)), coordinates, orbitSize: f.orbitSize };
}

/** The sign patterns of an orbit's points relative to its representative (+1 entries first). */
function orbitSigns(par: OrbitParametrization, c: OrbitComponent): Int8Array[] {
  const n = par.group.n;
  const support = c.coordinates.map((x) => x.kind !== 'zero');
  const out = new Map<string, Int8Array>();
  const k = par.group.generators.length;
  for (let mask = 0; mask < 2 ** k && out.size < c.orbitSize; mask++) {
    const s = new Int8Array(n).fill(1);
    par.group.generators.forEach((g, j) => {
      if (mask & (2 ** j)) for (const i of g) s[i] = -s[i];
    });
    for (let i = 0; i < n; i++) if (!support[i]) s[i] = 1;
    const key = s.join(',');
    if (!out.has(key)) out.set(key, s);
  }
  return [...out.values()];
}

/**
 * An enclosure of the representative of the real orbit whose root θ (of the family's q) is
 * isolated by `theta`, as fixed-point intervals at scale s per variable (the family's order),
 * about 2^−s wide times the coordinates' derivatives; with θ refined, for the next call.
 */
export function orbitRepresentativeBox(c: Pick<OrbitComponent, 'minimalPolynomial' | 'coordinates'>, theta: RootInterval, s: number): { box: FixedInterval[]; theta: RootInterval } {
  const q = c.minimalPolynomial;
  const dq = uderivative(QQ, q.map((x) => rational(x)));
  let bits = s + 8;
  let iv: RootInterval = req(theta.lo, theta.hi) ? theta : refineRoot(q, theta, { bits });
  for (;;) {
    const precision = bits + 16;
    const at = (u: UPoly<Rational>): Interval => (u.length <= 1 ? { lo: u[0] ?? QQ.zero, hi: u[0] ?? QQ.zero } : evaluateOnInterval(u, iv, precision));
    const boxes = enclose(c.coordinates, at(dq), at, precision);
    if (boxes) return { box: boxes.map((b) => fixedFromRationals(b.lo, b.hi, s)), theta: iv };
    if (req(iv.lo, iv.hi)) throw new Error('orbit points: a rational root should give exact coordinates');
    bits *= 2;
    iv = refineRoot(q, iv, { bits });
  }
}

/** √[a, b] for 0 < a ≤ b, rounded outward to `bits` fractional bits. */
function sqrtInterval(a: Interval, bits: number): Interval {
  const s = 1n << BigInt(bits);
  // ⌊a·4^bits⌋ and ⌈b·4^bits⌉, whose integer square roots bound √a·2^bits and √b·2^bits.
  const L = (a.lo.num * s * s) / a.lo.den;
  const H = (a.hi.num * s * s + a.hi.den - 1n) / a.hi.den;
  const r = isqrt(H);
  return { lo: rational(isqrt(L), s), hi: rational(r * r === H ? r : r + 1n, s) };
}

/** The representative's coordinates as intervals settled to `digits` decimals, and θ refined. */
function representative(c: Pick<OrbitComponent, 'minimalPolynomial' | 'coordinates'>, interval: RootInterval, digits: number): { box: Interval[]; theta: RootInterval } {
  const q = c.minimalPolynomial;
  const dq = uderivative(QQ, q.map((x) => rational(x)));
  let bits = Math.ceil(digits * 3.33) + 16;
  let theta: RootInterval = req(interval.lo, interval.hi) ? interval : refineRoot(q, interval, { bits });
  for (;;) {
    const precision = bits + 32;
    const at = (u: UPoly<Rational>): Interval => (u.length <= 1 ? { lo: u[0] ?? QQ.zero, hi: u[0] ?? QQ.zero } : evaluateOnInterval(u, theta, precision));
    const d = at(dq);
    const boxes = settle(c.coordinates, d, at, precision, digits);
    if (boxes) return { box: boxes, theta };
    if (req(theta.lo, theta.hi)) throw new Error('orbit points: a rational root should give exact coordinates');
    bits *= 2;
    theta = refineRoot(q, theta, { bits });
  }
}

/** Enclosures of the representative's coordinates, or undefined when θ's interval is too wide to exclude 0 where it must. */
function enclose(coordinates: readonly OrbitCoordinate[], d: Interval, at: (u: UPoly<Rational>) => Interval, bits: number): Interval[] | undefined {
  if (containsZero(d)) return undefined;
  const value = (u: UPoly<Rational>): Interval => divideIntervals(at(u), d, bits);
  const boxes: (Interval | undefined)[] = coordinates.map((x) => {
    if (x.kind === 'zero') return { lo: QQ.zero, hi: QQ.zero };
    if (x.kind === 'invariant') return value(x.numerator);
    if (x.kind === 'pivot') {
      const s = value(x.numerator);
      return s.lo.num > 0n ? sqrtInterval(s, bits) : undefined;
    }
    return { lo: QQ.zero, hi: QQ.zero }; // linked: below, from the pivots
  });
  if (boxes.some((b) => b === undefined)) return undefined;
  coordinates.forEach((x, i) => {
    if (x.kind !== 'linked') return;
    let den: Interval = { lo: QQ.one, hi: QQ.one };
    for (const v of x.pivots) den = multiplyIntervals(den, boxes[v] as Interval, bits);
    boxes[i] = divideIntervals(value(x.numerator), den, bits);
  });
  return boxes as Interval[];
}

/** The coordinates' enclosures when every one rounds to a single decimal text (else undefined: refine θ). */
function settle(coordinates: readonly OrbitCoordinate[], d: Interval, at: (u: UPoly<Rational>) => Interval, bits: number, digits: number): Interval[] | undefined {
  const out = enclose(coordinates, d, at, bits);
  if (!out) return undefined;
  for (const b of out) {
    if (req(b.lo, b.hi)) continue;
    if (b.lo.num === 0n || b.hi.num === 0n || decimal(b.lo, digits) !== decimal(b.hi, digits)) return undefined;
  }
  return out;
}

function pointText(vars: readonly string[], rep: readonly Interval[], theta: RootInterval, signs: Int8Array, digits: number): OrbitPoint {
  const approx: Record<string, string> = {};
  const box: Record<string, [string, string]> = {};
  const sign: Record<string, 1 | -1> = {};
  rep.forEach((b, i) => {
    const iv = signs[i] > 0 ? b : { lo: QQ.neg(b.hi), hi: QQ.neg(b.lo) };
    approx[vars[i]] = decimal(iv.lo, digits);
    box[vars[i]] = [rationalToString(iv.lo), rationalToString(iv.hi)];
    sign[vars[i]] = signs[i] > 0 ? 1 : -1;
  });
  return { kind: 'orbit', real: true, approx, box, theta: { lo: rationalToString(theta.lo), hi: rationalToString(theta.hi) }, signs: sign };
}
