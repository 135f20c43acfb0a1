/**
 * Zero-dimensional plants: u(x1) = Π (x1 − aⱼ)^mⱼ · Π (x1² + bⱼ)^mⱼ and xᵢ = vᵢ(x1) for i ≥ 2,
 * then moved by a unimodular change of coordinates. Each rational root a gives a rational point
 * of multiplicity m; each x1² + b with −b not a square gives a pair of conjugate algebraic points
 * (one component of degree 2) of multiplicity m, real when b < 0. The same construction as the
 * solver's own planted-solution tests (test/solve/solve.test.ts), factored for reuse.
 */
import fc from 'fast-check';
import { Rational, rational } from '../arithmetic/rational';
import { Polynomial } from '../poly/polynomial';
import { IntMatrix, changeCoordinates, inverseUnimodular, unimodularMatrix } from './coordinates';
import { Complex, PlantedComponent, PlantedSystem, plantRing, pointOfLinearPrime } from './plant';

/** The parameters of a zero-dimensional plant (what fast-check generates and shrinks). */
export interface PointsPlantSpec {
  n: number;
  roots: { a: number; m: number }[];
  quadratics: { b: number; m: number }[];
  /** Coefficients of vᵢ (constant first), one list per coordinate x2…xn. */
  graphs: number[][];
  A: IntMatrix;
}

/** Builds the plant of a spec. */
export function buildPointsPlant(spec: PointsPlantSpec): PlantedSystem {
  const R = plantRing(spec.n);
  const X = R.gens();
  const x1 = X[0];
  const vOf = (coeffs: number[], t: Polynomial<Rational>) => coeffs.reduce((acc, c, k) => acc.add(t.pow(k).scale(rational(BigInt(c)))), R.zero());
  const graphs = spec.graphs.map((coeffs, i) => X[i + 1].sub(vOf(coeffs, x1)));
  let u = R.one();
  const raw: PlantedComponent[] = [];
  const approximate = (ts: Complex[]) => ts.map((t) => approximatePoint(spec, t));
  for (const { a, m } of spec.roots) {
    u = u.mul(x1.sub(R.fromInt(a)).pow(m));
    const approximatePoints = approximate([{ re: a, im: 0 }]);
    raw.push({ prime: [x1.sub(R.fromInt(a)), ...graphs], dimension: 0, degree: 1, multiplicity: m, approximatePoints, description: `x1 = ${a}${m > 1 ? ` (×${m})` : ''}` });
  }
  for (const { b, m } of spec.quadratics) {
    const q = x1.pow(2).add(R.fromInt(b));
    u = u.mul(q.pow(m));
    const r = Math.sqrt(Math.abs(b));
    const approximatePoints = approximate(b < 0 ? [{ re: -r, im: 0 }, { re: r, im: 0 }] : [{ re: 0, im: -r }, { re: 0, im: r }]);
    raw.push({ prime: [q, ...graphs], dimension: 0, degree: 2, multiplicity: m, approximatePoints, description: `x1^2 + ${b} = 0${m > 1 ? ` (×${m})` : ''}` });
  }
  const move = (ps: Polynomial<Rational>[]) => changeCoordinates(ps, spec.A, R);
  const components = raw.map((c) => {
    const prime = move(c.prime);
    const point = c.degree === 1 ? pointOfLinearPrime(prime) : undefined;
    return { ...c, prime, ...(point ? { point } : {}) };
  });
  return {
    vars: [...R.vars],
    polynomials: move([u, ...graphs]),
    components,
    zeroDimensional: true,
    description: `points: ${raw.map((c) => c.description).join('; ')}; graphs ${JSON.stringify(spec.graphs)}; A = ${JSON.stringify(spec.A)}`,
  };
}

/**
 * The point of the moved plant whose original first coordinate is t: y = (t, v2(t), …, vn(t))
 * solves the original system, so A⁻¹·y solves the moved one (in complex doubles).
 */
