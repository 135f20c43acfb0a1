/**
 * Positive-dimensional plants in three variables: unions of planes, lines, conics, twisted
 * cubics and points, given as the product P1·P2·… of their prime ideals (whose variety is the
 * union), moved by a unimodular change of coordinates. Pieces that lie inside another (a point
 * on a plane) are not minimal primes and are dropped from the plant. The same construction as
 * the decomposition tests (test/solve/decompose.test.ts), factored for reuse.
 */
import fc from 'fast-check';
import { Rational } from '../arithmetic/rational';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { cadd, cdiv, cmul, complex, csub } from './complex';
import { IntMatrix, changeCoordinates, inverseUnimodular, unimodularMatrix } from './coordinates';
import { Complex, PlantedComponent, PlantedSystem, minimalComponents, plantRing, pointOfLinearPrime } from './plant';

/** The shapes a union is made of. */
export type ShapeName = 'plane' | 'line' | 'conic' | 'point' | 'twistedCubic';
export const SHAPE_NAMES: readonly ShapeName[] = ['plane', 'line', 'conic', 'point', 'twistedCubic'];

/** A shape's prime (before the change of coordinates), dimension and degree, shifted by k. */
export function shape(name: ShapeName, k: number, R: PolynomialRing<Rational> = plantRing(3)): Omit<PlantedComponent, 'description'> {
  const [x, y, z] = R.gens();
  const c = (n: number) => R.fromInt(n);
  switch (name) {
    case 'plane':
      return { prime: [x.sub(c(k))], dimension: 2, degree: 1 };
    case 'line':
      return { prime: [x.sub(y), z.sub(c(k))], dimension: 1, degree: 1 };
    case 'conic':
      return { prime: [z.sub(c(k)), x.pow(2).add(y.pow(2)).sub(c(1))], dimension: 1, degree: 2 };
    case 'point':
      return { prime: [x.sub(c(k)), y.sub(c(1 - k)), z.sub(c(2))], dimension: 0, degree: 1 };
    case 'twistedCubic':
      return { prime: [y.sub(x.pow(2).add(c(k))), z.sub(x.pow(3))], dimension: 1, degree: 3 };
  }
}

/**
 * A shape's points (before the change of coordinates) at parameters t: the plane x = k at
 * (k, t1, t2), the line at (t, t, k), the conic through the rational parametrization of
 * x² + y² = 1, the twisted cubic at (t, t² + k, t³).
 */
export function shapePoint(name: ShapeName, k: number, t: readonly Complex[]): [Complex, Complex, Complex] {
  const c = (n: number) => complex(n);
  const [s, u] = [t[0] ?? c(0), t[1] ?? c(0)];
  switch (name) {
    case 'plane':
      return [c(k), s, u];
    case 'line':
      return [s, s, c(k)];
    case 'conic': {
      const s2 = cmul(s, s);
      const d = cadd(c(1), s2);
      return [cdiv(csub(c(1), s2), d), cdiv(cmul(c(2), s), d), c(k)];
    }
    case 'point':
      return [c(k), c(1 - k), c(2)];
    case 'twistedCubic':
      return [s, cadd(cmul(s, s), c(k)), cmul(s, cmul(s, s))];
  }
}

/** Generators of the product ideal P1·P2·…, whose variety is the union. */
export function productIdeal(R: PolynomialRing<Rational>, ideals: readonly Polynomial<Rational>[][]): Polynomial<Rational>[] {
  return ideals.reduce<Polynomial<Rational>[]>((acc, I) => acc.flatMap((a) => I.map((b) => a.mul(b))), [R.one()]);
}

/** Parameters of a union plant. */
export interface VarietiesPlantSpec {
  shapes: ShapeName[];
  /** Shift of the first shape (the i-th is shifted by k + i, so no two coincide). */
  k: number;
  A: IntMatrix;
}

/** Builds the plant of a spec. */
export function buildVarietiesPlant(spec: VarietiesPlantSpec): PlantedSystem {
  const R = plantRing(3);
  const move = (ps: Polynomial<Rational>[]) => changeCoordinates(ps, spec.A, R);
  // The moved component is {x : A·x on the shape}: its points are A⁻¹·y for y on the shape.
  const inverse = inverseUnimodular(spec.A);
  const raw = spec.shapes.map((name, i) => {
    const s = shape(name, spec.k + i, R);
    const prime = move(s.prime);
    const point = s.dimension === 0 ? pointOfLinearPrime(prime) : undefined;
    const sample = (t: readonly Complex[]): Record<string, Complex> => {
      const y = shapePoint(name, spec.k + i, t);
      return Object.fromEntries(inverse.map((row, j) => [R.vars[j], row.reduce((acc, a, l) => cadd(acc, cmul(complex(a), y[l])), complex(0))]));
    };
    const approximatePoints = s.dimension === 0 ? [sample([])] : undefined;
    return { ...s, prime, ...(point ? { point } : {}), ...(approximatePoints ? { approximatePoints } : { sample }), description: `${name}(${spec.k + i})` };
  });
  const components = minimalComponents(raw);
  return {
    vars: [...R.vars],
    polynomials: productIdeal(R, raw.map((c) => c.prime)),
    components,
    zeroDimensional: components.every((c) => c.dimension === 0),
    description: `union of ${raw.map((c) => c.description).join(', ')}; A = ${JSON.stringify(spec.A)}`,
  };
}

/** Options of the union plants. */
export interface VarietiesOptions {
  /** Most pieces in a union (default 3). */
  maxPieces?: number;
  /** The shapes to draw from (default all). */
  shapes?: readonly ShapeName[];
  /** Largest entry of the change of coordinates' factors (default 1; 0 for none). */
  maxEntry?: number;
}

/** Parameters of a union plant (see `VarietiesOptions`). */
export function varietiesPlantSpec(options: VarietiesOptions = {}): fc.Arbitrary<VarietiesPlantSpec> {
  const { maxPieces = 3, shapes = SHAPE_NAMES, maxEntry = 1 } = options;
  return fc.record({
    shapes: fc.uniqueArray(fc.constantFrom(...shapes), { minLength: 1, maxLength: maxPieces }),
    k: fc.integer({ min: -2, max: 2 }),
    A: unimodularMatrix(3, maxEntry),
  });
}

/**
 * Systems whose solution set is a planted union of planes, lines, conics, twisted cubics and
 * points (positive-dimensional components), under a change of coordinates.
 * @example fc.assert(fc.property(plantedVarieties(), (P) => checkSolution(P, solve(P.polynomials)).ok))
 */
export function plantedVarieties(options: VarietiesOptions = {}): fc.Arbitrary<PlantedSystem> {
  return varietiesPlantSpec(options).map(buildVarietiesPlant);
}
