/**
 * Factorization of univariate polynomials over Q (modular factorization, Hensel lifting, and
 * recombination by exhaustive search or van Hoeij's lattice method) and over Z/p
 * (Cantor–Zassenhaus). See `factor.ts` for the pipeline.
 */
export { factorUnivariate, rationalRoots, isIrreducible } from './factor';
export type { Factorization, IrreducibleFactor } from './factor';
export { factorModP, factorSquarefreeModP, factorDegreesModP } from './factor-mod-p';
export type { ModPFactorization } from './factor-mod-p';
export { distinctDegreeFactor, upowmod } from './distinct-degree';
export { equalDegreeFactor } from './equal-degree';
export { henselFactors, henselLift, liftExponent, liftHensel, startHensel } from './hensel';
export type { HenselState } from './hensel';
export { recombine, MAX_SUBSETS_PER_SIZE } from './recombine';
export { factorSquarefreeZ, linearFactorsZ, goodPrimes, PRIME_TRIALS, EXHAUSTIVE_MAX_FACTORS, EXHAUSTIVE_MAX_DEGREE } from './zassenhaus';
export { vanHoeijFactor } from './van-hoeij';
export * from './zpoly';
export { zgcd, zsquarefree, zsquarefreePart } from './squarefree';
