// Polynomial networks: the symbolic loss and gradient against independent oracles (nerdamer's
// differentiation; a numeric forward pass differentiated by the autodiff module), and the
// critical-point analysis against the solver's own invariants: sample points make the gradient
// vanish, the answer is unchanged by --shuffle-vars, and for a regularized deep linear network
// the critical set is finite with as many points as the degree of the critical ideal.
import fc from 'fast-check';
import nerdamer from 'nerdamer';
import 'nerdamer/Calculus';
import { QQ } from '../../src/arithmetic/field';
import { Rational, parseRational, rational, rationalToNumber } from '../../src/arithmetic/rational';
import { Tensor, ops, symmetricEigenvalues, valueAndGrad, Var } from '../../src/autodiff';
import { groebner } from '../../src/groebner/groebner';
import { normalForm } from '../../src/groebner/normal-form';
import { fromNerdamer } from '../../src/io/nerdamer';
import { CriticalAnalysis, analyzeCriticalSet, criticalPoints } from '../../src/networks/critical';
import { CountingDeadline } from './counting-deadline';
import { stopAfterFirstPartial } from '../countdown-deadline';
import { lossGradient, networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { NetworkSpec } from '../../src/networks/spec';
import { changeRing } from '../../src/poly/change';
import { hessian, partialDerivative } from '../../src/poly/derivative';
import { evaluate } from '../../src/poly/evaluate';
import { solutionCount } from '../../src/groebner/ideal';
import { vanishesOnComponent } from '../../src/solve/component-values';
import { AlgebraicDescription, parametrizationOf } from '../../src/solve/zero-dimensional';
import { SolveResult, solve } from '../../src/solve/solve';
import { polynomialToData } from '../../src/poly/data';
import { formatCritical } from '../../src/cli/text/critical';


describe('the symbolic loss', () => {
  test('xor-blog: the loss is (A−1)² + (B−1)² + (A+B)² in the blog’s weights', () => {
    const net = networkLoss(preset('xor-blog'));
    expect(net.ring.vars).toEqual(['w0_0', 'w0_1', 'w1_0', 'w1_1', 'w2_0', 'w2_1', 'w3_0', 'w3_1', 'w4_0', 'w4_1']);
    // out(x, y) = A·x + B·y; check at random rational weights against a direct evaluation.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 10, maxLength: 10 }), (ws) => {
        const [a0, a1, b0, b1, c0, c1, d0, d1, e0, e1] = ws;
        const o21 = (x: number, y: number) => c0 * (a0 * x + a1 * y) + c1 * (b0 * x + b1 * y);
        const o22 = (x: number, y: number) => d0 * (a0 * x + a1 * y) + d1 * (b0 * x + b1 * y);
        const out = (x: number, y: number) => e0 * o21(x, y) + e1 * o22(x, y);
        const expected = out(0, 1) ** 2 - 2 * out(0, 1) + 1 + (out(1, 0) - 1) ** 2 + out(1, 1) ** 2 + out(0, 0) ** 2;
        const value = evaluate(net.loss, ws.map((w) => rational(BigInt(w))));
        expect(rationalToNumber(value)).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });

  test('the gradient agrees with nerdamer’s differentiation (xor-blog, xor-square)', () => {
    for (const name of ['xor-blog', 'xor-square']) {
      const net = networkLoss(preset(name));
      const text = net.loss.toString();
      for (const w of net.ring.vars.slice(0, 4)) {
        const d = nerdamer(`diff(${text}, ${w})`).expand();
        const theirs = fromNerdamer(d, { ring: net.ring });
        expect(theirs.equals(partialDerivative(net.loss, w))).toBe(true);
      }
    }
  });

  test('the gradient agrees with the autodiff module on a numeric forward pass at random points', () => {
    const rows = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
    const net = networkLoss(preset('xor-square'));
    const grad = lossGradient(net);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 6, maxLength: 6 }), (ints) => {
        const ws = ints.map((k) => k / 4);
        // Independent numeric model: hidden h_j = (w_j0·x + w_j1·y)², out = w2_0·h_0 + w2_1·h_1.
        const f = (W: Var): Var => {
          let total: Var | undefined;
          for (const [x, y, t] of rows) {
            const h0 = ops.square(ops.add(ops.mul(ops.index(W, 0), x), ops.mul(ops.index(W, 1), y)));
            const h1 = ops.square(ops.add(ops.mul(ops.index(W, 2), x), ops.mul(ops.index(W, 3), y)));
            const out = ops.add(ops.mul(ops.index(W, 4), h0), ops.mul(ops.index(W, 5), h1));
            const e = ops.square(ops.sub(out, t));
            total = total ? ops.add(total, e) : e;
          }
          return total as Var;
        };
        const { grads } = valueAndGrad(f, [new Tensor(Float64Array.from(ws), [6])]);
        const point = ws.map((w) => parseRational(String(w)));
        grad.forEach((g, i) => expect(grads[0].data[i]).toBeCloseTo(rationalToNumber(evaluate(g, point)), 9));
      }),
      { numRuns: 25 },
    );
  });

  test('bad specs are refused with a clear message', () => {
    const bad = (spec: unknown) => () => networkLoss(spec as NetworkSpec);
    expect(bad({ inputs: 2, layers: [], data: [] })).toThrow(/^network spec: layers must hold at least one layer/);
    expect(bad({ inputs: 2, layers: [{ width: 1 }], data: [[1, 2]] })).toThrow(/^network spec: data\[0\] has 2 values; expected 2 inputs \+ 1 targets/);
    expect(bad({ inputs: 1, layers: [{ width: 1, activation: 'sin(z)' }], data: [[1, 2]] })).toThrow(/activation/);
    expect(bad({ inputs: 1, layers: [{ width: 1 }], data: [[1, 2]], fixed: { w9_9: 1 } })).toThrow(/^network spec: fixed\.w9_9 is not a weight of the network/);
    expect(() => preset('no-such-net')).toThrow(/unknown preset/);
  });
});