function approximatePoint(spec: PointsPlantSpec, t: Complex): Record<string, Complex> {
  const value = (coeffs: number[]): Complex => {
    // Horner in C.
    let re = 0;
    let im = 0;
    for (let k = coeffs.length - 1; k >= 0; k--) [re, im] = [re * t.re - im * t.im + coeffs[k], re * t.im + im * t.re];
    return { re, im };
  };
  const y = [t, ...spec.graphs.map(value)];
  const inverse = inverseUnimodular(spec.A);
  const out: Record<string, Complex> = {};
  inverse.forEach((row, i) => {
    out[`x${i + 1}`] = row.reduce((s, c, j) => ({ re: s.re + c * y[j].re, im: s.im + c * y[j].im }), { re: 0, im: 0 });
  });
  return out;
}

/** Options of the point plants. */
export interface PointsOptions {
  /** Number of variables (default 2..3). */
  minVars?: number;
  maxVars?: number;
  /** Rational points (default true). */
  rational?: boolean;
  /** Pairs of conjugate algebraic points (default true). */
  algebraic?: boolean;
  /** Largest multiplicity (default 1: simple points). */
  maxMultiplicity?: number;
  /** Apply a random unimodular change of coordinates (default true). */
  changeCoordinates?: boolean;
}

/** x² + b is irreducible over Q for these b (−b is not a square); negative ones give real points. */
const IRREDUCIBLE_B = [-2, -3, -5, 1, 2, 3];

/** Parameters of a zero-dimensional plant (see `PointsOptions`). */
export function pointsPlantSpec(options: PointsOptions = {}): fc.Arbitrary<PointsPlantSpec> {
  const { minVars = 2, maxVars = 3, rational: withRational = true, algebraic = true, maxMultiplicity = 1, changeCoordinates: move = true } = options;
  const m = fc.integer({ min: 1, max: Math.max(1, maxMultiplicity) });
  const none = fc.constant<never[]>([]);
  return fc
    .integer({ min: minVars, max: maxVars })
    .chain((n) =>
      fc.record<PointsPlantSpec>({
        n: fc.constant(n),
        roots: withRational ? fc.uniqueArray(fc.record({ a: fc.integer({ min: -4, max: 4 }), m }), { selector: (r) => r.a, maxLength: 3 }) : none,
        quadratics: algebraic ? fc.uniqueArray(fc.record({ b: fc.constantFrom(...IRREDUCIBLE_B), m }), { selector: (r) => r.b, maxLength: 2 }) : none,
        graphs: fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -1, max: 1 })).map((t) => [...t]), { minLength: n - 1, maxLength: n - 1 }),
        A: move ? unimodularMatrix(n) : fc.constant(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))),
      }),
    )
    .filter((s) => s.roots.length + s.quadratics.length > 0);
}

/**
 * Zero-dimensional systems with planted rational and algebraic points, multiplicities and a
 * change of coordinates.
 * @example fc.assert(fc.property(plantedPoints({ maxMultiplicity: 2 }), (P) => checkSolution(P, solve(P.polynomials)).ok))
 */
export function plantedPoints(options: PointsOptions = {}): fc.Arbitrary<PlantedSystem> {
  return pointsPlantSpec(options).map(buildPointsPlant);
}

/** Simple rational points only. */
export const rationalPoints = (options: PointsOptions = {}): fc.Arbitrary<PlantedSystem> => plantedPoints({ ...options, algebraic: false, rational: true });
/** Conjugate algebraic points (with rational ones too unless `rational: false`). */
export const algebraicPoints = (options: PointsOptions = {}): fc.Arbitrary<PlantedSystem> =>
  pointsPlantSpec({ ...options, algebraic: true }).filter((s) => s.quadratics.length > 0).map(buildPointsPlant);
/** Points of multiplicity up to `maxMultiplicity` (default 3). */
export const multiplePoints = (options: PointsOptions = {}): fc.Arbitrary<PlantedSystem> => plantedPoints({ maxMultiplicity: 3, ...options });
