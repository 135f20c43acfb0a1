// The Hilbert series numerator of monomial ideals (hilbert.ts, Bigatti's pivots) against two
// oracles: counting the standard monomials degree by degree (brute force, few variables), and
// its invariance under permutations of the variables (many variables, where the pivots differ).
import fc from 'fast-check';
import { Monomial, monomial } from '../../src/monomials/monomial';
import { hilbertNumerator } from '../../src/solve/hilbert';

/** Monomials [deg, e1..en] with exponents up to `max`, not all 1 (the unit ideal is not asked for). */
const arbGenerators = (n: number, max: number, count: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: count }).map((list) => list.filter((e) => e.some((x) => x > 0)).map((e) => monomial(e)));

/** The first `upTo` + 1 coefficients of K(t)/(1 − t)^n. */
function seriesOf(numerator: bigint[], n: number, upTo: number): bigint[] {
  let c = Array.from({ length: upTo + 1 }, (_, d) => numerator[d] ?? 0n);
  for (let k = 0; k < n; k++) {
    const next: bigint[] = [];
    let sum = 0n;
    for (const x of c) next.push((sum += x));
    c = next;
  }
  return c;
}

/** How many monomials of each degree up to `upTo` no generator divides. */
function standardCounts(gens: readonly Monomial[], n: number, upTo: number): bigint[] {
  const counts = new Array<bigint>(upTo + 1).fill(0n);
  const e = new Array<number>(n).fill(0);
  const visit = (i: number, degree: number): void => {
    if (i === n) {
      if (!gens.some((g) => g.slice(1).every((x, v) => x <= e[v]))) counts[degree]++;
      return;
    }
    for (let x = 0; degree + x <= upTo; x++) {
      e[i] = x;
      visit(i + 1, degree + x);
    }
    e[i] = 0;
  };
  visit(0, 0);
  return counts;
}

describe('hilbertNumerator', () => {
  test('its series counts the standard monomials of every degree (up to 4 variables)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.constant(n), arbGenerators(n, 4, 7))),
        ([n, gens]) => {
          expect(seriesOf(hilbertNumerator(gens, n), n, 12)).toEqual(standardCounts(gens, n, 12));
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the same numerator whatever the order of the variables (12 variables, up to 40 generators)', () => {
    fc.assert(
      fc.property(arbGenerators(12, 3, 40), fc.infiniteStream(fc.nat()), (gens, random) => {
        const perm = Array.from({ length: 12 }, (_, i) => i);
        for (let i = 11; i > 0; i--) {
          const k = random.next().value % (i + 1);
          [perm[i], perm[k]] = [perm[k], perm[i]];
        }
        const permuted = gens.map((g) => monomial(perm.map((v) => g[v + 1])));
        expect(hilbertNumerator(permuted, 12)).toEqual(hilbertNumerator(gens, 12));
      }),
      { numRuns: 60 },
    );
  });

  test('a complete intersection of pure powers, and an ideal with a pure power split off', () => {
    // ⟨x², y³⟩ in K[x, y, z]: (1 − t²)(1 − t³).
    expect(hilbertNumerator([monomial([2, 0, 0]), monomial([0, 3, 0])], 3)).toEqual([1n, 0n, -1n, -1n, 0n, 1n]);
    // ⟨xy, z⁴⟩ in K[x, y, z]: (1 − t²)(1 − t⁴).
    expect(hilbertNumerator([monomial([1, 1, 0]), monomial([0, 0, 4])], 3)).toEqual([1n, 0n, -1n, 0n, -1n, 0n, 1n]);
  });
});
