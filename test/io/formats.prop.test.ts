// Round trips through every readable file format: writing a random system (over Q and over Z/p,
// in random variables from the name pool) and reading it back gives the same ring (variables in
// order, characteristic) and the same polynomials up to nonzero scalars (msolve clears
// denominators), so the same ideal. The fixed global seed is in test/setup.ts.
import fc from 'fast-check';
import { Field, QQ, Zp } from '../../src/arithmetic/field';
import { FORMATS, readSystemText, writeSystem } from '../../src/io/formats';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { NAME_POOL, orderArb, rationalArb } from './arbitraries';

const FIELDS: { field: Field<unknown>; coefficient: fc.Arbitrary<unknown> }[] = [
  { field: QQ as unknown as Field<unknown>, coefficient: rationalArb },
  ...[7, 65521, 2147483647].map((p) => ({ field: Zp(p) as unknown as Field<unknown>, coefficient: fc.integer({ min: 0, max: p - 1 }) as fc.Arbitrary<unknown> })),
];

/** A ring of 1–5 variables and 0–4 polynomials in it, some possibly zero. */
const systemArb = fc
  .tuple(fc.constantFrom(...FIELDS), fc.shuffledSubarray(NAME_POOL, { minLength: 1, maxLength: 5 }), orderArb)
  .chain(([{ field, coefficient }, vars, order]) => {
    const ring = new PolynomialRing(field, vars, order);
    const term = fc.tuple(fc.array(fc.nat({ max: 4 }), { minLength: vars.length, maxLength: vars.length }), coefficient);
    const poly = fc.array(term, { maxLength: 6 }).map((terms) => ring.fromTerms(terms));
    return fc.array(poly, { maxLength: 4 }).map((polynomials) => ({ ring, polynomials }));
  });

const normal = (ps: readonly Polynomial<unknown>[]): string[] => ps.filter((p) => !p.isZero()).map((p) => p.monic().toString());

describe.each(FORMATS.filter((f) => f.read && f.name !== 'polycrit').map((f) => f.name))('the %s format', (name) => {
  test('write then read gives the same ring and the same ideal', () => {
    fc.assert(
      fc.property(systemArb, ({ ring, polynomials }) => {
        const text = writeSystem(polynomials, name, ring);
        const back = readSystemText(text, { format: name, order: ring.order });
        expect(back.format).toBe(name);
        expect(back.ring.vars).toEqual(ring.vars);
        expect(back.ring.field.characteristic).toBe(ring.field.characteristic);
        expect(normal(back.polynomials.map((p) => p))).toEqual(normal(polynomials));
        // Detection by content agrees with the writer's format.
        expect(readSystemText(text, { order: ring.order }).format).toBe(name);
      }),
    );
  });
});

test("polycrit's own text reads back with the variables given", () => {
  fc.assert(
    fc.property(systemArb, ({ ring, polynomials }) => {
      const text = writeSystem(polynomials, 'polycrit', ring);
      const back = readSystemText(text, { format: 'polycrit', vars: ring.vars, field: ring.field, order: ring.order });
      expect(normal(back.polynomials)).toEqual(normal(polynomials));
    }),
  );
});
