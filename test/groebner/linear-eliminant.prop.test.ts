// The eliminant of a linear form by linear algebra on normal forms (linear-eliminant.ts) against
// elimination with a block order (eliminate.ts): on random complete intersections of two
// equations in two dependent variables over one or two parameters (equidimensional, the
// parameters independent on every component, so the elimination ideal is principal), the two
// generators must be equal, and F(U, t) must lie in the ideal.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { eliminate } from '../../src/groebner/eliminate';
import { groebner } from '../../src/groebner/groebner';
import { linearEliminant } from '../../src/groebner/linear-eliminant';
import { normalForm } from '../../src/groebner/normal-form';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';

type QPoly = Polynomial<Rational>;

/** F(vars, T) with T (S's last variable) replaced by t, in t's ring. */
function substituteT(F: QPoly, S: PolynomialRing<Rational>, t: QPoly): QPoly {
  const R = t.ring;
  let out = R.zero();
  for (let k = 0; k < F.length; k++) {
    const m = F.monomials[k];
    let term = R.term(m.slice(1, S.nvars), F.coefficients[k]);
    for (let e = 0; e < m[S.nvars]; e++) term = term.mul(t);
    out = out.add(term);
  }
  return out;
}

/** The eliminant through a block order, in S (the oracle). */
function blockEliminant(J: readonly QPoly[], t: QPoly, U: readonly number[], S: PolynomialRing<Rational>): QPoly[] {
  const R = J[0].ring;
  const gens = [...J.map((g) => changeRing(g, S)), S.variable(S.nvars - 1).sub(changeRing(t, S))];
  return eliminate(gens, R.vars.filter((_, i) => !U.includes(i))).map((g) => changeRing(g, S));
}

const small = fc.integer({ min: -3, max: 3 });

/** A random polynomial of degree ≤ 2 in R with small integer coefficients. */
function quadric(R: PolynomialRing<Rational>): fc.Arbitrary<QPoly> {
  const n = R.nvars;
  const exps: number[][] = [new Array(n).fill(0)];
  for (let i = 0; i < n; i++) {
    exps.push(Array.from({ length: n }, (_, k) => (k === i ? 1 : 0)));
    for (let j = i; j < n; j++) exps.push(Array.from({ length: n }, (_, k) => (k === i ? 1 : 0) + (k === j ? 1 : 0)));
  }
  return fc.array(small, { minLength: exps.length, maxLength: exps.length }).map((cs) => R.fromTerms(exps.map((e, k) => [e, rational(BigInt(cs[k]))] as const)));
}

