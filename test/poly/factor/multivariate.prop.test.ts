/**
 * Properties of the multivariate gcd, square-free decomposition and factorization over Q:
 * the multiply-back identity, planted irreducible factors are found (linear forms and
 * x·y + z^k + 1-type polynomials, irreducible by construction), the gcd of f·g and f·h is
 * f·gcd(g, h), and the square-free parts are square-free and pairwise coprime.
 */
import fc from 'fast-check';
import { QQ } from '../../../src/arithmetic/field';
import { Rational, rational } from '../../../src/arithmetic/rational';
import { partialDerivative } from '../../../src/poly/derivative';
import { tryExactDivide } from '../../../src/poly/division';
import { factorPolynomial, polynomialGcd, squarefreeDecomposition } from '../../../src/poly/factor/multivariate-index';
import { Polynomial, PolynomialRing } from '../../../src/poly/polynomial';

const RINGS = [2, 3, 4].map((n) => new PolynomialRing(QQ, ['x', 'y', 'z', 'w'].slice(0, n)));

type Q = Polynomial<Rational>;

/** A random polynomial with small integer coefficients and total degree ≤ deg. */
function arbPoly(R: PolynomialRing<Rational>, deg: number, maxTerms: number): fc.Arbitrary<Q> {
  const term = fc.tuple(fc.array(fc.nat(deg), { minLength: R.nvars, maxLength: R.nvars }), fc.integer({ min: -5, max: 5 }));
  return fc
    .array(term, { minLength: 1, maxLength: maxTerms })
    .map((ts) => R.fromTerms(ts.filter(([e]) => e.reduce((a, b) => a + b, 0) <= deg).map(([e, c]) => [e, rational(c)])));
}

/** A linear form a·x + b·y + … + c with a ≠ 0 (irreducible). */
function arbLinear(R: PolynomialRing<Rational>): fc.Arbitrary<Q> {
  return fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: R.nvars, maxLength: R.nvars }))
    .map(([a, cs]) => R.fromTerms([[R.vars.map((_, i) => (i === 0 ? 1 : 0)), rational(a)], ...cs.map((c, i): [number[], Rational] => [R.vars.map((_, j) => (j === i + 1 ? 1 : 0)), rational(c)]).slice(0, R.nvars - 1), [R.vars.map(() => 0), rational(cs[R.nvars - 1])]]));
}

/** x·y + z^k + c-type polynomials, irreducible by construction (linear in x, content 1 in x). */
function arbIrreducible(R: PolynomialRing<Rational>): fc.Arbitrary<Q> {
  const last = R.nvars - 1;
  return fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -3, max: 3 }).filter((c) => c !== 0)).map(([k, a, c]) => {
    const e1 = R.vars.map((_, i) => (i === 0 || i === 1 ? 1 : 0));
    const e2 = R.vars.map((_, i) => (i === last ? k : 0));
    return R.fromTerms([[e1, rational(a)], [e2, rational(1)], [R.vars.map(() => 0), rational(c)]]);
  });
}

function product(f: Q, fs: { factor: Q; multiplicity: number }[], unit: Rational): Q {
  let p = f.ring.constant(unit);
  for (const { factor, multiplicity } of fs) p = p.mul(factor.pow(multiplicity));
  return p;
}

/** g equals ±h. */
function sameUpToSign(g: Q, h: Q): boolean {
  return g.equals(h) || g.equals(h.neg());
}

describe('factorPolynomial properties', () => {
  test('products of random polynomials factor back; planted irreducibles are found', () => {
    const arb = fc.integer({ min: 0, max: 2 }).chain((ri) => {
      const R = RINGS[ri];
      return fc.tuple(
        fc.array(fc.oneof(arbLinear(R), arbIrreducible(R)), { minLength: 1, maxLength: 3 }),
        fc.array(arbPoly(R, 2, 4), { minLength: 0, maxLength: 1 }),
      );
    });
    fc.assert(
      fc.property(arb, ([planted, others]) => {
        const f = [...planted, ...others].reduce((a, b) => a.mul(b));
        if (f.isZero()) return;
        const { unit, factors } = factorPolynomial(f);
        expect(product(f, factors, unit).equals(f)).toBe(true);
        const count = factors.reduce((s, g) => s + g.multiplicity, 0);
        expect(count).toBeGreaterThanOrEqual(planted.length);
        for (const p of planted) {
          const pp = p.scale(QQ.inv(p.lc()));
          expect(factors.some(({ factor }) => sameUpToSign(factor.scale(QQ.inv(factor.lc())), pp))).toBe(true);
        }
        for (const { factor } of factors) {
          expect(factor.coefficients.every((c) => c.den === 1n)).toBe(true);
          expect(factor.lc().num > 0n).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('every output factor of a random product is irreducible by a second factorization', () => {
    const R = RINGS[1];
    fc.assert(
      fc.property(fc.array(arbPoly(R, 2, 4), { minLength: 2, maxLength: 3 }), (fs) => {
        const f = fs.reduce((a, b) => a.mul(b));
        if (f.isConstant()) return;
        const { factors } = factorPolynomial(f);
        for (const { factor } of factors) {
          const again = factorPolynomial(factor);
          expect(again.factors.length).toBe(1);
          expect(again.factors[0].multiplicity).toBe(1);
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('polynomialGcd properties', () => {
  test('gcd(f·g, f·h) = pp(f)·gcd(g, h), and f, g, h are divided exactly', () => {
    const arb = fc.integer({ min: 0, max: 2 }).chain((ri) => fc.tuple(arbPoly(RINGS[ri], 2, 4), arbPoly(RINGS[ri], 2, 4), arbPoly(RINGS[ri], 2, 4)));
    fc.assert(
      fc.property(arb, ([f, g, h]) => {
        if (f.isZero() || g.isZero() || h.isZero()) return;
        const d = polynomialGcd(f.mul(g), f.mul(h));
        const expected = polynomialGcd(g, h).mul(f);
        expect(sameUpToSign(d.scale(QQ.inv(d.lc())), expected.scale(QQ.inv(expected.lc())))).toBe(true);
        expect(tryExactDivide(f.mul(g), d)).toBeDefined();
        expect(tryExactDivide(f.mul(h), d)).toBeDefined();
      }),
      { numRuns: 30 },
    );
  });
});

describe('squarefreeDecomposition properties', () => {
  test('the parts multiply back, are square-free and pairwise coprime', () => {
    const R = RINGS[1];
    const arb = fc.tuple(fc.array(fc.tuple(arbPoly(R, 2, 3), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }));
    fc.assert(
      fc.property(arb, ([parts]) => {
        const f = parts.reduce((acc, [p, m]) => acc.mul(p.pow(m)), R.one());
        if (f.isZero()) return;
        const { unit, factors } = squarefreeDecomposition(f);
        expect(product(f, factors, unit).equals(f)).toBe(true);
        for (let i = 0; i < factors.length; i++) {
          const a = factors[i].factor;
          // Square-free ⇔ gcd(a, ∂a/∂v for every v) = 1.
          const d = a.support().reduce((acc, v) => polynomialGcd(acc, partialDerivative(a, v)), a);
          expect(d.isOne()).toBe(true);
          for (let j = i + 1; j < factors.length; j++) expect(polynomialGcd(a, factors[j].factor).isOne()).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});
