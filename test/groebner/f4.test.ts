// F4 over Z/p: the output is the reduced Gröbner basis (oracles: isReducedGroebner, every input
// reduces to 0, equality with Buchberger's reduced basis, standard-monomial counts of the
// benchmark systems), in every monomial order; edge cases; and trace replay (f4Learn/f4Apply)
// agrees with a fresh f4 for another prime or reports the prime unlucky.
import fc from 'fast-check';
import { QQ, Zp } from '../../src/arithmetic/field';
import { Deadline, InputError, TimeoutError } from '../../src/errors';
import { buchberger } from '../../src/groebner/buchberger';
import { f4, f4Apply, f4Learn, traceFromData, traceToData } from '../../src/groebner/f4';
import { sugarSelects } from '../../src/groebner/f4/f4';
import { isReducedGroebner, normalForm } from '../../src/groebner/normal-form';
import { Monomial } from '../../src/monomials/monomial';
import { MonomialOrder, block, deglex, degrevlex, isDegreeCompatible, lex, weighted } from '../../src/monomials/order';
import { changeRing, withOrder } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { cyclic, eco, katsura, noon, reimer } from '../../src/systems';

const P = 65521;
const F = Zp(P);

/** Integer-coefficient terms `[exponents, c]`, to build the same system modulo several primes. */
type IntSystem = [number[], number][][];

function build(sys: IntSystem, p: number, order: MonomialOrder = degrevlex, vars = ['x', 'y', 'z']): Polynomial<number>[] {
  const R = new PolynomialRing(Zp(p), vars, order);
  return sys.map((f) => R.fromTerms(f.map(([e, c]) => [e, R.field.fromInt(c)] as [number[], number])));
}

function sameBasis(a: readonly Polynomial<number>[], b: readonly Polynomial<number>[]): boolean {
  return a.length === b.length && a.every((g, i) => g.equals(b[i]));
}

/** Number of monomials divisible by no leading monomial (finite for zero-dimensional ideals). */
function standardMonomials(G: readonly Polynomial<number>[], nvars: number): number {
  const leads = G.map((g) => g.lm());
  const bound = new Array<number>(nvars).fill(Infinity);
  for (const l of leads) {
    const support = l.slice(1).map((e, i) => (e > 0 ? i : -1)).filter((i) => i >= 0);
    if (support.length === 1) bound[support[0]] = Math.min(bound[support[0]], l[support[0] + 1]);
  }
  if (bound.some((b) => b === Infinity)) throw new Error('not zero-dimensional');
  const e = new Array<number>(nvars + 1).fill(0);
  const reducible = (m: Monomial): boolean => leads.some((l) => l.every((x, i) => i === 0 || x <= m[i]));
  let count = 0;
  const rec = (i: number): void => {
    if (i === nvars) {
      if (!reducible(e)) count++;
      return;
    }
    for (let k = 0; k < bound[i]; k++) {
      e[i + 1] = k;
      rec(i + 1);
    }
    e[i + 1] = 0;
  };
  rec(0);
  return count;
}

/**
 * The full oracle: G is a reduced GB sorted by lm, every input reduces to 0 modulo G, and G equals
 * Buchberger's reduced basis (degree orders) or, where Buchberger is too slow (lex, weighted,
 * block), every element of G reduces to 0 modulo Buchberger's degrevlex basis of the input.
 */
function checkBasis(input: readonly Polynomial<number>[], G: readonly Polynomial<number>[]): void {
  expect(isReducedGroebner(G)).toBe(true);
  for (const f of input) expect(normalForm(f, G).isZero()).toBe(true);
  const R = input[0].ring;
  for (let i = 1; i < G.length; i++) expect(R.cmp(G[i - 1].lm(), G[i].lm())).toBeLessThan(0);
  if (isDegreeCompatible(R.order)) {
    expect(sameBasis(G, buchberger(input).basis)).toBe(true);
  } else {
    const D = withOrder(R, degrevlex);
    const GD = buchberger(input.map((f) => changeRing(f, D))).basis;
    for (const g of G) expect(normalForm(changeRing(g, D), GD).isZero()).toBe(true);
  }
}

