// Splitting a variety along the values of a polynomial algebraic modulo its ideal. Oracles: the
// minimal polynomial annihilates f modulo the ideal (its normal form is zero) and no polynomial
// of smaller degree does; on planted unions of components, each on a level set of f, every
// component lies in exactly one part, and the decomposition with the hint equals the one without
// (a component lost with a part, or a redundant one kept, fails); a polynomial that takes
// infinitely many values splits nothing.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { minimalPolynomialModulo, splitByValues, valuesMaySplit } from '../../src/groebner/value-splitting';
import { Zp } from '../../src/arithmetic/field';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { minimalPrimes } from '../../src/solve/decompose';

type QPoly = Polynomial<Rational>;
const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
const [x, y, z] = R.gens();
const c = (n: number) => R.fromInt(n);
const key = (ps: readonly { basis: QPoly[] }[]) => ps.map((P) => P.basis.map(String).join(';')).sort();

/** Generators of the product of the ideals (its variety is the union). */
function product(ideals: QPoly[][]): QPoly[] {
  return ideals.reduce((acc, I) => acc.flatMap((a) => I.map((b) => a.mul(b))), [R.one()]);
}

describe('minimal polynomial modulo an ideal', () => {
  test('x modulo ⟨x² − 1, y⟩ is t² − 1; x·y modulo a union of hyperbolas has one root per hyperbola', () => {
    expect(minimalPolynomialModulo(x, groebner([x.pow(2).sub(c(1)), y]))?.mu).toEqual([rational(-1n), QQ.zero, QQ.one]);
    const G = groebner(product([[x.mul(y).sub(c(1))], [x.mul(y).sub(c(2)), z]]));
    const found = minimalPolynomialModulo(x.mul(y), G);
    // (t − 1)(t − 2), possibly with multiplicities: μ vanishes at 1 and 2 and has no other root.
    expect(found).toBeDefined();
    const mu = (found as { mu: Rational[] }).mu;
    const at = (t: number) => mu.reduce((acc, a, k) => QQ.add(acc, QQ.mul(a, QQ.fromInt(t ** k))), QQ.zero);
    expect(QQ.isZero(at(1)) && QQ.isZero(at(2)) && !QQ.isZero(at(0)) && !QQ.isZero(at(3))).toBe(true);
  });

  test('the minimal polynomial annihilates f, and no polynomial of smaller degree does', () => {
    // x + y is 1, −2 and 3 on the three components.
    const G = groebner(product([[x.sub(c(1)), y], [x.add(y).add(c(2)), z.sub(c(1))], [y.sub(c(3)), x]]));
    const f = x.add(y);
    const found = minimalPolynomialModulo(f, G);
    expect(found).toBeDefined();
    const { mu, powers } = found as { mu: Rational[]; powers: QPoly[] };
    const value = mu.reduce((acc, a, k) => acc.add(f.pow(k).scale(a)), R.zero());
    expect(normalForm(value, G).isZero()).toBe(true);
    expect(powers.length).toBe(mu.length - 1);
    // Three values: degree at least 3, each value a root.
    expect(mu.length).toBeGreaterThanOrEqual(4);
    for (const t of [1, -2, 3]) expect(QQ.isZero(mu.reduce((acc, a, k) => QQ.add(acc, QQ.mul(a, QQ.fromInt(t ** k))), QQ.zero))).toBe(true);
    // A polynomial constant on V: degree 1.
    expect(minimalPolynomialModulo(x.add(c(2)), groebner([x.sub(c(1)), y.pow(2)]))?.mu).toEqual([rational(-3n), QQ.one]);
  });

  test('a polynomial taking infinitely many values gives no minimal polynomial and splits nothing', () => {
    const G = groebner(product([[x.sub(y)], [z]]));
    expect(minimalPolynomialModulo(x, G)).toBeUndefined();
    expect(splitByValues(x, G)).toBeUndefined();
  });
});

describe('planted unions on level sets of f', () => {
  // Components: lines, conics and planes, each on a level set z = k.
  const shapes = [
    (k: number) => [z.sub(c(k)), x.sub(y)],
    (k: number) => [z.sub(c(k)), x.pow(2).add(y.pow(2)).sub(c(2))],
    (k: number) => [z.sub(c(k))],
    (k: number) => [z.sub(c(k)), x.mul(y).sub(c(1))],
  ];
  const arb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -2, max: 2 })), { minLength: 2, maxLength: 4, selector: ([s, k]) => `${s},${k}` });

  test('every component lies in exactly one part, and the decomposition with the hint is the one without', () => {
    fc.assert(
      // f = z² takes one value on the level sets z = ±k.
      fc.property(arb, fc.constantFrom(1, 2), (plants, power) => {
        const f = z.pow(power);
        const planted = plants.map(([s, k]) => shapes[s](k));
        const F = product(planted);
        const G = groebner(F);
        const values = new Set(plants.map(([, k]) => k ** power));
        const parts = splitByValues(f, G);
        if (values.size === 1) expect(parts).toBeUndefined();
        else {
          expect(parts?.length).toBe(values.size);
          for (const P of planted) {
            const GP = groebner(P);
            expect((parts as QPoly[]).filter((q) => normalForm(q, GP).isZero()).length).toBe(1);
          }
        }
        expect(key(minimalPrimes(F, { basis: G, constantOnComponents: [f] }))).toEqual(key(minimalPrimes(F, { basis: G })));
      }),
      { numRuns: 12 },
    );
  });

  test('a wrong hint (a polynomial not constant on the components) leaves the answer unchanged', () => {
    const F = product([[z.sub(c(1)), x.sub(y)], [z.add(c(1))], [x, y]]);
    const G = groebner(F);
    expect(key(minimalPrimes(F, { basis: G, constantOnComponents: [x, y.mul(z)] }))).toEqual(key(minimalPrimes(F, { basis: G })));
  });
});

describe('whether the values may cut, read modulo a prime', () => {
  // Oracle: splitByValues over Q. Whenever it cuts, valuesMaySplit on the basis modulo p says so
  // (a prime dividing no denominator here); a single value, or a minimal polynomial past the
  // limits, says no.
  const p = 67108859;
  const S = new PolynomialRing(Zp(p), ['z', 'y', 'x']); // another order of the variables
  const modP = (G: QPoly[]) => groebner(G.map((g) => changeRing(g, S)));
  test('a split over Q is always seen modulo p; one value or no minimal polynomial within the limits is not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 3 }), fc.boolean(), (values, irreducible) => {
        // Components {x·y = v, z = v} for each value v, and {x·y = ±√2, z = 0} when asked (x·y's
        // values ±√2 conjugate: one factor over Q).
        const parts = values.map((v) => [x.mul(y).sub(c(v)), z.sub(c(v))]);
        if (irreducible) parts.push([x.mul(y).pow(2).sub(c(2)), z]);
        const G = groebner(product(parts));
        for (const f of [x.mul(y), z]) {
          if (splitByValues(f, G) !== undefined) expect(valuesMaySplit([f], modP(G))).toBe(true);
        }
      }),
      { seed: 20261206, numRuns: 40 },
    );
    const G = groebner(product([[x.mul(y).sub(c(1)), z], [x.mul(y).sub(c(2)), z]]));
    expect(valuesMaySplit([z], modP(G))).toBe(false);
    expect(valuesMaySplit([x.mul(y)], modP(G))).toBe(true);
    expect(valuesMaySplit([x.mul(y)], modP(G), { maxDegree: 1 })).toBe(false);
    expect(valuesMaySplit([], modP(G))).toBe(false);
  });
});
