// The variable order chosen for a system's degrevlex basis (groebner/variable-order.ts): by
// largest exponent, then by number of terms, ties in the ring's order; the same ring back when
// nothing moves or the order is not degrevlex; and the choice does not depend on how the caller
// listed the variables, once the ring is canonical.
import { QQ } from '../../src/arithmetic/field';
import { parsePolynomials } from '../../src/io/parse';
import { basisFriendlyRing } from '../../src/groebner/variable-order';
import { graphElimination } from '../../src/groebner/graph-variables';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { changeRing } from '../../src/poly/change';
import { PolynomialRing } from '../../src/poly/polynomial';
import { canonicalRing } from '../../src/solve/canonical';

describe('basisFriendlyRing', () => {
  test('orders by largest exponent, then by the number of terms a variable occurs in, then as the ring', () => {
    // a: exponent 3; b: exponent 1 in 3 terms; c: exponent 1 in 1 term; d: exponent 1 in 3 terms.
    const { ring, polynomials } = parsePolynomials('a^3 + b*d + c, b + d + a, b*d', { vars: ['a', 'b', 'c', 'd'] });
    expect(basisFriendlyRing(ring, polynomials).vars).toEqual(['b', 'd', 'c', 'a']);
  });

  test('gives the ring itself when nothing moves, or when its order is not degrevlex', () => {
    const { ring, polynomials } = parsePolynomials('x + y^2, y^3 + z^4', { vars: ['x', 'y', 'z'] });
    expect(basisFriendlyRing(ring, polynomials)).toBe(ring);
    const lexRing = new PolynomialRing(QQ, ['z', 'y', 'x'], 'lex');
    expect(basisFriendlyRing(lexRing, polynomials.map((f) => changeRing(f, lexRing)))).toBe(lexRing);
  });

  test("a network's system without its output bias: the output weights first, the hidden units' weights last, whatever the caller's order", () => {
    const XOR = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
    const net = networkLoss({ inputs: ['x', 'y'], layers: [{ width: 3, bias: true, activation: 'z^2' }, { width: 1, bias: true }], data: XOR, loss: 'mean' });
    const gradient = lossGradient(net);
    const chosen = (vars: string[]) => {
      const C = canonicalRing(QQ, vars);
      const graph = graphElimination(gradient.map((g) => changeRing(g, C)));
      if (!graph) throw new Error('the output bias is given by the others');
      return basisFriendlyRing(graph.ring, graph.reduced).vars;
    };
    const vars = chosen([...net.ring.vars]);
    expect(vars).toEqual(['w3_0', 'w3_1', 'w3_2', 'b0', 'b1', 'b2', 'w0_0', 'w0_1', 'w1_0', 'w1_1', 'w2_0', 'w2_1']);
    expect(chosen([...net.ring.vars].reverse())).toEqual(vars);
  });
});
