// The pieces of the decomposition against independent oracles: the factorization cache against
// Wang's algorithm; the Hilbert-series zero-divisor test against saturation; the basis with
// substituted linear generators against the plain basis; the independent-set searches against
// brute force over all subsets; the factorized basis against the planted components it must
// cover; the polynomial-keyed maps.
import fc from 'fast-check';
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational } from '../../src/arithmetic/rational';
import { Factorizer } from '../../src/groebner/factor-cache';
import { Piece, factorizedGroebner, splitPiece } from '../../src/groebner/factorizing';
import { groebner } from '../../src/groebner/groebner';
import { dimension, largestIndependentSets, maximalIndependentSet, maximalIndependentSets } from '../../src/groebner/ideal';
import { groebnerWithLinearPart, substituteLinear } from '../../src/groebner/linear-substitution';
import { isDegreeCompatible, lex } from '../../src/monomials/order';
import { changeRing } from '../../src/poly/change';
import { eliminate } from '../../src/groebner/eliminate';
import { arbCoefficient, arbRing } from '../arbitraries';
import { normalForm } from '../../src/groebner/normal-form';
import { BasisMap, PolynomialMap } from '../../src/groebner/polynomial-map';
import { factorPolynomial } from '../../src/poly/factor/multivariate-index';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { isNonZeroDivisor, saturation } from '../../src/solve/saturation';
import { blockRing, equidimensionalPart } from '../../src/solve/equidimensional';
import { idealContained, plantedVarieties } from '../../src/testing';

type QPoly = Polynomial<Rational>;
const R = new PolynomialRing(QQ, ['x', 'y', 'z']);

/** Polynomials of degree ≤ 2 in x, y, z with small integer coefficients, not constant. */
const arbSmallPoly: fc.Arbitrary<QPoly> = fc
  .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })), { minLength: 1, maxLength: 4 })
  .map((terms) => R.fromTerms(terms.map(([c, a, b, d]) => [[a, b, d], rational(BigInt(c))] as const)))
  .filter((p) => !p.isConstant());

const factorKey = (fs: { factor: QPoly; multiplicity: number }[]) => fs.map((f) => `${f.factor.monic()}^${f.multiplicity}`).sort();

describe('Factorizer', () => {
  test('finds the same irreducible factors and multiplicities as the multivariate factorizer', () => {
    const factorizer = new Factorizer();
    fc.assert(
      fc.property(fc.array(fc.tuple(arbSmallPoly, fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 3 }), (parts) => {
        const f = parts.reduce((acc, [p, e]) => acc.mul(p.pow(e)), R.one());
        const expected = factorPolynomial(f).factors.filter((x) => !x.factor.isConstant());
        expect(factorKey(factorizer.factors(f))).toEqual(factorKey(expected));
      }),
      { numRuns: 60 },
    );
  });

  test('factors (x·a + b·c)·c^e (a, b, c free of x) through the content in x, as the multivariate factorizer does', () => {
    // x has degree 1: the content gcd(a, b·c)·c^e comes from the factors of the coefficient of x.
    const arbYZ: fc.Arbitrary<QPoly> = fc
      .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 3 })
      .map((terms) => R.fromTerms(terms.map(([c, b, d]) => [[0, b, d], rational(BigInt(c))] as const)))
      .filter((p) => !p.isZero());
    const x = R.variable('x');
    fc.assert(
      fc.property(arbYZ, arbYZ, arbYZ, fc.integer({ min: 1, max: 2 }), (a, b, c, e) => {
        const f = x.mul(a).add(b.mul(c)).mul(c.pow(e));
        const expected = factorPolynomial(f).factors.filter((y) => !y.factor.isConstant());
        expect(factorKey(new Factorizer().factors(f))).toEqual(factorKey(expected));
      }),
      { numRuns: 80 },
    );
  });
});

/** The planted ideal's reduced basis G, its ring S, and f0 (over x, y, z) written in S. */
function plantedWith(plant: { vars: string[]; polynomials: QPoly[] }, f0: QPoly): { S: PolynomialRing<Rational>; f: QPoly; G: QPoly[] } {
  const S = new PolynomialRing(QQ, plant.vars);
  return { S, f: S.fromTerms(f0.monomials.map((m, i) => [m.slice(1), f0.coefficients[i]] as const)), G: groebner(plant.polynomials) };
}

