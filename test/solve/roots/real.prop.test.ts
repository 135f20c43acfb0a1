/**
 * Properties of exact real root isolation: the number of intervals equals the Sturm count, each
 * closed interval holds exactly one root, planted rational roots come back exactly and planted
 * quadratic irrationals (b ± √c)/a lie inside their intervals, and refinement keeps the root.
 */
import fc from 'fast-check';
import { Rational, rational, rcmp, req, rsub } from '../../../src/arithmetic/rational';
import { countRealRoots, descartesBound01, isolateRealRoots, realRoots, refineRoot, signAt, squarefreePartZ } from '../../../src/solve/roots';
import { descartesTest01, descartesTest01OfShift, taylorShift1 } from '../../../src/solve/roots/descartes';
import { arbIntPoly, arbLinear, mul, prod } from '../../poly/factor/helpers';

const RUNS = { numRuns: 30 };

/** Is x = (b + s·√c)/a (a > 0, c > 0 not a square, so x is irrational) inside (lo, hi)? Decided exactly. */
function containsQuadratic(lo: Rational, hi: Rational, a: bigint, b: bigint, c: bigint, s: 1 | -1): boolean {
  // x > q  ⟺  s·√c > t with t = q·a − b; compare by squaring, as exact integers over t.den².
  const gt = (q: Rational): boolean => {
    const tn = q.num * a - b * q.den;
    const td2 = q.den * q.den;
    if (s === 1) return tn < 0n || c * td2 > tn * tn;
    return tn < 0n && c * td2 < tn * tn;
  };
  return gt(lo) && !gt(hi);
}

/** 2^k·p + e with p small and sparse and e below 2^20: coefficients whose shifts nearly cancel. */
const arbNearlyCancelling = fc
  .tuple(
    fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 2, maxLength: 14 }),
    fc.integer({ min: 80, max: 400 }),
    fc.array(fc.bigInt({ min: -(2n ** 20n), max: 2n ** 20n }), { minLength: 14, maxLength: 14 }),
  )
  .map(([p, k, e]) => p.map((c, i) => (BigInt(c) << BigInt(k)) + e[i]));

