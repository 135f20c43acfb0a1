// Positive-dimensional solution sets: planted unions of planes, lines, conics and points under
// random linear changes of coordinates are recovered component by component. Oracles: each
// planted prime equals a returned one; every returned prime contains the input (its points
// solve the system) and rational sample points satisfy it exactly; the product of the returned
// primes lies in the radical of the input (their union is the whole solution set); the answer
// is identical under permutations of the variables.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, parseRational, rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { changeRing } from '../../src/poly/change';
import { evaluate, substitute } from '../../src/poly/evaluate';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { lex } from '../../src/monomials/order';
import { minimalPrimes } from '../../src/solve/decompose';
import { primesOverIndependentSet, separatingFormModP } from '../../src/solve/eliminant-primes';
import { Factorizer } from '../../src/groebner/factor-cache';
import { solve } from '../../src/solve/solve';
import { solveResultToJSON } from '../../src/cli/commands/solve';
import { parsePolynomials } from '../../src/io/parse';

const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
const [x, y, z] = R.gens();
const c = (n: number) => R.fromInt(n);

/** Prime ideals of simple shapes (before a change of coordinates). */
const shapes: Record<string, (k: number) => Polynomial<Rational>[]> = {
  plane: (k) => [x.sub(c(k))],
  line: (k) => [x.sub(y), z.sub(c(k))],
  conic: (k) => [z.sub(c(k)), x.pow(2).add(y.pow(2)).sub(c(1))],
  point: (k) => [x.sub(c(k)), y.sub(c(1 - k)), z.sub(c(2))],
  twistedCubic: () => [y.sub(x.pow(2)), z.sub(x.pow(3))],
};

/** Substitutes x ↦ a unimodular integer combination (an invertible change of coordinates). */
function change(ps: Polynomial<Rational>[], s: number[]): Polynomial<Rational>[] {
  // Upper unitriangular times lower unitriangular: determinant 1.
  const [a, b, d, e, f, g] = s;
  const X = x.add(y.scale(rational(BigInt(a)))).add(z.scale(rational(BigInt(b))));
  const Y = y.add(z.scale(rational(BigInt(d))));
  const Z = z;
  const X2 = X;
  const Y2 = Y.add(X.scale(rational(BigInt(e))));
  const Z2 = Z.add(X.scale(rational(BigInt(f)))).add(Y.scale(rational(BigInt(g))));
  return ps.map((p) => substitute(p, { x: X2, y: Y2, z: Z2 }, R));
}

/** Generators of the product ideal P1·P2·…, whose variety is the union. */
function productIdeal(ideals: Polynomial<Rational>[][]): Polynomial<Rational>[] {
  return ideals.reduce((acc, I) => acc.flatMap((a) => I.map((b) => a.mul(b))), [R.one()]);
}

function sameIdeal(A: Polynomial<Rational>[], B: Polynomial<Rational>[]): boolean {
  const GA = groebner(A);
  const GB = groebner(B);
  return GA.map(String).join(';') === GB.map(String).join(';');
}

/** Is f in √⟨F⟩? (Rabinowitsch: 1 ∈ ⟨F, 1 − t·f⟩.) */
function inRadical(f: Polynomial<Rational>, F: Polynomial<Rational>[]): boolean {
  const S = new PolynomialRing(QQ, [...F[0].ring.vars, 't_']);
  const t = S.variable('t_');
  const G = groebner([...F.map((p) => changeRing(p, S)), S.one().sub(t.mul(changeRing(f, S)))]);
  return G.length === 1 && G[0].isOne();
}

const plantArb = fc.record({
  kinds: fc.uniqueArray(fc.constantFrom('plane', 'line', 'conic', 'point', 'twistedCubic'), { minLength: 1, maxLength: 3 }),
  k: fc.integer({ min: -2, max: 2 }),
  s: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 6, maxLength: 6 }),
});

