/**
 * Properties of van Hoeij's recombination, with the exhaustive Zassenhaus search as the oracle:
 * on random products with 4–12 modular factors both give the same irreducible factors; every
 * factor returned for a random product is irreducible (the exhaustive search, complete by
 * construction, finds no split) and the factors multiply back to the input; and the hard cases —
 * Swinnerton-Dyer polynomials (irreducible, degree ≤ 2 factors modulo every prime), products of
 * two of them, cyclotomic products, and the minimal polynomial χ of the deep linear network
 * 1-2-2-1 (degree 129: 1 + 4·16 + 64) — come out right.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Zp } from '../../../src/arithmetic/field';
import { rational } from '../../../src/arithmetic/rational';
import { Deadline, TimeoutError } from '../../../src/errors';
import {
  factorSquarefreeModP, factorUnivariate, goodPrimes, henselLift, liftExponent, mignotteBound, recombine, zprimitive, ztoModP,
} from '../../../src/poly/factor';
import { vanHoeijFactor } from '../../../src/poly/factor/van-hoeij';
import { uderivative, ugcd } from '../../../src/poly/univariate';
import { arbIntPoly, cyclotomic, expand, mul, prod, sameRational, swinnertonDyer, xn } from './helpers';

const key = (f: readonly bigint[]): string => `${f.length}:${f.join(',')}`;
const sortedKeys = (fs: readonly (readonly bigint[])[]): string[] => fs.map(key).sort();

/** f primitive, lc > 0, f(0) ≠ 0 and square-free (over Z: square-free modulo some prime). */
function usable(f: bigint[]): boolean {
  if (f.length < 2 || f[0] === 0n) return false;
  const p = 1000003;
  const fp = ztoModP(f, p);
  return fp.length === f.length && ugcd(Zp(p), fp, uderivative(Zp(p), fp)).length === 1;
}

/** The exhaustive Zassenhaus factorization at the Landau–Mignotte precision (complete by construction). */
function exhaustive(f: bigint[], p: number): bigint[][] {
  const modular = factorSquarefreeModP(p, ztoModP(f, p));
  const l = liftExponent(p, 2n * mignotteBound(f));
  return recombine(f, henselLift(f, modular, p, l), BigInt(p) ** BigInt(l));
}

/** Small factors that split modulo many primes: x² − a, x² + a, linear factors, cyclotomic pieces. */
const arbSplitting: fc.Arbitrary<bigint[]> = fc.oneof(
  fc.tuple(fc.integer({ min: 2, max: 40 }), fc.boolean()).map(([a, s]) => [BigInt(s ? -a : a), 0n, 1n]),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 3 })).map(([b, a]) => [BigInt(b), BigInt(a)]),
  fc.constantFrom(...[5, 7, 8, 9, 12, 15, 16, 20].map(cyclotomic)),
  arbIntPoly(4, 5n),
);

describe('van Hoeij recombination against the exhaustive search', () => {
  test('same irreducible factors on random products with 4 to 12 modular factors', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.array(arbSplitting, { minLength: 2, maxLength: 7 }), (pieces) => {
        const f = zprimitive(prod(pieces));
        fc.pre(usable(f));
        for (const p of goodPrimes(f, 3)) {
          const modular = factorSquarefreeModP(p, ztoModP(f, p));
          if (modular.length < 4 || modular.length > 12) continue;
          compared++;
          expect(sortedKeys(vanHoeijFactor(f, modular, p))).toEqual(sortedKeys(exhaustive(f, p)));
        }
      }),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(30);
  });

  test('random products factor into irreducibles (no exhaustive split) that multiply back', () => {
    fc.assert(
      fc.property(fc.array(arbSplitting, { minLength: 3, maxLength: 8 }), fc.integer({ min: -3, max: 3 }), (pieces, unit) => {
        fc.pre(unit !== 0);
        const f = prod(pieces).map((c) => c * BigInt(unit));
        fc.pre(f.length > 1);
        const r = factorUnivariate(f);
        expect(sameRational(expand(r), f.map((c) => rational(c)))).toBe(true);
        for (const { factor } of r.factors) {
          if (factor.length <= 2 || factor[0] === 0n) continue;
          expect(exhaustive(factor, goodPrimes(factor, 1)[0])).toEqual([factor]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('hard cases', () => {
  const sd16 = swinnertonDyer([2, 3, 5, 7]);
  const sd32 = swinnertonDyer([2, 3, 5, 7, 11]);

  test.each([
    ['degree 16', [2, 3, 5, 7]],
    ['degree 32', [2, 3, 5, 7, 11]],
    ['degree 64', [2, 3, 5, 7, 11, 13]],
  ])('the Swinnerton-Dyer polynomial of %s is irreducible', (_, ps) => {
    const sd = swinnertonDyer(ps);
    expect(factorUnivariate(sd).factors).toEqual([{ factor: sd, multiplicity: 1 }]);
  });

  test('products of two Swinnerton-Dyer polynomials split into exactly those two', () => {
    const shifted = (f: bigint[]): bigint[] => {
      // f(x + 1) by Horner: ((a_n)(x + 1) + a_{n−1})(x + 1) + …
      let g: bigint[] = [];
      for (let i = f.length - 1; i >= 0; i--) {
        g = g.length ? mul(g, [1n, 1n]) : [];
        g[0] = (g[0] ?? 0n) + f[i];
      }
      return g;
    };
    const other = swinnertonDyer([2, 3, 5, 11]);
    for (const [a, b] of [[sd16, other], [sd16, shifted(sd16)], [sd32, swinnertonDyer([3, 5, 7])]]) {
      const r = factorUnivariate(mul(a, b));
      expect(sortedKeys(r.factors.map((x) => x.factor))).toEqual(sortedKeys([a, b]));
    }
  });

  test.each([105, 120, 180])('x^%i − 1 is the product of its cyclotomic factors', (n) => {
    const r = factorUnivariate(xn(n, -1n));
    const expected: bigint[][] = [];
    for (let d = 1; d <= n; d++) if (n % d === 0) expected.push(cyclotomic(d));
    expect(sortedKeys(r.factors.map((x) => x.factor))).toEqual(sortedKeys(expected));
  });

  test('χ of the deep linear network 1-2-2-1 factors as 1 + 16 + 16 + 16 + 16 + 64', () => {
    const file = path.join(__dirname, 'fixtures', 'chi_deep_linear_1221.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as [string, string][];
    const chi = raw.map(([n, d]) => rational(BigInt(n), BigInt(d)));
    const r = factorUnivariate(chi);
    expect(r.factors.map((x) => [x.factor.length - 1, x.multiplicity])).toEqual([[1, 1], [16, 1], [16, 1], [16, 1], [16, 1], [64, 1]]);
    expect(sameRational(expand(r), chi)).toBe(true);
  });

  test('a deadline stops the lattice recombination with a TimeoutError', () => {
    // Degree 128: about 0.4 s warm, well past the 50 ms limit (degree 64 took 63 ms once its code
    // was warm, and sometimes finished before the check that would have stopped it).
    const f = swinnertonDyer([2, 3, 5, 7, 11, 13, 17]);
    const p = goodPrimes(f, 1)[0];
    const modular = factorSquarefreeModP(p, ztoModP(f, p));
    const start = Date.now();
    expect(() => vanHoeijFactor(f, modular, p, { deadline: new Deadline(0.05) })).toThrow(TimeoutError);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