describe('isolateRealRoots properties', () => {
  test('the early-stopping Descartes test is the full bound capped at 2', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), { minLength: 1, maxLength: 40 }), (q) => {
        expect(descartesTest01(q)).toBe(Math.min(2, descartesBound01(q)));
      }),
      { numRuns: 300 },
    );
  });

  test('the truncated Descartes test agrees with the exact bound where shifted coefficients nearly cancel', () => {
    // q = 2^k·p + e with p small and sparse: the shifted coefficients of p are often exactly 0, so
    // those of q are e's alone, far below the truncation's scale 2^k; their signs must still come
    // out right (from the exact test when the truncated one cannot decide).
    fc.assert(
      fc.property(arbNearlyCancelling, (q) => {
        expect(descartesTest01(q)).toBe(Math.min(2, descartesBound01(q)));
      }),
      { numRuns: 400 },
    );
  });

  test('the test of a shift on truncated coefficients agrees with the exact bound of the shifted polynomial', () => {
    // The right half of a bisection node is tested before its exact shift is computed; on the
    // same inputs, two shifts now carry the rounding error.
    fc.assert(
      fc.property(arbNearlyCancelling, (L) => {
        expect(descartesTest01OfShift(L)).toBe(Math.min(2, descartesBound01(taylorShift1(L))));
      }),
      { numRuns: 400 },
    );
  });

  test('intervals match the Sturm count, hold one root each, sorted', () => {
    fc.assert(
      fc.property(fc.array(arbIntPoly(4, 12n), { minLength: 1, maxLength: 3 }), (polys) => {
        const f = prod(polys);
        fc.pre(f.length > 1);
        const ivs = isolateRealRoots(f);
        expect(ivs.length).toBe(countRealRoots(f));
        ivs.forEach((iv, i) => {
          expect(countRealRoots(f, iv.lo, iv.hi)).toBe(1);
          if (req(iv.lo, iv.hi)) expect(signAt(f, iv.lo)).toBe(0);
          if (i > 0) expect(rcmp(ivs[i - 1].hi, iv.lo)).toBeLessThanOrEqual(0);
        });
      }),
      RUNS,
    );
  });

  test('planted rational roots are exact; planted (b ± √c)/a are inside their intervals', () => {
    fc.assert(
      fc.property(
        fc.array(arbLinear, { maxLength: 4 }),
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 4n }), fc.bigInt({ min: -6n, max: 6n }), fc.bigInt({ min: 2n, max: 30n })), { minLength: 1, maxLength: 3 }),
        (lin, quads) => {
          const qs = quads.filter(([, , c]) => ![4n, 9n, 16n, 25n].includes(c));
          fc.pre(qs.length > 0);
          // (a x − b)² − c has roots (b ± √c)/a.
          const planted = qs.map(([a, b, c]) => [b * b - c, -2n * a * b, a * a]);
          const f = mul(prod(lin), prod(planted));
          const ivs = isolateRealRoots(f);
          expect(ivs.length).toBe(countRealRoots(f));
          for (const l of lin) expect(ivs.some((iv) => req(iv.lo, iv.hi) && req(iv.lo, rational(-l[0], l[1])))).toBe(true);
          for (const [a, b, c] of qs) {
            for (const s of [1, -1] as const) {
              const inside = ivs.filter((iv) => !req(iv.lo, iv.hi) && containsQuadratic(iv.lo, iv.hi, a, b, c, s));
              expect(inside.length).toBe(1);
            }
          }
        },
      ),
      RUNS,
    );
  });

  test('refinement of clustered roots to hundreds of bits keeps each root alone in its interval', () => {
    // Roots a/2^d, (a+1)/2^d … at distance 2^−d, perturbed by a constant so that they are
    // irrational: the secant is poor until the interval is far below the cluster's width.
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.bigInt({ min: -50n, max: 50n }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 60, max: 700 }), (d, a, m, bits) => {
        const D = 1n << BigInt(d);
        const f = prod(Array.from({ length: m }, (_, i) => [-(a + BigInt(i)), D]));
        f[0] -= 1n;
        const F = squarefreePartZ(f);
        const ivs = isolateRealRoots(f);
        expect(ivs.length).toBe(countRealRoots(f));
        for (const iv of ivs) {
          const ref = refineRoot(f, iv, { bits });
          expect(rcmp(rsub(ref.hi, ref.lo), rational(1n, 1n << BigInt(bits)))).toBeLessThanOrEqual(0);
          expect(rcmp(iv.lo, ref.lo)).toBeLessThanOrEqual(0);
          expect(rcmp(ref.hi, iv.hi)).toBeLessThanOrEqual(0);
          expect(countRealRoots(f, ref.lo, ref.hi)).toBe(1);
          if (!req(ref.lo, ref.hi)) expect(signAt(F, ref.lo) * signAt(F, ref.hi)).toBe(-1);
        }
      }),
      RUNS,
    );
  });

  test('refinement to 2^−bits keeps the root and the decimals agree with the interval', () => {
    fc.assert(
      fc.property(arbIntPoly(5, 20n), fc.integer({ min: 1, max: 80 }), (f, bits) => {
        fc.pre(f.length > 1);
        for (const iv of isolateRealRoots(f)) {
          const ref = refineRoot(f, iv, { bits });
          expect(rcmp(rsub(ref.hi, ref.lo), rational(1n, 1n << BigInt(bits)))).toBeLessThanOrEqual(0);
          expect(rcmp(iv.lo, ref.lo)).toBeLessThanOrEqual(0);
          expect(rcmp(ref.hi, iv.hi)).toBeLessThanOrEqual(0);
          expect(countRealRoots(f, ref.lo, ref.hi)).toBe(1);
        }
        const roots = realRoots(f, { digits: 12 });
        for (const root of roots) {
          const x = Number(root.decimal);
          const mid = (Number(root.lo.num) / Number(root.lo.den) + Number(root.hi.num) / Number(root.hi.den)) / 2;
          expect(Math.abs(x - mid)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(mid)));
        }
      }),
      RUNS,
    );
  });
});