describe('isNonZeroDivisor', () => {
  test('agrees with saturation: f is regular modulo I exactly when I : f^∞ = I', () => {
    fc.assert(
      fc.property(plantedVarieties({ maxPieces: 3 }), arbSmallPoly, (plant, f0) => {
        const { f, G } = plantedWith(plant, f0);
        const same = saturation(G, f).map(String).join(';') === G.map(String).join(';');
        expect(isNonZeroDivisor(G, f)).toBe(same);
      }),
      { numRuns: 25 },
    );
  });

  test('over Q, a prime where the test fails (f a zero divisor only modulo p) does not decide: the next prime certifies regularity', () => {
    // I = ⟨x·(y − 7)⟩ has primes ⟨x⟩ and ⟨y − 7⟩, neither containing y; modulo 7, I = ⟨x·y⟩ and y divides zero.
    const S = new PolynomialRing(QQ, ['x', 'y']);
    const [x, y] = S.vars.map((v) => S.variable(v));
    const G = groebner([x.mul(y.sub(S.constant(rational(7n))))]);
    const primes = (first: number[]) => ({ primeSource: () => [...first, 67108859] });
    expect(isNonZeroDivisor(G, y, primes([7]))).toBe(true);
    expect(isNonZeroDivisor(G, x, primes([7]))).toBe(false);
    expect(isNonZeroDivisor(G, y.sub(S.constant(rational(7n))), primes([]))).toBe(false);
    // Two unlucky primes in a row answer "zero divisor" (wrong only in cost: saturating by y changes nothing).
    expect(isNonZeroDivisor(G, y, { primeSource: () => [7, 7, 67108859] })).toBe(false);
    expect(saturation(G, y).map(String)).toEqual(G.map(String));
  });
});

