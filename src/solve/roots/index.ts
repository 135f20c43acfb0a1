/**
 * Roots of univariate polynomials over Q: exact real root isolation and refinement
 * (`real.ts`), high-precision complex roots with error bounds (`complex.ts`).
 */
export * from './real';
export { compareRealAlgebraic } from './compare';
export type { RealAlgebraicNumber } from './compare';
export { taylorShift1, signVariations, descartesBound01, positiveRootBoundExponent, isolatePositiveRoots } from './descartes';
export { sturmSequence, sturmCount, signAtPoint } from './sturm';
export type { ExtendedRational } from './sturm';
export { roundSignificant, roundFixed, roundAt, floorLog10 } from './decimal';
export { complexRoots, nonRealComplexRoots } from './complex';
export type { ComplexRoot } from './complex';
export { aberthDouble, aberthFixed, initialGuesses } from './aberth';
