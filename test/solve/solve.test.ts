// The zero-dimensional solver against planted solutions: rational and algebraic points, complex
// pairs and multiplicities under random linear changes of coordinates. Oracles: every planted
// point is found with its multiplicity, every returned component's prime contains the input,
// counts equal dim K[x]/I, and the answer is the same for permuted variables and equations.
import fc from 'fast-check';
import { vanishesOnOrbits } from '../../src/solve/orbit-evaluation';
import { orbitFamilyData } from '../../src/solve/orbit-solve';
import { QQ } from '../../src/arithmetic/field';
import { Rational, parseRational, radd, rational, rationalToNumber, rcmp, rsub } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { changeRing } from '../../src/poly/change';
import { evaluate, substitute } from '../../src/poly/evaluate';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { solutionCount } from '../../src/groebner/ideal';
import { Deadline, TimeoutError } from '../../src/errors';
import { SolveResult, solve } from '../../src/solve/solve';
import { isIrreducible } from '../../src/poly/factor';
import { ZeroDimensionalComponent, parametrizationOf } from '../../src/solve/zero-dimensional';
import { vanishesOnComponent } from '../../src/solve/component-values';
import { solveResultToJSON } from '../../src/cli/commands/solve';
import { parsePolynomials } from '../../src/io/parse';
import { cyclic, eco, katsura } from '../../src/systems';
import { polynomialsFromData } from '../../src/poly/data';

const q = (n: number, d = 1) => rational(BigInt(n), BigInt(d));

/** Total number of points with multiplicity. */
const pointSets = (r: ReturnType<typeof solve>): ZeroDimensionalComponent[] =>
  r.components.filter((c): c is ZeroDimensionalComponent => c.kind === 'points');
const total = (r: ReturnType<typeof solve>) => pointSets(r).reduce((s, c) => s + c.degree * c.multiplicity, 0);

/** Every input polynomial lies in every component's prime ideal (all its points satisfy the system). */
function componentsSatisfy(polys: Polynomial<Rational>[], r: ReturnType<typeof solve>): boolean {
  return r.components.every((c) => {
    if (c.kind === 'orbits') {
      // Exact: f at the orbits' representative, in Q(θ)[√s…], is zero (then at every point: f is semi-invariant).
      const data = orbitFamilyData(c);
      return polys.every((f) => vanishesOnOrbits(f, data));
    }
    if (c.kind === 'points') {
      const data = parametrizationOf(c);
      return polys.every((f) => vanishesOnComponent(f, data));
    }
    const basis = polynomialsFromData(c.basis);
    const C = basis[0].ring;
    return polys.every((f) => normalForm(changeRing(f, C), basis).isZero());
  });
}

/**
 * A planted system: u(x1) = Π (x1 − aⱼ)^mⱼ · Π (x1² + bⱼ)…, xᵢ = vᵢ(x1) for i ≥ 2, then the
 * coordinates changed by x ↦ A·x with an invertible integer matrix A (so the points move too).
 */
interface Plant {
  polys: Polynomial<Rational>[];
  /** Planted real points (numeric) with their multiplicities. */
  realPoints: { coords: number[]; multiplicity: number }[];
  count: number;
}

