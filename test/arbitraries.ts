/**
 * Shared fast-check arbitraries and invariant checks for the foundation layers (arithmetic,
 * monomials, poly). Fields are handled as `Field<unknown>` so one property body runs over QQ
 * and every Z/p in `PRIMES` alike; the global seed lives in test/setup.ts.
 */
import fc from 'fast-check';
import { Field, QQ, Zp, isPrimeField } from '../src/arithmetic/field';
import { Rational, rational } from '../src/arithmetic/rational';
import { Monomial, monomial } from '../src/monomials/monomial';
import { MonomialOrder, block, deglex, degrevlex, lex, weighted } from '../src/monomials/order';
import { Polynomial, PolynomialRing } from '../src/poly/polynomial';

/**
 * Primes for Z/p: tiny (many cancellations, derivatives vanish), medium, the largest prime
 * of the fast number path (67108859 < 2^26), two on the bigint product path (2^31 − 1) and the
 * largest prime below 2^53.
 */
export const PRIMES = [7, 101, 65521, 67108859, 2147483647, 9007199254740881] as const;
/** Primes used for polynomial tests (the huge one only matters for field arithmetic). */
export const POLY_PRIMES = [7, 101, 67108859, 2147483647] as const;

export const QQu = QQ as unknown as Field<unknown>;
export const ALL_FIELDS: Field<unknown>[] = [QQu, ...PRIMES.map((p) => Zp(p) as unknown as Field<unknown>)];
export const POLY_FIELDS: Field<unknown>[] = [QQu, ...POLY_PRIMES.map((p) => Zp(p) as unknown as Field<unknown>)];

/** Independent gcd for oracles (plain Euclid on bigints, no small-number path). */
export function naiveGcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Rationals with small parts mostly, and occasionally 200-bit parts. */
export const arbRational: fc.Arbitrary<Rational> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: 1n, max: 60n })) },
  { weight: 2, arbitrary: fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n })) },
  { weight: 1, arbitrary: fc.tuple(fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }), fc.bigInt({ min: 1n, max: 2n ** 200n })) },
  { weight: 1, arbitrary: fc.tuple(fc.bigInt({ min: -3n, max: 3n }), fc.constant(1n)) },
).map(([n, d]) => rational(n, d));

/** Small rationals (numerator |n| ≤ 20, denominator ≤ 6) for polynomial coefficients. */
export const arbSmallRational: fc.Arbitrary<Rational> = fc
  .tuple(fc.bigInt({ min: -20n, max: 20n }), fc.bigInt({ min: 1n, max: 6n }))
  .map(([n, d]) => rational(n, d));

/** A residue of Z/p, biased toward 0, 1 and p − 1. */
export function arbResidue(p: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: p - 1 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1 % p, p - 1) },
  );
}

/** A random element of the field (rationals of any size for QQ). */
export function arbElement(F: Field<unknown>): fc.Arbitrary<unknown> {
  return isPrimeField(F) ? arbResidue(F.p) : arbRational;
}

/** A random element suited to polynomial coefficients (small rationals for QQ). */
export function arbCoefficient(F: Field<unknown>): fc.Arbitrary<unknown> {
  return isPrimeField(F) ? arbResidue(F.p) : arbSmallRational;
}

/** A non-zero coefficient. */
export function arbNonzeroCoefficient(F: Field<unknown>): fc.Arbitrary<unknown> {
  return arbCoefficient(F).filter((c) => !F.isZero(c));
}

/** Exponent vectors [e1..en] with entries ≤ maxExp. */
export function arbExponents(n: number, maxExp = 4): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: maxExp }), { minLength: n, maxLength: n });
}

/** A monomial [deg, e1..en]. */
export function arbMonomial(n: number, maxExp = 4): fc.Arbitrary<Monomial> {
  return arbExponents(n, maxExp).map(monomial);
}

const arbNamedOrder: fc.Arbitrary<MonomialOrder> = fc.constantFrom(lex, deglex, degrevlex);

/** A weighted order on n variables (weights 1..5, random named tie-break). */
export function arbWeightedOrder(n: number): fc.Arbitrary<MonomialOrder> {
  return fc
    .tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }), arbNamedOrder)
    .map(([w, t]) => weighted(w, t));
}

/** A block order on n ≥ 2 variables: 2 or 3 consecutive blocks, each with a named or weighted order. */
export function arbBlockOrder(n: number): fc.Arbitrary<MonomialOrder> {
  const cuts = n >= 3 ? fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { minLength: 1, maxLength: 2 }) : fc.constant([1]);
  return cuts.chain((cs) => {
    const bounds = [0, ...[...cs].sort((a, b) => a - b), n];
    const sizes = bounds.slice(1).map((b, i) => b - bounds[i]);
    return fc
      .tuple(...sizes.map((s) => fc.oneof(arbNamedOrder, arbWeightedOrder(s))))
      .map((orders) => block(...sizes.map((s, i): [number, MonomialOrder] => [s, orders[i]])));
  });
}

/** Any monomial order on n variables: lex, deglex, degrevlex, weighted, and block when n ≥ 2. */
export function arbOrder(n: number): fc.Arbitrary<MonomialOrder> {
  const options: fc.Arbitrary<MonomialOrder>[] = [arbNamedOrder, arbWeightedOrder(n)];
  if (n >= 2) options.push(arbBlockOrder(n));
  return fc.oneof(...options);
}

export const VAR_NAMES = ['x', 'y', 'z', 'w'];

export interface RingOptions {
  minVars?: number;
  maxVars?: number;
  fields?: Field<unknown>[];
}

