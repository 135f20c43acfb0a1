/**
 * Exact rational numbers as normalized pairs of bigints.
 *
 * Representation: `{ num, den }` with `den > 0` and `gcd(num, den) = 1`; zero is `{0n, 1n}`.
 * Every function returns a normalized value, so structural equality is numeric equality.
 * Values are plain frozen-shape objects; nothing mutates them.
 */
import { bitLength, gcd } from './integers';

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Builds num/den in lowest terms; throws a RangeError on a zero denominator. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('rational with zero denominator');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { num: n, den: 1n };
  const g = gcd(n, d);
  return g === 1n ? { num: n, den: d } : { num: n / g, den: d / g };
}

export const RZERO: Rational = { num: 0n, den: 1n };
export const RONE: Rational = { num: 1n, den: 1n };

export function radd(a: Rational, b: Rational): Rational {
  if (a.den === 1n && b.den === 1n) return { num: a.num + b.num, den: 1n };
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  // Henrici: avoid a full gcd of the big product when the denominators share factors.
  const g = gcd(a.den, b.den);
  if (g === 1n) return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
  const ad = a.den / g;
  const bd = b.den / g;
  const t = a.num * bd + b.num * ad;
  const g2 = gcd(t, g);
  return g2 === 1n ? { num: t, den: ad * b.den } : { num: t / g2, den: (ad * b.den) / g2 };
}

export function rneg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

export function rsub(a: Rational, b: Rational): Rational {
  return radd(a, rneg(b));
}

export function rmul(a: Rational, b: Rational): Rational {
  if (a.num === 0n || b.num === 0n) return RZERO;
  if (a.den === 1n && b.den === 1n) return { num: a.num * b.num, den: 1n };
  const g1 = gcd(a.num, b.den);
  const g2 = gcd(b.num, a.den);
  return { num: (a.num / g1) * (b.num / g2), den: (a.den / g2) * (b.den / g1) };
}

/** 1/a; throws a RangeError for a = 0. */
export function rinv(a: Rational): Rational {
  if (a.num === 0n) throw new RangeError('division by zero');
  return a.num < 0n ? { num: -a.den, den: -a.num } : { num: a.den, den: a.num };
}

export function rdiv(a: Rational, b: Rational): Rational {
  return rmul(a, rinv(b));
}

export function req(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** Is r = n/2^k (reduced, so the denominator is a power of two)? */
export function isDyadic(r: Rational): boolean {
  return (r.den & (r.den - 1n)) === 0n;
}

/** Sign of a − b: -1, 0 or 1. */
export function rcmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function rsign(a: Rational): -1 | 0 | 1 {
  return a.num < 0n ? -1 : a.num > 0n ? 1 : 0;
}

export function rabs(a: Rational): Rational {
  return a.num < 0n ? { num: -a.num, den: a.den } : a;
}

/** a^e for an integer e (negative allowed when a ≠ 0). */
export function rpow(a: Rational, e: number): Rational {
  if (e < 0) return rpow(rinv(a), -e);
  return { num: a.num ** BigInt(e), den: a.den ** BigInt(e) };
}

export function isInteger(a: Rational): boolean {
  return a.den === 1n;
}

/** ⌊a⌋ as a bigint. */
export function rfloor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** ⌈a⌉ as a bigint. */
export function rceil(a: Rational): bigint {
  return -rfloor(rneg(a));
}

/** Canonical text: `3`, `-3/4`. */
export function rationalToString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Parses `-3`, `3/4`, `0.25`, `1.5e-3` exactly (a decimal is read as the fraction it denotes).
 * Throws a RangeError on anything else.
 */
export function parseRational(text: string): Rational {
  const s = text.trim();
  let m = /^([+-]?\d+)(?:\/(\d+))?$/.exec(s);
  if (m) return rational(BigInt(m[1]), m[2] === undefined ? 1n : BigInt(m[2]));
  m = /^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m && (m[2] !== '' || m[3] !== '')) {
    const digits = BigInt((m[2] || '0') + m[3]);
    let exp = -m[3].length + (m[4] ? Number(m[4]) : 0);
    const sign = m[1] === '-' ? -1n : 1n;
    if (Math.abs(exp) > 100000) throw new RangeError(`exponent too large in '${text}'`);
    return exp >= 0 ? rational(sign * digits * 10n ** BigInt(exp)) : rational(sign * digits, 10n ** BigInt(-exp));
  }
  throw new RangeError(`not a rational number: '${text}'`);
}

/** The nearest double (for display and numeric seeds only, never for exact results). */
export function rationalToNumber(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Keep about 64 leading bits of each part (one common shift would zero a small part and make
  // the quotient 0 or ∞), then put the binary exponent back in two halves: 2^e alone may leave
  // the double range while the product does not.
  const neg = a.num < 0n;
  const absNum = neg ? -a.num : a.num;
  const sn = Math.max(0, bitLength(absNum) - 64);
  const sd = Math.max(0, bitLength(a.den) - 64);
  const q = Number(absNum >> BigInt(sn)) / Number(a.den >> BigInt(sd));
  const e = sn - sd;
  const h = Math.trunc(e / 2);
  const x = q * 2 ** h * 2 ** (e - h);
  return neg ? -x : x;
}

/** The exact rational value of a finite double. */
export function rationalFromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  if (Number.isInteger(x)) return rational(BigInt(x));
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return rational(BigInt(v), den);
}
