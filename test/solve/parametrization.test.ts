// Component parametrizations xᵢ = uᵢ(θ)/q′(θ), q(θ) = 0. Oracles: the lift from primes equals the
// exact computation over Q; every input polynomial vanishes exactly on every component
// (f(u/q′)·q′^deg f ≡ 0 mod q, in Q[T]); the points of large components (which keep the
// derivative as denominator) satisfy the system numerically within their stated error.
import { QQ } from '../../src/arithmetic/field';
import { Rational, rational, rationalToNumber } from '../../src/arithmetic/rational';
import { groebner } from '../../src/groebner/groebner';
import { QuotientAlgebra } from '../../src/groebner/quotient';
import { Polynomial } from '../../src/poly/polynomial';
import { UPoly, uderivative, umul, upow, urem, utrim, uadd } from '../../src/poly/univariate';
import { parsePolynomials } from '../../src/io/parse';
import * as separatingCoordinatesModule from '../../src/solve/separating-coordinates';
import * as rurModularModule from '../../src/solve/rur-modular';
import { linearForm } from '../../src/poly/linear-form';
import { modularSeparatingForm, rationalUnivariateRepresentation, scatteredForm } from '../../src/solve/rur';
import { modularRadical, zeroDimensionalRadical } from '../../src/solve/radical';
import { charpoly } from '../../src/arithmetic/matrix';
import { ParametrizedSolutions, modularParametrization, parametrizationInSeparatingCoordinates, parametrizeComponents } from '../../src/solve/rur-modular';
import { modularCharacteristicPolynomial } from '../../src/solve/multiplicities';
import { solve } from '../../src/solve/solve';
import { BasisModP, basesModP, separatingCoordinates } from '../../src/solve/separating-coordinates';
import { KrylovShape, ParametrizationImage, parametrizationModP, residueGenerator } from '../../src/solve/krylov';
import { Zp } from '../../src/arithmetic/field';
import { ugcd } from '../../src/poly/univariate';
import { ZeroDimensionalComponent, solveRadicalFinite, solveZeroDimensional } from '../../src/solve/zero-dimensional';
import fc from 'fast-check';
import { cyclic, eco, katsura } from '../../src/systems';
import { polynomialDataToString, polynomialsFromData } from '../../src/poly/data';
import { primitivePart } from '../../src/poly/content';
import { modularStaircase } from '../../src/groebner/staircase';
import { solutionCount } from '../../src/groebner/ideal';

/** f(u₁/q′, …, uₙ/q′)·q′^deg f modulo q: zero exactly when f vanishes on the component. */
function vanishesOn(f: Polynomial<Rational>, q: UPoly<Rational>, us: readonly UPoly<Rational>[]): boolean {
  const dq = uderivative(QQ, q);
  const d = f.totalDegree();
  let acc: UPoly<Rational> = [];
  for (let t = 0; t < f.length; t++) {
    const m = f.monomials[t];
    let term: UPoly<Rational> = [f.coefficients[t]];
    for (let i = 0; i < us.length; i++) if (m[i + 1] > 0) term = urem(QQ, umul(QQ, term, upow(QQ, us[i], m[i + 1])), q);
    term = urem(QQ, umul(QQ, term, upow(QQ, dq, d - m[0])), q);
    acc = uadd(QQ, acc, term);
  }
  return utrim(QQ, urem(QQ, acc, q)).length === 0;
}

function bothWays(polys: Polynomial<Rational>[]): { modular: ParametrizedSolutions; exact: ParametrizedSolutions; G: Polynomial<Rational>[] } {
  const G = groebner(polys);
  const order = G[0].ring.vars.map((_, i) => i);
  const form = modularSeparatingForm(G, order);
  if (!form) throw new Error('expected a radical ideal with a separating form');
  const modular = modularParametrization(new QuotientAlgebra(G), form);
  if (!modular) throw new Error('the modular lift did not settle');
  const rur = rationalUnivariateRepresentation(G, order, { given: form });
  return { modular, exact: parametrizeComponents(rur.separatingForm, rur.minimalPolynomial, rur.coordinates), G };
}

const text = (s: ParametrizedSolutions) =>
  JSON.stringify(s, (_k, v) => (typeof v === 'bigint' ? v.toString() : v && typeof v === 'object' && 'num' in v && 'den' in v ? `${v.num}/${v.den}` : v));

