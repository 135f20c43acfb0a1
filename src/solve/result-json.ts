/**
 * A solve result as plain JSON: the result's fields with each positive-dimensional component's
 * basis (plain `PolynomialData`) written as canonical text. The CLI
 * prints it with `--json`; the orderings bench hashes its components. Platform-free.
 */
import { polynomialDataToString } from '../poly/data';
import { SolveResult } from './solve';

/** The JSON form of a result (polynomials as canonical text). */
export function solveResultToJSON(result: SolveResult): object {
  return {
    vars: result.vars,
    dimension: result.dimension,
    complete: result.complete,
    ...(result.message ? { message: result.message } : {}),
    independentSets: result.independentSets,
    ...(result.solutions !== undefined ? { solutions: result.solutions } : {}),
    ...(result.dimensionModulo !== undefined ? { dimensionModulo: result.dimensionModulo } : {}),
    ...(result.signGroup ? { signGroup: result.signGroup } : {}),
    components: result.components.map((c) => (c.kind === 'orbits' ? c : { ...c, ...(c.basis ? { basis: c.basis.map(polynomialDataToString) } : {}) })),
    ...(result.unfinished ? { unfinished: result.unfinished.map((part) => ({ ...part, equations: part.equations.map(polynomialDataToString) })) } : {}),
  };
}
