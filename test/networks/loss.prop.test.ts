// The symbolic loss against an independent oracle: for random small specs with random polynomial
// activations (constants among them: "1", "0", "0*z + 1", …), the loss polynomial evaluated at
// random rational weights equals the squared error of a forward pass computed directly with exact
// rationals, the activation applied by Horner's rule from its coefficients (never parsed); and the
// size estimate (loss-size.ts) is at least the loss's number of terms.
import fc from 'fast-check';
import { RONE, RZERO, Rational, radd, req, rational, rationalToString, rmul, rsub } from '../../src/arithmetic/rational';
import { networkLoss } from '../../src/networks/loss';
import { estimateLossTerms } from '../../src/networks/loss-size';
import { NetworkSpec } from '../../src/networks/spec';
import { evaluate } from '../../src/poly/evaluate';

/** Coefficients c0, c1, c2 of a(z) = c0 + c1·z + c2·z², with the text a user would write. */
const activation = fc.oneof(
  fc.constantFrom<[number[], string]>([[1, 0, 0], '1'], [[0, 0, 0], '0'], [[1, 0, 0], '0*z + 1'], [[2, 0, 0], '2'], [[0, 1, 0], 'z'], [[0, 0, 1], 'z^2'], [[-3, 0, 0], '-3']),
  fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }).map((c): [number[], string] => [c, `${c[0]} + ${c[1]}*z + ${c[2]}*z^2`]),
);

const layer = fc.record({ width: fc.integer({ min: 1, max: 2 }), bias: fc.boolean(), act: fc.option(activation, { nil: undefined }) });

const network = fc
  .record({ inputs: fc.integer({ min: 1, max: 2 }), layers: fc.array(layer, { minLength: 1, maxLength: 2 }) })
  .chain(({ inputs, layers }) => {
    const outputs = layers[layers.length - 1].width;
    const row = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: inputs + outputs, maxLength: inputs + outputs });
    return fc.record({ inputs: fc.constant(inputs), layers: fc.constant(layers), data: fc.array(row, { minLength: 1, maxLength: 3 }), seed: fc.integer({ min: 1, max: 1e6 }) });
  });

function horner(c: number[], z: Rational): Rational {
  return c.reduceRight((acc, k) => radd(rmul(acc, z), rational(BigInt(k))), RZERO);
}

describe('the loss against a direct forward pass', () => {
  test('random specs with polynomial activations, constants included', () => {
    fc.assert(
      fc.property(network, ({ inputs, layers, data, seed }) => {
        const spec: NetworkSpec = {
          inputs,
          layers: layers.map((l) => ({ width: l.width, bias: l.bias, ...(l.act ? { activation: l.act[1] } : {}) })),
          data,
        };
        const L = networkLoss(spec);
        // Random rational weights by name.
        let s = seed;
        const next = (): Rational => rational(BigInt(((s = (s * 48271) % 2147483647) % 9) - 4), BigInt((s % 3) + 1));
        const weight = new Map<string, Rational>(L.ring.vars.map((w) => [w, next()]));
        let expected = RZERO;
        for (const row of data) {
          let current = row.slice(0, inputs).map((x) => rational(BigInt(x)));
          let node = 0;
          for (const l of layers) {
            const out: Rational[] = [];
            for (let j = 0; j < l.width; j++, node++) {
              let pre = current.reduce((acc, x, i) => radd(acc, rmul(weight.get(`w${node}_${i}`) as Rational, x)), RZERO);
              if (l.bias) pre = radd(pre, weight.get(`b${node}`) as Rational);
              out.push(l.act ? horner(l.act[0], pre) : pre);
            }
            current = out;
          }
          current.forEach((y, o) => {
            const e = rsub(y, rational(BigInt(row[inputs + o])));
            expected = radd(expected, rmul(e, e));
          });
        }
        // The size estimate that guards networkLoss is an upper bound.
        expect(estimateLossTerms(spec)).toBeGreaterThanOrEqual(L.loss.length);
        const got = evaluate(L.loss, L.ring.vars.map((w) => weight.get(w) as Rational));
        if (!req(got, expected)) throw new Error(`loss ${rationalToString(got)} ≠ ${rationalToString(expected)} for ${JSON.stringify(spec)}`);
      }),
      { numRuns: 100 },
    );
  });

  test('issue 19: a constant activation "1" makes the hidden unit output 1', () => {
    for (const activation of ['1', '0*z + 1']) {
      const L = networkLoss({ inputs: ['x'], layers: [{ width: 1, activation }, { width: 1 }], data: [[1, 1], [2, 3]] });
      // (w1_0·1 − 1)² + (w1_0·1 − 3)² = 2·w1_0² − 8·w1_0 + 10, and w0_0 does not appear.
      expect(L.loss.toString()).toBe('2*w1_0^2 - 8*w1_0 + 10');
      expect(evaluate(L.loss, [RONE, RONE])).toEqual(rational(4n));
    }
  });
});
