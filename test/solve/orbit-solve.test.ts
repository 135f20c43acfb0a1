// Solving orbit by orbit under sign changes, against the classic route. Oracles: the sign group
// makes every equation semi-invariant (checked by substitution); random systems with planted sign
// structure give the same complex and real counts and the same real points both ways; every
// family vanishes on the system exactly (in Q(θ)[√s…]); counts add up to the number of solutions;
// the answer does not depend on the variable order; network critical sets are analysed the same.
import fc from 'fast-check';
import { rational } from '../../src/arithmetic/rational';
import { QQ } from '../../src/arithmetic/field';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { substitute } from '../../src/poly/evaluate';
import { parsePolynomials } from '../../src/io/parse';
import { SolveResult, solve } from '../../src/solve/solve';
import { groupOrder, monomialCharacter, orbitSize, signSymmetries } from '../../src/solve/sign-symmetry';
import { OrbitFamily, orbitFamilyData, solveByOrbits } from '../../src/solve/orbit-solve';
import { vanishesOnOrbits } from '../../src/solve/orbit-evaluation';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { analyzeCriticalSet, criticalPoints } from '../../src/networks/critical';
import { TimeoutError } from '../../src/errors';
import { ProgressInfo } from '../../src/control';
import { Zp } from '../../src/arithmetic/field';
import { f4 } from '../../src/groebner/f4';
import { changeRing } from '../../src/poly/change';
import { primitivePart } from '../../src/poly/content';
import { MultiplicationModP, MultiplicationShape } from '../../src/solve/orbit-multiplication';

/** f(εx) as a polynomial, ε negating the variables listed. */
function negated(f: Polynomial<ReturnType<typeof rational>>, flipped: readonly number[]): Polynomial<ReturnType<typeof rational>> {
  const R = f.ring;
  const values = Object.fromEntries(R.vars.map((v, i) => [v, flipped.includes(i) ? R.variable(v).neg() : R.variable(v)]));
  return substitute(f, values, R);
}

/** The real points of a result as sorted decimal rows (either kind of component). */
function realRows(r: SolveResult): string[] {
  return r.components.flatMap((c) => (c.kind === 'variety' ? [] : c.points.filter((p) => p.real).map((p) => r.vars.map((v) => (p.kind === 'rational' ? p.approx[v] ?? p.rational[v] : p.approx[v])).join(' ')))).sort();
}

const families = (r: SolveResult): OrbitFamily[] => r.components.filter((c): c is OrbitFamily => c.kind === 'orbits');

/**
 * A random square system in x, y, z whose variables have random characters in GF(2)²: each
 * equation is a random combination of the monomials of degree ≤ 2 of one random character.
 */
const signedSystem = fc
  .record({
    characters: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    equations: fc.array(fc.record({ character: fc.integer({ min: 0, max: 3 }), coefficients: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 10, maxLength: 10 }) }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ characters, equations }) => {
    const R = new PolynomialRing(QQ, ['x', 'y', 'z']);
    const monomials: number[][] = [];
    for (let a = 0; a <= 2; a++) for (let b = 0; a + b <= 2; b++) for (let c = 0; a + b + c <= 2; c++) monomials.push([a, b, c]);
    const character = (m: number[]) => m.reduce((s, e, i) => s ^ (e & 1 ? characters[i] : 0), 0);
    const polys = equations.map(({ character: target, coefficients }) =>
      R.fromTerms(monomials.flatMap((m, k) => (character(m) === target && coefficients[k] !== 0 ? [[m, rational(BigInt(coefficients[k]))] as const] : []))),
    );
    return Object.assign(polys, { characters });
  });

/** Is the flip (variables negated) in the GF(2) span of the generators? */
function inSpan(flip: readonly number[], generators: readonly (readonly number[])[]): boolean {
  const mask = (vs: readonly number[]) => vs.reduce((m, i) => m | (1 << i), 0);
  const basis: number[] = [];
  for (const g of generators) {
    let x = mask(g);
    for (const b of basis) if ((x ^ b) < x) x ^= b;
    if (x !== 0) basis.push(x), basis.sort((a, b) => b - a);
  }
  let x = mask(flip);
  for (const b of basis) if ((x ^ b) < x) x ^= b;
  return x === 0;
}