describe('planted unions of components', () => {
  test('every planted component is recovered, and the union is the solution set', () => {
    fc.assert(
      fc.property(plantArb, ({ kinds, k, s }) => {
        const planted = kinds.map((kind, i) => change(shapes[kind](k + i), s));
        const F = productIdeal(planted);
        const primes = minimalPrimes(F);
        // Redundant planted pieces (a point on a plane, say) are absorbed: count the minimal ones.
        const minimal = planted.filter((P, i) => !planted.some((Q, j) => j !== i && containedIn(Q, P) && !containedIn(P, Q)));
        expect(primes.length).toBe(minimal.length);
        for (const P of minimal) expect(primes.some((Q) => sameIdeal(P, Q.basis))).toBe(true);
        for (const Q of primes) for (const f of F) expect(normalForm(f, Q.basis).isZero()).toBe(true);
        // The product of one generator from each prime vanishes on V(F).
        const product = primes.reduce((acc, Q) => acc.mul(Q.basis[Q.basis.length - 1]), R.one());
        expect(inRadical(product, F)).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  test('solve reports sample points on each positive-dimensional component that satisfy the system exactly', () => {
    const F = productIdeal([shapes.line(1), shapes.conic(0), shapes.point(3)]);
    const r = solve(F, { digits: 10 });
    expect(r.complete).toBe(true);
    expect(r.dimension).toBe(1);
    expect(r.components.map((c) => [c.dimension, c.degree])).toEqual([[1, 1], [1, 2], [0, 1]]);
    for (const comp of r.components) {
      if (comp.kind !== 'variety') continue;
      expect(comp.samplePoints.length).toBeGreaterThan(0);
      for (const p of comp.samplePoints) {
        if (p.kind !== 'rational') continue;
        const point = Object.fromEntries(Object.entries(p.rational).map(([v, q]) => [v, parseRational(q)]));
        for (const f of F) expect(QQ.isZero(evaluate(f, point))).toBe(true);
      }
    }
  });

  test('the answer is identical under permutations of the variables', () => {
    fc.assert(
      fc.property(plantArb, fc.constantFrom(['y', 'z', 'x'], ['z', 'x', 'y'], ['z', 'y', 'x']), ({ kinds, k, s }, perm) => {
        const F = productIdeal(kinds.map((kind, i) => change(shapes[kind](k + i), s)));
        const S = new PolynomialRing(QQ, perm);
        const a = solveResultToJSON(solve(F, { digits: 8 })) as { components: unknown };
        const b = solveResultToJSON(solve(F.map((f) => changeRing(f, S)), { digits: 8 })) as { components: unknown };
        expect(b.components).toEqual(a.components);
      }),
      { numRuns: 6 },
    );
  });
});

function containedIn(A: Polynomial<Rational>[], B: Polynomial<Rational>[]): boolean {
  const G = groebner(B);
  return A.every((a) => normalForm(a, G).isZero());
}

describe('known decompositions', () => {
  test('a piece budget that is not a positive number of seconds is refused, not looped on', () => {
    const { polynomials } = parsePolynomials('x*y, x*z');
    for (const bad of [0, -1, Number.NaN, '2' as unknown as number]) {
      expect(() => minimalPrimes(polynomials, { pieceBudget: bad })).toThrow(/pieceBudget must be a number of seconds > 0/);
    }
    expect(minimalPrimes(polynomials, { pieceBudget: 0.5 }).map((P) => P.dimension)).toEqual([2, 1]);
  });
  test('a basis in another order of the variables cuts by values as the basis itself does, with the same primes', () => {
    // x1 is 0 on V(x1, x2) and 1 on V(x1 − 1, x3² − x4): two value parts, found from a basis with
    // the variables reversed, then decomposed in the input's ring.
    const { ring, polynomials } = parsePolynomials('x1*(x1 - 1), x2*(x1 - 1), x1*(x3^2 - x4)', { vars: ['x1', 'x2', 'x3', 'x4'] });
    const reversed = new PolynomialRing(QQ, [...ring.vars].reverse());
    const valueBasis = groebner(polynomials.map((f) => changeRing(f, reversed)));
    const messages: string[] = [];
    const x1 = ring.variable('x1');
    const cut = minimalPrimes(polynomials, { valueBasis, constantOnComponents: [x1], onProgress: (e) => messages.push(e.message) });
    expect(messages).toContain('decomposition: 2 disjoint parts, by the values of a polynomial constant on the components');
    expect(messages).toContain('decomposition: dimension 2');
    const whole = minimalPrimes(polynomials);
    const keys = (primes: { basis: unknown[] }[]) => primes.map((P) => P.basis.map(String).join('; ')).sort();
    expect(keys(cut)).toEqual(keys(whole));
    expect(cut.every((P) => P.basis.every((g) => g.ring === ring))).toBe(true);
    expect(whole.map((P) => P.dimension)).toEqual([2, 2]);
  });
  test('a basis on demand is asked for once, only when the whole is decomposed, and gives the same primes', () => {
    const { ring, polynomials } = parsePolynomials('x1*(x1 - 1), x2*(x1 - 1), x1*(x3^2 - x4)', { vars: ['x1', 'x2', 'x3', 'x4'] });
    const reversed = new PolynomialRing(QQ, [...ring.vars].reverse());
    const valueBasis = groebner(polynomials.map((f) => changeRing(f, reversed)));
    const keys = (primes: { basis: unknown[] }[]) => primes.map((P) => P.basis.map(String).join('; ')).sort();
    const whole = keys(minimalPrimes(polynomials));
    // The basis from other generators of the same ideal (the generators times units, and a sum).
    const others = [polynomials[0].mul(ring.constant(rational(3n))), polynomials[1], polynomials[2].add(polynomials[1])];
    let asked = 0;
    const basisOnDemand = () => {
      asked++;
      return groebner(others);
    };
    // No value parts: the whole is decomposed, from the basis on demand.
    expect(keys(minimalPrimes(polynomials, { valueBasis, basisOnDemand }))).toEqual(whole);
    expect(asked).toBe(1);
    // Value parts that finish: never asked. A basis given: never asked.
    expect(keys(minimalPrimes(polynomials, { valueBasis, basisOnDemand, constantOnComponents: [ring.variable('x1')] }))).toEqual(whole);
    expect(keys(minimalPrimes(polynomials, { basis: groebner(polynomials), basisOnDemand }))).toEqual(whole);
    expect(asked).toBe(1);
    // In a ring ordered by lex the decomposition runs in degrevlex: the basis on demand (for lex) is brought there.
    const L = new PolynomialRing(QQ, ring.vars, lex);
    const inL = polynomials.map((f) => changeRing(f, L));
    const lexPrimes = keys(minimalPrimes(inL, { basisOnDemand: () => groebner(others.map((f) => changeRing(f, L))) }));
    expect(lexPrimes).toEqual(keys(minimalPrimes(inL)));
  });
  test('cyclic-4 splits into two curves', () => {
    const { polynomials } = parsePolynomials('a+b+c+d, a*b+b*c+c*d+d*a, a*b*c+b*c*d+c*d*a+d*a*b, a*b*c*d-1');
    const P = minimalPrimes(polynomials);
    expect(P.map((p) => p.dimension)).toEqual([1, 1]);
  });
  test('x*z − y², x³ − y*z: a space curve and a line', () => {
    const { polynomials } = parsePolynomials('x*z - y^2, x^3 - y*z');
    const r = solve(polynomials);
    expect(r.components.map((c) => [c.dimension, c.degree]).sort()).toEqual([[1, 1], [1, 5]]);
  });
  test('a form that separates modulo one prime (the hint before lifting sums of two): found past those that do not, none on an ideal that is not radical', () => {
    // Over K(u): x = ±√u, y = x, z = ±√(u + 1): degree 4. x, y, z and x + y take two values, x + z four.
    const S = new PolynomialRing(QQ, ['u', 'x', 'y', 'z']);
    const [, x, y, z] = S.gens();
    const J = groebner(parsePolynomials('x^2 - u, y - x, z^2 - u - 1', { ring: S }).polynomials);
    expect(separatingFormModP(J, [0], 4, [x, y, z, x.add(y), x.add(z)])?.equals(x.add(z))).toBe(true);
    expect(separatingFormModP(J, [0], 4, [x, y, z, x.add(y)])).toBeUndefined();
    // (z² − u − 1)²: degree 8 over K(u), not radical: no form has 8 distinct values.
    const K = groebner(parsePolynomials('x^2 - u, y - x, (z^2 - u - 1)^2', { ring: S }).polynomials);
    expect(separatingFormModP(K, [0], 8, [x.add(z), x.add(z.scale(rational(2n))), y.add(z)])).toBeUndefined();
    // Zero-dimensional (U empty): the points (±√2, ±√2, ±√3).
    const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
    const [a, b, c] = R.gens();
    const Z = groebner(parsePolynomials('x^2 - 2, y - x, z^2 - 3', { ring: R }).polynomials);
    expect(separatingFormModP(Z, [], 4, [a.add(b), b.add(c)])?.equals(b.add(c))).toBe(true);
  });
  test('Gianni–Trager–Zacharias splits along an eliminant that factors without separating: four conjugate pairs', () => {
    // Over K(u, v), x = ±iu, y = ±iv and z ∈ {0, u}: degree 8. The eliminant of z factors without
    // separating, those of x and y are irreducible of degree 2, and x + y splits each half in two.
    // (The decomposition would split z² − u·z before; the primes over {u, v} are asked directly.)
    const S = new PolynomialRing(QQ, ['u', 'v', 'x', 'y', 'z']);
    const planted = ['0', 'u'].flatMap((z0) =>
      ['-', '+'].map((sign) => parsePolynomials(`x^2 + u^2, y^2 + v^2, u*y ${sign} v*x, x*y ${sign === '-' ? '+' : '-'} u*v, z - ${z0}`, { ring: S }).polynomials),
    );
    // The same with x² + u² squared (degree 16, not radical): the same primes.
    for (const [gens, e] of [['x^2 + u^2', 8], ['(x^2 + u^2)^2', 16]] as const)
      for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 3, 0, 1]]) {
        const J = groebner(parsePolynomials(`${gens}, y^2 + v^2, z^2 - u*z`, { ring: S }).polynomials);
        const P = primesOverIndependentSet(J, [0, 1], e, order, new Factorizer());
        expect(P).toHaveLength(4);
        for (const Q of planted) expect(P.filter((p) => sameIdeal(p, Q))).toHaveLength(1);
      }
  });
});
