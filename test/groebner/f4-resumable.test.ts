// F4's learning run in slices (`f4LearnResumable`) and the multi-modular driver's learning run
// made ahead of it (`learningAtFirstPrime`). A slice is stopped by a deadline that gives up after
// a number of checks, so runs stop at the start of a round and in the middle of one (as its
// matrix is built or reduced) at places that do not depend on the machine's speed. Oracles: the
// basis of the uninterrupted run (the reduced basis modulo p is unique), the trace's replays at
// other primes against F4 there, and over Q the driver's basis without the learning run given.
import fc from 'fast-check';
import { Zp } from '../../src/arithmetic/field';
import { primesBelow } from '../../src/arithmetic/primes';
import { Rational } from '../../src/arithmetic/rational';
import { Deadline, TimeoutError } from '../../src/errors';
import { f4, f4Apply, f4Learn, f4LearnResumable } from '../../src/groebner/f4';
import { learningAtFirstPrime } from '../../src/groebner/first-prime';
import { computeGroebner } from '../../src/groebner/groebner';
import { MonomialOrder, block, degrevlex, lex } from '../../src/monomials/order';
import { changeRing } from '../../src/poly/change';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { cyclic, katsura } from '../../src/systems';
import { CountdownDeadline } from '../countdown-deadline';

const P1 = 67108859;
const P2 = 67108837;

/** Advances a resumable run in slices of `first`, 2·first, 4·first, … checks; the result and the number of stopped slices. */
function inSlices<R>(advance: (deadline: Deadline) => R, first: number): { result: R; stops: number } {
  for (let checks = first, stops = 0; ; checks *= 2) {
    try {
      return { result: advance(new CountdownDeadline(checks)), stops };
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      stops++;
    }
  }
}

function sameBasis<T>(a: readonly Polynomial<T>[], b: readonly Polynomial<T>[]): boolean {
  return a.length === b.length && a.every((g, i) => g.equals(b[i]));
}

function modP(polys: readonly Polynomial<Rational>[], p: number, order: MonomialOrder = degrevlex): Polynomial<number>[] {
  const S = new PolynomialRing(Zp(p), polys[0].ring.vars, order);
  return polys.map((f) => changeRing(f, S));
}

describe('F4 learning runs in slices', () => {
  const systems: [string, Polynomial<Rational>[], MonomialOrder][] = [
    ['katsura-5, degrevlex', katsura(5).polynomials, degrevlex],
    ['cyclic-5, degrevlex', cyclic(5).polynomials, degrevlex],
    ['cyclic-5 less one equation, block (3, 2)', cyclic(5).polynomials.slice(0, 4), block([3, degrevlex], [2, degrevlex])],
    ['katsura-3, lex', katsura(3).polynomials, lex],
  ];
  test.each(systems)('%s: any slicing gives the basis of one run, and a trace that replays', (_, polys, order) => {
    const input = modP(polys, P1, order);
    const whole = f4Learn(input).basis;
    const there = f4(modP(polys, P2, order)).basis;
    let stopped = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (first) => {
        const run = f4LearnResumable(input);
        const { result, stops } = inSlices((d) => run.advance(d), first);
        stopped += stops;
        expect(sameBasis(result.basis, whole)).toBe(true);
        expect(result.stats.rounds).toBe(run.stats.rounds);
        const replayed = f4Apply(result.trace, modP(polys, P2, order));
        expect(replayed && sameBasis(replayed, there)).toBe(true);
        // Done: later calls return the result without work, whatever the deadline.
        expect(run.advance(new CountdownDeadline(1)).basis).toBe(result.basis);
      }),
      { numRuns: 12 },
    );
    expect(stopped).toBeGreaterThan(0);
  });

  test('a slice stopped inside a round puts its pairs back: the next slice goes on from that round', () => {
    // katsura-8: matrices large enough for two to four checks inside a round (every 1,024 columns
    // of symbolic preprocessing and every 64 rows reduced).
    const input = modP(katsura(8).polynomials, P1);
    const whole = f4Learn(input);
    const run = f4LearnResumable(input);
    let inside = 0;
    for (let k = 0; k < 400 && !run.done; k++) {
      const rounds = run.stats.rounds;
      // The round's first check passes; the slice ends at one of its next few.
      const slice = new CountdownDeadline(2 + (k % 4));
      try {
        run.advance(slice);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        if (run.stats.rounds === rounds) inside++;
      }
      // Progress is never lost.
      expect(run.stats.rounds).toBeGreaterThanOrEqual(rounds);
    }
    expect(inside).toBeGreaterThan(3);
    const { basis, stats } = run.advance();
    expect(sameBasis(basis, whole.basis)).toBe(true);
    expect(stats.pairsReduced).toBe(whole.stats.pairsReduced);
  });
});