describe('f4 on the benchmark systems', () => {
  test.each([3, 4, 5, 6])('katsura-%i has 2^n standard monomials and equals Buchberger', (n) => {
    const { polynomials } = katsura(n, F);
    const { basis, stats } = f4(polynomials);
    expect(standardMonomials(basis, n + 1)).toBe(2 ** n);
    expect(stats.rounds).toBeGreaterThan(0);
    if (n <= 5) checkBasis(polynomials, basis);
  });

  test('cyclic-5 has 70 standard monomials', () => {
    const { polynomials } = cyclic(5, F);
    const { basis } = f4(polynomials);
    expect(standardMonomials(basis, 5)).toBe(70);
    checkBasis(polynomials, basis);
  });

  test('cyclic-4 (positive-dimensional), eco-5, noon-3, reimer-3 agree with Buchberger', () => {
    for (const sys of [cyclic(4, F), eco(5, F), noon(3, F), reimer(3, F)]) checkBasis(sys.polynomials, f4(sys.polynomials).basis);
  });

  test('katsura-3 and cyclic-4 in lex, deglex, weighted and block orders', () => {
    const orders = [lex, deglex, weighted([1, 2, 3, 1]), block([2, degrevlex], [2, lex])];
    for (const order of orders) {
      for (const sys of [katsura(3, F, order), cyclic(4, F, order)]) checkBasis(sys.polynomials, f4(sys.polynomials).basis);
    }
  });

  test('elimination orders select by sugar: rounds batch many pairs, and the basis is the reference one', () => {
    expect(sugarSelects(block([2, degrevlex], [3, degrevlex]))).toBe(true);
    expect(sugarSelects(block([1, degrevlex], [2, deglex], [2, degrevlex]))).toBe(true);
    expect(sugarSelects(block([1, lex], [3, degrevlex]))).toBe(true); // one variable: any order
    expect(sugarSelects(block([2, lex], [3, degrevlex]))).toBe(false);
    expect(sugarSelects(block([1, degrevlex], [1, degrevlex], [1, degrevlex], [2, degrevlex]))).toBe(false);
    expect(sugarSelects(lex)).toBe(false);
    expect(sugarSelects(weighted([1, 2, 3]))).toBe(false);
    expect(sugarSelects(degrevlex)).toBe(false);
    // Positive-dimensional: each system less its last equation. One smallest lcm per round took
    // about one round per pair here; sugar rounds take several pairs each.
    for (const sys of [cyclic(5, F, block([3, degrevlex], [2, degrevlex])), katsura(4, F, block([2, degrevlex], [3, degrevlex]))]) {
      const input = sys.polynomials.slice(0, -1);
      const { basis, stats } = f4(input);
      expect(stats.rounds * 3).toBeLessThan(stats.pairsReduced);
      checkBasis(input, basis);
      // The rule before, kept for comparison: the same basis, in more rounds.
      const old = f4(input, { selection: 'smallest-lcm' });
      expect(sameBasis(old.basis, basis)).toBe(true);
      expect(old.stats.rounds).toBeGreaterThan(stats.rounds);
    }
  });

  test('eco-6 in lex has 2^4 standard monomials', () => {
    const { basis } = f4(eco(6, F, lex).polynomials);
    expect(standardMonomials(basis, 6)).toBe(16);
  });

  test('randomized and deterministic linear algebra give the same basis (large p)', () => {
    for (const sys of [katsura(5, Zp(67108859)), cyclic(5, Zp(67108859)), noon(4, Zp(67108859))]) {
      const a = f4(sys.polynomials, { linalg: 'randomized' }).basis;
      const b = f4(sys.polynomials, { linalg: 'deterministic' }).basis;
      expect(sameBasis(a, b)).toBe(true);
    }
  });

  test('statistics and progress are reported', () => {
    const seen: number[] = [];
    const messages: string[] = [];
    const { stats } = f4(katsura(4, F).polynomials, {
      onProgress: (i) => {
        if (i.kind === 'f4-round') seen.push(i.round);
        messages.push(i.message);
      },
    });
    expect(seen).toEqual(Array.from({ length: stats.rounds }, (_, i) => i + 1));
    expect(messages[0]).toMatch(/^F4 round 1: degree \d+, basis \d+, matrix \d+×\d+$/);
    expect(stats.maxMatrixRows).toBeGreaterThan(0);
    expect(stats.maxMatrixCols).toBeGreaterThan(0);
    expect(stats.pairsReduced).toBeGreaterThan(0);
    expect(stats.basisSizeMax).toBeGreaterThanOrEqual(5);
  });
});