describe('critical points', () => {
  test('xor-blog: minimum 4/3 on an 8-dimensional component, saddles at 2; identical under --shuffle-vars', () => {
    const net = networkLoss(preset('xor-blog'));
    const a = criticalPoints(net, { digits: 10 });
    expect(a.criticalValues).toEqual(['4/3', '2']);
    expect(a.globalMinimum?.value).toBe('4/3');
    expect(a.components[0]).toMatchObject({ dimension: 8, criticalValue: '4/3', type: 'minimum' });
    expect(a.components.slice(1).every((c) => c.criticalValue === '2' && c.type === 'saddle')).toBe(true);
    // Every rational sample point makes the gradient vanish exactly; every component's prime contains the gradient.
    const grad = lossGradient(net);
    for (const c of a.components) {
      for (const p of (c.samplePoints ?? []) as { rational?: Record<string, string> }[]) {
        if (!p.rational) continue;
        const point = Object.fromEntries(Object.entries(p.rational).map(([v, q]) => [v, parseRational(q)]));
        for (const g of grad) expect(QQ.isZero(evaluate(g, point))).toBe(true);
      }
    }
    const { stats: _a, ...first } = a;
    const { stats: _b, ...shuffled } = criticalPoints(net, { digits: 10, shuffleSeed: 7 });
    expect(shuffled).toEqual(first);
  });

  test('the inertia of a component is the signs of the Hessian\'s eigenvalues at its rational sample points (numeric oracle)', () => {
    for (const name of ['xor-blog', 'xor-bias']) {
      const net = networkLoss(preset(name));
      const H = hessian(net.loss);
      const a = criticalPoints(net, { digits: 10, symmetries: false });
      let checked = 0;
      for (const c of a.components) {
        if (c.dimension === 0 || !c.inertia) continue;
        const numeric = ((c.samplePoints ?? []) as { rational?: Record<string, string> }[])
          .filter((p) => p.rational)
          .map((p) => {
            const point = net.ring.vars.map((v) => parseRational((p.rational as Record<string, string>)[v]));
            const entries = H.flatMap((row) => row.map((h) => rationalToNumber(evaluate(h, point))));
            const values = symmetricEigenvalues(new Tensor(Float64Array.from(entries), [H.length, H.length]));
            const scale = Math.max(1, ...values.map(Math.abs));
            const zero = values.filter((x) => Math.abs(x) <= 1e-9 * scale).length;
            return { positive: values.filter((x) => x > 1e-9 * scale).length, negative: values.filter((x) => x < -1e-9 * scale).length, zero };
          })
          .sort((x, y) => x.zero - y.zero);
        expect(numeric.length).toBeGreaterThan(0);
        expect(c.inertia[0]).toEqual(numeric[0]);
        checked++;
      }
      expect(checked).toBeGreaterThan(1);
    }
  });

  test('regularized deep linear networks: a finite critical set whose count is the degree of the critical ideal', () => {
    for (const sizes of ['1,1,1', '1,2,1']) {
      const net = networkLoss(preset(`deep-linear:${sizes}`));
      const a = criticalPoints(net, { digits: 10 });
      expect(a.dimension).toBe(0);
      const G = groebner(lossGradient(net));
      const count = a.components.reduce((s, c) => s + c.degree * ((c.points as { multiplicity: number }[])[0]?.multiplicity ?? 1), 0);
      expect(count).toBe(solutionCount(G));
      for (const c of a.components) {
        if (c.exact && !c.basis) {
          // A finite component given by its parametrization: every gradient vanishes on it, exactly.
          const data = parametrizationOf({ exact: JSON.parse(JSON.stringify(c.exact)) as AlgebraicDescription });
          for (const g of lossGradient(net)) expect(vanishesOnComponent(g, data)).toBe(true);
          continue;
        }
        const B = groebner((c.basis ?? []).map((t) => fromNerdamerSafe(t, net.ring.vars)));
        for (const g of lossGradient(net)) expect(normalForm(changeRing(g, B[0].ring), B).isZero()).toBe(true);
      }
      const { stats: _x, ...one } = a;
      const { stats: _y, ...two } = criticalPoints(net, { digits: 10, shuffleSeed: 3 });
      expect(two).toEqual(one);
    }
  });

  test('deep-linear:1,2,1: the global minimum is the value at real points that gradient descent reaches, at a minimum', () => {
    // A real root of a critical value's minimal polynomial can be the value at complex conjugate
    // points only; the global minimum must be taken over the values at real points.
    const net = networkLoss(preset('deep-linear:1,2,1'));
    const a = criticalPoints(net, { digits: 12 });
    const L = net.loss;
    const grad = lossGradient(net);
    const at = (p: typeof L, x: number[]) => {
      let s = 0;
      for (let t = 0; t < p.length; t++) {
        let v = rationalToNumber(p.coefficients[t]);
        for (let i = 0; i < x.length; i++) v *= x[i] ** p.monomials[t][i + 1];
        s += v;
      }
      return s;
    };
    // Every real point's loss is one of its component's values at real points.
    for (const c of a.components) {
      for (const p of (c.points ?? []) as { real: boolean; approx: Record<string, string> }[]) {
        if (!p.real) continue;
        const value = at(L, L.ring.vars.map((v) => Number(p.approx[v])));
        const listed = typeof c.criticalValue === 'string' ? [Number(parseRational(c.criticalValue).num) / Number(parseRational(c.criticalValue).den)] : (c.criticalValue.atRealPoints ?? []).map(Number);
        expect(listed.some((x) => Math.abs(x - value) < 1e-9)).toBe(true);
      }
    }
    // Plain gradient descent from seeded random starts never goes below the stated minimum.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 4 - 2;
    let best = Infinity;
    for (let run = 0; run < 20; run++) {
      let x = L.ring.vars.map(rnd);
      for (let it = 0; it < 5000; it++) {
        const g = grad.map((gi) => at(gi, x));
        x = x.map((xi, i) => xi - 0.002 * g[i]);
      }
      best = Math.min(best, at(L, x));
    }
    const stated = Number(a.globalMinimum?.approx);
    expect(best).toBeGreaterThan(stated - 1e-9);
    expect(best).toBeLessThan(stated + 1e-3); // descent is slow along the weakly regularized directions
    for (const k of a.globalMinimum?.components ?? []) expect(a.components[k - 1].type).toBe('minimum');
  });
});