describe('component parametrizations', () => {
  test.each([
    ['katsura-4', katsura(4).polynomials],
    ['eco-5', eco(5).polynomials],
    ['three quadrics', parsePolynomials('x^2 + y^2 + z^2 - 3, x*y - z + 1/2, x + y^2 - 2*z^2').polynomials],
    ['a planted system', parsePolynomials('x^3 - 2*x + 5 - y, (y^2 - 3)*(y^3 - y - 1)*(y - 4)').polynomials],
  ])('%s: lifted from primes = computed over Q, and every input vanishes on every component', (_name, polys) => {
    const { modular, exact } = bothWays(polys as Polynomial<Rational>[]);
    expect(text(modular)).toBe(text(exact));
    for (const c of modular.components) {
      const q = c.minimalPolynomial.map((x) => rational(x));
      for (const f of polys as Polynomial<Rational>[]) expect(vanishesOn(f, q, c.numerators)).toBe(true);
    }
  });

  test.each([
    ['katsura-4', katsura(4).polynomials],
    ['eco-5', eco(5).polynomials],
    ['three quadrics', parsePolynomials('x^2 + y^2 + z^2 - 3, x*y - z + 1/2, x + y^2 - 2*z^2').polynomials],
    ['a planted system', parsePolynomials('x^3 - 2*x + 5 - y, (y^2 - 3)*(y^3 - y - 1)*(y - 4)').polynomials],
    ['cyclic-5', cyclic(5).polynomials],
  ])('%s: parametrized in separating coordinates (F4 modulo primes, Berlekamp–Massey) = the exact RUR over Q for the same form', (_name, polys) => {
    const P = polys as Polynomial<Rational>[];
    const G = groebner(P);
    const order = G[0].ring.vars.map((_, i) => i);
    const D = new QuotientAlgebra(G).dimension;
    const fast = parametrizationInSeparatingCoordinates(P, D, order);
    if (!fast) throw new Error('expected a radical ideal with a separating form');
    const rur = rationalUnivariateRepresentation(G, order, { given: [...fast.separatingForm] });
    expect(text(fast)).toBe(text(parametrizeComponents(rur.separatingForm, rur.minimalPolynomial, rur.coordinates)));
  });

  test.each([
    ['katsura-4', katsura(4).polynomials],
    ['three quadrics', parsePolynomials('x^2 + y^2 + z^2 - 3, x*y - z + 1/2, x + y^2 - 2*z^2').polynomials],
  ])('%s: modulo a prime, the matrix read off the basis through its shape = the one from normal forms', (_name, polys) => {
    const P = polys as Polynomial<Rational>[];
    const G = groebner(P);
    const D = new QuotientAlgebra(G).dimension;
    const n = G[0].ring.nvars;
    const form = Array.from({ length: n }, (_, i) => BigInt(1 + (i % 2)));
    const bases = basesModP(separatingCoordinates(P, form), D);
    // The shape learned at the first prime serves the later ones (as in the solver).
    let shape: KrylovShape | undefined;
    for (let k = 0; k < 3; k++) {
      const { p, basis, coordinates } = bases.next().value as BasisModP;
      shape ??= KrylovShape.of(basis);
      expect(shape.complete).toBe(true);
      const a = parametrizationModP(basis, coordinates, D, p, residueGenerator(k), shape);
      const b = parametrizationModP(basis, coordinates, D, p, residueGenerator(k));
      expect(a && Array.from(a.chi)).toEqual(b && Array.from(b.chi));
      const F = Zp(p);
      const chi = [...Array.from((a as ParametrizationImage).chi), 1];
      expect(a?.numerators([chi])).toEqual(b?.numerators([chi]));
      expect(chi.length - 1).toBe(D);
      expect(ugcd(F, chi, uderivative(F, chi))).toEqual([1]);
    }
  });

  test.each([
    ['katsura-5', katsura(5).polynomials],
    ['cyclic-5', cyclic(5).polynomials],
  ])('%s: with χ modulo p given (D + 2 terms, no Berlekamp–Massey) the image is the same, and a wrong χ is refused', (_name, polys) => {
    const P = polys as Polynomial<Rational>[];
    const D = new QuotientAlgebra(groebner(P)).dimension;
    // The form the solver takes (one that separates).
    const form = (parametrizationInSeparatingCoordinates(P, D, P[0].ring.vars.map((_, i) => i)) as ParametrizedSolutions).separatingForm;
    const bases = basesModP(separatingCoordinates(P, form), D);
    let shape: KrylovShape | undefined;
    for (let k = 0; k < 3; k++) {
      const { p, basis, coordinates } = bases.next().value as BasisModP;
      shape ??= KrylovShape.of(basis);
      const full = parametrizationModP(basis, coordinates, D, p, residueGenerator(k), shape) as ParametrizationImage;
      const chi = [...Array.from(full.chi), 1];
      // Another functional: the numerators do not depend on it.
      const given = parametrizationModP(basis, coordinates, D, p, residueGenerator(k + 100), shape, undefined, chi);
      expect(given && Array.from(given.chi)).toEqual(Array.from(full.chi));
      expect(given?.numerators([chi])).toEqual(full.numerators([chi]));
      const wrong = chi.slice();
      wrong[0] = (wrong[0] + 1) % p;
      expect(parametrizationModP(basis, coordinates, D, p, residueGenerator(k), shape, undefined, wrong)).toBeUndefined();
    }
  });

  test.each([
    // (the replays expected: every prime's; the first candidate's first prime; three failures)
    ['katsura-5 (the last variable separates)', katsura(5).polynomials, true, 10],
    ['cyclic-5 (it does not: general forms)', cyclic(5).polynomials, true, 1],
    ['katsura-5 with a replay that always fails (given up, then learned here)', katsura(5).polynomials, false, 3],
  ])('%s: the staircase probe’s learning run is replayed, and the parametrization is the same', (_name, polys, good, expected) => {
    const P = (polys as Polynomial<Rational>[]).map(primitivePart);
    const order = P[0].ring.vars.map((_, i) => i);
    const probe = modularStaircase(P, { finiteOnly: true });
    const learned = probe.learned as NonNullable<typeof probe.learned>;
    const D = solutionCount(probe.basis as Polynomial<number>[]);
    let replays = 0;
    const replay = (images: readonly Polynomial<number>[]): Polynomial<number>[] | undefined => {
      replays++;
      return good ? learned.replay(images) : undefined;
    };
    const plain = parametrizationInSeparatingCoordinates(P, D, order);
    const reused = parametrizationInSeparatingCoordinates(P, D, order, { learned: { generators: P, basis: learned.basis, replay } });
    expect(plain).toBeDefined();
    expect(text(reused as ParametrizedSolutions)).toBe(text(plain as ParametrizedSolutions));
    expect(replays).toBeGreaterThanOrEqual(expected as number);
    // A run learned on other generators, or with another count, is not replayed.
    replays = 0;
    parametrizationInSeparatingCoordinates(P, D, order, { learned: { generators: P.map((f) => f.scale(rational(2n))), basis: learned.basis, replay } });
    parametrizationInSeparatingCoordinates(P, D, order, { learned: { generators: P, basis: learned.basis.slice(1), replay }, maxTries: 1 });
    expect(replays).toBe(0);
  });

  test('thirteen variables none of which separates: the general forms are reached (not twelve single variables first)', () => {
    // x² = 1, y² = 1 and z_j = x·y + j: four points, and every coordinate takes one of its values twice.
    const zs = Array.from({ length: 11 }, (_, j) => `z${j} - x*y - ${j}`);
    const P = parsePolynomials(['x^2 - 1', 'y^2 - 1', ...zs].join(', ')).polynomials;
    const n = P[0].ring.nvars;
    const r = parametrizationInSeparatingCoordinates(P, 4, Array.from({ length: n }, (_, i) => i));
    expect(r).toBeDefined();
    const form = (r as ParametrizedSolutions).separatingForm;
    expect(form.filter((c) => c !== 0n).length).toBeGreaterThan(1);
    for (const c of (r as ParametrizedSolutions).components) for (const f of P) expect(vanishesOn(f, c.minimalPolynomial.map((x) => rational(x)), c.numerators)).toBe(true);
  });

  test('one variable, not radical: every candidate form fails and the route gives up (it looped when the single-variable candidates were skipped by count)', () => {
    const P = parsePolynomials('x^2*(x - 1)').polynomials;
    expect(parametrizationInSeparatingCoordinates(P, 3, [0])).toBeUndefined();
  });

  test('a non-radical ideal is refused by the separating-coordinates route (and solved by the radical route)', () => {
    const P = parsePolynomials('(x - 1)^2*(x^2 - 2), y - x^2 + 3*x').polynomials;
    const G = groebner(P);
    expect(parametrizationInSeparatingCoordinates(P, new QuotientAlgebra(G).dimension, [0, 1])).toBeUndefined();
  });

  test('a radical known as such skips the radicality test (the form with scattered coefficients), with the same answer', () => {
    // cyclic-5: no variable separates, so the first form fails and the test would follow.
    const P = cyclic(5).polynomials;
    const scattered = scatteredForm(5);
    const tested = withFormsCounted(() => parametrizationInSeparatingCoordinates(P, 70, [0, 1, 2, 3, 4]));
    expect(tested.formsTried.filter((f) => f.join() === scattered.join()).length).toBe(1);
    const trusted = withFormsCounted(() => parametrizationInSeparatingCoordinates(P, 70, [0, 1, 2, 3, 4], { radical: true }));
    expect(trusted.formsTried.some((f) => f.join() === scattered.join())).toBe(false);
    expect(trusted.forms).toBe(tested.forms - 1);
    expect(trusted.result).toBeDefined();
    expect(trusted.result).toEqual(tested.result);
  });

  test('a double point where the first form separates the points: refused after that form, without trying the others', () => {
    // y = x² − 3x takes three values on the points x = 1 (double), ±√2: its minimal polynomial
    // has degree 4 and a repeated root at both first primes.
    const P = parsePolynomials('(x - 1)^2*(x^2 - 2), y - x^2 + 3*x').polynomials;
    const { result, forms } = withFormsCounted(() => parametrizationInSeparatingCoordinates(P, 4, [0, 1]));
    expect(result).toBeUndefined();
    expect(forms).toBe(1);
  });

  test('katsura-5: the degree-30 component keeps q′ as denominator and its points satisfy the system', () => {
    const polys = katsura(5).polynomials;
    const r = solve(polys, { digits: 20, complex: true, bases: true });
    const big = r.components.filter((c): c is ZeroDimensionalComponent => c.kind === 'points' && c.degree > 16);
    expect(big.length).toBeGreaterThan(0);
    for (const c of big) {
      expect(c.exact.denominator).not.toBe('1');
      expect(c.basisIsGroebner).toBe(false);
      expect(c.points).toHaveLength(c.degree);
      for (const p of c.points) {
        if (!p.real) expect(p.errorBound).toBeLessThan(1e-20); // 20 digits asked; katsura coordinates are below 1
        const re = Object.fromEntries(r.vars.map((v) => [v, Number(p.real ? p.approx[v] : p.re?.[v])]));
        const im = Object.fromEntries(r.vars.map((v) => [v, p.real ? 0 : Number(p.im?.[v])]));
        for (const f of polys) expect(complexResidual(f, re, im)).toBeLessThan(1e-12);
      }
    }
  });

  test('cyclic-5: every input vanishes exactly on every component of the solver’s answer', () => {
    const polys = cyclic(5).polynomials;
    const { modular } = bothWays(polys);
    expect(modular.components.reduce((s, c) => s + c.minimalPolynomial.length - 1, 0)).toBe(70);
    for (const c of modular.components) {
      const q = c.minimalPolynomial.map((x) => rational(x));
      for (const f of polys) expect(vanishesOn(f, q, c.numerators)).toBe(true);
    }
  });
});