function plant(roots: { a: number; m: number }[], quadratics: { b: number; m: number }[], vs: number[][], A: number[][]): Plant {
  const n = A.length;
  const R = new PolynomialRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  const X = R.gens();
  let u = R.one();
  for (const { a, m } of roots) u = u.mul(X[0].sub(R.fromInt(a)).pow(m));
  for (const { b, m } of quadratics) u = u.mul(X[0].pow(2).add(R.fromInt(b)).pow(m));
  const gens: Polynomial<Rational>[] = [u];
  for (let i = 1; i < n; i++) {
    const v = vs[i - 1].reduce((acc, c, k) => acc.add(X[0].pow(k).scale(q(c))), R.zero());
    gens.push(X[i].sub(v));
  }
  // y = A·x: substitute x = A^{-1}·y — equivalently the new system is f(A·y) with points A^{-1}·p.
  // We substitute xᵢ ↦ Σ A[i][j]·xⱼ, so a point p of the old system becomes A^{-1}p.
  const images: Record<string, Polynomial<Rational>> = {};
  R.vars.forEach((v, i) => {
    images[v] = A[i].reduce((acc, c, j) => acc.add(X[j].scale(q(c))), R.zero());
  });
  const polys = gens.map((g) => substitute(g, images, R));
  const inv = invert(A);
  const realPoints = roots.map(({ a, m }) => {
    const p = [a, ...vs.map((v) => v.reduce((s, c, k) => s + c * a ** k, 0))];
    return { coords: inv.map((row) => row.reduce((s, c, j) => s + c * p[j], 0)), multiplicity: m };
  });
  // Quadratics x² + b with b < 0 have real roots ±√(−b).
  for (const { b, m } of quadratics) {
    if (b >= 0) continue;
    for (const s of [-1, 1]) {
      const a = s * Math.sqrt(-b);
      const p = [a, ...vs.map((v) => v.reduce((acc, c, k) => acc + c * a ** k, 0))];
      realPoints.push({ coords: inv.map((row) => row.reduce((acc, c, j) => acc + c * p[j], 0)), multiplicity: m });
    }
  }
  const count = roots.reduce((s, r) => s + r.m, 0) + quadratics.reduce((s, r) => s + 2 * r.m, 0);
  return { polys, realPoints, count };
}

function invert(A: number[][]): number[][] {
  const n = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    while (Math.abs(M[p][c]) < 1e-12) p++;
    [M[c], M[p]] = [M[p], M[c]];
    const d = M[c][c];
    M[c] = M[c].map((x) => x / d);
    for (let r = 0; r < n; r++) if (r !== c) M[r] = M[r].map((x, j) => x - M[r][c] * M[c][j]);
  }
  return M.map((row) => row.slice(n));
}

const plantArb = fc
  .record({
    roots: fc.uniqueArray(fc.record({ a: fc.integer({ min: -4, max: 4 }), m: fc.integer({ min: 1, max: 2 }) }), { selector: (r) => r.a, minLength: 0, maxLength: 3 }),
    quadratics: fc.uniqueArray(fc.record({ b: fc.constantFrom(-2, -3, -5, 1, 2, 3), m: fc.constant(1) }), { selector: (r) => r.b, minLength: 0, maxLength: 2 }),
    n: fc.integer({ min: 2, max: 3 }),
    seed: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 12 }),
  })
  .filter((r) => r.roots.length + r.quadratics.length > 0);

function matrixFrom(seed: number[], n: number): number[][] {
  // Unipotent upper times lower triangular: invertible with integer entries.
  const U = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : j > i ? seed[i * n + j] : 0)));
  const L = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : j < i ? seed[(i * n + j + 5) % 12] : 0)));
  return U.map((row, i) => L[0].map((_, j) => row.reduce((s, _x, k) => s + U[i][k] * L[k][j], 0)));
}

