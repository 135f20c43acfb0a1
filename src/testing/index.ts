/**
 * `polycrit/testing`: planted-solution generators as fast-check arbitraries, and
 * `checkSolution`, to test a solver for completeness — on polycrit's `solve`, or on your own
 * solver if it returns a `SolveResult`. Families: rational points, algebraic (conjugate) points,
 * points with multiplicities, unions of linear spaces, positive-dimensional unions of
 * planes/lines/conics/twisted cubics and points, each under a random unimodular change of
 * coordinates. `completenessProperties()`
 * bundles the properties that `polycrit check` runs. For solvers outside JavaScript,
 * `solverRequest`, `parseSolverAnswer` and `checkSolutions` are the JSON protocol of
 * `polycrit check --solver CMD`.
 *
 * @example
 * import fc from 'fast-check';
 * import { solve } from 'polycrit';
 * import { plantedSystem, checkSolution } from 'polycrit/testing';
 * fc.assert(fc.property(plantedSystem(), (P) => checkSolution(P, solve(P.polynomials)).ok));
 */
import fc from 'fast-check';
import { PlantedSystem } from './plant';
import { algebraicPoints, multiplePoints, plantedPoints, rationalPoints } from './points';
import { plantedVarieties } from './varieties';

export * from './plant';
export * from './coordinates';
export * from './points';
export * from './varieties';
export * from './check';
/** fast-check itself, the instance these arbitraries are built with: `fc.assert(fc.property(plantedSystem(), …))`. */
export { fc };
export * from './solver-protocol';
export * from './check-solutions';

/** Any planted system: points (rational, algebraic, multiple) or a union of varieties. */
export function plantedSystem(): fc.Arbitrary<PlantedSystem> {
  return fc.oneof(plantedPoints({ maxMultiplicity: 2 }), plantedVarieties());
}

/** The named families `polycrit check` runs, each an arbitrary of planted systems. */
export function completenessFamilies(): { name: string; arbitrary: fc.Arbitrary<PlantedSystem> }[] {
  return [
    { name: 'rational points', arbitrary: rationalPoints() },
    { name: 'algebraic points', arbitrary: algebraicPoints() },
    { name: 'multiplicities', arbitrary: multiplePoints({ maxMultiplicity: 3, maxVars: 2 }) },
    // Unions of linear spaces: the shape of networks' critical sets, and where sympy loses components.
    { name: 'linear components', arbitrary: plantedVarieties({ shapes: ['plane', 'line', 'point'] }) },
    { name: 'positive-dimensional components', arbitrary: plantedVarieties() },
  ];
}
