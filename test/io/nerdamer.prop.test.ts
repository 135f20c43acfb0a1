// Our expansion agrees with nerdamer's, two ways: through the bridge (nerdamer expands, our parser
// reads its text) and at random rational points (nerdamer substitutes and simplifies the original
// expression; we evaluate our expansion exactly).
import fc from 'fast-check';
import nerdamer from 'nerdamer';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rationalToString, rpow } from '../../src/arithmetic/rational';
import { Polynomial } from '../../src/poly/polynomial';
import { fromNerdamer, toNerdamer } from '../../src/io/nerdamer';
import { parsePolynomial } from '../../src/io/parse';
import { expressionArb, qqPolynomialArb, rationalArb } from './arbitraries';

const VARS = ['x', 'y', 'z'];

function evaluateAt(p: Polynomial<Rational>, point: readonly Rational[]): Rational {
  let sum = QQ.zero;
  for (let t = 0; t < p.length; t++) {
    let v = p.coefficients[t];
    const m = p.monomials[t];
    for (let i = 0; i < point.length; i++) if (m[i + 1] > 0) v = QQ.mul(v, rpow(point[i], m[i + 1]));
    sum = QQ.add(sum, v);
  }
  return sum;
}

describe('our expansion agrees with nerdamer', () => {
  test('through the bridge: parse(expr) = fromNerdamer(expr)', () => {
    fc.assert(
      fc.property(expressionArb(4), (expr) => {
        const ours = parsePolynomial(expr, { vars: VARS });
        const theirs = fromNerdamer(expr, { vars: VARS });
        return ours.equals(theirs);
      }),
      { numRuns: 150 },
    );
  });
  test('at random rational points', () => {
    const small = rationalArb.filter((r) => r.num > -100n && r.num < 100n);
    fc.assert(
      fc.property(expressionArb(3), fc.tuple(small, small, small), (expr, point) => {
        const ours = evaluateAt(parsePolynomial(expr, { vars: VARS }), point);
        const subs = Object.fromEntries(VARS.map((v, i) => [v, rationalToString(point[i])]));
        const theirs = parsePolynomial(nerdamer(expr, subs).toString());
        return theirs.isConstant() && QQ.eq(theirs.isZero() ? QQ.zero : theirs.coefficients[0], ours);
      }),
      { numRuns: 60 },
    );
  });
  test('toNerdamer: nerdamer expands it back to the same polynomial', () => {
    fc.assert(
      fc.property(qqPolynomialArb, (p) => fromNerdamer(toNerdamer(p), { ring: p.ring }).equals(p)),
      { numRuns: 60 },
    );
  });
});
