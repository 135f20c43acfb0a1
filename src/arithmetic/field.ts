/**
 * The `Field<T>` interface and its two implementations: the rationals `QQ` and the prime
 * fields `Zp(p)`.
 *
 * A field is an object that owns the arithmetic; its elements are plain values (`Rational`
 * for QQ, `number` in [0, p) for Z/p). Algorithms are generic in the element type and receive the
 * field. Z/p uses doubles: for p < 2^26 a product of two residues is below 2^52 and exact, which
 * is the fast path the F4 linear algebra relies on; for larger p (< 2^53) products go through
 * bigint. Elements of Z/p are always reduced, so `===` is equality.
 */
import { InputError } from '../errors';
import { isPrime } from './primes';
import {
  Rational, RONE, RZERO, radd, rational, rationalToString, rdiv, req, rinv, rmul, rneg, rsub, parseRational,
} from './rational';

export interface Field<T> {
  /** 'QQ' or 'GF(p)'. */
  readonly name: string;
  /** 0n for QQ, p for Z/p. */
  readonly characteristic: bigint;
  readonly zero: T;
  readonly one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  neg(a: T): T;
  /** Multiplicative inverse; throws a RangeError on zero. */
  inv(a: T): T;
  div(a: T, b: T): T;
  eq(a: T, b: T): boolean;
  isZero(a: T): boolean;
  isOne(a: T): boolean;
  /** The image of an integer. */
  fromInt(n: bigint | number): T;
  /** The image of a rational; throws a RangeError when the denominator vanishes in the field. */
  fromRational(r: Rational): T;
  /** A canonical rational representative (QQ: itself; Z/p: the residue in [0, p)). */
  toRational(a: T): Rational;
  /** Canonical text of an element. */
  toString(a: T): string;
  /** Parses canonical text (integers, fractions, and for QQ decimals). */
  parse(text: string): T;
}

/** The field of rational numbers with exact bigint arithmetic. */
export const QQ: Field<Rational> = {
  name: 'QQ',
  characteristic: 0n,
  zero: RZERO,
  one: RONE,
  add: radd,
  sub: rsub,
  mul: rmul,
  neg: rneg,
  inv: rinv,
  div: rdiv,
  eq: req,
  isZero: (a) => a.num === 0n,
  isOne: (a) => a.num === 1n && a.den === 1n,
  fromInt: (n) => rational(BigInt(n)),
  fromRational: (r) => r,
  toRational: (a) => a,
  toString: rationalToString,
  parse: parseRational,
};

/** Z/p with number elements (`Zp` checks that p is prime). */
export interface PrimeField extends Field<number> {
  readonly p: number;
}

/** Largest modulus whose residue products are exact in a double (p² < 2^53 with headroom: p < 2^26). */
export const FAST_PRIME_LIMIT = 2 ** 26;

const fieldCache = new Map<number, PrimeField>();

/**
 * The prime field Z/p for a prime p < 2^53 (fast number path for p < 2^26, bigint products
 * otherwise). Instances are cached, so `Zp(p) === Zp(p)`. Example: `Zp(7).inv(3) === 5`.
 */
