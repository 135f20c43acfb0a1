// Interval evaluation of coordinates (`evaluateOnInterval`). Oracle: the exact value w(x) at any
// rational x of the interval lies in the enclosure — for intervals left of 0, right of 0 and
// around it (the sign cases of the interval products), exactly and with a working precision.
import fc from 'fast-check';
import { Rational, rational, rcmp } from '../../src/arithmetic/rational';
import { QQ } from '../../src/arithmetic/field';
import { uevaluate } from '../../src/poly/univariate';
import { divideIntervals, evaluateOnInterval, hull } from '../../src/solve/points';

const arbRational = fc.tuple(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), fc.bigInt({ min: 1n, max: 2n ** 20n })).map(([n, d]) => rational(n, d));
const arbPoly = fc.array(arbRational, { minLength: 1, maxLength: 12 });

describe('evaluateOnInterval', () => {
  test('the enclosure holds w at both ends and at a point inside, whatever the signs', () => {
    fc.assert(
      fc.property(arbPoly, arbRational, arbRational, fc.integer({ min: 0, max: 8 }), fc.option(fc.integer({ min: 8, max: 120 }), { nil: undefined }), (w, a, b, t, precision) => {
        const [lo, hi] = rcmp(a, b) <= 0 ? [a, b] : [b, a];
        const box = evaluateOnInterval(w, { lo, hi }, precision);
        // lo + (hi − lo)·t/8
        const inside: Rational = QQ.add(lo, QQ.mul(QQ.sub(hi, lo), rational(BigInt(t), 8n)));
        for (const x of [lo, hi, inside]) {
          const y = uevaluate(QQ, w, x);
          expect(rcmp(box.lo, y)).toBeLessThanOrEqual(0);
          expect(rcmp(y, box.hi)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('divideIntervals', () => {
  test('the quotient box is the four-corner hull rounded outward, whatever the signs', () => {
    fc.assert(
      fc.property(arbRational, arbRational, arbRational, arbRational, fc.integer({ min: 8, max: 120 }), (a, b, c, d, precision) => {
        const [xlo, xhi] = rcmp(a, b) <= 0 ? [a, b] : [b, a];
        const [ylo, yhi] = rcmp(c, d) <= 0 ? [c, d] : [d, c];
        fc.pre(ylo.num > 0n || yhi.num < 0n);
        const box = divideIntervals({ lo: xlo, hi: xhi }, { lo: ylo, hi: yhi }, precision);
        const corners = hull([QQ.div(xlo, ylo), QQ.div(xlo, yhi), QQ.div(xhi, ylo), QQ.div(xhi, yhi)]);
        expect(rcmp(box.lo, corners.lo)).toBeLessThanOrEqual(0);
        expect(rcmp(corners.hi, box.hi)).toBeLessThanOrEqual(0);
        // Outward rounding to `precision` bits: no wider than that around the exact hull.
        const slack = (r: Rational): Rational => QQ.mul(rational(r.num < 0n ? -r.num : r.num, r.den), rational(1n, 1n << BigInt(precision - 2)));
        expect(rcmp(QQ.sub(corners.lo, box.lo), slack(corners.lo))).toBeLessThanOrEqual(0);
        expect(rcmp(QQ.sub(box.hi, corners.hi), slack(corners.hi))).toBeLessThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