/** The result of `run` and how many forms it tried (calls of `separatingCoordinates`). */
function withFormsCounted<R>(run: () => R): { result: R; forms: number; formsTried: (readonly bigint[])[] } {
  const spy = jest.spyOn(separatingCoordinatesModule, 'separatingCoordinates');
  try {
    const result = run();
    return { result, forms: spy.mock.calls.length, formsTried: spy.mock.calls.map((call) => call[1]) };
  } finally {
    spy.mockRestore();
  }
}

/** |f(z)| for a complex point z = re + i·im, in doubles. */
function complexResidual(f: Polynomial<Rational>, re: Record<string, number>, im: Record<string, number>): number {
  const R = f.ring;
  let sr = 0;
  let si = 0;
  for (let t = 0; t < f.length; t++) {
    let tr = rationalToNumber(f.coefficients[t]);
    let ti = 0;
    R.vars.forEach((v, i) => {
      for (let e = 0; e < f.monomials[t][i + 1]; e++) [tr, ti] = [tr * re[v] - ti * im[v], tr * im[v] + ti * re[v]];
    });
    sr += tr;
    si += ti;
  }
  return Math.hypot(sr, si);
}

describe('component bases', () => {
  test.each([['katsura-4', katsura(4).polynomials], ['eco-5', eco(5).polynomials]])(
    '%s: each small component reports its reduced degrevlex basis (FGLM from the shape basis = Gröbner from scratch)',
    (_name, polys) => {
      const r = solve(polys as Polynomial<Rational>[], { digits: 10, bases: true });
      expect(r.components.some((c) => c.kind === 'points' && c.basisIsGroebner)).toBe(true);
      for (const c of r.components) {
        if (c.kind !== 'points' || !c.basisIsGroebner || !c.basis) continue;
        expect(groebner(polynomialsFromData(c.basis)).map(String)).toEqual(c.basis.map(polynomialDataToString));
      }
    },
  );
});