describe('planted solutions', () => {
  test('every planted point is found with its multiplicity; counts and primes check out', () => {
    fc.assert(
      fc.property(plantArb, ({ roots, quadratics, n, seed }) => {
        const vs = Array.from({ length: n - 1 }, (_, i) => [seed[i], seed[i + 3], seed[i + 6] % 2]);
        const A = matrixFrom(seed, n);
        const P = plant(roots, quadratics, vs, A);
        const r = solve(P.polys, { digits: 12 });
        expect(r.complete).toBe(true);
        expect(r.dimension).toBe(0);
        expect(total(r)).toBe(P.count);
        expect(total(r)).toBe(solutionCount(groebner(P.polys)));
        expect(componentsSatisfy(P.polys, r)).toBe(true);
        const found = pointSets(r).flatMap((c) => c.points.filter((p) => p.real).map((p) => ({ coords: r.vars.map((v) => Number(p.approx[v])), multiplicity: p.multiplicity })));
        expect(found.length).toBe(P.realPoints.length);
        for (const planted of P.realPoints) {
          const match = found.filter((f) => f.coords.every((x, i) => Math.abs(x - planted.coords[i]) < 1e-6 * (1 + Math.abs(x))));
          expect(match.length).toBe(1);
          expect(match[0].multiplicity).toBe(planted.multiplicity);
        }
        // Non-real points are counted: conjugate pairs, and what is left.
        const complexCount = pointSets(r).reduce((s, c) => s + c.nonRealPoints * c.multiplicity, 0);
        const realCount = found.reduce((s, f) => s + f.multiplicity, 0);
        expect(complexCount + realCount).toBe(P.count);
        expect(complexCount % 2).toBe(0);
        for (const c of pointSets(r)) expect(c.realPoints + c.nonRealPoints).toBe(c.degree);
        // Listed on request: as many as counted, the same real points before them.
        const listed = solve(P.polys, { digits: 12, complex: true });
        for (const [i, c] of pointSets(listed).entries()) {
          expect(c.complexPoints).toBe('listed');
          expect(c.points.filter((p) => !p.real)).toHaveLength(c.nonRealPoints);
          expect(c.points.filter((p) => p.real)).toEqual(pointSets(r)[i].points);
        }
      }),
      { numRuns: 12 },
    );
  });

  test('the answer is identical under permutations of the variables and of the equations', () => {
    fc.assert(
      fc.property(plantArb, fc.integer({ min: 0, max: 5 }), ({ roots, quadratics, n, seed }, k) => {
        const vs = Array.from({ length: n - 1 }, (_, i) => [seed[i], seed[i + 3], 0]);
        const P = plant(roots, quadratics, vs, matrixFrom(seed, n));
        const R = P.polys[0].ring;
        const perm = [...R.vars];
        for (let i = 0; i < k; i++) perm.push(perm.shift() as string);
        if (k % 2 === 1) perm.reverse();
        const S = new PolynomialRing(QQ, perm);
        const shuffled = P.polys.map((f) => changeRing(f, S)).reverse();
        const a = solveResultToJSON(solve(P.polys, { digits: 12 })) as { components: unknown };
        const b = solveResultToJSON(solve(shuffled, { digits: 12 })) as { components: unknown };
        expect(b.components).toEqual(a.components);
      }),
      { numRuns: 8 },
    );
  });
});

describe('known systems', () => {
  test('katsura-n has 2^n solutions (n = 2, 3, 4), all distinct', () => {
    for (const n of [2, 3, 4]) {
      const r = solve(katsura(n).polynomials, { digits: 10 });
      expect(total(r)).toBe(2 ** n);
      expect(pointSets(r).every((c) => c.multiplicity === 1)).toBe(true);
    }
  });
  test('eco-5 has 2^3 solutions', () => {
    expect(total(solve(eco(5).polynomials, { digits: 10 }))).toBe(8);
  });
  test('cyclic-5 has 70 distinct solutions', () => {
    const r = solve(cyclic(5).polynomials, { digits: 10, complex: true });
    expect(total(r)).toBe(70);
    expect(pointSets(r).reduce((s, c) => s + c.points.length, 0)).toBe(70);
    expect(pointSets(r).reduce((s, c) => s + c.realPoints + c.nonRealPoints, 0)).toBe(70);
    // Every component is a non-empty orbit: q irreducible of degree ≥ 1 (a constant 'factor' of χ
    // once slipped through the recombination, as a component of degree 0).
    for (const c of pointSets(r)) {
      expect(c.degree).toBeGreaterThanOrEqual(1);
      expect(isIrreducible(parametrizationOf(c).minimalPolynomial)).toBe(true);
    }
  });
  test('an inconsistent system has no solutions', () => {
    const r = solve(parsePolynomials('x*y - 1, x, y + 1').polynomials);
    expect(r.dimension).toBe(-1);
    expect(r.components).toEqual([]);
    expect(r.complete).toBe(true);
  });
  test('a rational point is exact and satisfies the system exactly', () => {
    const { polynomials } = parsePolynomials('x + y - 1/2, x - y - 3/4');
    const r = solve(polynomials);
    expect(r.components).toHaveLength(1);
    const p = pointSets(r)[0].points[0];
    expect(p.kind === 'rational' && p.rational).toEqual({ x: '5/8', y: '-1/8' });
    for (const f of polynomials) expect(QQ.isZero(evaluate(f, { x: q(5, 8), y: q(-1, 8) }))).toBe(true);
  });
  test('real coordinates are certified: the box contains the decimal and is narrower than the digits', () => {
    const r = solve(parsePolynomials('x^2 - 2, y^3 - x').polynomials, { digits: 15 });
    let checked = 0;
    for (const c of pointSets(r)) for (const p of c.points) if (p.kind === 'real') {
      checked++;
      for (const v of r.vars) {
        const [lo, hi] = p.box[v].map(parseQ);
        expect(rcmp(lo, hi)).toBeLessThanOrEqual(0);
        // The box is narrower than the 15 digits asked: under 10^-15 relative to the coordinate.
        const width = rationalToNumber(rsub(hi, lo));
        expect(width).toBeLessThan(1e-15 * Math.max(1, Math.abs(Number(p.approx[v]))));
        // And the decimal is the box rounded: within half a unit of its last digit (the
        // coordinates here lie between 1 and 10 in absolute value, so that unit is 10^-14).
        const decimal = parseRational(p.approx[v]);
        const halfUnit = rational(1n, 2n * 10n ** 14n);
        expect(rcmp(decimal, rsub(lo, halfUnit))).toBeGreaterThanOrEqual(0);
        expect(rcmp(decimal, radd(hi, halfUnit))).toBeLessThanOrEqual(0);
      }
    }
    expect(checked).toBe(2); // x = ±√2, y its real cube root
    expect(total(r)).toBe(6);
  });
});

