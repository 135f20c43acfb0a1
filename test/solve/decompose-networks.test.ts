// The decomposition on the network ladder: the critical sets of the XOR presets and of the next
// networks up have the components Singular's minAssGTZ finds (same number, dimensions and
// degrees) and the same critical values, in any order of the variables; a deadline stops the
// decomposition promptly, and the components reported before it are minimal primes of the
// whole answer.
import { QQ } from '../../src/arithmetic/field';
import { AttemptDeadline, Deadline, TimeoutError } from '../../src/errors';
import { groebner } from '../../src/groebner/groebner';
import { criticalPoints } from '../../src/networks/critical';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { Factorizer } from '../../src/groebner/factor-cache';
import { Candidate, KEPT_LEARNING_RUNS, RaceState, Saturations, blockRing, equidimensionalPart, keepFastestLearningRuns } from '../../src/solve/equidimensional';
import { FirstPrimeLearning } from '../../src/groebner/first-prime';
import { saturation } from '../../src/solve/saturation';
import * as saturationModule from '../../src/solve/saturation';
import { PolynomialMap } from '../../src/groebner/polynomial-map';
import { largestIndependentSets } from '../../src/groebner/ideal';
import { Rational } from '../../src/arithmetic/rational';
import { NetworkSpec } from '../../src/networks/spec';
import { changeRing } from '../../src/poly/change';
import { PrimeIdeal, minimalPrimes } from '../../src/solve/decompose';
import { canonicalRing } from '../../src/solve/canonical';
import { CountdownDeadline } from '../countdown-deadline';

const XOR: NetworkSpec['data'] = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];
const biasesEverywhere: NetworkSpec = { inputs: ['x', 'y'], layers: [{ width: 2, bias: true }, { width: 2, bias: true }, { width: 1, bias: true }], data: XOR, loss: 'sum' };
const linear233: NetworkSpec = { inputs: ['x', 'y'], layers: [{ width: 3 }, { width: 3 }, { width: 1 }], data: XOR, loss: 'sum' };

/** [dimension, degree, critical value] of each component, sorted. */
function summary(spec: NetworkSpec, shuffleSeed?: number): string[] {
  const r = criticalPoints(networkLoss(spec), { digits: 10, shuffleSeed });
  return r.components.map((c) => `${c.dimension}/${c.degree}/${typeof c.criticalValue === 'string' ? c.criticalValue : c.criticalValue.minimalPolynomial}`).sort();
}

describe('critical sets of the network ladder', () => {
  // Dimensions and degrees as Singular's minAssGTZ gives them (dim and mult of each prime).
  test.each([
    ['xor-blog', preset('xor-blog'), ['6/1/2', '6/3/2', '6/3/2', '8/9/4/3']],
    ['xor-bias', preset('xor-bias'), ['6/1/1', '6/6/1']],
    ['2-2-2-1 with biases on every node', biasesEverywhere, ['12/1/1', '12/15/1', '12/6/1']],
    ['2-3-3-1 linear', linear233, ['12/1/2', '12/7/2', '12/7/2', '16/9/4/3']],
  ])('%s: components and critical values, unchanged by a permutation of the variables', (_, spec, expected) => {
    expect(summary(spec)).toEqual(expected);
    expect(summary(spec, 7)).toEqual(expected);
  });
});

/** The canonical gradient system of a network, its reduced basis and its minimal primes. */
function decomposed(spec: NetworkSpec) {
  const net = networkLoss(spec);
  const C = canonicalRing(QQ, net.ring.vars);
  const input = lossGradient(net).map((f) => changeRing(f, C));
  const basis = groebner(input);
  return { input, basis, full: minimalPrimes(input, { basis }) };
}
const key = (P: PrimeIdeal) => P.basis.map(String).join(';');