describe('the eliminant of a linear form by normal forms', () => {
  test('equals the block-order eliminant on random complete intersections, and F(U, t) lies in the ideal', () => {
    const cases = fc.oneof(
      fc.record({ vars: fc.constant(['u', 'x', 'y']), U: fc.constant<number[]>([0]) }),
      fc.record({ vars: fc.constant(['u', 'v', 'x', 'y']), U: fc.constant<number[]>([0, 1]) }),
      fc.record({ vars: fc.constant(['x', 'u', 'y']), U: fc.constant<number[]>([1]) }),
    );
    let compared = 0;
    fc.assert(
      fc.property(
        cases.chain(({ vars, U }) => {
          const R = new PolynomialRing<Rational>(QQ, vars);
          const dependent = vars.map((_, i) => i).filter((i) => !U.includes(i));
          return fc.record({
            R: fc.constant(R),
            U: fc.constant(U),
            J: fc.tuple(quadric(R), quadric(R)),
            t: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([a, b]) => R.variable(dependent[0]).scale(rational(BigInt(a))).add(R.variable(dependent[1]).scale(rational(BigInt(b))))),
          });
        }),
        ({ R, U, J, t }) => {
          const S = new PolynomialRing<Rational>(QQ, [...R.vars, 'T']);
          const oracle = blockEliminant(J, t, U, S);
          // Only ideals whose elimination ideal is principal and proper (a complete intersection
          // with the parameters independent): the function's stated domain.
          if (oracle.length !== 1 || oracle[0].isConstant()) return;
          const G = groebner(J);
          const F = linearEliminant(J, t, U, S);
          expect(F).toBeDefined();
          expect(F!.toString()).toBe(oracle[0].toString());
          expect(normalForm(substituteT(F!, S, t), G).isZero()).toBe(true);
          compared++;
        },
      ),
      { seed: 20261205, numRuns: 60 },
    );
    // The domain filter must leave most cases in.
    expect(compared).toBeGreaterThan(30);
  });

  test('a parametrized curve: x = u², y = u³ gives u³ + u² − T for t = x + y (monic at its leading monomial)', () => {
    const R = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y']);
    const [u, x, y] = R.gens();
    const S = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y', 'T']);
    const F = linearEliminant([x.sub(u.pow(2)), y.sub(u.pow(3))], x.add(y), [0], S);
    const [uS, , , T] = S.gens();
    expect(F?.equals(uS.pow(3).add(uS.pow(2)).sub(T))).toBe(true);
    // With a constant term: t = x + y + 2.
    const G = linearEliminant([x.sub(u.pow(2)), y.sub(u.pow(3))], x.add(y).add(R.fromInt(2)), [0], S);
    expect(G?.equals(uS.pow(3).add(uS.pow(2)).add(S.fromInt(2)).sub(T))).toBe(true);
  });

  test('gives up (undefined) past its budget of monomials or on a form that is not linear; the unit ideal gives 1', () => {
    const R = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y']);
    const [u, x, y] = R.gens();
    const S = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y', 'T']);
    // The eliminant has degree 3: the monomials of degree ≤ 2 in (u, T) are 6.
    expect(linearEliminant([x.sub(u.pow(2)), y.sub(u.pow(3))], x.add(y), [0], S, { maxMonomials: 6 })).toBeUndefined();
    expect(linearEliminant([x.sub(u.pow(2)), y.sub(u.pow(3))], x.add(y), [0], S, { maxMonomials: 10 })).toBeDefined();
    expect(linearEliminant([R.one(), x], x, [0], S)?.isOne()).toBe(true);
    // A form that is not linear is refused rather than multiplied wrongly.
    expect(linearEliminant([x.sub(u.pow(2)), y.sub(u.pow(3))], x.mul(y), [0], S)).toBeUndefined();
  });

  test('an unlucky prime is skipped, or the answer is left undefined, never wrong', () => {
    // Modulo 7 the first generator loses x: the ideal modulo 7 is ⟨u², y − u³⟩, whose relation
    // closes at u² instead of u³.
    const R = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y']);
    const [u, x, y] = R.gens();
    const S = new PolynomialRing<Rational>(QQ, ['u', 'x', 'y', 'T']);
    const J = [x.scale(rational(7n)).sub(u.pow(2)), y.sub(u.pow(3))];
    const t = x.add(y);
    const [uS, , , T] = S.gens();
    const expected = uS.pow(3).add(uS.pow(2).scale(rational(1n, 7n))).sub(T);
    const later = [13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113];
    // 7 after the learning prime: its replay or its relation disagrees, and it is skipped.
    expect(linearEliminant(J, t, [0], S, { primes: [11, 7, ...later] })?.equals(expected)).toBe(true);
    expect(linearEliminant(J, t, [0], S, { primes: [11, 13, 7, 7, ...later.slice(1)] })?.equals(expected)).toBe(true);
    // 7 first: every later prime disagrees with it, and the function gives up.
    expect(linearEliminant(J, t, [0], S, { primes: [7, 11, ...later] })).toBeUndefined();
    // A prime where the basis replays but the relation closes earlier: t = x + 7y is x modulo 7,
    // whose eliminant u² − T has a smaller leading monomial than u³.
    const K = [x.sub(u.pow(2)), y.sub(u.pow(3))];
    const relation = uS.pow(3).add(uS.pow(2).scale(rational(1n, 7n))).sub(T.scale(rational(1n, 7n)));
    expect(linearEliminant(K, x.add(y.scale(rational(7n))), [0], S, { primes: [11, 7, ...later] })?.equals(relation)).toBe(true);
  });
});
