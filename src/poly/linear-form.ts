/**
 * Linear forms t = Σ cᵢ·xᵢ with integer coefficients, the separating and test forms of the
 * zero-dimensional solver (rur.ts, radical.ts, point-components.ts): a coefficient vector over the
 * ring's variables, written out as a polynomial of the ring.
 */
import { Polynomial, PolynomialRing } from './polynomial';

/** Σ c[i]·x_i in R (the zero polynomial when every cᵢ is 0). Example: [1n, 0n, 2n] over x, y, z is x + 2z. */
export function linearForm<T>(R: PolynomialRing<T>, c: readonly bigint[]): Polynomial<T> {
  return c.reduce((acc, ci, i) => (ci === 0n ? acc : acc.add(R.variable(i).scale(R.field.fromInt(ci)))), R.zero());
}
