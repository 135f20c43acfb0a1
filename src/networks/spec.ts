/**
 * Polynomial network descriptions: what a user writes (in TypeScript or as JSON) to define a
 * network whose loss is a polynomial in its weights.
 *
 * A network has named inputs, layers (the last is the output layer) each with a width, an
 * optional bias and a polynomial activation in `z` (`z`, `z^2`, `z + z^2/2`), data rows
 * (inputs then targets, exact decimals or fractions as text or numbers, inline or from a CSV
 * file), a loss (`sum` of squared errors, `mean`, or `half` the sum), optional L2 regularization
 * (one λ or one per weight) and optional fixed weights. Weights are named as in the seed blog:
 * node k (counted from 0 over all layers, in order) has weights `w{k}_{i}` for its inputs i and
 * bias `b{k}`. `validateSpec` checks everything and says precisely what is wrong.
 *
 * Platform-free: a CSV data file is read through a `DataReader` that the caller passes (the Node
 * one, which resolves names against a folder, is `dataFileReader` in `spec-file.ts`, exported by
 * `polycrit/node`); without one, only inline rows are accepted.
 */
import { InputError } from '../errors';
import { MAX_ROWS, checkSpecShape, isExactText } from './spec-schema';

export type RationalText = string | number;

export interface LayerSpec {
  /** Number of nodes. */
  width: number;
  /** Add a bias b{k} to each node (default false). */
  bias?: boolean;
  /** A polynomial in z applied to each node's pre-activation (default 'z'). */
  activation?: string;
}

export interface NetworkSpec {
  name?: string;
  description?: string;
  /** The JSON Schema an editor checks the file against (ignored by polycrit). */
  $schema?: string;
  /** Input names (default x1, x2, …) or their number. */
  inputs: string[] | number;
  /** Hidden layers then the output layer. */
  layers: LayerSpec[];
  /** Rows of inputs followed by targets; or a CSV file, read by the `DataReader` passed along with the spec. */
  data: RationalText[][] | { csv: string };
  /** 'sum' (default), 'mean' or 'half' of the squared errors. */
  loss?: 'sum' | 'mean' | 'half';
  /** λ·Σ w² with one λ, or λ per weight name. */
  regularization?: RationalText | Record<string, RationalText>;
  /** Weights pinned to values (to remove symmetries). */
  fixed?: Record<string, RationalText>;
}

/**
 * Reads rows from CSV text: numbers separated by commas; blank lines and `#` comments skipped.
 * The first row is a header when every cell is a name (letters, digits, _; not a number); a first
 * row that mixes names and numbers is data, and the check of the cells says what is wrong with it.
 */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  const rows: string[][] = [];
  let headerSeen = false; // the first non-comment line has been read
  text.split(/\r?\n/).forEach((line) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim());
    const first = !headerSeen;
    headerSeen = true;
    if (first && cells.every((c) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(c))) return; // a header of names
    rows.push(cells);
  });
  if (rows.length === 0) throw new InputError(`${source} holds no data rows`);
  return rows;
}

/**
 * Reads the text of a spec's CSV data file (`data: { csv: name }`), throwing an InputError when it
 * cannot. On Node, `dataFileReader(folder)` from `polycrit/node`; in a browser, whatever holds the
 * files (`(name) => uploads.get(name)`).
 */
export type DataReader = (name: string) => string;

/** The data rows of a spec as text cells; a CSV file is read with `readData`. */
export function dataRows(spec: NetworkSpec, readData?: DataReader): string[][] {
  if (Array.isArray(spec.data)) return spec.data.map((row) => row.map((c) => String(c)));
  if (spec.data && typeof spec.data === 'object' && typeof spec.data.csv === 'string') {
    if (readData === undefined) {
      throw new InputError(`the data file '${spec.data.csv}' cannot be read without a reader: give the rows inline, or pass a DataReader (on Node, dataFileReader(folder) from 'polycrit/node')`);
    }
    return parseCsv(readData(spec.data.csv), spec.data.csv);
  }
  throw new InputError('data must be a list of rows or { "csv": "file.csv" }');
}

