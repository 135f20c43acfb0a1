// Evaluation is a ring homomorphism; substitution agrees with evaluation; homogenize and
// dehomogenize invert each other; changing rings commutes with the ring operations.
import fc from 'fast-check';
import { Field, QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { InputError } from '../../src/errors';
import { changeRing, reduceModulo, withField, withOrder, withVars } from '../../src/poly/change';
import { dehomogenize, evaluate, evaluateAtRationalPoint, homogenize, isHomogeneous, substitute } from '../../src/poly/evaluate';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import {
  POLY_PRIMES, QQu, arbCoefficient, arbOrder, arbPoint, arbPoly, arbRing, arbRingWithPolys, arbSmallRational, expectFieldEqual,
  expectPolyEqual, expectWellFormed,
} from '../arbitraries';

/** evaluate with the point given as a record by variable name. */
const asRecord = (R: PolynomialRing<unknown>, pt: readonly unknown[]): Record<string, unknown> => Object.fromEntries(R.vars.map((v, i) => [v, pt[i]]));

/** Naive evaluation: Σ c·Π xᵢ^eᵢ by repeated multiplication. */
function naiveEvaluate(f: Polynomial<unknown>, pt: readonly unknown[]): unknown {
  const F = f.field as Field<unknown>;
  let acc = F.zero;
  for (let k = 0; k < f.length; k++) {
    let t = f.coefficients[k];
    for (let i = 0; i < pt.length; i++) for (let e = 0; e < f.monomials[k][i + 1]; e++) t = F.mul(t, pt[i]);
    acc = F.add(acc, t);
  }
  return acc;
}

describe('evaluateAtRationalPoint', () => {
  test('equals evaluate, polynomial by polynomial, at rational points (common denominators, large parts, zero polynomials)', () => {
    const arbCase = arbRing({ fields: [QQu] }).chain((R) =>
      fc.tuple(fc.constant(R), fc.array(arbPoly(R, { maxTerms: 6, maxExp: 4 }), { minLength: 1, maxLength: 5 }), fc.array(arbCoefficient(QQu), { minLength: R.nvars, maxLength: R.nvars })),
    );
    fc.assert(
      fc.property(arbCase, ([, ps, pt]) => {
        const polys = ps as Polynomial<Rational>[];
        const point = pt as Rational[];
        const values = evaluateAtRationalPoint(polys, point);
        polys.forEach((p, k) => expectFieldEqual(QQu, values[k], evaluate(p, point)));
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluate', () => {
  test('is a ring homomorphism and agrees with naive evaluation', () => {
    fc.assert(
      fc.property(arbRingWithPolys(2).chain(({ R, ps }) => fc.tuple(fc.constant(R), fc.constant(ps), arbPoint(R))), ([R, [f, g], pt]) => {
        const F = R.field;
        const ev = (p: Polynomial<unknown>): unknown => evaluate(p, pt);
        expectFieldEqual(F, ev(f), naiveEvaluate(f, pt));
        expectFieldEqual(F, ev(f.add(g)), F.add(ev(f), ev(g)));
        expectFieldEqual(F, ev(f.mul(g)), F.mul(ev(f), ev(g)));
        expectFieldEqual(F, ev(f.neg()), F.neg(ev(f)));
        expectFieldEqual(F, ev(R.one()), F.one);
        for (let i = 0; i < R.nvars; i++) expectFieldEqual(F, ev(R.variable(i)), pt[i]);
        expectFieldEqual(F, evaluate(f, asRecord(R, pt)), ev(f));
      }),
      { numRuns: 150 },
    );
  });

  test('point errors', () => {
    const R = new PolynomialRing(QQ, ['x', 'y']);
    const [x] = R.gens();
    expect(() => evaluate(x, [QQ.one])).toThrow(InputError);
    expect(() => evaluate(x, { y: QQ.one })).toThrow(InputError);
    // an unused variable may be left out of a record
    expect(evaluate(x, { x: rational(3n) })).toEqual(rational(3n));
  });
});

describe('substitute', () => {
  test('substitute(f, {v: g})(pt) = f(pt with v := g(pt)), also for several variables at once', () => {
    fc.assert(
      fc.property(
        arbRingWithPolys(3, {}, { maxTerms: 3, maxExp: 2 }).chain(({ R, ps }) =>
          fc.tuple(fc.constant(R), fc.constant(ps), arbPoint(R), fc.integer({ min: 0, max: R.nvars - 1 }), fc.integer({ min: 0, max: R.nvars - 1 })),
        ),
        ([R, [f, g, h], pt, i, j]) => {
          const F = R.field;
          const s1 = substitute(f, { [R.vars[i]]: g });
          expectWellFormed(s1);
          const pt1 = pt.slice();
          pt1[i] = evaluate(g, pt);
          expectFieldEqual(F, evaluate(s1, pt), evaluate(f, pt1));
          // simultaneous substitution (not sequential)
          const s2 = substitute(f, { [R.vars[i]]: g, [R.vars[j]]: h });
          const pt2 = pt.slice();
          pt2[i] = evaluate(g, pt);
          pt2[j] = evaluate(h, pt);
          if (i === j) pt2[i] = evaluate(h, pt);
          expectFieldEqual(F, evaluate(s2, pt), evaluate(f, pt2));
          // substituting every variable by itself is the identity
          expectPolyEqual(substitute(f, asRecord(R, R.gens()) as Record<string, Polynomial<unknown>>), f);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('homogenize', () => {
  test('homogeneous of the same degree; h = 1 gives f back; dehomogenize inverts it', () => {
    fc.assert(
      fc.property(arbRingWithPolys(1, { maxVars: 3 }).chain(({ R, ps }) => fc.tuple(fc.constant(R), fc.constant(ps[0]), arbPoint(R))), ([R, f, pt]) => {
        const F = R.field;
        const H = homogenize(f);
        expectWellFormed(H);
        expect(isHomogeneous(H)).toBe(true);
        expect(H.totalDegree()).toBe(f.totalDegree());
        expect(H.ring.vars).toEqual([...R.vars, 'h']);
        expectFieldEqual(F, evaluate(H, [...pt, F.one]), evaluate(f, pt));
        const back = dehomogenize(H, 'h');
        expectWellFormed(back);
        expectPolyEqual(changeRing(back, R), f);
        expect(() => homogenize(f, R.vars[0])).toThrow(InputError);
      }),
      { numRuns: 150 },
    );
  });
});

describe('changeRing', () => {
  test('into a ring with permuted variables and another order, and back, is the identity; evaluation follows the permutation', () => {
    fc.assert(
      fc.property(
        arbRingWithPolys(2).chain(({ R, ps }) =>
          fc.tuple(fc.constant(R), fc.constant(ps), fc.shuffledSubarray([...R.vars], { minLength: R.nvars, maxLength: R.nvars }), arbOrder(R.nvars), arbPoint(R)),
        ),
        ([R, [f, g], perm, order, pt]) => {
          const S = new PolynomialRing(R.field, perm, order);
          const fS = changeRing(f, S);
          expectWellFormed(fS);
          expectPolyEqual(changeRing(fS, R), f);
          // ring operations commute with the change
          expectPolyEqual(changeRing(f.mul(g), S), fS.mul(changeRing(g, S)));
          const ptS = perm.map((v) => pt[R.varIndex(v)]);
          expectFieldEqual(R.field, evaluate(fS, ptS), evaluate(f, pt));
          expectPolyEqual(changeRing(f, withOrder(R, order)), changeRing(fS, withOrder(R, order)));
          // into a superset of the variables and back
          const T = withVars(R, [...R.vars, 'extra'], order.kind === 'weighted' || order.kind === 'block' ? { kind: 'lex' } : order);
          expectPolyEqual(changeRing(changeRing(f, T), R), f);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('Q → Z/p commutes with +, · and evaluation; Z/p → Q → Z/p is the identity', () => {
    const arb = fc.constantFrom(...POLY_PRIMES).chain((p) =>
      arbRing({ fields: [QQu] }).chain((R) => {
        const opts = { coefficient: arbSmallRational as fc.Arbitrary<unknown> };
        return fc.tuple(fc.constant(p), fc.constant(R), arbPoly(R, opts), arbPoly(R, opts), fc.array(arbSmallRational, { minLength: R.nvars, maxLength: R.nvars }));
      }),
    );
    fc.assert(
      fc.property(arb, ([p, R, f, g, pt]) => {
        const Fp = Zp(p);
        const Rp = withField(R, Fp) as unknown as PolynomialRing<unknown>;
        // denominators are ≤ 6 < p, so every image exists
        const red = (q: Polynomial<unknown>): Polynomial<unknown> => changeRing(q, Rp);
        expectPolyEqual(red(f.add(g)), red(f).add(red(g)));
        expectPolyEqual(red(f.mul(g)), red(f).mul(red(g)));
        const ptp = (pt as Rational[]).map((c) => Fp.fromRational(c));
        expectFieldEqual(Fp as unknown as Field<unknown>, evaluate(red(f), ptp), Fp.fromRational(evaluate(f, pt) as Rational));
        const fp = red(f);
        expectWellFormed(fp);
        expectPolyEqual(changeRing(changeRing(fp, R), Rp), fp);
        const [ff] = reduceModulo([f as Polynomial<Rational>], Rp) ?? [];
        expectPolyEqual(ff, fp);
      }),
      { numRuns: 150 },
    );
  });

  test('reduceModulo reports an unlucky prime as undefined; a missing used variable is an InputError', () => {
    const R = new PolynomialRing(QQ, ['x', 'y']);
    const [x, y] = R.gens();
    const f = x.scale(rational(1n, 7n)).add(y);
    expect(reduceModulo([f], withField(R, Zp(7)))).toBeUndefined();
    expect(reduceModulo([f], withField(R, Zp(11)))?.[0].toString()).toBe('8*x + y');
    expect(() => changeRing(f, new PolynomialRing(QQ, ['x']))).toThrow(InputError);
    expect(changeRing(x, new PolynomialRing(QQ, ['x'])).toString()).toBe('x');
  });
});