describe('f4 edge cases', () => {
  const R = new PolynomialRing(F, ['x', 'y', 'z']);
  const [x, y, z] = R.gens();
  test('zero ideal and empty input', () => {
    expect(f4([]).basis).toEqual([]);
    expect(f4([R.zero(), R.zero()]).basis).toEqual([]);
  });
  test('unit ideal gives [1]', () => {
    for (const input of [[x, x.add(R.one())], [R.fromInt(5)], [x.mul(y), R.fromInt(3), z]]) {
      const { basis } = f4(input);
      expect(basis.length).toBe(1);
      expect(basis[0].isOne()).toBe(true);
    }
  });
  test('duplicates, zeros and non-monic inputs', () => {
    const f = x.mul(x).sub(y).scale(7);
    const g = x.mul(y).sub(z).scale(3);
    const input = [f, R.zero(), g, f, g.scale(5)];
    const { basis } = f4(input);
    checkBasis(input.filter((h) => !h.isZero()), basis);
  });
  test('one variable: the monic gcd', () => {
    const S = new PolynomialRing(F, ['t']);
    const t = S.variable(0);
    const a = t.pow(3).sub(S.one());
    const b = t.pow(2).sub(S.one());
    const { basis } = f4([a, b]);
    expect(basis.length).toBe(1);
    expect(basis[0].equals(t.sub(S.one()))).toBe(true);
  });
  test('a single polynomial becomes monic', () => {
    const { basis } = f4([x.mul(y).scale(4).add(z)]);
    expect(basis.length).toBe(1);
    expect(basis[0].lc()).toBe(1);
  });
  test('rejects fields other than Z/p with p < 2^26', () => {
    const Q = new PolynomialRing(QQ, ['x']);
    expect(() => f4([Q.variable(0)] as unknown as Polynomial<number>[])).toThrow(InputError);
    const Big = new PolynomialRing(Zp(2147483647), ['x']);
    expect(() => f4([Big.variable(0)])).toThrow(InputError);
  });
  test('deadline', () => {
    const d = new Deadline(0.000001);
    const until = Date.now() + 5;
    while (Date.now() < until);
    expect(() => f4(katsura(4, F).polynomials, { deadline: d })).toThrow(TimeoutError);
  });
  test('the deadline is checked inside rounds too (one matrix can take seconds)', () => {
    // A deadline that counts its checks: more checks than rounds means checks within rounds, in
    // the learning run and in a plain run (a replay's rounds hold only the useful rows, a few).
    class CountingDeadline extends Deadline {
      calls = 0;
      override check(): void {
        this.calls++;
      }
    }
    const { polynomials } = katsura(7, F);
    const rounds = f4Learn(polynomials).stats.rounds;
    for (const run of [f4Learn, f4]) {
      const d = new CountingDeadline();
      run(polynomials, { deadline: d });
      expect(d.calls).toBeGreaterThan(rounds);
    }
  });
});

/** Small random systems with integer coefficients in three variables. */
const intSystem = fc.array(
  fc.array(fc.tuple(fc.tuple(fc.nat(3), fc.nat(3), fc.nat(2)), fc.integer({ min: -9, max: 9 })), { minLength: 1, maxLength: 4 }),
  { minLength: 1, maxLength: 4 },
).map((sys) => sys.map((f) => f.map(([e, c]) => [e as number[], c] as [number[], number])));

