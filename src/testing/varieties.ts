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
import { IntMatrix, changeCoordinates, unimodularMatrix } from './coordinates';
import { PlantedComponent, PlantedSystem, minimalComponents, plantRing, pointOfLinearPrime } from './plant';

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
  const raw = spec.shapes.map((name, i) => {
    const s = shape(name, spec.k + i, R);
    const prime = move(s.prime);
    const point = s.dimension === 0 ? pointOfLinearPrime(prime) : undefined;
    return { ...s, prime, ...(point ? { point } : {}), description: `${name}(${spec.k + i})` };
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