describe('under a deadline', () => {
  test('a time limit stops the decomposition within a fraction of a second', () => {
    const { input, basis } = decomposed(linear233);
    for (const seconds of [0.02, 0.1]) {
      const start = Date.now();
      expect(() => minimalPrimes(input, { basis, deadline: new Deadline(seconds) })).toThrow(TimeoutError);
      expect((Date.now() - start) / 1000).toBeLessThan(seconds + 0.5);
    }
  });

  test('a component is reported as soon as it is final: stopping after each report keeps only true components', () => {
    const { input, basis, full } = decomposed(preset('xor-blog'));
    const all = new Set(full.map(key));
    for (let stopAfter = 1; stopAfter <= full.length; stopAfter++) {
      const reported: PrimeIdeal[] = [];
      const stop = new Error('stop');
      try {
        minimalPrimes(input, {
          basis,
          onComponent: (P) => {
            reported.push(P);
            if (reported.length === stopAfter) throw stop;
          },
        });
      } catch (e) {
        if (e !== stop) throw e;
      }
      expect(reported.length).toBe(stopAfter);
      for (const P of reported) expect(all.has(key(P))).toBe(true);
    }
  });
});

describe('the race for an independent set', () => {
  // With a first budget of a nanosecond or 0.1 ms, candidates stop in their block basis or their
  // zero-divisor tests and go on in later rounds, keeping what they computed: the answer is the same.
  test.each([
    ['xor-blog', preset('xor-blog')],
    ['2-3-3-1 linear', linear233],
  ])('%s: the same minimal primes whatever the budgets', (_, spec) => {
    const { input, basis, full } = decomposed(spec);
    for (const independentSetBudget of [1e-9, 1e-4]) {
      expect(minimalPrimes(input, { basis, independentSetBudget }).map(key)).toEqual(full.map(key));
    }
  });

  test('xor-blog: the part over the independent set a race took is the part computed for that set alone', () => {
    // Its critical set's whole basis has eight candidates, and the race goes through many rounds.
    const { basis } = decomposed(preset('xor-blog'));
    for (const independentSetBudget of [1e-9, 1e-4, undefined]) {
      const raced = equidimensionalPart(basis, new Factorizer(), undefined, undefined, independentSetBudget);
      const alone = equidimensionalPart(basis, new Factorizer(), undefined, raced.U);
      expect([raced.degree, raced.saturated.map(String), raced.rest.map(String)]).toEqual([alone.degree, alone.saturated.map(String), alone.rest.map(String)]);
    }
  });
});

describe('a race stopped by an outer deadline', () => {
  // The decomposition sets a piece aside when its budget runs out and gives it a larger one later:
  // the race resumes from its state, keeping its candidates' block bases.
  test('xor-blog: resumed under doubling deadlines, it keeps its state and gives the part of the set it takes', () => {
    const { basis } = decomposed(preset('xor-blog'));
    const race: RaceState = {};
    let part: ReturnType<typeof equidimensionalPart> | undefined;
    let stops = 0;
    for (let seconds = 1e-3; part === undefined; seconds *= 2) {
      try {
        part = equidimensionalPart(basis, new Factorizer(), new AttemptDeadline(seconds), undefined, 1e-4, race);
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        stops++;
        expect(race.candidates?.length).toBeGreaterThan(0);
      }
    }
    expect(stops).toBeGreaterThan(0);
    const alone = equidimensionalPart(basis, new Factorizer(), undefined, part.U);
    expect([part.degree, part.saturated.map(String), part.rest.map(String)]).toEqual([alone.degree, alone.saturated.map(String), alone.rest.map(String)]);
  });

  test('xor-blog: a candidate whose block basis is done goes first, and the part it gives is its own', () => {
    const { basis } = decomposed(preset('xor-blog'));
    const fresh: RaceState = {};
    const first = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, fresh);
    const others = fresh.candidates!.filter((c) => c.U.join() !== first.U.join());
    expect(others.length).toBeGreaterThan(0);
    // Another candidate, last in the list, holds its block basis: it is taken, not the first.
    const U = others[others.length - 1].U;
    const done = equidimensionalPart(basis, new Factorizer(), undefined, U);
    const GB = groebner(basis.map((g) => changeRing(g, blockRing(basis[0].ring, U).B)), { positiveDimension: true });
    const race: RaceState = { candidates: [...fresh.candidates!.filter((c) => c.U.join() !== U.join()).map((c) => ({ U: c.U })), { U, GB }], budget: 60 };
    const part = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, race);
    expect(part.U).toEqual(U);
    expect([part.degree, part.saturated.map(String), part.rest.map(String)]).toEqual([done.degree, done.saturated.map(String), done.rest.map(String)]);
  });
});

