// The multi-modular accumulator (basis-accumulator.ts) on planted bases: monic polynomials whose
// coefficients are random fractions over a few shared denominators, with numerators small (below
// 2^50 over the element's denominator: read off in doubles by `smallNumerator`) or large (the
// bigint route and rational reconstruction). Their images modulo the primes are pushed one prime
// at a time and each answer of `reconstruct` is checked at a fresh prime, as the driver does (an
// answer read off too few primes is possible by design, about once in 2^20 attempts — or 2^10 at
// two primes — and the check catches it: then the reconstructions are forgotten and the check's
// image is pushed). The answer accepted must be exactly the planted fractions, and it must come
// before the modulus is much larger than they need.
import fc from 'fast-check';
import { QQ, Zp } from '../../src/arithmetic/field';
import { primesBelow } from '../../src/arithmetic/primes';
import { Rational } from '../../src/arithmetic/rational';
import { agreesWithImage, forgetReconstructions, pushImage, reconstruct, startAccumulator } from '../../src/groebner/basis-accumulator';
import { monomial } from '../../src/monomials/monomial';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';

const R = new PolynomialRing<Rational>(QQ, ['x', 'y']);
const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;

/** A fraction num/den in lowest terms with den > 0. */
function fraction(num: bigint, den: bigint): Rational {
  let a = num < 0n ? -num : num;
  let b = den;
  while (b) [a, b] = [b, a % b];
  const g = a === 0n ? den : a;
  return { num: num / g, den: den / g };
}

