// Results carry their exact data (issue 17, item 2): a copy of a solve result — a spread, a
// structured clone, JSON — classifies exactly as the original (the exact real points are plain
// data in the points, not a side table keyed by object identity), and critical values are
// compared exactly, so two values that agree to 17 digits and more are still ordered right.
import { QQ } from '../../src/arithmetic/field';
import { rational } from '../../src/arithmetic/rational';
import { CriticalAnalysis, analyzeCriticalSet, criticalPoints } from '../../src/networks/critical';
import { NetworkLoss, lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { NetworkSpec } from '../../src/networks/spec';
import { gradient } from '../../src/poly/derivative';
import { Polynomial, PolynomialRing } from '../../src/poly/polynomial';
import { parsePolynomial } from '../../src/io/parse';
import { SolveResult, solve } from '../../src/solve/solve';
import { compareRealAlgebraic } from '../../src/solve/roots/compare';
import { isolateRealRoots } from '../../src/solve/roots/real';
import type { Rational } from '../../src/arithmetic/rational';

/** A "network" given by its loss alone (no symmetries asked, so the spec is not read beyond regularization). */
function lossOnly(text: string, vars: string[], spec: Partial<NetworkSpec> = {}): NetworkLoss {
  const ring = new PolynomialRing(QQ, vars);
  const loss = parsePolynomial(text, { ring }) as Polynomial<Rational>;
  return { spec: { name: 'test', ...spec } as unknown as NetworkSpec, ring, allWeights: vars, loss, outputs: [] };
}

/** The analysis without its timings. */
function data(a: CriticalAnalysis): Omit<CriticalAnalysis, 'stats'> {
  const { stats: _s, ...rest } = a;
  return rest;
}

describe('a copy of a solve result classifies as the original', () => {
  test('deep-linear:1,2,1 (finite, algebraic real points): structuredClone, JSON and a spread', () => {
    const net = networkLoss(preset('deep-linear:1,2,1'));
    const result = solve(lossGradient(net));
    const original = analyzeCriticalSet(net, result, { symmetries: false });
    expect(original.components.map((c) => c.type)).toEqual(['saddle', 'minimum', 'saddle']);
    expect(original.components.some((c) => c.degree > 1 && c.type === 'minimum')).toBe(true);
    const copies: SolveResult[] = [
      structuredClone(result),
      JSON.parse(JSON.stringify(result)) as SolveResult,
      { ...result, components: result.components.map((c) => (c.kind === 'points' ? { ...c, points: c.points.map((p) => ({ ...p })) } : c)) },
    ];
    for (const copy of copies) expect(data(analyzeCriticalSet(net, copy, { symmetries: false }))).toEqual(data(original));
    // And the whole analysis agrees with criticalPoints; the timings are in stats only.
    const full = criticalPoints(net, { symmetries: false });
    expect(data(full)).toEqual(data(original));
    expect(Object.keys(full.stats)).toEqual(['seconds']);
    expect(JSON.stringify(data(full))).not.toMatch(/seconds/);
  });

  test('a curve of minima with irrational real sample points: a spread copy of the samples keeps them real', () => {
    // L = (y² − x − 1)² + 1: the critical set is the curve y² = x + 1, where L = 1 (minima); the
    // sample points at x = 1 and x = 2 are (1, ±√2) and (2, ±√3).
    const net = lossOnly('(y^2 - x - 1)^2 + 1', ['x', 'y']);
    const result = solve(gradient(net.loss));
    const [curve] = result.components;
    expect(curve.kind === 'variety' && curve.samplePoints.map((p) => p.real && !('rational' in p))).toEqual([true, true]);
    const original = analyzeCriticalSet(net, result, { symmetries: false });
    expect(original.components.map((c) => c.type)).toEqual(['minimum']);
    const copy: SolveResult = { ...result, components: result.components.map((c) => (c.kind === 'variety' ? { ...c, samplePoints: c.samplePoints.map((p) => JSON.parse(JSON.stringify(p))) } : c)) };
    expect(data(analyzeCriticalSet(net, copy, { symmetries: false }))).toEqual(data(original));
  });
});

describe('critical values are compared exactly', () => {
  test('two minima whose values agree to 18 digits: one global minimum, values in order', () => {
    // L′ = x(x − 1)(x − a) with a = 2 + 10⁻¹⁹: minima at 0 and a, a maximum at 1;
    // L(0) = 1 and L(a) = 1 − a³·10⁻¹⁹/12 ≈ 1 − 6.7·10⁻¹⁹, equal as doubles and to 17 digits.
    const a = '(2 + 1/10000000000000000000)';
    const net = lossOnly(`x^4/4 - (1 + ${a})*x^3/3 + ${a}*x^2/2 + 1`, ['x']);
    const analysis = criticalPoints(net, { symmetries: false });
    expect(analysis.components.map((c) => c.type).sort()).toEqual(['maximum', 'minimum', 'minimum']);
    const atA = analysis.components.findIndex((c) => c.criticalValue !== '1' && c.type === 'minimum');
    expect(atA).toBeGreaterThanOrEqual(0);
    const value = analysis.components[atA].criticalValue as string;
    expect(Number(value.split('/')[0]) / Number(value.split('/')[1])).toBe(1); // the doubles cannot tell
    expect(analysis.globalMinimum?.components).toEqual([atA + 1]);
    expect(analysis.globalMinimum?.value).toBe(value);
    expect(analysis.criticalValues.slice(0, 2)).toEqual([value, '1']);
  });

  test('a regularization weight λ = 10⁻⁴⁰⁰ is positive: the loss is coercive (no double reads it as 0)', () => {
    const net = lossOnly(`(x - 1)^2 + x^2/1${'0'.repeat(400)}`, ['x'], { regularization: '1e-400' });
    const analysis = criticalPoints(net, { symmetries: false });
    expect(analysis.globalMinimum?.note).toMatch(/coercive/);
  });

  test('compareRealAlgebraic: roots of different polynomials equal to 30 digits, the same root from two intervals, a rational against a root', () => {
    const sqrt2 = { kind: 'algebraic' as const, polynomial: [-2n, 0n, 1n], interval: isolateRealRoots([-2n, 0n, 1n])[1] };
    const near = 10n ** 30n;
    const other = { kind: 'algebraic' as const, polynomial: [-(2n * near + 1n), 0n, near], interval: { lo: rational(1n), hi: rational(2n) } };
    expect(compareRealAlgebraic(sqrt2, other)).toBe(-1);
    expect(compareRealAlgebraic(other, sqrt2)).toBe(1);
    // √2 from x⁴ − 4 (not irreducible) on another interval is √2.
    const again = { kind: 'algebraic' as const, polynomial: [-4n, 0n, 0n, 0n, 1n], interval: { lo: rational(5n, 4n), hi: rational(3n, 2n) } };
    expect(compareRealAlgebraic(sqrt2, again)).toBe(0);
    expect(compareRealAlgebraic({ kind: 'rational', value: rational(141421356237309504880n, 10n ** 20n) }, sqrt2)).toBe(-1);
    expect(compareRealAlgebraic({ kind: 'rational', value: rational(2n) }, { kind: 'algebraic', polynomial: [-2n, 1n], interval: { lo: rational(1n), hi: rational(3n) } })).toBe(0);
    // −√2 < √2 from the same polynomial.
    expect(compareRealAlgebraic({ ...sqrt2, interval: isolateRealRoots([-2n, 0n, 1n])[0] }, sqrt2)).toBe(-1);
    // The same polynomial: the same root from two overlapping intervals, and different roots from
    // overlapping intervals ([−2, 0] holds −√2, [−1/2, 2] holds √2; they meet on [−1/2, 0]).
    expect(compareRealAlgebraic({ ...sqrt2, interval: { lo: rational(1n), hi: rational(3n, 2n) } }, { ...sqrt2, interval: { lo: rational(5n, 4n), hi: rational(2n) } })).toBe(0);
    expect(compareRealAlgebraic({ ...sqrt2, interval: { lo: rational(-2n), hi: rational(0n) } }, { ...sqrt2, interval: { lo: rational(-1n, 2n), hi: rational(2n) } })).toBe(-1);
  });
});