import { parsePolynomial } from '../../src/io/parse';
import { canonicalRing } from '../../src/solve/canonical';
function fromNerdamerSafe(text: string, vars: readonly string[]) {
  return parsePolynomial(text, { ring: canonicalRing(QQ, vars) }) as ReturnType<typeof parsePolynomial<Rational>>;
}

describe('an analysis cut short by a time limit', () => {
  test('says so: complete false, a message with the phase, no global minimum claimed; a full run is complete', () => {
    const net = networkLoss(preset('deep-linear:1,2,1'));
    const full = criticalPoints(net, { digits: 10 });
    expect(full.complete).toBe(true);
    expect(full.globalMinimum).toBeDefined();
    // The last check of the component phase (the symmetry phase after it has its own test, in symmetry.test.ts).
    const counter = new CountingDeadline(Infinity);
    criticalPoints(net, { digits: 10, deadline: counter, symmetries: false });
    const partials: CriticalAnalysis[] = [];
    const cut = criticalPoints(net, { digits: 10, deadline: new CountingDeadline(counter.calls - 1), onPartial: (a) => partials.push(a), symmetries: false });
    expect(cut.complete).toBe(false);
    expect(cut.message).toMatch(/phase: /);
    expect(cut.globalMinimum).toBeUndefined();
    expect(cut.components.length).toBeLessThan(full.components.length);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((a) => !a.complete)).toBe(true);
    // The components the solver found and the analysis did not reach are kept, as the solver gave them.
    const described = (c: { dimension: number; degree: number; basis?: string[] }) => ({ dimension: c.dimension, degree: c.degree, ...(c.basis ? { basis: c.basis } : {}) });
    expect(cut.unanalysed?.map(described)).toEqual(full.components.slice(cut.components.length).map(described));
    expect(full.unanalysed).toBeUndefined();
  });

  test('a time limit reached before any analysis still lists every component the solver found', () => {
    const net = networkLoss(preset('xor-bias'));
    const result = solve(lossGradient(net), { digits: 10 });
    const full = analyzeCriticalSet(net, result, { digits: 10, symmetries: false });
    const cut = analyzeCriticalSet(net, result, { digits: 10, symmetries: false, deadline: new CountingDeadline(1) });
    expect(cut.complete).toBe(false);
    expect(cut.components).toEqual([]);
    expect(cut.unanalysed).toEqual(full.components.map((c) => ({ dimension: c.dimension, degree: c.degree, ...(c.basis ? { basis: c.basis } : {}) })));
    // The command's text says how many were found and lists them.
    const text = formatCritical('xor-bias', cut);
    expect(text).toContain(`critical set: 0 analysed and ${full.components.length} not (so far)`);
    expect(text.split('\n').filter((l) => /^ {2}\d+\. dimension \d+, degree \d+: /.test(l))).toHaveLength(full.components.length);
  });
});

