// The dimension by random linear sections modulo a prime (solve/modular-dimension.ts). Oracle:
// the dimension read from the reduced Gröbner basis over Q, on examples and on random unions of
// linear and quadratic pieces; and msolve's groebner-g2 input, whose basis costs seconds while
// its sections take a fraction of one.
import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import { QQ, Zp } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { dimension } from '../../src/groebner/ideal';
import { readSystemText } from '../../src/io/formats';
import { parsePolynomials } from '../../src/io/parse';
import { substitute } from '../../src/poly/evaluate';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { dimensionBySections, restrictDense } from '../../src/solve/modular-dimension';
import { SolveResult, solve } from '../../src/solve/solve';
import { namedSystem } from '../../src/systems';
import { stopAfterFirstPartial } from '../countdown-deadline';

const sections = (text: string) => dimensionBySections(parsePolynomials(text).polynomials);

describe('dimensionBySections', () => {
  test('examples: at the Krull bound, above it, and the cases it leaves to the basis', () => {
    expect(sections('x1*y1 + x2*y2 + 1')?.dimension).toBe(3);
    // Two equations in three variables, but a plane among the components: dimension 2 > 3 − 2.
    expect(sections('x*y, x*z')?.dimension).toBe(2);
    expect(sections('x*y - z^2, y*z - x^2, x^3 - y*w')?.dimension).toBe(1);
    // The origin is a point here, and the sections of codimension 2 miss the curve.
    expect(sections('x^2 - y^3, z')?.dimension).toBe(1);
    // Empty: the section of codimension 1 is empty too, so nothing is claimed.
    expect(sections('x, x - 1')).toBeUndefined();
    // As many equations as variables: no cheap bound, left to the basis.
    expect(sections('x*y - 1, x - y')).toBeUndefined();
    const r = sections('x*y, x*z');
    expect(r?.dimensionModulo).toBeGreaterThan(2 ** 20);
    expect(r?.independentSets).toEqual([]);
  });

  test('property: equals the dimension from the basis over Q on random unions of linear and quadratic pieces', () => {
    const R = new PolynomialRing(QQ, ['a', 'b', 'c', 'd', 'e']);
    const coefficient = fc.integer({ min: -3, max: 3 });
    // An affine form in the five variables, at most three of them.
    const form = fc.tuple(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), coefficient), { minLength: 1, maxLength: 3 }), coefficient).map(([terms, c]) =>
      terms.reduce((f, [v, k]) => f.add(R.variable(v).scale(rational(BigInt(k)))), R.fromInt(c)),
    );
    // Each generator a product of one to three factors (affine, or a square of one plus a form).
    const factor = fc.oneof(form, fc.tuple(form, form).map(([f, g]) => f.mul(f).add(g)));
    const generator = fc.array(factor, { minLength: 1, maxLength: 2 }).map((fs) => fs.reduce((f, g) => f.mul(g)));
    fc.assert(
      fc.property(fc.array(generator, { minLength: 1, maxLength: 4 }), (gens) => {
        const F = gens.filter((g) => !g.isZero());
        fc.pre(F.length > 0 && F.every((g) => !g.isConstant()));
        const r = dimensionBySections(F);
        const exact = dimension(groebner(F));
        // Undefined only for an empty set (fewer than five equations here); never a wrong number.
        if (r === undefined) expect(exact).toBe(-1);
        else expect(r.dimension).toBe(exact);
      }),
      { numRuns: 40 },
    );
  });

  test("msolve's groebner-g2 (3 equations, 19 variables): dimension 16 from sections, and solve says it before any basis", () => {
    const text = fs.readFileSync(path.join(__dirname, '../fixtures/msolve/groebner-g2.ms'), 'utf8');
    const polys = readSystemText(text, { fileName: 'groebner-g2.ms' }).polynomials as Polynomial<Rational>[];
    expect(dimensionBySections(polys)?.dimension).toBe(16);
    // solve reports it (as modular) through onPartial before any basis: the deadline stops the
    // run at its first check after that report, so the test does not depend on the machine's speed.
    const { partials, ...stop } = stopAfterFirstPartial<SolveResult>();
    const r = solve(polys, stop);
    expect(r.complete).toBe(false);
    expect(partials[0].dimension).toBe(16);
    expect(partials[0].dimensionModulo).toBeGreaterThan(2 ** 20);
    expect(r.dimension).toBe(16);
    expect(r.message).toMatch(/modulo the prime \d+, probably right but not certain/);
  });

  test('a finite set: solve says its number of solutions modulo the first prime, before a second prime confirms it', () => {
    const polys = namedSystem('katsura:4').polynomials;
    const full = solve(polys);
    expect(full.solutions).toBe(16);
    // The deadline stops the run at its first check after the first report: on a network one size
    // up the second prime's basis takes as long as the first, and a time limit reached there
    // would otherwise leave the count unknown.
    const { partials, ...stop } = stopAfterFirstPartial<SolveResult>();
    const r = solve(polys, stop);
    expect(r.complete).toBe(false);
    expect(partials).toHaveLength(1);
    expect(partials[0]).toMatchObject({ dimension: 0, solutions: 16, independentSets: [[]] });
    expect(partials[0].dimensionModulo).toBeGreaterThan(2 ** 20);
    expect(r).toMatchObject({ dimension: 0, solutions: 16, dimensionModulo: partials[0].dimensionModulo });
    expect(r.message).toMatch(/the dimension and the number of solutions are those modulo the prime \d+, probably right but not certain/);
    // Once confirmed, the count is no longer marked.
    expect(full.dimensionModulo).toBeUndefined();
  });
});

describe('restrictDense', () => {
  test('property: equals substitute (the generic sparse substitution) modulo p', () => {
    const p = 65521;
    const F = Zp(p);
    const R = new PolynomialRing(F, ['x1', 'x2', 'x3', 'y1', 'y2']);
    const S = new PolynomialRing(F, ['y1', 'y2']);
    const term = fc.tuple(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 1, max: p - 1 }));
    const residue = fc.integer({ min: 0, max: p - 1 });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 12 }), fc.array(fc.array(residue, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), (terms, forms) => {
        const f = R.fromTerms(terms.map(([e, c]) => [e, c] as const));
        fc.pre(!f.isZero());
        const images: Record<string, Polynomial<number>> = {};
        ['x1', 'x2', 'x3'].forEach((x, j) => {
          images[x] = S.constant(forms[j][0]).add(S.variable('y1').scale(forms[j][1])).add(S.variable('y2').scale(forms[j][2]));
        });
        expect(restrictDense(f, 3, forms, S, p).equals(substitute(f, images, S))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