describe('radicality tested after a first form fails', () => {
  test('a non-radical system whose last variable does not separate is refused after that one form and the radicality test', () => {
    // x = 1 (double), ±√2 times y = ±1: 6 points, 8 with multiplicity; y takes 2 values.
    const P = parsePolynomials('(x - 1)^2*(x^2 - 2), y^2 - 1').polynomials;
    const { result, formsTried } = withFormsCounted(() => parametrizationInSeparatingCoordinates(P, 8, [0, 1]));
    expect(result).toBeUndefined();
    // y, then the form with scattered coefficients, which takes fewer than 8 values.
    expect(formsTried.map((f) => f.join())).toEqual(['0,1', scatteredForm(2).join()]);
    // Radical, the same shape: still solved (the test lets it through).
    const Q = parsePolynomials('(x - 3)*(x^2 - 2), y^2 - 1').polynomials;
    const r = parametrizationInSeparatingCoordinates(Q, 6, [0, 1]);
    expect(r?.components.reduce((d, c) => d + c.minimalPolynomial.length - 1, 0)).toBe(6);
  });
});

describe('ideals with multiplicities', () => {
  const systems: [string, Polynomial<Rational>[]][] = [
    ['katsura-3 with a squared equation', (() => { const k = katsura(3).polynomials; return [k[0].mul(k[0]), ...k.slice(1)]; })()],
    ['a planted double point and a triple pair', parsePolynomials('(x - 1)^2*(x^2 - 2)^3, y - x^2 + 3*x').polynomials],
  ];
  test.each(systems)('%s: the radical lifted from primes = Seidenberg over Q; charpoly lifted = charpoly over Q', (_name, polys) => {
    const G = groebner(polys);
    const exact = zeroDimensionalRadical(G);
    const modular = modularRadical(G);
    expect(modular?.map(String)).toEqual(exact.map(String));
    const A = new QuotientAlgebra(G);
    const order = G[0].ring.vars.map((_, i) => i);
    const form = modularSeparatingForm(exact, order) as bigint[];
    const t = linearForm(G[0].ring, form);
    const lifted = modularCharacteristicPolynomial(A, form);
    expect(text(lifted as never)).toBe(text(charpoly(QQ, A.multiplicationMatrix(t)) as never));
  });
});

