/**
 * Complex roots: the residual |f(z)| at the printed root is consistent with the stated radius
 * (checked in exact rational arithmetic), real roots are exactly the ones the Sturm count
 * predicts, non-real roots come in conjugate pairs, and planted roots a, ±b·i of
 * (x − a)(x² + b²) lie within the stated radius of a reported root.
 */
import fc from 'fast-check';
import { parseRational, Rational, rational } from '../../../src/arithmetic/rational';
import { ComplexRoot, complexRoots, countRealRoots, isolateRealRoots, nonRealComplexRoots, refineRoot, squarefreePartZ } from '../../../src/solve/roots';
import { arbIntPoly, mul, prod, xn } from '../../poly/factor/helpers';

/** A Gaussian rational as (re + i·im)/den with integers. */
interface GQ {
  re: bigint;
  im: bigint;
  den: bigint;
}

function toGQ(re: Rational, im: Rational): GQ {
  const den = re.den * im.den;
  return { re: re.num * im.den, im: im.num * re.den, den };
}

/** [|f(z)|², |f′(z)|²] exactly, as rationals. */
function residuals(f: readonly bigint[], z: GQ): [Rational, Rational] {
  const evalAt = (c: readonly bigint[]): Rational => {
    // Σ c_k (re + i im)^k den^(n−k), then divide |·|² by den^(2n).
    const n = c.length - 1;
    const dp = [1n];
    for (let k = 1; k <= n; k++) dp.push(dp[k - 1] * z.den);
    let [ar, ai] = [0n, 0n];
    for (let k = n; k >= 0; k--) [ar, ai] = [ar * z.re - ai * z.im + c[k] * dp[n - k], ar * z.im + ai * z.re];
    // Not normalized: a gcd of these thousand-digit numbers would dominate the test's time.
    return { num: ar * ar + ai * ai, den: dp[n] * dp[n] };
  };
  const d = f.slice(1).map((c, i) => c * BigInt(i + 1));
  return [evalAt(f), evalAt(d)];
}

function leq(a: Rational, b: Rational): boolean {
  return a.num * b.den <= b.num * a.den;
}

/** Checks the structural promises and the residual: |f(z)| ≤ 2ρ·|f′(z)| + tiny for every root. */
function checkRoots(f: readonly bigint[], roots: ComplexRoot[]): void {
  const distinct = roots.length;
  const reals = roots.filter((r) => r.real);
  expect(reals.length).toBe(countRealRoots(f));
  for (const r of reals) expect(r.im).toBe('0');
  const key = (re: string, im: string) => `${re}|${im.replace(/^-/, '')}`;
  const nonReal = roots.filter((r) => !r.real);
  expect(nonReal.length % 2).toBe(0);
  const count = new Map<string, number>();
  for (const r of nonReal) count.set(key(r.re, r.im), (count.get(key(r.re, r.im)) ?? 0) + 1);
  for (const c of count.values()) expect(c % 2).toBe(0);
  expect(distinct).toBeGreaterThan(0);
  for (const r of roots) {
    const rho = parseRational(r.radius);
    const [v2, d2] = residuals(f, toGQ(parseRational(r.re), parseRational(r.im)));
    // |f(z)|² ≤ (2ρ)²·|f′(z)|² (first order), allowing ρ ≪ 1.
    const bound = { num: 4n * rho.num * rho.num * d2.num, den: rho.den * rho.den * d2.den };
    expect(leq(v2, bound)).toBe(true);
  }
  // Sorted: reals ascending first.
  const firstComplex = roots.findIndex((r) => !r.real);
  if (firstComplex >= 0) expect(roots.slice(firstComplex).every((r) => !r.real)).toBe(true);
}

/** |p − z|² ≤ ρ² for the planted root p = (pr + i·pi) and the reported root. */
function within(pr: Rational, pi: Rational, r: ComplexRoot): boolean {
  const dr = parseRational(r.re);
  const di = parseRational(r.im);
  const x = rational(pr.num * dr.den - dr.num * pr.den, pr.den * dr.den);
  const y = rational(pi.num * di.den - di.num * pi.den, pi.den * di.den);
  const rho = parseRational(r.radius);
  const lhs = rational(x.num * x.num * y.den * y.den + y.num * y.num * x.den * x.den, x.den * x.den * y.den * y.den);
  return leq(lhs, rational(rho.num * rho.num, rho.den * rho.den));
}

