/**
 * polycrit's public API, grouped by layer, bottom up: errors; arithmetic (fields, rationals,
 * primes, CRT, linear algebra); monomials and orders; the polynomial ring (division, derivatives,
 * univariate and multivariate factorization, number fields); the named benchmark systems; io
 * (parsing, printing, file formats); Gröbner bases; solving; polynomial networks; and the numeric
 * autodiff stack under the `autodiff` namespace.
 *
 * Platform-free: nothing here imports fs, path, process, v8 or worker_threads, so it bundles for
 * the browser as it is. What needs Node (spec and CSV files, helper threads) is `polycrit/node`;
 * the nerdamer bridge (570 kB of nerdamer) is `polycrit/nerdamer`; fast-check's arbitraries are
 * `polycrit/testing`.
 */
export * from './errors';
export type { ControlOptions, ProgressCallback, ProgressInfo } from './control';
export * from './arithmetic/integers';
export * from './arithmetic/rational';
export * from './arithmetic/field';
export * from './arithmetic/primes';
export * from './arithmetic/reconstruction';
export * from './monomials/monomial';
export * from './monomials/order';
export * from './poly/polynomial';
export * from './poly/data';
export * from './poly/format';
export * from './poly/division';
export * from './poly/derivative';
export * from './poly/content';
export * from './poly/change';
export * from './poly/evaluate';
export * from './poly/univariate';
export * from './systems';
export * from './poly/number-field';
export * from './poly/factor';
export { factorPolynomial, isIrreduciblePolynomial, polynomialGcd, polynomialLcm, polynomialContent, primitivePartIn, squarefreeDecomposition, squarefreePart } from './poly/factor/multivariate-index';
export type { PolynomialFactorization, SquarefreeDecomposition } from './poly/factor/multivariate-index';
export * from './io/parse';
export * from './io/print';
export * from './io/errors';
export * from './io/formats';
export * from './groebner/groebner';
export * from './groebner/buchberger';
export * from './groebner/normal-form';
export * from './groebner/reduced-basis';
export * from './groebner/eliminate';
export * from './groebner/modular';
export * from './groebner/first-prime';
export { f4, f4Learn, f4LearnResumable, f4Apply } from './groebner/f4';
export type { ResumableF4Learn } from './groebner/f4';
export * from './arithmetic/matrix';
export * from './arithmetic/echelon';
export * from './groebner/ideal';
export * from './groebner/quotient';
export * from './groebner/fglm';
export * from './solve/radical';
export * from './solve/saturation';
export * from './solve/rur';
export * from './solve/hilbert';
export * from './solve/decompose';
export * from './solve/components';
export * from './solve/zero-dimensional';
export { signSymmetries, monomialCharacter, groupOrder, orbitSize, MAX_SIGN_GENERATORS } from './solve/sign-symmetry';
export type { SignGroup } from './solve/sign-symmetry';
export { solveByOrbits, orbitFamilyData, invariantFormOf } from './solve/orbit-solve';
export type { OrbitFamily, OrbitPoint, OrbitCoordinateData, OrbitSolveResult, OrbitSolveOptions } from './solve/orbit-solve';
export { vanishesOnOrbits, orbitValues, orbitValueMinimalPolynomial, orbitInertia } from './solve/orbit-evaluation';
export * from './solve/inertia';
export * from './solve/solve';
export * from './solve/roots';
export * from './networks/spec';
export { MAX_INPUTS, MAX_LAYERS, MAX_ROWS, MAX_WIDTH, checkSpecShape, networkSpecJsonSchema } from './networks/spec-schema';
export { DEFAULT_MAX_LOSS_TERMS, estimateLossBytes, estimateLossTerms } from './networks/loss-size';
export * from './networks/presets';
export * from './networks/loss';
export * from './networks/critical';
/** The numeric autodiff stack, kept in its own namespace. */
export * as autodiff from './autodiff';
