/**
 * Dense tensors for the numeric autodiff stack.
 *
 * Representation: a row-major `Float64Array` and a shape (`[]` is a scalar). A `Tensor` is a plain
 * value: no operation mutates its input; helpers that write in place say so in their name.
 * Invariant: `data.length === sizeOf(shape)` and every dimension is a non-negative integer.
 * The kernels here are not differentiable; `ops.ts` pairs each with its gradient rule.
 * Broadcasting follows NumPy: shapes are right-aligned and a dimension of 1 stretches.
 */
import { InputError } from '../errors';

/** A tensor shape, outermost dimension first. */
export type Shape = readonly number[];

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** True when two shapes are equal. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A dense row-major tensor of doubles. */
export class Tensor {
  constructor(
    readonly data: Float64Array,
    readonly shape: Shape,
  ) {
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new InputError(`bad tensor shape [${shape.join(', ')}]`);
    }
    if (data.length !== sizeOf(shape)) {
      throw new InputError(`tensor data has ${data.length} elements but shape [${shape.join(', ')}] needs ${sizeOf(shape)}`);
    }
  }
  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }
  /** Number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }
  /** The single value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) throw new InputError(`item() needs a one-element tensor, shape is [${this.shape.join(', ')}]`);
    return this.data[0];
  }
  /** The element at a multi-index. */
  get(...index: number[]): number {
    if (index.length !== this.shape.length) throw new InputError(`get needs ${this.shape.length} indices`);
    let off = 0;
    for (let i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= this.shape[i]) throw new InputError(`index ${index[i]} out of range on axis ${i}`);
      off = off * this.shape[i] + index[i];
    }
    return this.data[off];
  }
  /** The data as a plain array (flat, row-major). */
  toArray(): number[] {
    return Array.from(this.data);
  }
  /** Rows of a matrix as nested arrays. */
  toRows(): number[][] {
    if (this.rank !== 2) throw new InputError('toRows needs a matrix');
    const [m, n] = this.shape;
    return Array.from({ length: m }, (_, i) => Array.from(this.data.subarray(i * n, (i + 1) * n)));
  }
  /** A copy with its own buffer. */
  clone(): Tensor {
    return new Tensor(new Float64Array(this.data), this.shape);
  }
}

/** A tensor from flat values and a shape (default: a vector). */
export function tensor(values: ArrayLike<number>, shape?: Shape): Tensor {
  return new Tensor(Float64Array.from(values), shape ?? [values.length]);
}

/** A matrix from rows of equal length. */
export function matrix(rows: readonly (readonly number[])[]): Tensor {
  const m = rows.length;
  const n = m === 0 ? 0 : rows[0].length;
  const data = new Float64Array(m * n);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new InputError(`matrix row ${i} has ${r.length} entries, expected ${n}`);
    data.set(r, i * n);
  });
  return new Tensor(data, [m, n]);
}

/** A scalar tensor (shape `[]`). */
export function scalar(v: number): Tensor {
  return new Tensor(Float64Array.of(v), []);
}

/** A tensor of one repeated value. */
export function full(shape: Shape, v: number): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)).fill(v), shape);
}

/** A tensor of zeros. */
export function zeros(shape: Shape): Tensor {
  return new Tensor(new Float64Array(sizeOf(shape)), shape);
}

/** The n × n identity matrix. */
export function eye(n: number): Tensor {
  const t = zeros([n, n]);
  for (let i = 0; i < n; i++) t.data[i * n + i] = 1;
  return t;
}

/** Concatenates the data of several tensors into one flat vector (parameter collections). */
export function flatten(ts: readonly Tensor[]): Tensor {
  const out = new Float64Array(ts.reduce((s, t) => s + t.size, 0));
  let off = 0;
  for (const t of ts) {
    out.set(t.data, off);
    off += t.size;
  }
  return new Tensor(out, [out.length]);
}

/** Splits a flat vector back into tensors of the given shapes (inverse of `flatten`). */
export function unflatten(flat: ArrayLike<number>, shapes: readonly Shape[]): Tensor[] {
  const total = shapes.reduce((s, sh) => s + sizeOf(sh), 0);
  if (flat.length !== total) throw new InputError(`unflatten: ${flat.length} values for ${total} parameters`);
  let off = 0;
  return shapes.map((sh) => {
    const n = sizeOf(sh);
    const t = new Tensor(Float64Array.from({ length: n }, (_, i) => flat[off + i]), sh);
    off += n;
    return t;
  });
}