describe('complexRoots', () => {
  test('x² + 1 and x^5 − x − 1 at 60 digits', () => {
    const r = complexRoots([1n, 0n, 1n], { digits: 12 });
    expect(r.map((x) => [x.re, x.im, x.real])).toEqual([
      ['0.00000000000', '-1.00000000000', false],
      ['0.00000000000', '1.00000000000', false],
    ]);
    const f = [-1n, -1n, 0n, 0n, 0n, 1n];
    const roots = complexRoots(f, { digits: 60 });
    expect(roots.length).toBe(5);
    expect(roots[0].re).toMatch(/^1\.16730397826141868425604589985484218072056037152/);
    expect(roots[0].re.length).toBe(61);
    checkRoots(f, roots);
  });

  test('x^60 − 1: two real roots, 29 conjugate pairs on the unit circle', () => {
    const roots = complexRoots(xn(60, -1n), { digits: 12 });
    expect(roots.length).toBe(60);
    checkRoots(xn(60, -1n), roots);
  });

  test('perturbed Wilkinson: 10 real roots, 5 pairs', () => {
    const w = prod(Array.from({ length: 20 }, (_, i) => [BigInt(-(i + 1)), 1n])).map((c) => c << 23n);
    w[19] += 1n;
    const roots = complexRoots(w, { digits: 15 });
    expect(roots.filter((r) => r.real).length).toBe(10);
    checkRoots(w, roots);
  });

  test('Mignotte x^20 − 2(100x − 1)² at 50 digits separates the close pair', () => {
    const f = mul([-1n, 100n], [-1n, 100n]).map((c) => -2n * c);
    while (f.length <= 20) f.push(0n);
    f[20] += 1n;
    const roots = complexRoots(f, { digits: 50 });
    expect(roots.filter((r) => r.real).length).toBe(4);
    checkRoots(f, roots);
    // At 5 digits the pair prints equal, but the centres (and disks) are still separated.
    const coarse = complexRoots(f, { digits: 5 });
    expect(coarse.filter((r) => r.real).map((r) => r.re)).toEqual(['-1.7347', '0.010000', '0.010000', '1.7325']);
    expect(coarse.length).toBe(20);
  });

  test('planted roots of Π(x − a)(x² + b²) are within the stated radius', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 5, max: 40 }),
        (as, bs, digits) => {
          const f = prod([...as.map((a) => [BigInt(-a), 1n]), ...bs.map((b) => [BigInt(b * b), 0n, 1n])]);
          const roots = complexRoots(f, { digits });
          expect(roots.length).toBe(as.length + 2 * bs.length);
          checkRoots(f, roots);
          for (const a of as) expect(roots.some((r) => r.real && within(rational(BigInt(a)), rational(0n), r))).toBe(true);
          for (const b of bs) {
            for (const s of [1n, -1n]) expect(roots.some((r) => !r.real && within(rational(0n), rational(s * BigInt(b)), r))).toBe(true);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  test('random integer polynomials: real count, conjugate pairs, residuals', () => {
    fc.assert(
      fc.property(fc.oneof(arbIntPoly(9, 30n), fc.tuple(arbIntPoly(3, 9n), arbIntPoly(3, 9n)).map(([a, b]) => mul(mul(a, a), b))), fc.integer({ min: 3, max: 30 }), (f, digits) => {
        fc.pre(f.length > 1);
        const roots = complexRoots(f, { digits });
        expect(roots.length).toBe(squarefreePartZ(f).length - 1);
        checkRoots(f, roots);
      }),
      { numRuns: 20 },
    );
  });

  test('multiple roots are reported once; tiny and huge roots (coefficients beyond doubles)', () => {
    const f = prod([[1n, 0n, 1n], [1n, 0n, 1n], [-1n, 1n], [-1n, 1n], [-1n, 1n]]);
    const roots = complexRoots(f, { digits: 10 });
    expect(roots.map((r) => [r.re, r.im, r.real])).toEqual([
      ['1.000000000', '0', true],
      ['0.000000000', '-1.000000000', false],
      ['0.000000000', '1.000000000', false],
    ]);
    const tiny = complexRoots([1n, 0n, 10n ** 400n], { digits: 8 });
    expect(tiny.map((r) => [r.re, r.im])).toEqual([
      ['0', '-1.0000000e-200'],
      ['0', '1.0000000e-200'],
    ]);
    expect(complexRoots([10n ** 400n, 0n, 1n], { digits: 8 }).map((r) => r.im)).toEqual(['-1.0000000e+200', '1.0000000e+200']);
    checkRoots([1n, 0n, 0n, 0n, 0n, 0n, 10n ** 100n], complexRoots([1n, 0n, 0n, 0n, 0n, 0n, 10n ** 100n], { digits: 8 }));
  });

  test('constants have no roots; bad digits are input errors', () => {
    expect(complexRoots([rational(3n)])).toEqual([]);
    expect(() => complexRoots([1n, 1n], { digits: 0 })).toThrow('digits');
  });
});

describe('nonRealComplexRoots', () => {
  test('given the real isolating intervals (refined or not), it returns the non-real roots complexRoots finds', () => {
    fc.assert(
      fc.property(arbIntPoly(7, 20n), (f) => {
        if (squarefreePartZ(f).length <= 1) return;
        const all = complexRoots(f, { digits: 12 });
        const intervals = isolateRealRoots(f);
        const refined = intervals.map((iv) => (iv.lo.num === iv.hi.num && iv.lo.den === iv.hi.den ? iv : refineRoot(f, iv, { bits: 40 })));
        const expected = all.filter((r) => !r.real);
        expect(nonRealComplexRoots(f, intervals, { digits: 12 })).toEqual(expected);
        expect(nonRealComplexRoots(f, refined, { digits: 12 })).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