describe('a finite critical set cut short before it is solved', () => {
  test('the count modulo the first prime: in the analysis, marked (dimensionModulo), and in the text', () => {
    const net = networkLoss(preset('deep-linear:1,2,1'));
    const full = criticalPoints(net, { digits: 10, symmetries: false });
    expect(full).toMatchObject({ complete: true, dimension: 0 });
    expect(full.solutions).toBeGreaterThan(0);
    expect(full.dimensionModulo).toBeUndefined();
    // Stopped at the first check after the solver's first report: the staircase at one prime.
    const { partials, ...stop } = stopAfterFirstPartial<CriticalAnalysis>();
    const cut = criticalPoints(net, { digits: 10, symmetries: false, ...stop });
    expect(cut).toMatchObject({ complete: false, dimension: 0, solutions: full.solutions, components: [] });
    expect(cut.dimensionModulo).toBeGreaterThan(2 ** 20);
    expect(partials[0]).toMatchObject({ dimension: 0, solutions: full.solutions, dimensionModulo: cut.dimensionModulo });
    expect(formatCritical('deep-linear:1,2,1', cut)).toContain(`; ${full.solutions} critical point(s) counted with multiplicity (modulo the prime ${cut.dimensionModulo}: probably right, not certain)`);
  });
});

describe('a decomposition stopped before the end', () => {
  test.each(['xor-blog', 'xor-bias'])('%s: leaves parts of the critical set that hold every component not found, each with its loss value when constant (the full run as oracle)', (name) => {
    // Stopped as the k-th component is found (the signal), the analysis lists the parts the
    // decomposition had not finished. Each lies in the critical set; each component of the full
    // analysis that the stopped one neither analysed nor listed lies in a part (the part's
    // equations vanish on it); and a part that gives a loss value gives that of every component
    // inside it. xor-bias takes the route without its output bias (its parts get the equation
    // of that bias back).
    const net = networkLoss(preset(name));
    const full = criticalPoints(net, { digits: 10, symmetries: false });
    expect(full.complete).toBe(true);
    const ring = canonicalRing(QQ, full.weights);
    const gradient = lossGradient(net).map((g) => changeRing(g, ring));
    let held = 0;
    let valued = 0;
    for (const k of [1, 2, 3]) {
      const stop = new AbortController();
      const cut = criticalPoints(net, { digits: 10, symmetries: false, signal: stop.signal, onProgress: (e) => e.message.includes(`component ${k} found`) && stop.abort() });
      if (cut.complete) continue; // fewer than k components
      const parts = cut.unfinished ?? [];
      expect(parts.length).toBeGreaterThan(0);
      for (const q of parts) {
        const G = groebner(q.equations.map((e) => parsePolynomial(e, { ring })));
        expect(gradient.every((g) => normalForm(g, G).isZero())).toBe(true);
        // An irreducible part is a component of the full analysis or lies inside one.
        if (q.irreducible) expect(full.components.some((c) => c.dimension >= q.dimensionBound && (c.basis ?? []).every((g) => normalForm(parsePolynomial(g, { ring }), G).isZero()))).toBe(true);
      }
      const found = new Set([...cut.components, ...(cut.unanalysed ?? [])].map((c) => (c.basis ?? []).join(';')));
      for (const c of full.components) {
        if (found.has((c.basis ?? []).join(';'))) continue;
        const P = groebner((c.basis ?? []).map((g) => parsePolynomial(g, { ring })));
        const holders = parts.filter((q) => q.equations.every((e) => normalForm(parsePolynomial(e, { ring }), P).isZero()));
        expect(holders.some((q) => q.dimensionBound >= c.dimension)).toBe(true);
        held++;
        for (const q of holders) {
          if (q.criticalValue === undefined) continue;
          valued++;
          expect(q.criticalValue).toBe(c.criticalValue);
          if (q.type === 'minimum') expect(c.criticalValue).toBe('0');
        }
      }
      // The command's text lists the parts.
      expect(formatCritical(name, cut)).toContain(`not decomposed before the time limit: ${parts.length} part(s)`);
    }
    expect(held).toBeGreaterThan(0);
    if (name === 'xor-blog') expect(valued).toBeGreaterThan(0);
  });
});