describe('sign symmetries of a system', () => {
  test('every generator leaves every polynomial semi-invariant, and a planted flip is in the group', () => {
    fc.assert(
      fc.property(signedSystem, (polys) => {
        const nonZero = polys.filter((f) => !f.isZero());
        if (nonZero.length === 0) return;
        const G = signSymmetries(nonZero);
        for (const g of G.generators)
          for (const f of nonZero) {
            const image = negated(f, g);
            expect(image.equals(f) || image.equals(f.neg())).toBe(true);
          }
        // Every monomial of a polynomial has its polynomial's character.
        for (const f of nonZero) expect(new Set(f.monomials.map((m) => monomialCharacter(G, m))).size).toBe(1);
        // The planted flips (negate the variables whose character has bit j) are in the group.
        for (const bit of [1, 2]) expect(inSpan([0, 1, 2].filter((i) => polys.characters[i] & bit), G.generators)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('x² + y² − 5, x·y − 2: the group negates x and y together; orbit sizes follow the support', () => {
    const { polynomials } = parsePolynomials('x^2 + y^2 - 5, x*y - 2');
    const G = signSymmetries(polynomials);
    expect(G.generators).toEqual([[0, 1]]);
    expect(groupOrder(G)).toBe(2);
    expect(orbitSize(G, [0, 1])).toBe(2);
    expect(orbitSize(G, [])).toBe(1);
  });
});

describe('solving orbit by orbit', () => {
  test('x² + y² − 5, x·y − 2: 4 real solutions in 2 orbits of 2, the same points as the classic route', () => {
    const { polynomials } = parsePolynomials('x^2 + y^2 - 5, x*y - 2');
    const r = solve(polynomials, { orbits: true });
    expect(r.signGroup).toEqual([['x', 'y']]);
    const f = families(r);
    expect(f.reduce((s, c) => s + c.degree, 0)).toBe(4);
    expect(f.reduce((s, c) => s + c.realPoints, 0)).toBe(4);
    expect(f.every((c) => c.orbitSize === 2)).toBe(true);
    expect(realRows(r)).toEqual(realRows(solve(polynomials, { orbits: false })));
  });

  test('random systems with sign structure: same counts and real points as the classic route, families vanish on the system', () => {
    let compared = 0;
    fc.assert(
      fc.property(signedSystem, (polys) => {
        const classic = solve(polys, { orbits: false, digits: 15 });
        if (classic.dimension !== 0 || classic.components.some((c) => c.kind === 'points' && c.multiplicity > 1)) return;
        const byOrbits = solve(polys, { orbits: true, digits: 15 });
        if (!byOrbits.signGroup) return; // trivial group, or not radical: the classic route answered
        compared++;
        const count = (r: SolveResult, key: 'degree' | 'realPoints') => r.components.reduce((s, c) => s + (c.kind === 'variety' ? 0 : c[key]), 0);
        expect(count(byOrbits, 'degree')).toBe(count(classic, 'degree'));
        expect(count(byOrbits, 'realPoints')).toBe(count(classic, 'realPoints'));
        expect(realRows(byOrbits)).toEqual(realRows(classic));
        for (const c of families(byOrbits)) {
          const data = orbitFamilyData(c);
          for (const f of polys) expect(vanishesOnOrbits(f, data)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(5);
  });

  test('the answer does not depend on the order of the variables', () => {
    const text = 'x^2 + y^2 + z^2 - 6, x*y - 2*z^2 + 1, y*z + x^2 - 3';
    const a = solve(parsePolynomials(text, { vars: ['x', 'y', 'z'] }).polynomials, { orbits: true });
    const b = solve(parsePolynomials(text, { vars: ['z', 'x', 'y'] }).polynomials, { orbits: true });
    expect(a.signGroup).toBeDefined();
    expect(families(b).map((c) => c.exact)).toEqual(families(a).map((c) => c.exact));
    expect(realRows({ ...b, vars: a.vars })).toEqual(realRows(a));
    // Byte for byte, as the classic route's points: every map is listed in the same order.
    expect(JSON.stringify(b.components)).toBe(JSON.stringify(a.components));
  });

  test('a system without sign symmetry, or not radical, is not applicable', () => {
    const r = solveByOrbits(parsePolynomials('x^2 + y - 2, y^2 - x - 1').polynomials, 4);
    expect(r).toEqual({ kind: 'not-applicable', reason: expect.stringContaining('no sign change') });
    const square = solveByOrbits(parsePolynomials('x^4, y^2 - 1').polynomials, 8);
    expect(square.kind).toBe('not-applicable');
  });
});

describe('network critical points orbit by orbit', () => {
  // deep-linear:1,2,2,1 has 129 critical points (33 real): the orbit route is the default.
  const net = networkLoss(preset('deep-linear:1,2,2,1'));

  test('deep-linear:1,2,2,1: 129 points, 33 real, the same as the classic route', () => {
    const heard: ProgressInfo[] = [];
    const r = solve(lossGradient(net), { onProgress: (i) => heard.push(i) });
    // Progress from the start: the staircase's F4 rounds, then the first prime's maps, then the primes.
    const messages = heard.map((i) => i.message);
    expect(heard.some((i) => i.kind === 'f4-round' && /^the staircase modulo \d+: F4 round \d+/.test(i.message))).toBe(true);
    const maps = messages.indexOf('129 solutions: the multiplication maps on their orbits modulo a prime');
    expect(maps).toBeGreaterThan(messages.findIndex((m) => m.startsWith('the staircase')));
    expect(maps).toBeLessThan(messages.findIndex((m) => / orbits: \d+ prime\(s\)$/.test(m)));
    expect(r.signGroup?.length).toBe(4);
    expect(families(r).reduce((s, c) => s + c.degree, 0)).toBe(129);
    expect(families(r).reduce((s, c) => s + c.realPoints, 0)).toBe(33);
    expect(realRows(r)).toEqual(realRows(solve(lossGradient(net), { orbits: false })));
    // χ₀ was lifted in parts, one per zero pattern of the orbits (the dead units): as many as the
    // families have patterns (each family lies in one part).
    const patterns = new Set(families(r).map((c) => Object.entries(c.exact.coordinates).filter(([, x]) => x === '0').map(([v]) => v).join(',')));
    expect(patterns.size).toBeGreaterThan(1);
    expect(messages.map((m) => / orbits: factoring their minimal polynomial in (\d+) parts$/.exec(m)?.[1]).filter(Boolean)).toEqual([String(patterns.size)]);
    // The invariant form's coefficients are 1, …, k in some order: distinct (a symmetry exchanging
    // two weights with equal coefficients would leave the orbits it exchanges unseparated) and small.
    for (const c of families(r)) {
      const coefficients = c.exact.coefficients.invariantForm.map((t) => Number(t.coefficient)).sort((a, b) => a - b);
      expect(coefficients).toEqual(coefficients.map((_, k) => k + 1));
    }
  });

  test('deep-linear:1,2,2,1: values, types and inertias equal the classic analysis', () => {
    const summary = (a: ReturnType<typeof criticalPoints>) =>
      a.components.map((c) => JSON.stringify([c.degree, c.criticalValue, c.type, (c.inertia ?? []).map((i) => `${i.positive},${i.negative},${i.zero}`).sort(), c.realPoints])).sort();
    const orbits = criticalPoints(net, { digits: 12 });
    const classic = criticalPoints(net, { digits: 12, orbits: false });
    expect(orbits.components.every((c) => c.signOrbits !== undefined)).toBe(true);
    expect(summary(orbits)).toEqual(summary(classic));
    expect(orbits.criticalValues).toEqual(classic.criticalValues);
    expect(orbits.globalMinimum?.value).toEqual(classic.globalMinimum?.value);
    // Plain data: a structured clone of the solve result is analysed the same.
    const copy = analyzeCriticalSet(net, structuredClone(solve(lossGradient(net))), { digits: 12 });
    expect(summary(copy)).toEqual(summary(orbits));
  });

  test('a time limit stops the orbit route', () => {
    const xor = networkLoss({ inputs: ['x', 'y'], layers: [{ width: 2 }, { width: 2 }, { width: 1 }], data: [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]], loss: 'half', regularization: { w0_0: '61/500', w0_1: '607/2000', w1_0: '279/1000', w1_1: '67/1000', w2_0: '379/2000', w2_1: '469/1000', w3_0: '619/2000', w3_1: '243/1000', w4_0: '641/2000', w4_1: '119/400' } });
    const start = performance.now();
    let result: SolveResult | undefined;
    try {
      result = solve(lossGradient(xor), { timeout: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(TimeoutError);
    }
    if (result) expect(result.complete).toBe(false);
    expect((performance.now() - start) / 1000).toBeLessThan(3);
  });
});

describe('the multiplication maps on the orbits', () => {
  test('onRecord hears 1, 2, … once per normal form recorded, and only then', () => {
    const input = lossGradient(networkLoss(preset('deep-linear:1,2,2,1'))).map(primitivePart);
    const group = signSymmetries(input);
    expect(group).toBeDefined();
    const S = new PolynomialRing(Zp(2097143), input[0].ring.vars, input[0].ring.order);
    const basis = f4(input.map((g) => changeRing(g, S))).basis;
    const shape = new MultiplicationShape(basis, group!);
    const heard: number[] = [];
    shape.onRecord = (n) => heard.push(n);
    for (let i = 0; i < input[0].ring.nvars; i++) for (let j = 0; j < shape.D; j++) shape.column(i, j, basis);
    // Asking again records nothing new.
    for (let j = 0; j < shape.D; j++) shape.column(0, j, basis);
    const recorded = shape.recordedColumns().filter((c) => 'trace' in c).length;
    expect(recorded).toBeGreaterThan(0);
    expect(heard).toEqual(Array.from({ length: recorded }, (_, k) => k + 1));
  });

  test('the matrix of a form on the invariant block is the form applied to each invariant basis vector', () => {
    // Forms of every level: invariant variables and squares, products of two variables of one
    // character (grouped by the variable applied first), and products of three (multiplied out).
    // x and y have one character, z and w two others (12 solutions, 3 orbits' worth of invariants).
    const text = 'x^2 + 2*y^2 + z^2 + w^2 - 5, x*y + 3*z^2 - 2, x + 2*y - z*w, z - x*w + 3*y*w';
    const input = parsePolynomials(text, { vars: ['x', 'y', 'z', 'w'] }).polynomials.map(primitivePart);
    const group = signSymmetries(input)!;
    const p = 2097143;
    const S = new PolynomialRing(Zp(p), input[0].ring.vars, input[0].ring.order);
    const basis = f4(input.map((g) => changeRing(g, S))).basis;
    const maps = new MultiplicationModP(new MultiplicationShape(basis, group), basis, p, basis);
    const { invariantBlock, D } = maps.shape;
    const n = input[0].ring.nvars;
    const chi = group.characters;
    const products: number[][] = [];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (chi[a] === chi[b]) products.push([a, b]);
    for (let a = 0; a < n; a++) if (chi[a] === 0) products.push([a]);
    for (let a = 0; a < n && products.length < 60; a++) for (let b = 0; b < n; b++) for (let c = 0; c < n; c++) if ((chi[a] ^ chi[b] ^ chi[c]) === 0 && new Set([a, b, c]).size === 3) products.push([a, b, c]);
    expect(products.some((x) => x.length === 2 && x[0] !== x[1])).toBe(true);
    expect(products.some((x) => x.length === 3)).toBe(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(products, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 12, maxLength: 12 }), (chosen, coefficients) => {
        const form = { terms: chosen.map((product, k) => ({ coefficient: coefficients[k], product })) };
        const T = maps.formMatrix(form);
        const D0 = invariantBlock.length;
        invariantBlock.forEach((j, col) => {
          const e = new Float64Array(D);
          e[j] = 1;
          const column = new Float64Array(D);
          for (const { coefficient, product } of form.terms) {
            const v = maps.multiplyProduct(product, e);
            for (let r = 0; r < D; r++) column[r] = (column[r] + coefficient * v[r]) % p;
          }
          invariantBlock.forEach((r, row) => expect(T[row * D0 + col]).toBe(column[r]));
          // Nothing leaves the invariant block.
          expect(column.filter((x, r) => x !== 0 && !invariantBlock.includes(r))).toEqual(new Float64Array(0));
        });
      }),
      { numRuns: 25 },
    );
  });

  test('released columns are computed again, the same', () => {
    const input = lossGradient(networkLoss(preset('deep-linear:1,2,2,1'))).map(primitivePart);
    const S = new PolynomialRing(Zp(2097143), input[0].ring.vars, input[0].ring.order);
    const basis = f4(input.map((g) => changeRing(g, S))).basis;
    const maps = new MultiplicationModP(new MultiplicationShape(basis, signSymmetries(input)!), basis, 2097143, basis);
    const v = Float64Array.from({ length: maps.shape.D }, (_, k) => (k * 7919) % 2097143);
    const products = () => Array.from({ length: input[0].ring.nvars }, (_, i) => Array.from(maps.multiply(i, v)));
    const before = products();
    maps.releaseColumns();
    expect(products()).toEqual(before);
  });
});