function parseQ(s: string): Rational {
  const [n, d] = s.split('/');
  return rational(BigInt(n), BigInt(d ?? '1'));
}

/** A deadline that expires at its n-th check: a time limit reached at a reproducible point. */
class CountingDeadline extends Deadline {
  calls = 0;
  constructor(private readonly limit: number) {
    super(Infinity, 'test');
  }
  override check(): void {
    if (++this.calls >= this.limit) throw new TimeoutError(`test limit after ${this.limit} checks`);
  }
}

describe('answers cut short by a time limit', () => {
  test('a finite set: incomplete, with the dimension, the count and the components finished, reported as they grow', () => {
    const polys = katsura(5).polynomials;
    const full = solve(polys, { digits: 10 });
    // Checks made by a full run, then limits that fall after the Gröbner basis.
    const counter = new CountingDeadline(Infinity);
    solve(polys, { digits: 10, deadline: counter });
    const total = counter.calls;
    let sawIncomplete = false;
    let sawComponents = false;
    for (const fraction of [0.5, 0.8, 0.95, 0.99]) {
      const partials: SolveResult[] = [];
      const limit = Math.floor(total * fraction);
      let r: SolveResult;
      try {
        r = solve(polys, { digits: 10, deadline: new CountingDeadline(limit), onPartial: (p) => partials.push(p) });
      } catch (e) {
        expect(e).toBeInstanceOf(TimeoutError); // stopped inside the Gröbner basis: nothing known yet
        continue;
      }
      expect(r.complete).toBe(false);
      sawIncomplete = true;
      expect(r.message).toMatch(/phase: /);
      expect(r.dimension).toBe(0);
      expect(r.solutions).toBe(32);
      // What was found is part of the full answer, and the last report is what was returned.
      for (const c of r.components) expect(pointSets(full).map((f) => JSON.stringify(f.exact))).toContain(JSON.stringify((c as ZeroDimensionalComponent).exact));
      expect(partials.length).toBeGreaterThan(0);
      expect(partials[0].components).toHaveLength(0);
      expect(partials.every((p) => !p.complete && p.solutions === 32)).toBe(true);
      expect(partials[partials.length - 1].components.length).toBe(r.components.length);
      if (r.components.length > 0) sawComponents = true;
    }
    expect(sawIncomplete).toBe(true);
    expect(sawComponents).toBe(true);
    expect(full.complete).toBe(true);
  });
  test('a positive dimension is known from the first prime: reported at once, marked as modular, replaced by the exact one', () => {
    const { polynomials } = parsePolynomials('x*y - z^2, y*z - x^2, x^3 - y*w');
    const full = solve(polynomials, { digits: 10 });
    expect(full.complete).toBe(true);
    expect(full.dimension).toBe(1);
    expect(full.dimensionModulo).toBeUndefined();
    // The check count at which the probe's modular dimension (with independent sets) is first
    // reported, then a limit just past it. Three equations in four variables: random sections
    // (modular-dimension.ts) say the dimension even earlier, without independent sets.
    const counter = new CountingDeadline(Infinity);
    let at = -1;
    solve(polynomials, { digits: 10, deadline: counter, onPartial: (p) => { if (at < 0 && p.dimensionModulo !== undefined && p.independentSets.length > 0) at = counter.calls; } });
    expect(at).toBeGreaterThan(0);
    const partials: SolveResult[] = [];
    const r = solve(polynomials, { digits: 10, deadline: new CountingDeadline(at + 1), onPartial: (p) => partials.push(p) });
    expect(r.complete).toBe(false);
    expect(r.dimension).toBe(1);
    expect(r.dimensionModulo).toBeGreaterThan(2 ** 20);
    expect(r.independentSets).toEqual(full.independentSets);
    expect(r.message).toMatch(/modulo the prime \d+, probably right but not certain/);
    expect(partials[0].dimensionModulo).toBe(r.dimensionModulo);
    expect(partials[0]).toMatchObject({ dimension: 1, independentSets: [] });
    expect(solveResultToJSON(r)).toMatchObject({ dimension: 1, dimensionModulo: r.dimensionModulo, complete: false });
  });
});

