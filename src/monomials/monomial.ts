/**
 * Monomials as exponent vectors with the total degree kept in slot 0.
 *
 * Representation: a plain array `[deg, e1, …, en]` with `deg = e1 + … + en`, so degree
 * comparisons are O(1). Arrays are never mutated after construction (functions return new ones),
 * which lets polynomials share monomials freely. The monomial 1 in n variables is `[0, 0, …, 0]`.
 */

/** An exponent vector `[totalDegree, e1, …, en]`. */
export type Monomial = readonly number[];

/** Builds a monomial from exponents `[e1, …, en]`. Example: `monomial([2, 0, 1])` is x1²·x3. */
export function monomial(exponents: readonly number[]): Monomial {
  let d = 0;
  for (const e of exponents) {
    if (!Number.isInteger(e) || e < 0) throw new RangeError(`exponents must be non-negative integers, got ${e}`);
    d += e;
  }
  return [d, ...exponents];
}

/** The monomial 1 in n variables. */
export function oneMonomial(n: number): Monomial {
  return new Array<number>(n + 1).fill(0);
}

/** The i-th variable (0-based) of n as a monomial. */
export function variableMonomial(n: number, i: number, power = 1): Monomial {
  const m = new Array<number>(n + 1).fill(0);
  m[0] = power;
  m[i + 1] = power;
  return m;
}

/** Number of variables of a monomial. */
export function nvarsOf(m: Monomial): number {
  return m.length - 1;
}

/** The exponents `[e1, …, en]` without the degree slot. */
export function exponents(m: Monomial): number[] {
  return m.slice(1);
}

/** a·b */
export function mulMonomials(a: Monomial, b: Monomial): Monomial {
  const r = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] + b[i];
  return r;
}

/** a/b, assuming b divides a. */
export function divMonomials(a: Monomial, b: Monomial): Monomial {
  const r = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i] - b[i];
  return r;
}

/** Does a divide b? */
export function divides(a: Monomial, b: Monomial): boolean {
  if (a[0] > b[0]) return false;
  for (let i = 1; i < a.length; i++) if (a[i] > b[i]) return false;
  return true;
}

/** lcm(a, b): componentwise maximum. */
export function lcmMonomials(a: Monomial, b: Monomial): Monomial {
  const r = new Array<number>(a.length);
  let d = 0;
  for (let i = 1; i < a.length; i++) {
    r[i] = a[i] > b[i] ? a[i] : b[i];
    d += r[i];
  }
  r[0] = d;
  return r;
}

/** gcd(a, b): componentwise minimum. */
export function gcdMonomials(a: Monomial, b: Monomial): Monomial {
  const r = new Array<number>(a.length);
  let d = 0;
  for (let i = 1; i < a.length; i++) {
    r[i] = a[i] < b[i] ? a[i] : b[i];
    d += r[i];
  }
  r[0] = d;
  return r;
}

/** True when gcd(a, b) = 1 (Buchberger's first criterion). */
export function coprime(a: Monomial, b: Monomial): boolean {
  for (let i = 1; i < a.length; i++) if (a[i] !== 0 && b[i] !== 0) return false;
  return true;
}

/** Exact equality. */
export function monomialsEqual(a: Monomial, b: Monomial): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** m^k */
export function powMonomial(m: Monomial, k: number): Monomial {
  return m.map((e) => e * k);
}

/** A string key for hash maps (exponents joined by commas). */
export function monomialKey(m: Monomial): string {
  return m.join(',');
}

/** A map key of `compactMonomialKey`: a number or, failing that, `monomialKey`'s text. */
export type MonomialKey = number | string;

/**
 * The exponents `compactMonomialKey` packs in n variables are those below this, 2^⌊52/n⌋. Packed
 * keys then add: key(q·s) = key(q) + key(s) whenever deg q + deg s is below it (no exponent carries).
 */
export function packedExponentLimit(n: number): number {
  return 2 ** Math.floor(52 / n);
}

/**
 * A map key for monomials in n variables: the exponents packed into one number when each is below
 * 2^⌊52/n⌋ (exact in a double; e.g. below 16 for 12 variables), else `monomialKey`'s text. A number
 * never equals a text, so one map may hold both kinds, and for a fixed n two monomials have the
 * same key exactly when they are equal. Maps hash numbers far faster than built strings: recording
 * the normal forms of deep-linear:2,3,2's multiplication maps spent 3.3 s building text keys.
 */
export function compactMonomialKey(m: Monomial): MonomialKey {
  const n = m.length - 1;
  if (n === 0) return 0;
  const base = packedExponentLimit(n);
  if (base < 2) return m.join(',');
  let code = 0;
  for (let i = 1; i <= n; i++) {
    const e = m[i];
    if (e >= base) return m.join(',');
    code = code * base + e;
  }
  return code;
}

/** True for the monomial 1. */
export function isOneMonomial(m: Monomial): boolean {
  return m[0] === 0;
}
