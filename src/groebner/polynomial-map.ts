/**
 * Maps keyed by polynomials and by lists of polynomials (Gröbner bases), without building their
 * text.
 *
 * A key hashes the exponent vectors and the low bits of the coefficients into 32 bits (FNV-1a
 * mixing); a bucket holds every entry with that hash and equality decides, so a collision costs
 * a comparison, never a wrong answer. Keys are compared exactly as given: callers normalize them
 * first (monic polynomials, reduced Gröbner bases), so equal ideals give equal keys.
 */
import { Rational } from '../arithmetic/rational';
import { Polynomial } from '../poly/polynomial';

const FNV_OFFSET = 0x811c9dc5;

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

/** The low 32 bits of a coefficient: bigint parts of a rational, or a residue of Z/p. */
function coefficientBits(c: unknown): number {
  if (typeof c === 'number') return c | 0;
  const q = c as Rational;
  return Number(BigInt.asIntN(32, q.num)) ^ Math.imul(Number(BigInt.asIntN(32, q.den)), 0x9e3779b1);
}

/** A 32-bit hash of a polynomial (its terms in order). */
export function polynomialHash<T>(f: Polynomial<T>): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < f.length; k++) {
    const m = f.monomials[k];
    for (let i = 1; i < m.length; i++) h = mix(h, m[i]);
    h = mix(h, coefficientBits(f.coefficients[k]));
  }
  return h;
}

/** A 32-bit hash of a list of polynomials (in order). */
export function basisHash<T>(G: readonly Polynomial<T>[]): number {
  let h = mix(FNV_OFFSET, G.length);
  for (const g of G) h = mix(h, polynomialHash(g));
  return h;
}

/** Equal polynomials of the same ring object (a ring with the variables in another order is another key). */
function samePolynomial<T>(a: Polynomial<T>, b: Polynomial<T>): boolean {
  return a.ring === b.ring && a.equals(b);
}

function sameBasis<T>(A: readonly Polynomial<T>[], B: readonly Polynomial<T>[]): boolean {
  return A.length === B.length && A.every((a, i) => samePolynomial(a, B[i]));
}

/** A map from keys of type K to values, with a caller-supplied hash and equality. */
class HashedMap<K, V> {
  private readonly buckets = new Map<number, { key: K; value: V }[]>();
  constructor(
    private readonly hash: (k: K) => number,
    private readonly same: (a: K, b: K) => boolean,
  ) {}

  get(key: K): V | undefined {
    return this.buckets.get(this.hash(key))?.find((e) => this.same(e.key, key))?.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    const h = this.hash(key);
    const bucket = this.buckets.get(h);
    if (bucket === undefined) {
      this.buckets.set(h, [{ key, value }]);
      return;
    }
    const entry = bucket.find((e) => this.same(e.key, key));
    if (entry) entry.value = value;
    else bucket.push({ key, value });
  }

  /** The values, in no particular order. */
  values(): V[] {
    return [...this.buckets.values()].flatMap((bucket) => bucket.map((e) => e.value));
  }
}

/**
 * A map keyed by polynomials (compared term by term, in the same ring object).
 * @example const m = new PolynomialMap<Rational, number>(); m.set(x + 1, 3); m.get(1 + x) // 3
 */
export class PolynomialMap<T, V> extends HashedMap<Polynomial<T>, V> {
  constructor() {
    super(polynomialHash, samePolynomial);
  }
}

/** A map keyed by lists of polynomials, such as reduced Gröbner bases. */
export class BasisMap<T, V> extends HashedMap<readonly Polynomial<T>[], V> {
  constructor() {
    super(basisHash, sameBasis);
  }
}