describe('the hint of a positive-dimensional set', () => {
  const withoutSets = (r: SolveResult): object => ({ ...solveResultToJSON(r), independentSets: 'not asked for' });
  test('changes nothing in the answer, right or wrong: positive-dimensional, finite and empty sets', () => {
    // With the hint the basis is computed in the order the generators suggest (and thrown away
    // when the set is finite); the answer must be the one without it. Independent sets were not
    // asked for: without the hint the canonical basis gives them anyway, with it they stay [].
    const systems = [
      'x*z - y^2, x^3 - y*z', // a space curve and a line
      'x^3*y - x, x*y^3*z - z^2, y^2 - z', // mixed degrees: the order moves
      'a+b+c+d, a*b+b*c+c*d+d*a, a*b*c+b*c*d+c*d*a+d*a*b, a*b*c*d-1', // cyclic-4: two curves
      'x^3 + y - 1, y^2*z - x, z^3 - 2', // finite
      'x^2*y - 1, x*y^2 - 2, x^3*y^3 - 3', // empty
    ];
    for (const text of systems) {
      const { polynomials } = parsePolynomials(text);
      const plain = solve(polynomials, { digits: 10, independentSets: false });
      const hinted = solve(polynomials, { digits: 10, independentSets: false, positiveDimensional: true });
      expect(withoutSets(hinted)).toEqual(withoutSets(plain));
    }
  });

  test('a network whose variables the generators reorder gets the same critical set through it', () => {
    // 2-2-1 without biases, activation z + z³/3: the output weights come first in the order read
    // from the gradient (its names put them last).
    const { ring, polynomials } = parsePolynomials('w2_0*w0_0^3 + w0_1 - w2_1*w1_1, w2_0^2*w0_0 - w1_0*w2_1^2, w0_1^2*w2_0 - w1_1^2*w2_1, w0_0*w0_1*w2_0^2 - w1_0*w1_1*w2_1^2');
    expect(ring.vars.length).toBe(6);
    const plain = solve(polynomials, { digits: 10, independentSets: false });
    const hinted = solve(polynomials, { digits: 10, independentSets: false, positiveDimensional: true });
    expect(plain.dimension).toBeGreaterThan(0);
    expect(withoutSets(hinted)).toEqual(withoutSets(plain));
    expect(hinted.independentSets).toEqual([]);
  });
});

