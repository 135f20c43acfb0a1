// Polynomials reduced modulo primes with their coefficients read once (ReductionModP): the images
// are changeRing's, term by term, for integer coefficients small and long and for fractions;
// `divides` is the BigInt test; images of small-coefficient polynomials share the monomial array,
// also in a ring over Z/p built with an equal order that is another object.
// And the F4 replay, which recognizes an input's support by that array, gives the basis of a
// fresh learning run whichever way the images come (shared arrays, fresh arrays, alternating).
import fc from 'fast-check';
import { QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { f4Apply, f4Learn } from '../../src/groebner/f4';
import { block, degrevlex, weighted } from '../../src/monomials/order';
import { changeRing } from '../../src/poly/change';
import { primitivePart } from '../../src/poly/content';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { ReductionModP } from '../../src/poly/reduction-mod-p';
import { katsura } from '../../src/systems';
import { arbPoly, expectPolyEqual } from '../arbitraries';

const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
const PRIMES = [7, 101, 65521, 67108859, 2147483647];

/** Coefficients: small integers, integers near 2^53 on either side, long integers, fractions. */
const arbCoefficient: fc.Arbitrary<Rational> = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }).map((n) => rational(n)),
  fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 53n + 3n }).chain((n) => fc.constantFrom(n, -n)).map((n) => rational(n)),
  fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }).map((n) => rational(n)),
  fc.tuple(fc.bigInt({ min: -50n, max: 50n }), fc.bigInt({ min: 2n, max: 9n })).map(([n, d]) => rational(n, d)),
);

const arbPolys = fc.array(arbPoly(R as PolynomialRing<unknown>, { maxTerms: 6, coefficient: arbCoefficient }) as fc.Arbitrary<Polynomial<Rational>>, { minLength: 1, maxLength: 4 });

describe('ReductionModP', () => {
  test('divides is the BigInt test; images equal changeRing at the primes dividing nothing', () => {
    fc.assert(
      fc.property(arbPolys, fc.constantFrom(...PRIMES), (polys, p) => {
        const reduction = new ReductionModP(polys);
        const P = BigInt(p);
        const divides = polys.some((f) => f.coefficients.some((c) => c.num % P === 0n || c.den % P === 0n));
        expect(reduction.divides(p)).toBe(divides);
        if (divides) return;
        const S = new PolynomialRing(Zp(p), R.vars, R.order);
        const images = reduction.images(S);
        polys.forEach((f, i) => {
          expectPolyEqual(images[i], changeRing(f, S));
          expect(images[i].ring).toBe(S);
          const small = f.coefficients.every((c) => c.den === 1n && Number.isSafeInteger(Number(c.num)));
          if (small) expect(images[i].monomials).toBe(f.monomials);
        });
      }),
    );
  });

  test('a prime dividing a coefficient: the vanishing terms are dropped, as changeRing does', () => {
    const f = R.fromTerms([
      [[2, 0, 0], rational(14n)],
      [[0, 1, 0], rational(3n)],
      [[0, 0, 0], rational(-21n)],
    ]);
    const S = new PolynomialRing(Zp(7), R.vars, R.order);
    const reduction = new ReductionModP([f]);
    expect(reduction.divides(7)).toBe(true);
    expectPolyEqual(reduction.images(S)[0], changeRing(f, S));
    expect(reduction.images(S)[0].length).toBe(1);
  });

  test('rings built apart with equal orders: images and changeRing share the monomial arrays', () => {
    // Equal orders that are distinct objects (each ring over Z/p, or a ring rebuilt, has its own).
    for (const [order, copy] of [
      [block([1, degrevlex], [2, degrevlex]), block([1, degrevlex], [2, degrevlex])],
      [weighted([1, 2, 1]), weighted([1, 2, 1], { kind: 'degrevlex' })],
    ] as const) {
      const Q = new PolynomialRing(QQ, ['x', 'y', 'z'], order);
      const f = Q.fromTerms([
        [[2, 1, 0], rational(3n)],
        [[0, 2, 1], rational(1n, 2n)],
        [[1, 0, 0], rational(2n ** 70n)],
        [[0, 0, 0], rational(-5n)],
      ]);
      const g = Q.fromTerms([
        [[1, 1, 1], rational(7n)],
        [[0, 0, 2], rational(-1n)],
      ]);
      const S = new PolynomialRing(Zp(101), Q.vars, copy);
      const [fp, gp] = new ReductionModP([f, g]).images(S);
      expect(gp.monomials).toBe(g.monomials);
      // changeRing keeps the monomial array when no term vanishes (the F4 replay's alignment of
      // images on a learned support is by this array), and the exponent arrays when one does.
      expect(changeRing(f, S).monomials).toBe(f.monomials);
      const S3 = new PolynomialRing(Zp(3), Q.vars, copy);
      const f3 = changeRing(f, S3); // 3 divides the coefficient 3 of x^2·y
      const kept = f.monomials.filter((_, k) => f.coefficients[k].num % 3n !== 0n);
      expect(kept.length).toBe(f.length - 1);
      expect(f3.monomials.length).toBe(kept.length);
      f3.monomials.forEach((m, k) => expect(m).toBe(kept[k]));
      expectPolyEqual(fp, changeRing(f, new PolynomialRing(Zp(101), Q.vars, order)));
    }
  });

  test('the F4 replay aligns images with shared, fresh and alternating monomial arrays alike', () => {
    const input = katsura(4).polynomials.map(primitivePart);
    const ring = (p: number) => new PolynomialRing(Zp(p), input[0].ring.vars, input[0].ring.order);
    const learned = f4Learn(input.map((f) => changeRing(f, ring(67108859))));
    const reduction = new ReductionModP(input);
    for (const [k, p] of [67108837, 67108819, 67108777, 67108763].entries()) {
      const S = ring(p);
      const images = k % 2 === 0 ? reduction.images(S) : input.map((f) => changeRing(f, S));
      const replayed = f4Apply(learned.trace, images);
      const fresh = f4Learn(input.map((f) => changeRing(f, S))).basis;
      expect(replayed).toBeDefined();
      expect(replayed!.length).toBe(fresh.length);
      replayed!.forEach((g, i) => expectPolyEqual(g, fresh[i]));
    }
  });

  test('an image on another support of the same length is not aligned as the learned one', () => {
    // Each input's last term moved to the constant monomial, outside its learned support: the
    // replay is unlucky, with the alignment of the genuine images in place (it must not be reused
    // for another monomial array) as with a trace that never saw them.
    const input = katsura(4).polynomials.map(primitivePart);
    const ring = (p: number) => new PolynomialRing(Zp(p), input[0].ring.vars, input[0].ring.order);
    const learned = f4Learn(input.map((f) => changeRing(f, ring(67108859))));
    const S = ring(67108837);
    const reduction = new ReductionModP(input);
    let moved = 0;
    input.forEach((_, k) => {
      const f = reduction.images(S)[k];
      if (f.monomials[f.length - 1][0] === 0) return;
      expect(f4Apply(learned.trace, reduction.images(S))).toBeDefined();
      const images = reduction.images(S);
      images[k] = new Polynomial(S, [...f.monomials.slice(0, -1), S.one().monomials[0]], f.coefficients);
      expect(f4Apply(learned.trace, images)).toBeUndefined();
      moved++;
    });
    expect(moved).toBeGreaterThan(1);
  });
});