describe("the driver's learning run made ahead", () => {
  test('katsura-5 and a block order: learned in slices, the driver takes it and gives the same basis over Q', () => {
    for (const order of [degrevlex, block([3, degrevlex], [3, degrevlex])]) {
      const R = new PolynomialRing(katsura(5).ring.field, katsura(5).ring.vars, order);
      const polys = katsura(5).polynomials.map((f) => changeRing(f, R));
      const learning = learningAtFirstPrime(polys);
      expect(learning.p).toBe(P1);
      const { result: learned, stops } = inSlices((d) => learning.advance(d), 3);
      expect(stops).toBeGreaterThan(0);
      expect(learning.done).toBe(true);
      expect(learned?.p).toBe(P1);
      const given = computeGroebner(polys, { learned, positiveDimension: true });
      const alone = computeGroebner(polys, { positiveDimension: true });
      expect(given.basis.map(String)).toEqual(alone.basis.map(String));
    }
  });

  test('a run begun under a deadline that has run out goes on under the next one, and its replays keep to the call that gave them', () => {
    // The decomposition sets a piece aside when its budget runs out and comes back with another.
    const polys = katsura(5).polynomials;
    const first = new CountdownDeadline(3);
    const learning = learningAtFirstPrime(polys, first);
    expect(() => learning.advance(first)).toThrow(TimeoutError);
    expect(() => first.check()).toThrow(TimeoutError);
    const learned = learning.advance();
    expect(learned?.basis.length).toBe(f4Learn(modP(polys, P1)).basis.length);
    const at = modP(polys, P2);
    expect(learned?.replay(at)?.map(String)).toEqual(f4(at).basis.map(String));
    expect(() => learning.advance(new CountdownDeadline(1))?.replay(at)).toThrow(TimeoutError);
  });

  test("its prime is the driver's first usable one: a prime dividing a coefficient is skipped", () => {
    const R = katsura(4).ring;
    // Coefficients divisible by 7 and by 11: a prime source that starts with them.
    const polys = [...katsura(4).polynomials.slice(1), R.fromTerms([[[1, 0, 0, 0, 0], R.field.fromInt(77)], [[0, 0, 0, 0, 0], R.field.fromInt(-1)]])];
    const primes = (bound: number) =>
      (function* () {
        yield 7;
        yield 11;
        yield* primesBelow(bound);
      })();
    const deadline = new Deadline(Infinity, 'test', Infinity, { primes });
    const learning = learningAtFirstPrime(polys, deadline);
    expect(learning.p).toBe(P1);
    const learned = learning.advance();
    const given = computeGroebner(polys, { learned, deadline });
    const alone = computeGroebner(polys, { deadline });
    expect(given.basis.map(String)).toEqual(alone.basis.map(String));
    // The zero ideal and the unit ideal: nothing to learn.
    expect(learningAtFirstPrime([R.zero()]).advance()).toBeUndefined();
    expect(learningAtFirstPrime([R.one()]).p).toBeUndefined();
  });
});