describe('a set that is a graph over a smaller one, without independent sets', () => {
  const withoutSets = (r: SolveResult): object => ({ ...solveResultToJSON(r), independentSets: 'not asked for' });
  test('no basis over Q of the smaller set in its own order when no value can cut it: the same answer, its dimension exact at the end', () => {
    // w is x² + y: the set is a graph over V(x³y − x, xy³z − z²), whose variables the generators
    // reorder. Without a polynomial constant on the components, nothing can cut it by values.
    const { polynomials } = parsePolynomials('x^3*y - x, x*y^3*z - z^2, w - x^2 - y');
    const messages: string[] = [];
    const partials: SolveResult[] = [];
    const skipped = solve(polynomials, { digits: 10, independentSets: false, onProgress: (e) => messages.push(e.message ?? ''), onPartial: (r) => partials.push(r) });
    const full = solve(polynomials, { digits: 10 });
    expect(messages.some((m) => /without the 1 variable/.test(m))).toBe(false);
    expect(full.dimension).toBe(1);
    expect(withoutSets(skipped)).toEqual(withoutSets(full));
    // Said first as the dimension modulo the probe's prime, then exactly.
    expect(partials[0].dimensionModulo).toBeDefined();
    expect(skipped.dimensionModulo).toBeUndefined();
  });
});

/** The solve, and the prime of every F4 run of a staircase probe (one per prime probed), in order. */
const staircasesOf = (polys: Polynomial<Rational>[], positiveDimensional?: boolean): { r: SolveResult; primes: number[] } => {
  const primes: number[] = [];
  const r = solve(polys, {
    digits: 10,
    ...(positiveDimensional !== undefined ? { positiveDimensional } : {}),
    onProgress: (e) => {
      const m = /^the staircase modulo (\d+): F4 round 1:/.exec(e.message ?? '');
      if (m) primes.push(Number(m[1]));
    },
  });
  return { r, primes };
};

describe('a finite set that is a graph over a smaller one', () => {
  test('the smaller set is probed at one prime only, and the whole at two: as many points as the smaller set has', () => {
    // w is x² + y (degree two: the smaller set is probed first); the set is finite. Its probe
    // finds that at the first prime and leaves the set to the usual route, which probes the whole
    // system at two primes: three runs of F4 in all, where a second prime of the smaller set's
    // probe made four.
    const { polynomials } = parsePolynomials('x^2 + y^2 - 5, x*y - 2 + x, w - x^2 - y');
    const { r, primes: staircases } = staircasesOf(polynomials);
    expect(staircases.length).toBe(3);
    expect(new Set(staircases).size).toBe(2);
    // As many points as the smaller set has (each with its w = x² + y).
    const smaller = solve(parsePolynomials('x^2 + y^2 - 5, x*y - 2 + x').polynomials, { digits: 10 });
    const count = (s: SolveResult) => pointSets(s).reduce((n, c) => n + c.degree * c.multiplicity, 0);
    expect(r.dimension).toBe(0);
    expect(count(r)).toBe(count(smaller));
  });
});

describe('the hint of a finite set', () => {
  test('a finite graph: the whole system is probed first, and the smaller one not at all; the same answer', () => {
    const { polynomials } = parsePolynomials('x^2 + y^2 - 5, x*y - 2 + x, w - x^2 - y');
    const hinted = staircasesOf(polynomials, false);
    const plain = staircasesOf(polynomials);
    expect(hinted.primes.length).toBe(2);
    expect(plain.primes.length).toBe(3);
    expect(solveResultToJSON(hinted.r)).toEqual(solveResultToJSON(plain.r));
  });
  test('wrong, it changes nothing in the answer: a positive-dimensional graph', () => {
    const { polynomials } = parsePolynomials('x^3*y - x, x*y^3*z - z^2, w - x^2 - y');
    const hinted = staircasesOf(polynomials, false);
    const plain = staircasesOf(polynomials);
    expect(hinted.r.dimension).toBe(1);
    expect(solveResultToJSON(hinted.r)).toEqual(solveResultToJSON(plain.r));
  });
});
