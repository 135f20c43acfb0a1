/**
 * Complex numbers in doubles, for the numeric side of the solver checks: planted points and
 * generic points of planted components, and solvers' decimal or parametric answers evaluated at
 * them. Plain `{ re, im }` values; powers with a non-integer exponent and square roots take the
 * principal branch (so ±sqrt(w) are both roots of z² = w, as in sympy's parametric solutions).
 */
import type { Complex } from './plant';

export const complex = (re: number, im = 0): Complex => ({ re, im });
export const cadd = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
export const csub = (a: Complex, b: Complex): Complex => ({ re: a.re - b.re, im: a.im - b.im });
export const cneg = (a: Complex): Complex => ({ re: -a.re, im: -a.im });
export const cmul = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
export const cabs = (a: Complex): number => Math.hypot(a.re, a.im);

export function cdiv(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}

/** z^e: repeated squaring for an integer e (negative: the reciprocal), else exp(e·log z). */
export function cpow(z: Complex, e: Complex): Complex {
  if (e.im === 0 && Number.isInteger(e.re) && Math.abs(e.re) <= 1024) {
    let result = complex(1);
    let base = z;
    for (let n = Math.abs(e.re); n > 0; n >>= 1) {
      if (n & 1) result = cmul(result, base);
      base = cmul(base, base);
    }
    return e.re < 0 ? cdiv(complex(1), result) : result;
  }
  if (z.re === 0 && z.im === 0) return complex(0);
  const logR = Math.log(cabs(z));
  const theta = Math.atan2(z.im, z.re);
  const re = e.re * logR - e.im * theta;
  const im = e.im * logR + e.re * theta;
  return { re: Math.exp(re) * Math.cos(im), im: Math.exp(re) * Math.sin(im) };
}

/** The principal square root. */
export const csqrt = (z: Complex): Complex => cpow(z, complex(0.5));

/** Is a near b, relative to max(1, |b|)? */
export const cnear = (a: Complex, b: Complex, tolerance: number): boolean => cabs(csub(a, b)) <= tolerance * Math.max(1, cabs(b));

/** A small seeded generator of complex numbers with parts in [−1, 1] (mulberry32). */
export function complexSampler(seed: number): () => Complex {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => complex(2 * next() - 1, 2 * next() - 1);
}