describe('the type of an unfinished part', () => {
  test('a part at loss 0 has global minima among its real points when the loss is non-negative, and no type otherwise', () => {
    // A solver result cut short inside its decomposition, as data: one part at value 0 and one at
    // 1/2. The analysis types the first only when every λ is ≥ 0 (the loss then takes no value
    // below 0); a negative λ leaves it untyped.
    const XOR: NetworkSpec['data'] = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
    const spec = (lambda: string): NetworkSpec => ({ inputs: ['x', 'y'], layers: [{ width: 1 }, { width: 1 }], data: XOR, regularization: { w0_0: lambda } });
    for (const [lambda, typed] of [['0', true], ['1/10', true], ['-1/10', false]] as const) {
      const net = networkLoss(spec(lambda));
      const ring = canonicalRing(QQ, net.ring.vars);
      const equations = [polynomialToData(parsePolynomial('w0_0', { ring })), polynomialToData(parsePolynomial('w1_0', { ring }))];
      const result: SolveResult = {
        vars: [...net.ring.vars],
        dimension: 1,
        independentSets: [],
        components: [],
        complete: false,
        message: 'stopped before the end (phase: decomposition)',
        unfinished: [
          { dimensionBound: 1, equations, constantValues: ['0'] },
          { dimensionBound: 1, equations, constantValues: ['1/2'], irreducible: true },
        ],
      };
      const a = analyzeCriticalSet(net, result, { symmetries: false });
      expect(a.complete).toBe(false);
      expect(a.unfinished?.map((p) => [p.criticalValue, p.type, p.irreducible])).toEqual([
        ['0', typed ? 'minimum' : undefined, undefined],
        ['1/2', undefined, true],
      ]);
    }
  });
});
