/**
 * Canonical presentation of answers, so that a solution set prints the same whatever the order
 * of the variables or of the equations: variables in natural name order (x2 < x10, w0_1 <
 * w1_0), and helpers to sort points and components.
 */
import { Field } from '../arithmetic/field';
import { MonomialOrder, degrevlex } from '../monomials/order';
import { PolynomialRing } from '../poly/polynomial';

/** Compares names piecewise: runs of digits numerically, other runs as text. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The variables sorted naturally. */
export function canonicalVariables(vars: readonly string[]): string[] {
  return [...vars].sort(naturalCompare);
}

/** The ring with the same field over the canonically sorted variables (degrevlex by default). */
export function canonicalRing<T>(field: Field<T>, vars: readonly string[], order: MonomialOrder = degrevlex): PolynomialRing<T> {
  return new PolynomialRing(field, canonicalVariables(vars), order);
}

/** Lexicographic comparison of lists of numbers with a tolerance-free total order. */
export function compareNumberLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}
