/**
 * Properties of the factorization over Q: the product of the output equals the input exactly,
 * every factor is primitive with positive leading coefficient and irreducible modulo the checks
 * we can afford, planted linear and known-irreducible pieces are recovered, and factorModP
 * multiplies back modulo p.
 */
import fc from 'fast-check';
import { rational } from '../../../src/arithmetic/rational';
import { factorModP, factorUnivariate, rationalRoots, zdivExact, zgcd, zsquarefree, zsquarefreePart } from '../../../src/poly/factor';
import { arbIntPoly, arbLinear, cyclotomic, expand, mul, prod, sameRational } from './helpers';

const RUNS = { numRuns: 25 };

function gcdAll(f: readonly bigint[]): bigint {
  let g = 0n;
  for (let c of f) {
    c = c < 0n ? -c : c;
    let [a, b] = [g, c];
    while (b !== 0n) [a, b] = [b, a % b];
    g = a;
  }
  return g;
}

describe('factorUnivariate properties', () => {
  test('products of random integer polynomials factor back exactly', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(5, 9n), { minLength: 1, maxLength: 4 }), (polys) => {
        const f = prod(polys);
        const r = factorUnivariate(f);
        expect(sameRational(expand(r), f.map((c) => rational(c)))).toBe(true);
        for (const { factor } of r.factors) {
          expect(factor[factor.length - 1] > 0n).toBe(true);
          expect(gcdAll(factor)).toBe(1n);
        }
        // At least as many irreducible pieces (with multiplicity) as non-constant inputs.
        const pieces = r.factors.reduce((s, x) => s + x.multiplicity, 0);
        expect(pieces).toBeGreaterThanOrEqual(polys.filter((p) => p.length > 1).length);
      }),
      RUNS,
    );
  });

  test('planted linear factors and cyclotomic factors are all recovered', () => {
    fc.assert(
      fc.property(
        fc.array(arbLinear, { minLength: 0, maxLength: 5 }),
        fc.array(fc.integer({ min: 3, max: 24 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.bigInt({ min: -3n, max: 3n }), { minLength: 1, maxLength: 2 }),
        (lin, cyc, rat) => {
          const planted = [...lin, ...cyc.map(cyclotomic)];
          const f = mul(prod(planted), rat.map((c) => c).concat([1n]));
          const r = factorUnivariate(f);
          expect(sameRational(expand(r), f.map((c) => rational(c)))).toBe(true);
          const key = (p: readonly bigint[]) => p.join(',');
          const got = new Map(r.factors.map((x) => [key(x.factor), x.multiplicity]));
          const need = new Map<string, number>();
          for (const p of planted) need.set(key(p), (need.get(key(p)) ?? 0) + 1);
          for (const [k, m] of need) expect(got.get(k) ?? 0).toBeGreaterThanOrEqual(m);
          const roots = rationalRoots(f).map((x) => `${x.num}/${x.den}`);
          for (const l of lin) expect(roots).toContain(`${rational(-l[0], l[1]).num}/${rational(-l[0], l[1]).den}`);
        },
      ),
      RUNS,
    );
  });

  test('rationalRoots (roots mod p, lifted) agrees with the linear factors of the full factorization', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arbLinear, arbIntPoly(3, 6n)), { minLength: 1, maxLength: 5 }), (polys) => {
        const f = prod(polys);
        const fromFactors = factorUnivariate(f)
          .factors.filter((x) => x.factor.length === 2)
          .map((x) => rational(-x.factor[0], x.factor[1]))
          .sort((a, b) => (a.num * b.den < b.num * a.den ? -1 : 1));
        expect(rationalRoots(f)).toEqual(fromFactors);
      }),
      RUNS,
    );
  });

  test('output is canonical: sorted by degree then coefficients, distinct factors', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(3, 5n), { minLength: 1, maxLength: 5 }), (polys) => {
        const r = factorUnivariate(prod(polys));
        for (let i = 1; i < r.factors.length; i++) {
          const [a, b] = [r.factors[i - 1].factor, r.factors[i].factor];
          expect(a.length <= b.length).toBe(true);
          expect(a.join(',')).not.toBe(b.join(','));
        }
      }),
      RUNS,
    );
  });
});

describe('factorModP properties', () => {
  test('lc · Π factors^m equals f modulo p, factors monic', () => {
    fc.assert(
      fc.property(fc.constantFrom(2, 3, 5, 7, 101, 65521), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 12 }), (p, coeffs) => {
        const f = coeffs.map((c) => ((c % p) + p) % p);
        while (f.length > 0 && f[f.length - 1] === 0) f.pop();
        fc.pre(f.length > 0);
        const r = factorModP(f, p);
        let acc: bigint[] = [BigInt(r.lc)];
        for (const { factor, multiplicity } of r.factors) {
          expect(factor[factor.length - 1]).toBe(1);
          for (let k = 0; k < multiplicity; k++) acc = mul(acc, factor.map(BigInt));
        }
        const P = BigInt(p);
        const red = acc.map((c) => ((c % P) + P) % P);
        while (red.length > 0 && red[red.length - 1] === 0n) red.pop();
        expect(red).toEqual(f.map(BigInt));
      }),
      RUNS,
    );
  });
});

describe('zgcd and zsquarefree', () => {
  test('gcd of planted products and the square-free decomposition multiply back', () => {
    fc.assert(
      fc.property(arbIntPoly(4, 9n), arbIntPoly(4, 9n), arbIntPoly(3, 9n), (a, b, c) => {
        const g = zgcd(mul(a, c), mul(b, c));
        // c divides the gcd (up to its content).
        const cp = c.map((x) => x / gcdAll(c) * (c[c.length - 1] < 0n ? -1n : 1n));
        expect(zdivExact(g, cp)).toBeDefined();
        const f = mul(mul(a, a), mul(b, mul(c, mul(c, c))));
        const parts = zsquarefree(f);
        let back: bigint[] = [1n];
        for (const [p, m] of parts) for (let k = 0; k < m; k++) back = mul(back, p);
        const fp = f.map((x) => x / gcdAll(f) * (f[f.length - 1] < 0n ? -1n : 1n));
        expect(back).toEqual(fp);
        // The square-free part is the product of the parts, each once.
        expect(zsquarefreePart(f)).toEqual(prod(parts.map(([p]) => p)));
      }),
      RUNS,
    );
  });
});

describe('long products (degree > EXHAUSTIVE_MAX_DEGREE: van Hoeij even for few modular factors)', () => {
  test('the factorization of a product is the union of the factorizations of its pieces', () => {
    // Small pieces times one piece of degree 34–40: the factorization of the product must be
    // exactly the union of the pieces' irreducible factors.
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbLinear, arbIntPoly(4, 9n)), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 34, max: 40 }),
        fc.array(fc.bigInt({ min: -9n, max: 9n }), { minLength: 3, maxLength: 3 }),
        (small, n, c) => {
          const big = Array.from({ length: n + 1 }, (_, k) => (k === n ? 1n : k < 3 ? c[k] : k === 7 ? 1n : 0n));
          if (big[0] === 0n) big[0] = 1n;
          const pieces = [...small, big];
          const f = prod(pieces);
          if (zgcd(f, f.slice(1).map((x, i) => x * BigInt(i + 1))).length > 1) return; // keep it square-free
          const key = (p: readonly bigint[]) => p.join(',');
          const whole = factorUnivariate(f).factors.map((x) => key(x.factor)).sort();
          const union = pieces.flatMap((p) => factorUnivariate(p).factors.map((x) => key(x.factor))).sort();
          expect(whole).toEqual(union);
        },
      ),
      { numRuns: 15 },
    );
  });
});
