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
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../errors';

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
  /** Input names (default x1, x2, …) or their number. */
  inputs: string[] | number;
  /** Hidden layers then the output layer. */
  layers: LayerSpec[];
  /** Rows of inputs followed by targets; or a CSV file (relative paths are resolved against `baseDir`). */
  data: RationalText[][] | { csv: string };
  /** 'sum' (default), 'mean' or 'half' of the squared errors. */
  loss?: 'sum' | 'mean' | 'half';
  /** λ·Σ w² with one λ, or λ per weight name. */
  regularization?: RationalText | Record<string, RationalText>;
  /** Weights pinned to values (to remove symmetries). */
  fixed?: Record<string, RationalText>;
}

/** Reads rows from CSV text: numbers separated by commas, a header line of names allowed. */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  const rows: string[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim());
    if (i === 0 && cells.some((c) => /[A-Za-z_]/.test(c) && !/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(c))) return; // header
    rows.push(cells);
  });
  if (rows.length === 0) throw new InputError(`${source} holds no data rows`);
  return rows;
}

/** The data rows of a spec as text cells. */
export function dataRows(spec: NetworkSpec, baseDir = process.cwd()): string[][] {
  if (Array.isArray(spec.data)) return spec.data.map((row) => row.map((c) => String(c)));
  if (spec.data && typeof spec.data === 'object' && typeof spec.data.csv === 'string') {
    const file = path.resolve(baseDir, spec.data.csv);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new InputError(`cannot read the data file '${spec.data.csv}' (resolved to ${file})`);
    }
    return parseCsv(text, spec.data.csv);
  }
  throw new InputError('data must be a list of rows or { "csv": "file.csv" }');
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

/** Checks the shape of a spec (types, widths, row lengths); throws an InputError naming the problem. */
export function validateSpec(spec: NetworkSpec, baseDir?: string): void {
  if (typeof spec !== 'object' || spec === null) throw new InputError('a network spec must be a JSON object');
  const inputs = inputNames(spec);
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) throw new InputError('layers must be a non-empty list (the last one is the output layer)');
  spec.layers.forEach((l, i) => {
    if (!Number.isInteger(l.width) || l.width < 1) throw new InputError(`layers[${i}].width must be a positive integer, got ${JSON.stringify(l.width)}`);
    if (l.width > 64) throw new InputError(`layers[${i}].width ${l.width} is past the limit of 64 nodes per layer`);
    if (l.activation !== undefined && typeof l.activation !== 'string') throw new InputError(`layers[${i}].activation must be a polynomial in z as text`);
  });
  const outputs = spec.layers[spec.layers.length - 1].width;
  const rows = dataRows(spec, baseDir);
  rows.forEach((row, i) => {
    if (row.length !== inputs.length + outputs) throw new InputError(`data row ${i + 1} has ${row.length} values; expected ${inputs.length} inputs + ${outputs} targets`);
  });
  if (spec.loss !== undefined && !['sum', 'mean', 'half'].includes(spec.loss)) throw new InputError(`loss must be 'sum', 'mean' or 'half', got '${spec.loss}'`);
}

/** Parses a JSON spec file. */
export function readSpecFile(file: string): { spec: NetworkSpec; baseDir: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read the network spec '${file}'`);
  }
  let spec: NetworkSpec;
  try {
    spec = JSON.parse(text) as NetworkSpec;
  } catch (e) {
    throw new InputError(`'${file}' is not valid JSON: ${(e as Error).message}`);
  }
  const baseDir = path.dirname(path.resolve(file));
  validateSpec(spec, baseDir);
  return { spec, baseDir };
}
