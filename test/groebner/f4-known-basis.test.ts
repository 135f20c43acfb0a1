// F4 told that its first inputs are a Gröbner basis already (`knownBasis`): it forms no pair among
// them, and the result is the reduced basis of the whole input all the same. Oracles: the basis
// computed from scratch from the generators the known basis came from, on random ideals in several
// orders; fewer pairs reduced; the trace learned that way replays at other primes; over Q, the
// multi-modular driver gives the basis from scratch.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { Rational } from '../../src/arithmetic/rational';
import { InputError } from '../../src/errors';
import { f4, f4Apply, f4Learn } from '../../src/groebner/f4';
import { groebner } from '../../src/groebner/groebner';
import { isReducedGroebner, normalForm } from '../../src/groebner/normal-form';
import { MonomialOrder, block, deglex, degrevlex, lex } from '../../src/monomials/order';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { cyclic, katsura } from '../../src/systems';

const P1 = 67108859;
const P2 = 67108837;

type IntSystem = [number[], number][][];

function build(sys: IntSystem, p: number, order: MonomialOrder = degrevlex): Polynomial<number>[] {
  const R = new PolynomialRing(Zp(p), ['x', 'y', 'z'], order);
  return sys.map((f) => R.fromTerms(f.map(([e, c]) => [e, R.field.fromInt(c)] as [number[], number])));
}

function sameBasis<T>(a: readonly Polynomial<T>[], b: readonly Polynomial<T>[]): boolean {
  return a.length === b.length && a.every((g, i) => g.equals(b[i]));
}

const intSystem = (maxLength: number) =>
  fc
    .array(fc.array(fc.tuple(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(2)), fc.integer({ min: -9, max: 9 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength })
    .map((sys) => sys.map((f) => f.map(([e, c]) => [e as number[], c] as [number[], number])));

describe('F4 with a known Gröbner basis among its inputs', () => {
  const orders: [string, MonomialOrder][] = [
    ['degrevlex', degrevlex],
    ['deglex', deglex],
    ['lex', lex],
    ['block', block([1, degrevlex], [2, degrevlex])],
  ];
  test.each(orders)('%s: the basis of ⟨A, B⟩ from the basis of A and B is the basis from A and B', (_, order) => {
    fc.assert(
      fc.property(intSystem(3), intSystem(2), fc.boolean(), (a, b, widen) => {
        const A = build(a, P1, order).filter((f) => !f.isZero());
        const B = build(b, P1, order);
        if (A.length === 0) return;
        const G = f4(A).basis;
        // A Gröbner basis that is not reduced: an element times a variable added to it.
        const known = widen ? [...G, G[G.length - 1].mul(G[0].ring.variable('y'))] : G;
        const fromScratch = f4([...A, ...B]).basis;
        const fromKnown = f4([...known, ...B], { knownBasis: known.length }).basis;
        expect(sameBasis(fromKnown, fromScratch)).toBe(true);
        expect(isReducedGroebner(fromKnown)).toBe(true);
        for (const f of B) expect(normalForm(f, fromKnown).isZero()).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  test('katsura-6 and cyclic-5 with a polynomial added: the same basis from fewer pairs', () => {
    for (const sys of [katsura(6, Zp(P1)), cyclic(5, Zp(P1))]) {
      const input = sys.polynomials;
      const R = input[0].ring;
      // Drop the last equation, so the basis is of a positive-dimensional ideal, then add a polynomial.
      const G = f4(input.slice(0, -1)).basis;
      const f = input[input.length - 1].add(R.variable(R.vars[0]).mul(R.variable(R.vars[1])));
      const scratch = f4([...G, f]);
      const known = f4([...G, f], { knownBasis: G.length });
      expect(sameBasis(known.basis, scratch.basis)).toBe(true);
      expect(sameBasis(known.basis, f4([...input.slice(0, -1), f]).basis)).toBe(true);
      expect(known.stats.pairsReduced).toBeLessThan(scratch.stats.pairsReduced);
    }
  });

  test('the trace learned with a known basis replays at another prime', () => {
    // The known basis is a Gröbner basis modulo both primes: katsura-5 less its last equation.
    const make = (p: number) => {
      const input = katsura(5, Zp(p)).polynomials;
      const R = input[0].ring;
      const G = f4(input.slice(0, -1)).basis;
      return { G, all: [...G, input[input.length - 1].add(R.variable(R.vars[2]).pow(2))] };
    };
    const first = make(P1);
    const learned = f4Learn(first.all, { knownBasis: first.G.length });
    expect(sameBasis(learned.basis, f4(first.all).basis)).toBe(true);
    const second = make(P2);
    // The known basis has the same supports at both primes (else the replay would not apply).
    expect(second.G.map((g) => g.monomials.join()).join(';')).toBe(first.G.map((g) => g.monomials.join()).join(';'));
    const replay = f4Apply(learned.trace, second.all);
    expect(replay).toBeDefined();
    expect(sameBasis(replay!, f4(second.all).basis)).toBe(true);
  });

  test('over Q: the multi-modular basis of ⟨G, f⟩ from G known is the basis from the generators', () => {
    const sys = katsura(5);
    const input = sys.polynomials as Polynomial<Rational>[];
    const R = input[0].ring;
    const G = groebner(input.slice(0, -1));
    const f = input[input.length - 1].add(R.variable(R.vars[1]).mul(R.variable(R.vars[3])));
    const expected = groebner([...input.slice(0, -1), f]);
    expect(sameBasis(groebner([...G, f], { knownBasis: G.length }), expected)).toBe(true);
    // Another order than the polynomials' own: the promise is about their order, and is set aside.
    expect(sameBasis(groebner([...G, f], { knownBasis: G.length, order: deglex }), groebner([...G, f], { order: deglex }))).toBe(true);
  });

  test('a knownBasis that is not a count of the inputs is refused', () => {
    const input = build([[[[1, 0, 0], 1]], [[[0, 1, 0], 1]]], P1);
    for (const k of [-1, 1.5, 3, Number.NaN]) {
      expect(() => f4(input, { knownBasis: k })).toThrow(InputError);
      expect(() => groebner(input, { knownBasis: k })).toThrow(/knownBasis must be an integer from 0 to the number of polynomials \(2\)/);
    }
    expect(f4(input, { knownBasis: 2 }).basis.map(String)).toEqual(['y', 'x']);
  });
});
