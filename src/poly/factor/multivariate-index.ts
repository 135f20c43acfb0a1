/**
 * Multivariate gcd, square-free decomposition and factorization over Q (EEZ-GCD, Yun, Wang with
 * multivariate Hensel lifting). Polynomials are `Polynomial<Rational>`; results are primitive with
 * integer coefficients and positive leading coefficient in the ring's order. See
 * `multivariate.ts` for the pipeline.
 */
export { factorPolynomial, isIrreduciblePolynomial } from './multivariate';
export type { PolynomialFactorization } from './multivariate';
export { polynomialGcd, polynomialLcm, polynomialContent, primitivePartIn } from './multivariate-gcd';
export { squarefreeDecomposition, squarefreePart } from './squarefree-multivariate';
export type { SquarefreeDecomposition } from './squarefree-multivariate';
export { henselLiftMultivariate } from './hensel-multivariate';
export { wangFactor, recombine } from './wang';
export { wangNonDivisors, distributeLeadingCoefficients } from './wang-leading';
