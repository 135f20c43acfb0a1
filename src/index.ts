/**
 * polycrit's public API, grouped by layer: arithmetic (fields, rationals, primes, CRT),
 * monomials and orders, the polynomial ring, named benchmark systems, and errors.
 * Later layers (Gröbner bases, solving, networks, autodiff, io) are exported as they land.
 */
export * from './errors';
export * from './arithmetic/integers';
export * from './arithmetic/rational';
export * from './arithmetic/field';
export * from './arithmetic/primes';
export * from './arithmetic/reconstruction';
export * from './monomials/monomial';
export * from './monomials/order';
export * from './poly/polynomial';
export * from './poly/format';
export * from './poly/division';
export * from './poly/derivative';
export * from './poly/content';
export * from './poly/change';
export * from './poly/evaluate';
export * from './poly/univariate';
export * from './systems';