describe('f4 on random ideals', () => {
  const orders: [string, MonomialOrder][] = [
    ['degrevlex', degrevlex],
    ['deglex', deglex],
    ['lex', lex],
    ['weighted', weighted([2, 1, 3])],
    ['block', block([1, degrevlex], [2, degrevlex])],
  ];
  test.each(orders)('%s: the reduced GB of the ideal (Buchberger oracle)', (_, order) => {
    fc.assert(
      fc.property(intSystem, (sys) => {
        for (const p of [P, 7]) {
          const input = build(sys, p, order);
          if (input.every((f) => f.isZero())) continue;
          const G = f4(input).basis;
          checkBasis(input.filter((f) => !f.isZero()), G);
          if (p === P) expect(sameBasis(f4(input, { linalg: 'randomized' }).basis, G)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('f4Learn / f4Apply', () => {
  const P1 = 67108859;
  const P2 = 67108837;
  test.each([
    ['katsura-5', (p: number) => katsura(5, Zp(p)).polynomials],
    ['cyclic-5', (p: number) => cyclic(5, Zp(p)).polynomials],
    ['eco-6 (lex)', (p: number) => eco(6, Zp(p), lex).polynomials],
  ])('%s: the replay equals a fresh f4 for another prime', (_, make) => {
    const learned = f4Learn(make(P1));
    expect(sameBasis(learned.basis, f4(make(P1)).basis)).toBe(true);
    for (const p of [P2, 65521, 32003]) {
      const replay = f4Apply(learned.trace, make(p));
      expect(replay).toBeDefined();
      expect(sameBasis(replay!, f4(make(p)).basis)).toBe(true);
    }
  });

  test.each([
    ['cyclic-6', (p: number) => cyclic(6, Zp(p)).polynomials],
    ['katsura-6', (p: number) => katsura(6, Zp(p)).polynomials],
  ])('%s: each round’s new elements are in reduced echelon form, learned and replayed', (_, make) => {
    // No tail of a new element holds the leading monomial of another element of its round. The
    // rows as first reduced do (the test checks that it has something to check).
    const learned = f4Learn(make(P1));
    let before = 0;
    let rounds = 0;
    for (const round of learned.trace.rounds) {
      if (round.newCols.length < 2) continue;
      rounds++;
      const leads = new Set(round.newCols.map((cols) => cols[0]));
      const inTails = (rows: readonly Int32Array[]) => rows.reduce((n, cols) => n + cols.slice(1).filter((c) => leads.has(c)).length, 0);
      before += inTails(round.newCols);
      // A round whose rows need nothing records no reduced supports.
      expect(round.reducedCols.length).toBe(inTails(round.newCols) > 0 ? round.newCols.length : 0);
      expect(inTails(round.reducedCols.length > 0 ? round.reducedCols : round.newCols)).toBe(0);
    }
    expect(rounds).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
    for (const p of [P2, 32003]) expect(sameBasis(f4Apply(learned.trace, make(p))!, f4(make(p)).basis)).toBe(true);
  });

  test.each([
    ['katsura-5', (p: number) => katsura(5, Zp(p)).polynomials],
    ['eco-6 (lex)', (p: number) => eco(6, Zp(p), lex).polynomials],
  ])('%s: a trace carried as plain data (a structured clone) replays like the original', (_, make) => {
    const learned = f4Learn(make(P1));
    const data = structuredClone(traceToData(learned.trace));
    const rebuilt = traceFromData(data, make(P2)[0].ring);
    for (const p of [P1, P2, 32003]) {
      const replay = f4Apply(rebuilt, make(p));
      expect(replay).toBeDefined();
      expect(sameBasis(replay!, f4(make(p)).basis)).toBe(true);
    }
    // Another ring than the trace's is refused.
    expect(() => traceFromData(data, cyclic(5, Zp(P2)).polynomials[0].ring)).toThrow(/variables/);
  });

  test('katsura-7: learning with blocks tested for zero records the rows of the deterministic run', () => {
    const make = (p: number) => katsura(7, Zp(p)).polynomials;
    const skipping = f4Learn(make(P1));
    const everyRow = f4Learn(make(P1), { linalg: 'deterministic' });
    expect(sameBasis(skipping.basis, everyRow.basis)).toBe(true);
    expect(skipping.trace.rounds.map((r) => Array.from(r.lowerPoly))).toEqual(everyRow.trace.rounds.map((r) => Array.from(r.lowerPoly)));
    expect(sameBasis(f4Apply(skipping.trace, make(P2))!, f4(make(P2)).basis)).toBe(true);
  });

  test('katsura-7 and cyclic-6: f4 by default (blocks tested for zero) gives the basis of the deterministic run and of the randomized one', () => {
    for (const make of [(p: number) => katsura(7, Zp(p)).polynomials, (p: number) => cyclic(6, Zp(p)).polynomials]) {
      const everyRow = f4(make(P1), { linalg: 'deterministic' }).basis;
      expect(sameBasis(f4(make(P1)).basis, everyRow)).toBe(true);
      expect(sameBasis(f4(make(P1), { linalg: 'randomized' }).basis, everyRow)).toBe(true);
    }
  });

  test('random ideals: the replay is a fresh f4 or undefined with different leading monomials', () => {
    fc.assert(
      fc.property(intSystem, (sys) => {
        const learned = f4Learn(build(sys, P1));
        for (const p of [P2, 11]) {
          const input = build(sys, p);
          const direct = f4(input).basis;
          const replay = f4Apply(learned.trace, input);
          const leads = (G: Polynomial<number>[]) => G.map((g) => g.lm().join()).join(';');
          if (replay !== undefined) expect(sameBasis(replay, direct)).toBe(true);
          if (leads(direct) === leads(learned.basis) && p === P2) expect(replay).toBeDefined();
        }
      }),
      { numRuns: 40 },
    );
  });

  test('an unlucky prime (it divides an intermediate pivot) gives undefined', () => {
    // Over Q (and mod 65521) the unit ideal; mod 5 the ideal (y + 3, x + 4).
    const sys: IntSystem = [
      [[[1, 2, 0], 9], [[2, 2, 0], 1]],
      [[[0, 1, 0], 9], [[0, 0, 0], 13], [[2, 1, 0], 17]],
      [[[0, 0, 0], 1], [[2, 1, 0], 17]],
    ];
    const learned = f4Learn(build(sys, 65521));
    expect(learned.basis.map(String)).toEqual(['1']);
    expect(f4(build(sys, 5)).basis.map(String)).toEqual(['y + 3', 'x + 4']);
    expect(f4Apply(learned.trace, build(sys, 5))).toBeUndefined();
    expect(f4Apply(learned.trace, build(sys, 32003))!.map(String)).toEqual(['1']);
  });

  test('a support outside the learned one gives undefined; zero inputs and the zero ideal replay', () => {
    const R1 = new PolynomialRing(Zp(P1), ['x', 'y']);
    const R2 = new PolynomialRing(Zp(P2), ['x', 'y']);
    const [x1, y1] = R1.gens();
    const [x2, y2] = R2.gens();
    const learned = f4Learn([x1.mul(x1).sub(y1), R1.zero(), x1.mul(y1).sub(R1.one())]);
    expect(f4Apply(learned.trace, [x2.mul(x2).sub(y2).add(R2.one()), R2.zero(), x2.mul(y2).sub(R2.one())])).toBeUndefined();
    expect(f4Apply(learned.trace, [x2.mul(x2).sub(y2), x2, x2.mul(y2).sub(R2.one())])).toBeUndefined();
    const ok = f4Apply(learned.trace, [x2.mul(x2).sub(y2), R2.zero(), x2.mul(y2).sub(R2.one())]);
    expect(sameBasis(ok!, f4([x2.mul(x2).sub(y2), x2.mul(y2).sub(R2.one())]).basis)).toBe(true);
    const zero = f4Learn([R1.zero()]);
    expect(f4Apply(zero.trace, [R2.zero()])).toEqual([]);
    expect(() => f4Apply(learned.trace, [R2.zero()])).toThrow(InputError);
  });
});