describe("a candidate keeps its learning run's rounds", () => {
  test('between rounds the race keeps the unfinished learning runs of the four candidates furthest along, and every finished one', () => {
    const run = (rounds: number, done = false): FirstPrimeLearning => ({ p: 67108859, done, rounds, advance: () => undefined });
    const candidates: Candidate[] = [3, 9, 1, 7, 5, 2, 8].map((rounds, i) => ({ U: [i], learning: run(rounds) }));
    candidates.push({ U: [7], learning: run(0, true) });
    keepFastestLearningRuns(candidates);
    const kept = candidates.filter((c) => c.learning !== undefined && !c.learning.done).map((c) => c.learning!.rounds);
    expect(kept.sort((a, b) => a - b)).toEqual([5, 7, 8, 9]);
    expect(candidates[7].learning?.done).toBe(true);
    expect(KEPT_LEARNING_RUNS).toBe(4);
  });

  // The race's budgets never run out (60 s a stage); an outer deadline stops it after a number of
  // checks, in the middle of a candidate's learning run modulo p. The state keeps that run, with
  // the rounds it finished; resumed, the race goes on with it and gives the part of its set.
  test('xor-blog with a bias on every node: stopped in a learning run, the state holds its rounds; resumed, the part is the one over that set alone', () => {
    const { basis } = decomposed(biasesEverywhere);
    let kept: { rounds: number; race: RaceState } | undefined;
    for (let checks = 2; kept === undefined && checks < 4096; checks *= 2) {
      const race: RaceState = {};
      try {
        equidimensionalPart(basis, new Factorizer(), new CountdownDeadline(checks), undefined, 60, race);
        break;
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
      }
      const learning = race.candidates?.find((c) => c.learning !== undefined && !c.learning.done && c.learning.rounds > 0)?.learning;
      if (learning) kept = { rounds: learning.rounds, race };
    }
    expect(kept).toBeDefined();
    const { rounds, race } = kept!;
    const candidate = race.candidates!.find((c) => c.learning !== undefined)!;
    const learning = candidate.learning!;
    const part = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, race);
    // The run went on from its rounds: it finished (the candidate's block basis is done), and no
    // fresh run replaced it before that.
    expect(learning.done).toBe(true);
    expect(learning.rounds).toBeGreaterThan(rounds);
    const alone = equidimensionalPart(basis, new Factorizer(), undefined, part.U);
    expect([part.degree, part.saturated.map(String), part.rest.map(String)]).toEqual([alone.degree, alone.saturated.map(String), alone.rest.map(String)]);
  });
});

