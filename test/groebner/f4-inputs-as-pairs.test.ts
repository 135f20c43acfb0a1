// F4 with many inputs (INPUTS_AS_PAIRS or more besides a known basis): each input enters as a pair
// of its own, reduced in the round of its degree, instead of through the Gebauer–Möller update.
// Oracles: the reduced basis is that of the few generators the many inputs are combinations of
// (unique), over Z/p in degree and block orders and over Q (multi-modular, replays of the trace);
// a replay at another prime equals a fresh run there; a constant among them gives [1]; the
// generators' own basis given as known with many combinations after it changes nothing.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { f4, f4Apply, f4Learn } from '../../src/groebner/f4';
import { INPUTS_AS_PAIRS } from '../../src/groebner/f4/f4';
import { computeGroebner } from '../../src/groebner/groebner';
import { isReducedGroebner } from '../../src/groebner/normal-form';
import { MonomialOrder, block, degrevlex } from '../../src/monomials/order';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { katsura } from '../../src/systems';

const P = 65521;

/**
 * `count` combinations Σ m_i·c_i·g_i of the generators (each with a random monomial multiplier
 * of degree ≤ 1 and a small coefficient, on 1 to 3 generators), from `seed`: all in the ideal, and
 * together they generate it as soon as the generators themselves are among them.
 */
function combinations<T>(gens: readonly Polynomial<T>[], count: number, seed: number): Polynomial<T>[] {
  const R = gens[0].ring;
  let state = seed >>> 0 || 1;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const out: Polynomial<T>[] = [];
  for (let k = 0; k < count; k++) {
    let f = R.zero();
    for (let t = 0; t <= next(3); t++) {
      const exps = new Array<number>(R.nvars).fill(0);
      if (next(2) === 1) exps[next(R.nvars)] = 1;
      f = f.add(gens[next(gens.length)].mul(R.term(exps, R.field.fromInt(1 + next(5)))));
    }
    if (!f.isZero()) out.push(f);
  }
  return out;
}

const sameBasis = <T>(a: readonly Polynomial<T>[], b: readonly Polynomial<T>[]): boolean => a.length === b.length && a.every((g, i) => g.equals(b[i]));

describe('F4 with many inputs, entered as pairs of their own', () => {
  test('the basis of the generators, whatever the combinations around them, in degree and block orders', () => {
    const orders: MonomialOrder[] = [degrevlex, block([2, degrevlex], [3, degrevlex])];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(...orders), (seed, order) => {
        const K = katsura(4);
        const R = new PolynomialRing(Zp(P), K.ring.vars, order);
        const gens = K.polynomials.map((g) => changeRing(g, R));
        const inputs = [...combinations(gens, INPUTS_AS_PAIRS + 16, seed), ...gens];
        expect(inputs.length).toBeGreaterThanOrEqual(INPUTS_AS_PAIRS);
        const expected = f4(gens).basis;
        const got = f4(inputs).basis;
        expect(sameBasis(got, expected)).toBe(true);
        expect(isReducedGroebner(got)).toBe(true);
      }),
      { numRuns: 6 },
    );
  });

  test('a replay at another prime equals a fresh run there, and over Q the multi-modular basis is the generators\'', () => {
    const K = katsura(4);
    const inputsQ = [...combinations(K.polynomials, INPUTS_AS_PAIRS + 30, 7), ...K.polynomials];
    const at = (p: number) => {
      const S = new PolynomialRing(Zp(p), K.ring.vars, K.ring.order);
      return inputsQ.map((f) => changeRing(f, S));
    };
    const learned = f4Learn(at(P));
    for (const q of [65519, 65497]) {
      const replayed = f4Apply(learned.trace, at(q));
      expect(replayed).toBeDefined();
      expect(sameBasis(replayed!, f4(at(q)).basis)).toBe(true);
    }
    const overQ = computeGroebner(inputsQ, { method: 'f4' }).basis;
    expect(sameBasis(overQ, computeGroebner(K.polynomials, { method: 'f4' }).basis)).toBe(true);
  });

  test('a constant among many inputs gives [1]; a known basis with many combinations after it is unchanged', () => {
    const K = katsura(4);
    const R = new PolynomialRing(Zp(P), K.ring.vars, K.ring.order);
    const gens = K.polynomials.map((g) => changeRing(g, R));
    const many = combinations(gens, INPUTS_AS_PAIRS + 8, 11);
    const unit = f4([...many, R.constant(3), ...many]).basis;
    expect(unit.length).toBe(1);
    expect(unit[0].isConstant()).toBe(true);
    const G = f4(gens).basis;
    const grown = f4([...G, ...many], { knownBasis: G.length }).basis;
    expect(sameBasis(grown, G)).toBe(true);
  });
});