describe('a system that is not radical', () => {
  test('its radical is parametrized from its basis in separating coordinates (no multiplication matrix over Q), with the multiplicities of the whole', () => {
    // x = 1 double, x = ±√2 simple, on the curve y = x² − 3x; as a whole system (with generators).
    const P = parsePolynomials('(x - 1)^2*(x^2 - 2), y - x^2 + 3*x').polynomials;
    const G = groebner(P);
    const routed = jest.spyOn(rurModularModule, 'parametrizationInSeparatingCoordinates');
    const overQ = jest.spyOn(rurModularModule, 'modularParametrization');
    try {
      const components = solveZeroDimensional(G, { generators: P, digits: 12 });
      expect(overQ).not.toHaveBeenCalled();
      // Only on the radical, with its 3 points (the whole system is found not radical first).
      expect(routed.mock.calls.map((c) => c[1])).toEqual([3]);
      expect(components.map((c) => [c.degree, c.multiplicity])).toEqual([[1, 2], [2, 1]]);
      const xs = components.flatMap((c) => c.points.map((p) => (p.real ? Number(p.approx.x) : NaN))).sort((a, b) => a - b);
      expect(xs.map((x) => x.toFixed(9))).toEqual([-Math.SQRT2, 1, Math.SQRT2].map((x) => x.toFixed(9)));
    } finally {
      routed.mockRestore();
      overQ.mockRestore();
    }
  });
});

describe('a single rational point', () => {
  // The reduced basis x₁ − c₁, …, xₙ − cₙ is read off directly (every sample fibre of a rational
  // component is one): the description must be the general route's, which parametrizes modulo primes.
  test('solveZeroDimensional on a point basis equals the route through the parametrization modulo primes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 5 }), (cs) => {
        const vars = ['a', 'b', 'c', 'd', 'e'].slice(0, cs.length);
        const text = cs.map(([n, d], i) => `${vars[i]} - (${n})/${d}`).join(', ');
        const { polynomials } = parsePolynomials(text);
        const viaBasis = solveZeroDimensional(groebner(polynomials), { digits: 12 });
        const viaPrimes = solveRadicalFinite(polynomials, 1, { digits: 12 });
        const data = (r: unknown) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
        expect(data(viaBasis)).toEqual(data(viaPrimes));
        expect(viaBasis[0].points[0].kind).toBe('rational');
      }),
      { numRuns: 40 },
    );
  });
});
