/**
 * Named networks: the seed blog's XOR network and its variants, and deep linear networks.
 *
 * - `xor-blog`: two inputs, layers 2-2-1, no biases, no activation, the four XOR rows, sum of
 *   squared errors — exactly the blog's `addNode` construction (weights w0_0 … w4_1).
 * - `xor-bias`: the same with biases on every node.
 * - `xor-square`: 2-2-1 with the activation z² on the hidden layers.
 * - `deep-linear[:a,b,c,…]`: a linear network with layer widths a → b → … (default 1,1,1),
 *   data rows from a fixed small table, L2 regularization with a distinct λ per weight
 *   (λ = 1/(10 + k) for the k-th weight). One common λ would keep the rotational symmetry of
 *   the hidden layers (w ↦ Q·w, v ↦ v·Qᵀ) and a positive-dimensional critical set; distinct λ are
 *   generic and make it finite.
 */
import { InputError } from '../errors';
import { NetworkSpec, presetSpec } from './spec';

const XOR_ROWS = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
];

export const PRESET_NAMES = ['xor-blog', 'xor-bias', 'xor-square', 'deep-linear'] as const;

/** The spec of a preset by name (`deep-linear:2,2,1` takes sizes). */
export function preset(name: string): NetworkSpec {
  return presetSpec(presetOf(name));
}

function presetOf(name: string): NetworkSpec {
  if (typeof name !== 'string') throw new InputError(`preset takes a name (${PRESET_NAMES.join(', ')}; deep-linear:a,b,c), got ${name === null ? 'null' : typeof name}`);
  const [base, arg, ...rest] = name.split(':');
  if ((arg !== undefined && base !== 'deep-linear') || rest.length > 0) {
    throw new InputError(`preset '${name}': only deep-linear takes sizes after ':' (presets: ${PRESET_NAMES.join(', ')}; deep-linear:a,b,c)`);
  }
  switch (base) {
    case 'xor-blog':
      return { name: 'xor-blog', inputs: ['x', 'y'], layers: [{ width: 2 }, { width: 2 }, { width: 1 }], data: XOR_ROWS, loss: 'sum' };
    case 'xor-bias':
      return { name: 'xor-bias', inputs: ['x', 'y'], layers: [{ width: 2, bias: true }, { width: 1, bias: true }], data: XOR_ROWS, loss: 'sum' };
    case 'xor-square':
      return { name: 'xor-square', inputs: ['x', 'y'], layers: [{ width: 2, activation: 'z^2' }, { width: 1 }], data: XOR_ROWS, loss: 'sum' };
    case 'deep-linear': {
      const sizes = arg ? arg.split(',').map((s) => Number(s.trim())) : [1, 1, 1];
      if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1 || s > 4)) {
        throw new InputError(`deep-linear takes sizes like deep-linear:1,2,1 (at least two, each 1..4), got '${arg}'`);
      }
      const [inputs, ...layers] = sizes;
      const outputs = layers[layers.length - 1];
      // A fixed small data table: inputs 1..3 cycling, targets a simple linear map plus offsets.
      const rows = Array.from({ length: 3 }, (_, r) => [
        ...Array.from({ length: inputs }, (_, i) => ((r + i) % 3) + 1),
        ...Array.from({ length: outputs }, (_, o) => (2 * r + o + 1) % 4),
      ]);
      const regularization: Record<string, string> = {};
      let node = 0;
      let fanIn = inputs;
      let k = 0;
      for (const width of layers) {
        for (let j = 0; j < width; j++, node++) for (let i = 0; i < fanIn; i++) regularization[`w${node}_${i}`] = `1/${10 + k++}`;
        fanIn = width;
      }
      return { name: `deep-linear:${sizes.join(',')}`, inputs, layers: layers.map((width) => ({ width })), data: rows, loss: 'half', regularization };
    }
    default:
      throw new InputError(`unknown preset '${name}' (presets: ${PRESET_NAMES.join(', ')}; deep-linear:a,b,c takes sizes)`);
  }
}
