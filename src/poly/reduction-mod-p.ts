/**
 * Polynomials with integer coefficients reduced modulo one prime after another, their
 * coefficients read once.
 *
 * A multi-modular computation reduces the same polynomials modulo twenty or more primes. Through
 * `changeRing` each prime costs a BigInt remainder per coefficient (and another to test whether p
 * divides one), and the images get new monomial arrays. Here the coefficients are read once: when
 * every one is a safe integer (|c| < 2^53, the usual case for a network's gradient or a basis's
 * primitive elements) they are kept as doubles and reduced with the number remainder, exact for
 * integers below 2^53; otherwise (a long or a fractional coefficient) `changeRing` reduces that
 * polynomial as before. An image shares its monomial array with the polynomial over Q, so code
 * that aligns the images of successive primes on a learned support (the F4 replay,
 * `f4/trace.ts`) can recognize the support by identity.
 *
 * Invariant: for a prime p that divides no coefficient (`divides(p)` false), `images(S)` equals
 * `changeRing(f, S)` term by term for every f.
 */
import { Rational } from '../arithmetic/rational';
import { changeRing } from './change';
import { Polynomial, PolynomialRing } from './polynomial';

/** The coefficients of one polynomial: as doubles when all are safe integers, else as they are. */
type Coefficients = { small: Float64Array } | { rational: readonly Rational[] };

/** Polynomials over Q, usually with integer coefficients, to be reduced modulo primes. */
export class ReductionModP {
  private readonly coefficients: Coefficients[];

  constructor(readonly polynomials: readonly Polynomial<Rational>[]) {
    this.coefficients = polynomials.map((f) => {
      const small = new Float64Array(f.length);
      for (let k = 0; k < f.length; k++) {
        const c = f.coefficients[k];
        const x = Number(c.num);
        if (c.den !== 1n || !Number.isSafeInteger(x)) return { rational: f.coefficients };
        small[k] = x;
      }
      return { small };
    });
  }

  /** Whether p divides a numerator or a denominator of a coefficient of one of the polynomials. */
  divides(p: number): boolean {
    const P = BigInt(p);
    return this.coefficients.some((c) => ('small' in c ? c.small.some((x) => x % p === 0) : c.rational.some((x) => x.num % P === 0n || x.den % P === 0n)));
  }

  /**
   * The polynomials modulo the characteristic of S (a ring over Z/p with their variables and
   * order), each sharing its monomial array with the polynomial over Q when p divides none of its
   * coefficients (else as `changeRing` gives it, the vanishing terms dropped; p must not divide a
   * denominator).
   */
  images(S: PolynomialRing<number>): Polynomial<number>[] {
    const p = Number(S.field.characteristic);
    return this.polynomials.map((f, i) => {
      const c = this.coefficients[i];
      if (!('small' in c) || !f.ring.sameMonomials(S)) return changeRing(f, S);
      const residues = new Array<number>(f.length);
      for (let k = 0; k < f.length; k++) {
        const r = c.small[k] % p;
        if (r === 0) return changeRing(f, S);
        residues[k] = r < 0 ? r + p : r;
      }
      return new Polynomial(S, f.monomials, residues);
    });
  }
}