function gcdOf(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

const bigintOfBits = (max: number) => fc.bigInt({ min: -(2n ** BigInt(max)), max: 2n ** BigInt(max) });

describe('the accumulator of the multi-modular driver', () => {
  test('reconstructs planted fractions exactly, with small and large numerators over shared denominators', () => {
    const element = fc.record({
      den: fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 2n ** 40n, max: 2n ** 60n })),
      nums: fc.array(fc.oneof(bigintOfBits(20), bigintOfBits(45), bigintOfBits(120)), { minLength: 1, maxLength: 6 }),
    });
    // Elements with their own denominators, or all over the first one's.
    const elements = fc.tuple(fc.array(element, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([es, shared]) => (shared ? es.map((e) => ({ ...e, den: es[0].den })) : es));
    fc.assert(
      fc.property(elements, (elements) => {
        // Element i: x^(i+5) plus terms y^j with the planted coefficients (distinct monomials).
        const planted = elements.map((e, i) => {
          const monos = [monomial([i + 5, 0]), ...e.nums.map((_, j) => monomial([0, j]))].reverse();
          const coeffs = [{ num: 1n, den: 1n }, ...e.nums.map((n) => fraction(n, e.den))].reverse();
          return R.normalize(monos, coeffs);
        });
        const primes = primesBelow(2 ** 26)[Symbol.iterator]();
        const imageAt = (p: number) => planted.map((g) => changeRing(g, new PolynomialRing(Zp(p), R.vars, R.order)));
        const first = primes.next().value as number;
        const acc = startAccumulator(imageAt(first));
        // Every coefficient must fit: 2·(bits of num + bits of den) + margins is plenty.
        const need = Math.max(...planted.flatMap((g) => g.coefficients.map((c) => bits(c.num) + bits(c.den))));
        let modulusBits = 25;
        const push = (p: number, image: Polynomial<number>[]) => {
          pushImage(acc, image.map((g) => Float64Array.from(g.coefficients)), p);
          modulusBits += 25.99;
        };
        for (let n = 1; n < 40; n++) {
          const got = reconstruct(acc, R);
          const p = primes.next().value as number;
          const image = imageAt(p);
          // Aligned on the planted supports (no coefficient vanishes at these primes here).
          if (image.some((g, i) => g.length !== planted[i].length)) return;
          if (got) {
            const agrees = got.every((g, i) => g.coefficients.every((c, k) => Zp(p).fromRational(c) === image[i].coefficients[k]));
            // The driver's test on aligned rows says the same as comparing polynomials, and it
            // sees any one residue changed.
            const rows = image.map((g) => Float64Array.from(g.coefficients));
            expect(agreesWithImage(acc, rows, p)).toBe(agrees);
            const i = n % rows.length;
            const k = (7 * n) % rows[i].length;
            const changed = rows.map((r) => r.slice());
            changed[i][k] = (changed[i][k] + 1) % p;
            expect(agreesWithImage(acc, changed, p)).toBe(false);
            if (agrees) {
              expect(got.map(String)).toEqual(planted.map(String));
              // Each element keeps the lcm of its denominators, whichever route found them (a
              // denominator first met in another element included).
              got.forEach((g, i) => expect(acc.elements[i].den.value).toBe(g.coefficients.reduce((l, c) => (l / gcdOf(l, c.den)) * c.den, 1n)));
              return;
            }
            forgetReconstructions(acc);
          }
          push(p, image);
          expect(modulusBits < 2 * need + 200).toBe(true); // it answers in time
        }
        throw new Error('no reconstruction after 40 primes');
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });

  test('a numerator over a known denominator is read off as soon as it is within the bound', () => {
    // x² + (1/L)·xy + (a/L)·y − (a/L) at four primes (M about 2^104): once 1/L gives the element's
    // denominator, a/L and −a/L with |a| just below M/2^21 (the bound `wide`) can only be read off
    // over L (twice their bits for a balanced reconstruction, 3/2 for the unbalanced one).
    const stream = primesBelow(2 ** 26);
    const primes = [0, 1, 2, 3].map(() => stream.next().value as number);
    const M = primes.reduce((m, p) => m * BigInt(p), 1n);
    const L = 1000003n;
    for (const a of [(M >> 21n) - 12345n, (M >> 23n) + 7n, 2n ** 60n + 1n]) {
      const g = R.normalize([monomial([2, 0]), monomial([1, 1]), monomial([0, 1]), monomial([0, 0])], [QQ.one, fraction(1n, L), fraction(a, L), fraction(-a, L)]);
      const imageAt = (p: number) => changeRing(g, new PolynomialRing(Zp(p), R.vars, R.order));
      const acc = startAccumulator([imageAt(primes[0])]);
      for (const p of primes.slice(1)) pushImage(acc, [Float64Array.from(imageAt(p).coefficients)], p);
      expect(reconstruct(acc, R)?.map(String)).toEqual([String(g)]);
    }
  });

  test('a check at a prime dividing a denominator of the candidate never agrees', () => {
    // x + 1/3 and y − 5/7, with images at 101 and 103: reconstructed, then checked at 3 and at 7.
    const basis = [R.normalize([monomial([1, 0]), monomial([0, 0])], [QQ.one, { num: 1n, den: 3n }]), R.normalize([monomial([0, 1]), monomial([0, 0])], [QQ.one, { num: -5n, den: 7n }])];
    const imageAt = (p: number) => basis.map((g) => Float64Array.from(changeRing(g, new PolynomialRing(Zp(p), R.vars, R.order)).coefficients));
    const acc = startAccumulator(basis.map((g) => changeRing(g, new PolynomialRing(Zp(1000003), R.vars, R.order))));
    pushImage(acc, imageAt(1000033), 1000033);
    expect(reconstruct(acc, R)?.map(String)).toEqual(basis.map(String));
    expect(agreesWithImage(acc, imageAt(1000037), 1000037)).toBe(true);
    // Modulo 3 the first element's constant has no image; any residue there is refused.
    for (const r of [0, 1, 2]) expect(agreesWithImage(acc, [Float64Array.of(1, r), Float64Array.of(1, 1)], 3)).toBe(false);
    for (const r of [0, 1, 2, 3, 4, 5, 6]) expect(agreesWithImage(acc, [Float64Array.of(1, 1), Float64Array.of(1, r)], 7)).toBe(false);
  });
});