describe('saturation of a reduced basis, known to be one', () => {
  test('I : f^∞ from the basis known (no pairs within it) is the saturation computed in lex and brought back, a reduced basis containing I', () => {
    fc.assert(
      fc.property(plantedVarieties({ maxPieces: 3 }), arbSmallPoly, (plant, f0) => {
        const { S, f, G } = plantedWith(plant, f0);
        const known = saturation(G, f, { knownBasis: G.length });
        // Another route: the ring in lex (its elimination ignores the promise, and its result is
        // brought back to degrevlex by a basis computed from scratch).
        const L = new PolynomialRing(QQ, plant.vars, lex);
        const viaLex = groebner(saturation(G.map((g) => changeRing(g, L)), changeRing(f, L)).map((g) => changeRing(g, S)));
        expect(known.map(String)).toEqual(viaLex.map(String));
        expect(known.map(String)).toEqual(groebner(known).map(String));
        for (const g of G) expect(normalForm(g, known).isZero()).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  test('from a known basis for a block order, I : f^∞ is found in that order: the degrevlex saturation, brought to it', () => {
    fc.assert(
      fc.property(plantedVarieties({ maxPieces: 3 }), arbSmallPoly, fc.integer({ min: 1, max: 2 }), (plant, f0, k) => {
        const { S, f, G } = plantedWith(plant, f0);
        const { B } = blockRing(S, S.vars.slice(-k).map((_, i) => S.nvars - k + i));
        const GB = groebner(G.map((g) => changeRing(g, B)), { positiveDimension: true });
        const known = saturation(GB, changeRing(f, B), { knownBasis: GB.length });
        const viaDegrevlex = groebner(saturation(G, f).map((g) => changeRing(g, B)), { positiveDimension: true });
        expect(known.map(String)).toEqual(viaDegrevlex.map(String));
      }),
      { numRuns: 12 },
    );
  });

  test('eliminate drops a known basis that holds an eliminated variable', () => {
    const T = new PolynomialRing(QQ, ['t', 'x', 'y']);
    const [t, x, y] = T.vars.map((v) => T.variable(v));
    // A reduced degrevlex basis that involves t: not a basis for the elimination order t ≫ (x, y)
    // (taken for one there, the elimination misses y² − 27y/4; found by a random search).
    const G = groebner([t.pow(3).sub(t.mul(y)).add(y), x.pow(2).mul(y.pow(2)).sub(t.pow(2).mul(y)).sub(t.mul(y)).add(y.pow(2)), t.mul(x.pow(2)).mul(y).sub(t.pow(2)).add(y)]);
    const extra = [y.sub(t.pow(2).mul(T.constant(rational(3n))))];
    expect(eliminate([...G, ...extra], ['t']).map(String)).toEqual(['y^2 - 27/4*y', 'x^2*y + 4/9*y']);
    expect(eliminate([...G, ...extra], ['t'], { knownBasis: G.length }).map(String)).toEqual(eliminate([...G, ...extra], ['t']).map(String));
  });
});

describe('equidimensional part over an independent set', () => {
  test('after saturating (in the block order, from the block basis before) it returns the saturations computed in degrevlex, and their block basis', () => {
    let saturated = 0;
    fc.assert(
      fc.property(plantedVarieties({ maxPieces: 3 }), (plant) => {
        const G = groebner(plant.polynomials);
        const U = maximalIndependentSet(G);
        if (U === undefined || U.length === 0) return;
        const part = equidimensionalPart(G, new Factorizer(), undefined, U);
        if (part.rest.length > 0) saturated++;
        const { B } = blockRing(G[0].ring, U);
        const saturations = part.rest.reduce((J, f) => saturation(J, f), G);
        expect(part.saturated.map(String)).toEqual(saturations.map(String));
        expect(part.blockBasis!.map(String)).toEqual(groebner(part.saturated.map((g) => changeRing(g, B)), { positiveDimension: true }).map(String));
      }),
      { numRuns: 40 },
    );
    // The property is about the saturations: some runs must have saturated.
    expect(saturated).toBeGreaterThan(3);
  });
});

describe('groebnerWithLinearPart', () => {
  test('gives the reduced basis of the ideal, as groebner does', () => {
    const arbLinear = fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 4, maxLength: 4 }).map(([a, b, d, e]) => R.fromTerms([[[1, 0, 0], rational(BigInt(a))], [[0, 1, 0], rational(BigInt(b))], [[0, 0, 1], rational(BigInt(d))], [[0, 0, 0], rational(BigInt(e))]]));
    fc.assert(
      fc.property(fc.array(arbLinear, { minLength: 1, maxLength: 2 }), fc.array(arbSmallPoly, { minLength: 1, maxLength: 3 }), (linear, rest) => {
        const F = [...linear, ...rest];
        expect(groebnerWithLinearPart(F).map(String)).toEqual(groebner(F).map(String));
      }),
      { numRuns: 60 },
    );
  });
});

describe('substituteLinear', () => {
  test('its echelon form of the linear generators is their reduced Gröbner basis, over Q and Z/p, in every degree-compatible order', () => {
    const arbCase = arbRing({ minVars: 1, maxVars: 4 })
      .filter((S) => isDegreeCompatible(S.order))
      .chain((S) => {
        const linear = fc.array(arbCoefficient(S.field), { minLength: S.nvars + 1, maxLength: S.nvars + 1 }).map((cs) =>
          S.fromTerms(cs.map((c, i) => [i === S.nvars ? new Array<number>(S.nvars).fill(0) : S.vars.map((_, j) => (j === i ? 1 : 0)), c] as [number[], unknown])),
        );
        return fc.array(linear, { minLength: 1, maxLength: 5 }).map((ls) => ls.filter((l) => l.totalDegree() === 1));
      })
      .filter((ls) => ls.length > 0);
    fc.assert(
      fc.property(arbCase, (ls) => {
        expect(substituteLinear(ls).linear.map(String)).toEqual(groebner(ls).map(String));
      }),
      { numRuns: 150 },
    );
  });
});

describe('independent sets', () => {
  const n = 5;
  const S = new PolynomialRing(QQ, ['a', 'b', 'c', 'd', 'e']);
  /** Monomial "bases": only the leading monomials matter. */
  const arbMonomials = fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }).map((es) => es.filter((e) => e.some((x) => x > 0)).map((e) => S.term(e, QQ.one)));
  /** Every subset, the independent ones, the maximal ones: the definition, by brute force. */
  function bruteForce(G: QPoly[]): number[][] {
    const supports = G.map((g) => g.support());
    const independent = (set: number[]) => supports.every((s) => s.some((i) => !set.includes(i)));
    const all: number[][] = [];
    for (let mask = 0; mask < 1 << n; mask++) {
      const set = Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
      if (independent(set)) all.push(set);
    }
    return all.filter((s) => !all.some((t) => t.length > s.length && s.every((i) => t.includes(i))));
  }
  /** Larger sets first, then by their first differing variable. */
  const lexicographic = (a: number[], b: number[]) => {
    if (a.length !== b.length) return b.length - a.length;
    const i = a.findIndex((x, j) => x !== b[j]);
    return i < 0 ? 0 : a[i] - b[i];
  };

  test('maximalIndependentSets, maximalIndependentSet and largestIndependentSets agree with brute force', () => {
    fc.assert(
      fc.property(arbMonomials, (G) => {
        if (G.length === 0) return;
        const expected = bruteForce(G).sort(lexicographic);
        expect(maximalIndependentSets(G)).toEqual(expected);
        expect(maximalIndependentSet(G)).toEqual(expected[0]);
        expect(largestIndependentSets(G)).toEqual(expected.filter((s) => s.length === expected[0].length));
        // dimension, with or without a true upper bound.
        const d = expected[0].length;
        expect(dimension(G)).toBe(d);
        for (const atMost of [d, d + 1, n]) expect(dimension(G, atMost)).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  test('in 40 variables (several mask words): the five variables spread out, the others free', () => {
    const wide = new PolynomialRing(QQ, Array.from({ length: 40 }, (_, i) => `v${i}`));
    const place = (i: number) => 8 * i + 3;
    fc.assert(
      fc.property(arbMonomials, (G) => {
        if (G.length === 0) return;
        const expected = bruteForce(G).sort(lexicographic);
        const W = G.map((g) => {
          const e = new Array<number>(40).fill(0);
          g.lm().slice(1).forEach((x, i) => (e[place(i)] = x));
          return wide.term(e, QQ.one);
        });
        const free = Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 8 !== 3 || i > place(n - 1));
        expect(maximalIndependentSet(W)).toEqual([...free, ...expected[0].map(place)].sort((a, b) => a - b));
        expect(dimension(W)).toBe(free.length + expected[0].length);
        expect(dimension(W, 40)).toBe(free.length + expected[0].length);
        expect(largestIndependentSets(W).length).toBe(expected.filter((s) => s.length === expected[0].length).length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('factorizedGroebner', () => {
  test('every piece lies in the variety, and every planted component lies in a piece where no condition vanishes', () => {
    fc.assert(
      fc.property(plantedVarieties({ maxPieces: 3 }), (plant) => {
        const pieces = factorizedGroebner(plant.polynomials);
        for (const p of pieces) for (const f of plant.polynomials) expect(normalForm(f, p.basis).isZero()).toBe(true);
        for (const C of plant.components) {
          const P = groebner(C.prime);
          const holder = pieces.some((p) => idealContained(p.basis, P) && p.constraints.every((n) => !normalForm(n, P).isZero()));
          expect(holder).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('splitPiece', () => {
  test("a piece that adds the base of a power to its parent gets its basis from the parent's: the basis of its generators", () => {
    const [, y, z] = R.gens();
    // (y − 1)² is in the basis: one child, with y − 1 added.
    const piece: Piece = { generators: [y.sub(R.one()).pow(2).mul(z.add(R.one())), z.pow(2).sub(R.fromInt(2)).mul(z.add(R.one()))], constraints: [z.add(R.one())], bound: 3 };
    // The first step computes the basis (dimension 1 < 3: the piece comes back with its basis).
    const first = splitPiece(piece, new Factorizer());
    if (first.kind !== 'split' || first.pieces[0].basis === undefined) throw new Error('expected the piece back with its basis');
    const step = splitPiece(first.pieces[0], new Factorizer());
    if (step.kind !== 'split' || step.pieces.length !== 1) throw new Error('expected one child');
    const child = step.pieces[0];
    expect(child.parent?.added.map(String)).toEqual(['y - 1']);
    const fromParent = splitPiece(child, new Factorizer());
    const { parent: _parent, ...alone } = child;
    const fromGenerators = splitPiece(alone, new Factorizer());
    const basisOf = (s: ReturnType<typeof splitPiece>) => (s.kind === 'unsplit' ? s.piece.basis : s.kind === 'split' ? s.pieces[0].basis : undefined)?.map(String);
    expect(basisOf(fromParent)).toEqual(groebner(child.generators).map(String));
    expect(basisOf(fromParent)).toEqual(basisOf(fromGenerators));
  });
});

describe('polynomial-keyed maps', () => {
  test('equal polynomials and bases find their entry; other rings and other polynomials do not', () => {
    const [x, y] = R.gens();
    const m = new PolynomialMap<Rational, number>();
    m.set(x.mul(y).add(R.one()), 1);
    expect(m.get(R.one().add(y.mul(x)))).toBe(1);
    expect(m.get(x.mul(y).sub(R.one()))).toBeUndefined();
    const T = new PolynomialRing(QQ, ['y', 'x', 'z']);
    expect(m.get(T.variable('x').mul(T.variable('y')).add(T.one()))).toBeUndefined();
    const b = new BasisMap<Rational, string>();
    b.set([x, y.pow(2)], 'G');
    expect(b.get([R.variable('x'), y.mul(y)])).toBe('G');
    expect(b.get([y.pow(2), x])).toBeUndefined();
    expect(b.values()).toEqual(['G']);
  });
});
