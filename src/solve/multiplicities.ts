/**
 * What the multiplication map M_t of A = Q[x]/I modulo primes tells about a finite set without
 * parametrizing it: how many values the linear form t takes (fewer than dim A: the ideal is not
 * radical, or t does not separate), the multiplicities of the components from the exponents of
 * their minimal polynomials in the characteristic polynomial χ of M_t (Stickelberger), read
 * modulo one prime, and χ itself lifted to Q (the exact fallback).
 */
import { QQ, Zp } from '../arithmetic/field';
import { liftUntilStable } from '../arithmetic/lifting';
import { charpolyModP } from '../arithmetic/charpoly-mod-p';
import { primeStream } from '../arithmetic/primes';
import { Rational, rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { QuotientAlgebra } from '../groebner/quotient';
import { UPoly, udivmod, uderivative, ugcd, utrim } from '../poly/univariate';
import { imagesModP, matrixModP, rationalData } from './multiplication-data';
import { minimalPolynomialModP } from './radical';

/**
 * The characteristic polynomial of multiplication by the form t on A = Q[x]/I (monic, ascending),
 * lifted from its images modulo primes: Π q^m over the components, m the multiplicities
 * (Stickelberger). Undefined if no stable lift appears within `maxPrimes` primes.
 */
export function modularCharacteristicPolynomial(A: QuotientAlgebra<Rational>, form: readonly bigint[], deadline?: Deadline, maxPrimes = 4000): UPoly<Rational> | undefined {
  const D = A.dimension;
  const images = imagesModP(rationalData(A, form), deadline);
  const values = liftUntilStable(
    [D],
    () => {
      const r = images.next();
      return r.done ? undefined : { p: r.value.p, img: charpolyModP(r.value.M, r.value.p, deadline).slice(0, D) };
    },
    maxPrimes,
  );
  return values && utrim(QQ, [...values, QQ.one]);
}

/**
 * How many values the linear form t takes on V(I), modulo a prime: the degree of the square-free
 * part of the minimal polynomial of M_t (reduced from A = Q[x]/I) modulo the first prime that
 * reduces it. Below dim A, I is not radical or t does not separate its points (or the prime is
 * unlucky); undefined when none of the first primes reduces M_t.
 */
export function distinctValuesModP(A: QuotientAlgebra<Rational>, form: readonly bigint[], deadline?: Deadline): number | undefined {
  for (const { p, M, one } of imagesModP(rationalData(A, form), deadline, 5)) return distinctRoots(minimalPolynomialModP(M, Array.from(one), p, deadline), p);
  return undefined;
}

/** The number of distinct roots of μ modulo p (ascending residues): the degree of its square-free part. */
export function distinctRoots(mu: readonly number[], p: number): number {
  const F = Zp(p);
  return mu.length - ugcd(F, mu, uderivative(F, mu)).length;
}

/**
 * The multiplicities of the components in A = Q[x]/I, given the minimal polynomials q_k of the
 * form t on them (primitive over Z): the exponents in the characteristic polynomial χ of
 * multiplication by t, χ = Π q_k^(m_k) (Stickelberger), read modulo one prime where M_t reduces
 * and the q_k keep their degree and stay square-free and pairwise coprime. There χ mod p is the
 * product of the coprime q_k mod p to the powers m_k, so the exponents read off are the m_k
 * exactly and no coefficient of χ is lifted (lifting χ of degree 289 on a network's critical
 * ideal took 24 s). Undefined when none of the first `maxPrimes` usable primes qualifies.
 */
export function modularMultiplicities(A: QuotientAlgebra<Rational>, form: readonly bigint[], factors: readonly (readonly bigint[])[], deadline?: Deadline, maxPrimes = 20): number[] | undefined {
  const data = rationalData(A, form);
  const primes = primeStream(2 ** 26, deadline);
  for (let tried = 0; tried < maxPrimes; tried++) {
    deadline?.check();
    const r = primes.next();
    if (r.done) return undefined;
    const p = r.value;
    const P = BigInt(p);
    const F = Zp(p);
    if (factors.some((q) => q[q.length - 1] % P === 0n)) continue;
    const qs = factors.map((q) => q.map((c) => F.fromRational(rational(c))));
    const constant = (g: UPoly<number>) => utrim(F, g).length <= 1;
    if (!qs.every((q, k) => constant(ugcd(F, q, uderivative(F, q))) && qs.every((o, l) => l <= k || constant(ugcd(F, q, o))))) continue;
    const M = matrixModP(data, p);
    if (!M) continue;
    let chi: UPoly<number> = charpolyModP(M, p, deadline);
    const multiplicities = qs.map((q) => {
      let m = 0;
      for (;;) {
        const [quotient, remainder] = udivmod(F, chi, q);
        if (utrim(F, remainder).length !== 0) return m;
        m++;
        chi = quotient;
      }
    });
    // Every factor of χ is a q_k: what is left is a constant.
    if (constant(chi)) return multiplicities;
  }
  return undefined;
}
