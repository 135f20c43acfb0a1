// Results are plain data (issue 17, item 3): the bases of components — of positive dimension, and
// of finite ones with `bases: true` — are `PolynomialData`, so a solve or critical result survives
// structuredClone and a JSON round trip whole, and `polynomialsFromData` gives the polynomials back.
import { QQ } from '../../src/arithmetic/field';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { parsePolynomial, parsePolynomials } from '../../src/io/parse';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { changeRing } from '../../src/poly/change';
import { PolynomialData, polynomialDataToString, polynomialFromData, polynomialToData, polynomialsFromData } from '../../src/poly/data';
import { PolynomialRing } from '../../src/poly/polynomial';
import { solve } from '../../src/solve/solve';
import { InputError } from '../../src/errors';

describe('polynomials as plain data', () => {
  test('to data and back gives the same polynomial, in its own ring or another with the same variables', () => {
    const f = parsePolynomial('-3/4*x^2*y + z - 1/7', { vars: ['x', 'y', 'z'] });
    const data = polynomialToData(f);
    expect(data).toEqual({ variables: ['x', 'y', 'z'], terms: [[[2, 1, 0], '-3/4'], [[0, 0, 1], '1'], [[0, 0, 0], '-1/7']] });
    expect(polynomialFromData(data).equals(f)).toBe(true);
    expect(polynomialDataToString(data)).toBe(f.toString());
    const other = new PolynomialRing(QQ, ['z', 'w', 'y', 'x'], 'lex');
    expect(polynomialFromData(data, other).equals(changeRing(f, other))).toBe(true);
    expect(polynomialToData(parsePolynomial('0', { vars: ['x'] }))).toEqual({ variables: ['x'], terms: [] });
  });

  test('malformed data is an InputError', () => {
    expect(() => polynomialFromData(null as unknown as PolynomialData)).toThrow(InputError);
    expect(() => polynomialFromData({ variables: ['x'], terms: [[[1, 2], '1']] })).toThrow(/needs 1 exponents/);
    expect(() => polynomialFromData({ variables: ['x'], terms: [[[1], 'one']] })).toThrow(/'one' is not a rational number/);
    expect(() => polynomialFromData({ variables: ['q'], terms: [] }, new PolynomialRing(QQ, ['x']))).toThrow(/no variable 'q'/);
  });
});

describe('results survive structuredClone and JSON', () => {
  const copies = <T>(r: T): T[] => [structuredClone(r), JSON.parse(JSON.stringify(r)) as T];

  test('a positive-dimensional solve result: every datum, the bases included', () => {
    // Two components: the plane x = 0 and the curve y = x², z = 1.
    const { polynomials } = parsePolynomials('x*(y - x^2), x*(z - 1)');
    const r = solve(polynomials);
    expect(r.complete).toBe(true);
    expect(r.components.map((c) => [c.kind, c.dimension])).toEqual([
      ['variety', 2],
      ['variety', 1],
    ]);
    for (const copy of copies(r)) {
      expect(copy).toEqual(r);
      for (const [k, c] of copy.components.entries()) {
        if (c.kind !== 'variety') throw new Error('expected varieties');
        const basis = polynomialsFromData(c.basis);
        expect(basis.map(String)).toEqual(groebner(basis).map(String)); // still the reduced basis
        const original = r.components[k];
        if (original.kind !== 'variety') throw new Error('expected varieties');
        expect(basis.map(String)).toEqual(original.basis.map(polynomialDataToString));
        // Each component's prime contains the system.
        for (const f of polynomials) expect(normalForm(changeRing(f, basis[0].ring), basis).isZero()).toBe(true);
      }
    }
    expect(r.components.map((c) => (c.kind === 'variety' ? c.basis.map(polynomialDataToString) : []))).toEqual([['x'], ['z - 1', 'x^2 - y']]);
  });

  test('finite components with bases: true, and a mixed result', () => {
    const finite = solve(parsePolynomials('x^2 - 2, y - x').polynomials, { bases: true });
    const mixed = solve(parsePolynomials('x*y, x*(x - 1), y*(y - 2)*(x - 3)').polynomials);
    for (const r of [finite, mixed]) for (const copy of copies(r)) expect(copy).toEqual(r);
    const [c] = finite.components;
    expect(c.kind === 'points' && c.basis?.map(polynomialDataToString)).toEqual(['x - y', 'y^2 - 2']);
  });

  test('a critical analysis', () => {
    const analysis = criticalPoints(networkLoss(preset('xor-blog')));
    const { stats: _s, ...data } = analysis;
    for (const copy of copies(data)) expect(copy).toEqual(data);
  });
});
