// A normal form recorded at one prime and replayed at others equals the normal form computed
// there (normalForm), for monomials above the staircase of reduced bases modulo several primes.
import { LAZY_PRIME_LIMIT } from '../../src/arithmetic/modular-linear';
import { primesBelow } from '../../src/arithmetic/primes';
import { ReductionTrace } from '../../src/solve/reduction-trace';
import { BasisModP, basesModP, separatingCoordinates } from '../../src/solve/separating-coordinates';
import { normalForm } from '../../src/groebner/normal-form';
import { groebner } from '../../src/groebner/groebner';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { compactMonomialKey, mulMonomials, variableMonomial } from '../../src/monomials/monomial';
import { eco, katsura } from '../../src/systems';
import { Polynomial } from '../../src/poly/polynomial';
import { Rational } from '../../src/arithmetic/rational';

describe('ReductionTrace', () => {
  test.each([
    ['eco-6', 2 ** 26, eco(6).polynomials],
    ['katsura-4', 2 ** 26, katsura(4).polynomials],
    // Below 2^21 the replay sums without reducing (lazily).
    ['eco-6', LAZY_PRIME_LIMIT, eco(6).polynomials],
    ['katsura-4', LAZY_PRIME_LIMIT, katsura(4).polynomials],
  ])('%s: recorded at one prime, replayed at three others = normalForm there (primes below %d)', (_name, bound, polys) => {
    const P = polys as unknown as Polynomial<Rational>[];
    const D = new QuotientAlgebra(groebner(P)).dimension;
    const n = P[0].ring.nvars;
    const form = Array.from({ length: n }, (_, i) => BigInt(1 + (i % 3)));
    const bases = basesModP(separatingCoordinates(P, form), D, undefined, primesBelow(bound as number));
    const first = bases.next().value as BasisModP;
    const A = new QuotientAlgebra(first.basis);
    const standard = new Map(A.basis.map((m, i) => [compactMonomialKey(m), i]));
    // Products of standard monomials by each variable that are not standard: the border and beyond.
    const monomials = A.basis.flatMap((b) => Array.from({ length: n }, (_, i) => mulMonomials(mulMonomials(b, variableMonomial(n, i)), variableMonomial(n, n - 1)))).filter((m) => !standard.has(compactMonomialKey(m)));
    expect(monomials.length).toBeGreaterThan(10);
    const traces = monomials.slice(0, 60).map((m) => ({ m, trace: ReductionTrace.record(m, first.basis, standard) }));
    let previous: BasisModP | undefined;
    for (let k = 0; k < 3; k++) {
      const { basis, p } = bases.next().value as BasisModP;
      // Two primes in one pass (below 2^21): each equals its own replay; above, the pair declines.
      if (previous) {
        const before = previous;
        for (const { trace } of traces) {
          const t = trace as ReductionTrace;
          const [a, b, one, other] = [0, 0, 0, 0].map(() => new Float64Array(t.rows.length));
          const paired = t.replayTwo(before.basis, before.p, a, basis, p, b);
          expect(paired).toBe(bound === LAZY_PRIME_LIMIT ? true : undefined);
          if (!paired) continue;
          t.replay(before.basis, before.p, one, 0);
          t.replay(basis, p, other, 0);
          expect([Array.from(a), Array.from(b)]).toEqual([Array.from(one), Array.from(other)]);
        }
      }
      previous = { basis, p } as BasisModP;
      for (const { m, trace } of traces) {
        expect(trace).toBeDefined();
        const t = trace as ReductionTrace;
        const out = new Float64Array(t.rows.length);
        expect(t.replay(basis, p, out, 0)).toBe(true);
        const expected = new Array<number>(D).fill(0);
        const r = normalForm(basis[0].ring.term(m, 1), basis);
        r.monomials.forEach((x, i) => (expected[standard.get(compactMonomialKey(x)) as number] = r.coefficients[i]));
        const got = new Array<number>(D).fill(0);
        t.rows.forEach((row, i) => (got[row] = out[i]));
        expect(got).toEqual(expected);
      }
    }
  });
});