export function Zp(p: number | bigint): PrimeField {
  const pn = typeof p === 'number' || typeof p === 'bigint' ? Number(p) : NaN;
  if (!Number.isSafeInteger(pn) || pn < 2 || BigInt(pn) !== BigInt(p)) {
    throw new InputError(`Zp needs a prime 2 ≤ p < 2^53, got ${typeof p === 'string' ? `'${p}'` : typeof p === 'number' || typeof p === 'bigint' ? String(p) : typeof p}`);
  }
  const cached = fieldCache.get(pn);
  if (cached) return cached;
  if (!isPrime(pn)) throw new InputError(`Zp needs a prime, and ${pn} is not one (Z/${pn} is not a field; primes near it: ${nearbyPrimes(pn)})`);
  const P = BigInt(pn);
  const fast = pn < FAST_PRIME_LIMIT;
  const reduce = (n: number): number => {
    const r = n % pn;
    // `+ 0` turns the -0 of a negative multiple of p into the canonical 0.
    return r < 0 ? r + pn : r + 0;
  };
  const mul = fast
    ? (a: number, b: number): number => (a * b) % pn
    : (a: number, b: number): number => Number((BigInt(a) * BigInt(b)) % P);
  const inv = (a: number): number => {
    if (a === 0) throw new RangeError('division by zero in ' + `GF(${pn})`);
    // Extended Euclid on numbers: all intermediate values stay below p.
    let [r0, r1, s0, s1] = [a, pn, 1, 0];
    while (r1 !== 0) {
      const q = Math.floor(r0 / r1);
      [r0, r1] = [r1, r0 - q * r1];
      [s0, s1] = [s1, s0 - q * s1];
    }
    return s0 < 0 ? s0 + pn : s0;
  };
  const fromBig = (n: bigint): number => {
    const r = n % P;
    return Number(r < 0n ? r + P : r);
  };
  const field: PrimeField = {
    name: `GF(${pn})`,
    characteristic: P,
    p: pn,
    zero: 0,
    one: 1 % pn,
    add: (a, b) => {
      // a − (p − b) lies in (−p, p), so it is exact even when a + b would pass 2^53.
      const s = a - (pn - b);
      return s < 0 ? s + pn : s;
    },
    sub: (a, b) => {
      const s = a - b;
      return s < 0 ? s + pn : s;
    },
    mul,
    neg: (a) => (a === 0 ? 0 : pn - a),
    inv,
    div: (a, b) => mul(a, inv(b)),
    eq: (a, b) => a === b,
    isZero: (a) => a === 0,
    isOne: (a) => a === 1,
    fromInt: (n) => (typeof n === 'number' && Number.isSafeInteger(n) ? reduce(n) : fromBig(BigInt(n))),
    fromRational: (r) => {
      if (r.den === 1n) return fromBig(r.num);
      const d = fromBig(r.den);
      if (d === 0) throw new RangeError(`the denominator of ${rationalToString(r)} vanishes modulo ${pn}`);
      return mul(fromBig(r.num), inv(d));
    },
    toRational: (a) => rational(BigInt(a)),
    toString: (a) => String(a),
    parse: (text) => field.fromRational(parseRational(text)),
  };
  fieldCache.set(pn, field);
  return field;
}

function nearbyPrimes(n: number): string {
  let below = n - 1;
  while (below >= 2 && !isPrime(below)) below--;
  let above = n + 1;
  while (!isPrime(above)) above++;
  return below >= 2 ? `${below}, ${above}` : `${above}`;
}

const FIELD_MEMBERS = ['add', 'sub', 'mul', 'neg', 'inv', 'div', 'eq', 'isZero', 'isOne', 'fromInt', 'fromRational', 'toRational', 'toString', 'parse'] as const;

/**
 * Checks that `field` is a Field object (QQ, Zp(p) or one built like them) and not, say, the
 * string 'Q'; throws an InputError naming `where` otherwise. Example: `checkField(QQ, 'solve')`.
 */
export function checkField(field: unknown, where: string): asserts field is Field<unknown> {
  const f = field as Partial<Record<string, unknown>> | null;
  const ok = typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.characteristic === 'bigint' && FIELD_MEMBERS.every((m) => typeof f[m] === 'function');
  if (!ok) {
    const got = typeof field === 'string' ? `the string '${field}'` : field === null ? 'null' : typeof field;
    throw new InputError(`${where}: the field must be a Field object such as QQ or Zp(7) (import them from polycrit), got ${got}`);
  }
}

/** True when the field is Z/p (a `PrimeField`). */
export function isPrimeField(field: Field<unknown>): field is PrimeField {
  return field.characteristic !== 0n;
}