/** Every weight name of a spec in creation order: node k (over all layers) has w{k}_{i} for its inputs i, then b{k}. */
export function weightNames(spec: NetworkSpec): string[] {
  const names: string[] = [];
  let node = 0;
  let fanIn = inputNames(spec).length;
  for (const layer of spec.layers) {
    for (let j = 0; j < layer.width; j++, node++) {
      for (let i = 0; i < fanIn; i++) names.push(`w${node}_${i}`);
      if (layer.bias) names.push(`b${node}`);
    }
    fanIn = layer.width;
  }
  return names;
}

/** Input names of a spec. */
export function inputNames(spec: NetworkSpec): string[] {
  if (typeof spec.inputs === 'number') {
    if (!Number.isInteger(spec.inputs) || spec.inputs < 1) throw new InputError(`inputs must be a positive integer or a list of names, got ${spec.inputs}`);
    return Array.from({ length: spec.inputs }, (_, i) => `x${i + 1}`);
  }
  if (!Array.isArray(spec.inputs) || spec.inputs.length === 0) throw new InputError('inputs must be a positive integer or a non-empty list of names');
  return spec.inputs.map(String);
}

/** The weights named in an object field, each one a weight of the network. */
function checkWeightKeys(field: 'fixed' | 'regularization', values: object | undefined, weights: readonly string[]): void {
  if (values === undefined || typeof values !== 'object') return;
  for (const name of Object.keys(values)) {
    if (!weights.includes(name)) {
      const list = weights.length <= 12 ? weights.join(', ') : `${weights.slice(0, 12).join(', ')}, … (${weights.length} weights)`;
      throw new InputError(`network spec: ${field}.${name} is not a weight of the network (weights: ${list})`);
    }
  }
}

/** Specs made by `preset` (their shape is checked by the tests). */
const presetSpecs = new WeakSet<object>();

/** Marks a spec made by `preset` (see `validateSpec`). */
export function presetSpec(spec: NetworkSpec): NetworkSpec {
  presetSpecs.add(spec);
  return spec;
}

/**
 * Checks a spec at the boundary: its shape (`spec-schema.ts`: types, ranges, activations), then
 * what needs the network — row lengths and exact cells (CSV too), weight names in `fixed` and
 * `regularization`, input names distinct from weight names. Throws an InputError of one line
 * naming the field.
 */
export function validateSpec(spec: NetworkSpec, readData?: DataReader): void {
  // The presets' shapes are checked by the tests; zod (about 100 ms to load) is spared for them.
  if (!presetSpecs.has(spec)) checkSpecShape(spec);
  const inputs = inputNames(spec);
  const outputs = spec.layers[spec.layers.length - 1].width;
  const rows = dataRows(spec, readData);
  const csv = Array.isArray(spec.data) ? undefined : spec.data.csv;
  if (rows.length > MAX_ROWS) throw new InputError(`network spec: data (${csv}) has ${rows.length} rows, more than the limit of ${MAX_ROWS}`);
  rows.forEach((row, i) => {
    const where = csv === undefined ? `data[${i}]` : `data row ${i + 1} of ${csv}`;
    if (row.length !== inputs.length + outputs) throw new InputError(`network spec: ${where} has ${row.length} values; expected ${inputs.length} inputs + ${outputs} targets`);
    row.forEach((cell, j) => {
      if (!isExactText(cell)) throw new InputError(`network spec: ${where}, value ${j + 1}: '${cell.length > 40 ? cell.slice(0, 40) + '…' : cell}' is not an exact number (an integer, a decimal or a fraction like 1/3)`);
    });
  });
  const weights = weightNames(spec);
  inputs.forEach((name, i) => {
    if (weights.includes(name)) throw new InputError(`network spec: inputs[${i}] '${name}' clashes with a weight name (weights are w{node}_{input} and b{node})`);
  });
  checkWeightKeys('fixed', spec.fixed, weights);
  if (typeof spec.regularization === 'object') checkWeightKeys('regularization', spec.regularization, weights);
}