describe('a candidate keeps its saturations from round to round', () => {
  // xor-blog over its first candidate saturates two factors away: w1_0 + w1_1, then w2_1·w3_0 − w2_0·w3_1.
  test('xor-blog: resumed after its first saturation, the part is the part over that set alone; a state that calls a factor regular is believed', () => {
    const { basis } = decomposed(preset('xor-blog'));
    const R = basis[0].ring;
    const U = largestIndependentSets(basis, 8)[0];
    const alone = equidimensionalPart(basis, new Factorizer(), undefined, U);
    expect(alone.rest.length).toBe(2);
    const { B } = blockRing(R, U);
    const GB = groebner(basis.map((g) => changeRing(g, B)), { positiveDimension: true });
    const [f] = alone.rest;
    const J = saturation(basis, f);
    const afterOne: Saturations = { J, GB: groebner(J.map((g) => changeRing(g, B)), { positiveDimension: true }), rest: [f], regular: new PolynomialMap<Rational, true>() };
    afterOne.regular.set(f, true);
    const resumed = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, { candidates: [{ U, GB, saturations: afterOne }], budget: 60 });
    expect([resumed.degree, resumed.saturated.map(String), resumed.rest.map(String)]).toEqual([alone.degree, alone.saturated.map(String), alone.rest.map(String)]);
    expect(afterOne.rest.map(String)).toEqual(alone.rest.map(String));
    // Told that f is regular (it is not), the race does not test it again: f is not saturated away.
    const told: Saturations = { J: [...basis], GB, rest: [], regular: new PolynomialMap<Rational, true>() };
    told.regular.set(f, true);
    const believed = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, { candidates: [{ U, GB, saturations: told }], budget: 60 });
    expect(believed.rest.map(String)).not.toContain(f.toString());
  });

  test('xor-blog: a step cut short after its saturation resumes from it: its factor goes first, its block basis is not computed again', () => {
    const { basis } = decomposed(preset('xor-blog'));
    const R = basis[0].ring;
    const U = largestIndependentSets(basis, 8)[0];
    const alone = equidimensionalPart(basis, new Factorizer(), undefined, U);
    const [f, g] = alone.rest;
    const { B } = blockRing(R, U);
    const GB = groebner(basis.map((h) => changeRing(h, B)), { positiveDimension: true });
    // The step saturating g (second in the run alone) had its block basis when the budget ran out.
    const gB = changeRing(g, B);
    const stepGB = saturation(GB, gB, { knownBasis: GB.length, positiveDimension: true });
    const cut: Saturations = { J: [...basis], GB, rest: [], regular: new PolynomialMap<Rational, true>(), pending: { factor: g, GB: stepGB } };
    const spy = jest.spyOn(saturationModule, 'saturation');
    try {
      const resumed = equidimensionalPart(basis, new Factorizer(), undefined, undefined, 60, { candidates: [{ U, GB, saturations: cut }], budget: 60 });
      expect(resumed.rest[0].toString()).toBe(g.toString());
      expect(spy.mock.calls.some(([, h]) => h.toString() === gB.toString())).toBe(false);
      expect(cut.pending).toBeUndefined();
      // The part is the saturation by its factors, whatever their order.
      const J = resumed.rest.reduce((I, h) => saturation(I, h), basis);
      expect(resumed.saturated.map(String)).toEqual(J.map(String));
      expect(resumed.rest.map(String).sort()).toEqual([f, g].map(String).sort());
    } finally {
      spy.mockRestore();
    }
  });
});

describe('cut by the values of the loss', () => {
  // The loss is constant on every component: the decomposition cuts the critical set into the
  // disjoint parts L = 4/3 and L = 2 first. Abandoned after any budget, the whole is decomposed
  // instead: the same components, each reported once.
  test('the same minimal primes with the parts, and after abandoning them at any point', () => {
    const net = networkLoss(linear233);
    const C = canonicalRing(QQ, net.ring.vars);
    const L = changeRing(net.loss, C);
    const { input, basis, full } = decomposed(linear233);
    const expected = full.map(key).sort();
    for (const valuePartsBudget of [undefined, 0, 0.05, 0.2]) {
      const reported: PrimeIdeal[] = [];
      const primes = minimalPrimes(input, { basis, constantOnComponents: [L], valuePartsBudget, onComponent: (P) => reported.push(P) });
      expect(primes.map(key).sort()).toEqual(expected);
      expect(reported.map(key).sort()).toEqual(expected);
    }
  });
});