/** A ring over QQ or a Z/p in 1–4 variables (x, y, z, w) with a random order. */
export function arbRing(opts: RingOptions = {}): fc.Arbitrary<PolynomialRing<unknown>> {
  const { minVars = 1, maxVars = 4, fields = POLY_FIELDS } = opts;
  return fc
    .tuple(fc.constantFrom(...fields), fc.integer({ min: minVars, max: maxVars }))
    .chain(([F, n]) => arbOrder(n).map((o) => new PolynomialRing(F, VAR_NAMES.slice(0, n), o)));
}

export interface PolyOptions {
  maxTerms?: number;
  maxExp?: number;
  /** Coefficients to draw from (default `arbCoefficient(field)`). */
  coefficient?: fc.Arbitrary<unknown>;
}

/** A random polynomial of R with few terms of small degree (exponents ≤ maxExp). */
export function arbPoly(R: PolynomialRing<unknown>, opts: PolyOptions = {}): fc.Arbitrary<Polynomial<unknown>> {
  const { maxTerms = 4, maxExp = 3 } = opts;
  const coefficient = opts.coefficient ?? arbCoefficient(R.field);
  return fc
    .array(fc.tuple(arbExponents(R.nvars, maxExp), coefficient), { maxLength: maxTerms })
    .map((terms) => R.fromTerms(terms as [number[], unknown][]));
}

/** A non-zero random polynomial of R. */
export function arbNonzeroPoly(R: PolynomialRing<unknown>, opts: PolyOptions = {}): fc.Arbitrary<Polynomial<unknown>> {
  return arbPoly(R, opts).filter((p) => !p.isZero());
}

/** A random ring together with k random polynomials of it. */
export function arbRingWithPolys(
  k: number,
  ringOpts: RingOptions = {},
  polyOpts: PolyOptions = {},
): fc.Arbitrary<{ R: PolynomialRing<unknown>; ps: Polynomial<unknown>[] }> {
  return arbRing(ringOpts).chain((R) =>
    fc.array(arbPoly(R, polyOpts), { minLength: k, maxLength: k }).map((ps) => ({ R, ps })),
  );
}

/** A random point of R (one field element per variable). */
export function arbPoint(R: PolynomialRing<unknown>): fc.Arbitrary<unknown[]> {
  return fc.array(arbCoefficient(R.field), { minLength: R.nvars, maxLength: R.nvars });
}

/** Is a field element in canonical form (QQ: den > 0 and coprime, zero is 0/1; Z/p: an integer in [0, p), never −0)? */
export function isCanonical(F: Field<unknown>, a: unknown): boolean {
  if (isPrimeField(F)) return Number.isSafeInteger(a) && !Object.is(a, -0) && (a as number) >= 0 && (a as number) < F.p;
  const r = a as Rational;
  return typeof r.num === 'bigint' && typeof r.den === 'bigint' && r.den > 0n && naiveGcd(r.num, r.den) === (r.num === 0n ? r.den : 1n) && (r.num !== 0n || r.den === 1n);
}

/** Asserts that a field element is in canonical form (see `isCanonical`). */
export function expectCanonical(F: Field<unknown>, a: unknown): void {
  if (!isCanonical(F, a)) expect({ field: F.name, value: a, canonical: false }).toEqual({ field: F.name, value: a, canonical: true });
}

/** Asserts a = b in F, both canonical and structurally identical (cheap when it holds). */
export function expectFieldEqual(F: Field<unknown>, a: unknown, b: unknown): void {
  expectCanonical(F, a);
  expectCanonical(F, b);
  const same = isPrimeField(F) ? Object.is(a, b) : (a as Rational).num === (b as Rational).num && (a as Rational).den === (b as Rational).den;
  if (!same) expect(a).toEqual(b);
  if (!F.eq(a, b)) expect({ eq: false, a, b }).toEqual({ eq: true, a, b });
}

/**
 * Asserts the representation invariant of a polynomial: monomials well formed (degree slot =
 * sum, right length), strictly decreasing in the ring's order, coefficients non-zero and canonical.
 */
export function expectWellFormed<T>(p: Polynomial<T>): void {
  const problem = wellFormedProblem(p);
  if (problem !== undefined) expect(`${p}: ${problem}`).toBe(`${p}: well formed`);
}

/** Why p breaks the representation invariant, or undefined (cheap, so properties can call it often). */
export function wellFormedProblem<T>(p: Polynomial<T>): string | undefined {
  const R = p.ring;
  const F = R.field as Field<unknown>;
  if (p.coefficients.length !== p.monomials.length) return 'monomials and coefficients differ in length';
  for (let i = 0; i < p.monomials.length; i++) {
    const m = p.monomials[i];
    if (m.length !== R.nvars + 1) return `monomial ${i} has length ${m.length}`;
    let d = 0;
    for (let k = 1; k < m.length; k++) {
      if (!Number.isInteger(m[k]) || m[k] < 0) return `monomial ${i} has exponent ${m[k]}`;
      d += m[k];
    }
    if (m[0] !== d) return `monomial ${i} has degree slot ${m[0]}, exponents sum to ${d}`;
    if (F.isZero(p.coefficients[i])) return `coefficient ${i} is zero`;
    if (!isCanonical(F, p.coefficients[i])) return `coefficient ${i} is not canonical`;
    if (i > 0 && !(R.cmp(p.monomials[i - 1], m) > 0)) return `terms ${i - 1} and ${i} are not strictly decreasing`;
  }
  return undefined;
}

/** Polynomial equality with readable failure output (compares canonical text and terms). */
export function expectPolyEqual<T>(a: Polynomial<T>, b: Polynomial<T>): void {
  if (!a.equals(b)) expect(a.toString()).toBe(b.toString());
  expect(a.equals(b)).toBe(true);
}
