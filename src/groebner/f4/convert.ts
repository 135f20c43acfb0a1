/**
 * Conversion between `Polynomial<number>` over a PrimeField and the F4 internal representation,
 * done once at the boundary of `f4`, `f4Learn` and `f4Apply`.
 *
 * Input: zero polynomials are skipped, every other one becomes (monomial ids, monic residues) in
 * the polynomial's own term order (already decreasing in the ring order). Output: a list of
 * Polynomials sorted by leading monomial increasing.
 */
import { Monomial } from '../../monomials/monomial';
import { Field, PrimeField, isPrimeField, FAST_PRIME_LIMIT } from '../../arithmetic/field';
import { InputError } from '../../errors';
import { Polynomial, PolynomialRing } from '../../poly/polynomial';
import { MonomialTable } from './hashtable';
import { invMod } from './matrix/linear-algebra';

/** The ring and the prime of the input, or a clear error when F4 over Z/p cannot take it. */
export function checkInput(polys: readonly Polynomial<number>[], what: string): { ring: PolynomialRing<number> | undefined; p: number } {
  if (polys.length === 0) return { ring: undefined, p: 0 };
  const ring = polys[0].ring;
  for (const f of polys) {
    if (f.ring !== ring && !ring.equals(f.ring)) throw new InputError(`${what}: polynomials from different rings (${ring} and ${f.ring})`);
  }
  const field: Field<number> = ring.field;
  if (!isPrimeField(field)) throw new InputError(`${what} works over a prime field Z/p; the ring is over ${field.name}`);
  const p = (field as PrimeField).p;
  if (!(p >= 2 && p < FAST_PRIME_LIMIT)) {
    throw new InputError(`${what} needs a prime p < 2^26 so that products are exact in doubles, got p = ${p}: use a smaller prime, or groebner(polys), which takes Buchberger's algorithm for larger ones`);
  }
  return { ring, p };
}

/** Interns the monomials of f and returns them with the residues made monic. */
export function internPolynomial(table: MonomialTable, f: Polynomial<number>, p: number): { monos: Int32Array; coeffs: Int32Array } {
  const n = f.length;
  const monos = new Int32Array(n);
  const coeffs = new Int32Array(n);
  const inv = invMod(f.coefficients[0], p);
  for (let i = 0; i < n; i++) {
    monos[i] = table.intern(f.monomials[i]);
    coeffs[i] = (f.coefficients[i] * inv) % p;
  }
  return { monos, coeffs };
}

/** Polynomials from (monomial ids, residues) rows, zero residues dropped, sorted by lm increasing. */
export function toPolynomials(
  ring: PolynomialRing<number>,
  table: MonomialTable,
  rows: { monos: Int32Array; coeffs: Int32Array }[],
): Polynomial<number>[] {
  const sorted = [...rows].sort((x, y) => table.cmp(x.monos[0], y.monos[0]));
  return sorted.map(({ monos, coeffs }) => {
    const ms: Monomial[] = [];
    const cs: number[] = [];
    for (let i = 0; i < monos.length; i++) {
      if (coeffs[i] === 0) continue;
      ms.push(table.monomial(monos[i]));
      cs.push(coeffs[i]);
    }
    return new Polynomial(ring, ms, cs);
  });
}
