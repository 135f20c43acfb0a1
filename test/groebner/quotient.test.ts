// The quotient algebra's multiplication matrices against normal forms computed from scratch: the
// columns read off a reduced basis's tails (no reduction) must equal NF(x_i·b_j) by division.
import { Zp } from '../../src/arithmetic/field';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { Polynomial } from '../../src/poly/polynomial';
import { parsePolynomials } from '../../src/io/parse';
import { cyclic, katsura } from '../../src/systems';

function checkMatrices<T>(G: Polynomial<T>[]): void {
  const A = new QuotientAlgebra(G);
  const R = A.ring;
  for (let i = 0; i < R.nvars; i++) {
    const M = A.variableMatrix(i);
    A.basis.forEach((b, j) => {
      const nf = normalForm(R.term(b, R.field.one).mul(R.variable(i)), G);
      const column = A.basis.map((_, r) => M[r][j]);
      expect(A.element(column).toString()).toBe(nf.toString());
    });
  }
}

describe('QuotientAlgebra.variableMatrix', () => {
  test.each([
    ['katsura-4 over Q', () => groebner(katsura(4).polynomials)],
    ['cyclic-4 slice over Q', () => groebner(parsePolynomials('a+b+c+d, a*b+b*c+c*d+d*a, a*b*c+b*c*d+c*d*a+d*a*b, a*b*c*d-1, a-2*b+3').polynomials)],
    ['cyclic-5 over Z/p', () => groebner(cyclic(5, Zp(32003)).polynomials)],
  ])('%s: every column equals the normal form of x_i·b_j', (_name, make) => {
    const G = make() as Polynomial<unknown>[];
    if (G.length === 1 && G[0].isConstant()) throw new Error('expected a proper ideal');
    checkMatrices(G);
  });

  test('a basis that is not reduced falls back to reduction and gives the same matrices', () => {
    const G = groebner(katsura(3).polynomials);
    // Add a redundant element whose tail is not standard: multiples of basis elements.
    const redundant = G[G.length - 1].mul(G[0].ring.variable(0)).add(G[0]);
    const B = new QuotientAlgebra(G);
    const C = new QuotientAlgebra([...G, redundant]);
    for (let i = 0; i < G[0].ring.nvars; i++) expect(C.variableMatrix(i)).toEqual(B.variableMatrix(i));
  });
});
