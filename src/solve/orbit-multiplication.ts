/**
 * The multiplication maps x_i of a quotient algebra K[x]/I modulo primes, column by column as
 * the orbit space's computations (`orbit-space.ts`) need them, and the matrix of an invariant
 * polynomial t on the block of invariant standard monomials.
 *
 * The structure is fixed at the first prime (`MultiplicationShape`): the standard monomials, their
 * characters under the sign group and their blocks, and per column x_i·b whether it is a
 * standard monomial (a unit column), the leading monomial of a reduced basis element (its negated
 * tail) or neither — then its normal form is recorded once (`reduction-trace.ts`) and replayed
 * at each prime (`MultiplicationModP`). t's matrix on the invariant block is the sum over t's
 * terms of products of dense blocks, from the invariant block through the blocks the partial
 * products reach and back.
 */
import { Monomial, MonomialKey, compactMonomialKey, mulMonomials, oneMonomial, variableMonomial } from '../monomials/monomial';
import { standardMonomials } from '../groebner/ideal';
import { Polynomial } from '../poly/polynomial';
import { LAZY_PRIME_LIMIT } from '../arithmetic/modular-linear';
import { KrylovKernel } from './krylov-kernel';
import { ReductionTrace, ReductionTraceData } from './reduction-trace';
import { SignGroup, monomialCharacter } from './sign-symmetry';

/** A monomial as the list of its variables with repetition, e.g. x₀²x₂ = [0, 0, 2]. */
export type VariableProduct = readonly number[];

/** An invariant polynomial with small integer coefficients: Σ coefficient·Π x. */
export interface InvariantForm {
  terms: { coefficient: number; product: VariableProduct }[];
}

/**
 * What the bases modulo the primes share, fixed at the first: the standard monomials, their
 * characters and blocks, and for each column xᵢ·b_j of a multiplication map (found when first
 * needed) whether it is a unit column, the tail of a basis element or a recorded normal form.
 */
export class MultiplicationShape {
  readonly D: number;
  readonly standard: Monomial[];
  readonly one: number;
  /** Standard monomials of the trivial character, in increasing order. */
  readonly invariantBlock: number[];
  /** The standard monomials of each character (increasing), and each one's position in its block. */
  readonly blocks = new Map<number, number[]>();
  readonly blockPosition: Int32Array;
  private readonly index: Map<MonomialKey, number>;
  private readonly leadOf: Map<MonomialKey, number>;
  private readonly tailRows: Int32Array[];
  private readonly columns = new Map<number, { unit: number } | { element: number } | { trace: ReductionTrace }>();
  /** The reducer of each monomial the recorded normal forms met (shared by the records: `ReductionTrace.record`). */
  private readonly reducers = new Map<MonomialKey, number>();
  /** How many normal forms have been recorded. */
  private recorded = 0;
  /** Hears the count after each normal form recorded (recording thousands takes seconds on larger networks). */
  onRecord: ((recorded: number) => void) | undefined;

  constructor(
    basis: readonly Polynomial<number>[],
    readonly group: SignGroup,
  ) {
    this.standard = standardMonomials(basis);
    this.D = this.standard.length;
    this.index = new Map(this.standard.map((m, i) => [compactMonomialKey(m), i]));
    this.one = this.index.get(compactMonomialKey(oneMonomial(group.n))) as number;
    this.blockPosition = new Int32Array(this.D);
    this.standard.forEach((m, i) => {
      const c = monomialCharacter(group, m);
      let block = this.blocks.get(c);
      if (!block) this.blocks.set(c, (block = []));
      this.blockPosition[i] = block.length;
      block.push(i);
    });
    this.invariantBlock = this.blocks.get(0) ?? [];
    this.leadOf = new Map(basis.map((g, e) => [compactMonomialKey(g.lm()), e]));
    this.tailRows = basis.map((g) => Int32Array.from(g.monomials.slice(1), (m) => this.index.get(compactMonomialKey(m)) ?? -1));
  }

  /** The kind of column x_i·b_j, recorded on `basis` (the first prime's) when first asked. */
  column(i: number, j: number, basis: readonly Polynomial<number>[]): { unit: number } | { element: number } | { trace: ReductionTrace } | undefined {
    const key = i * this.D + j;
    let c = this.columns.get(key);
    if (c === undefined) {
      const prod = mulMonomials(this.standard[j], variableMonomial(this.group.n, i));
      const k = this.index.get(compactMonomialKey(prod));
      const e = this.leadOf.get(compactMonomialKey(prod));
      if (k !== undefined) c = { unit: k };
      else if (e !== undefined && this.tailRows[e].every((r) => r >= 0)) c = { element: e };
      else {
        const trace = ReductionTrace.record(prod, basis, this.index, this.reducers);
        if (trace === undefined) return undefined;
        c = { trace };
        this.onRecord?.(++this.recorded);
      }
      this.columns.set(key, c);
    }
    return c;
  }

  tail(e: number): Int32Array {
    return this.tailRows[e];
  }

  /** The columns recorded so far, as plain data (for a shape built on the same basis elsewhere: `adoptColumns`). */
  recordedColumns(): RecordedColumn[] {
    return [...this.columns].map(([key, c]) => ('trace' in c ? { key, trace: c.trace.toData() } : { key, ...c }));
  }

  /** Takes columns another shape recorded on the same first basis. */
  adoptColumns(columns: readonly RecordedColumn[]): void {
    for (const c of columns) this.columns.set(c.key, 'trace' in c ? { trace: ReductionTrace.fromData(c.trace) } : 'unit' in c ? { unit: c.unit } : { element: c.element });
  }
}

/** A recorded column of a multiplication map (key i·D + j for x_i·b_j), as plain data. */
export type RecordedColumn = { key: number } & ({ unit: number } | { element: number } | { trace: ReductionTraceData });

/** Thrown inside a prime's computation when the prime turns out unlucky. */
export class UnluckyPrime extends Error {}

/** The multiplication maps modulo one prime, column by column as they are needed. */
export class MultiplicationModP {
  private readonly cache = new Map<number, { rows: Int32Array; values: Float64Array } | number>();
  /**
   * The maps at another prime on the same shape, whose recorded columns are replayed together
   * with these (`ReductionTrace.replayTwo`) while this is set: the lift computes its images in
   * pairs, the second from the columns the first left in its cache.
   */
  twin: MultiplicationModP | undefined;

  constructor(
    readonly shape: MultiplicationShape,
    readonly basis: readonly Polynomial<number>[],
    readonly p: number,
    private readonly firstBasis: readonly Polynomial<number>[],
  ) {}

  /** Forgets the columns computed so far, to free their memory (they are computed again when asked). */
  releaseColumns(): void {
    this.cache.clear();
  }

  /** The column x_i·b_j: a row (unit column) or sparse rows and values. */
  private column(i: number, j: number): { rows: Int32Array; values: Float64Array } | number {
    const key = i * this.shape.D + j;
    let c = this.cache.get(key);
    if (c !== undefined) return c;
    const kind = this.shape.column(i, j, this.firstBasis);
    if (kind === undefined) throw new UnluckyPrime('a normal form could not be recorded');
    const p = this.p;
    if ('unit' in kind) c = kind.unit;
    else if ('element' in kind) {
      const g = this.basis[kind.element];
      const rows = this.shape.tail(kind.element);
      if (g.length - 1 !== rows.length) throw new UnluckyPrime('a tail term vanished');
      const values = new Float64Array(rows.length);
      for (let s = 0; s < rows.length; s++) values[s] = g.coefficients[s + 1] === 0 ? 0 : p - g.coefficients[s + 1];
      c = { rows, values };
    } else {
      const values = new Float64Array(kind.trace.rows.length);
      const twin = this.twin;
      if (twin && twin.shape === this.shape && !twin.cache.has(key)) {
        const other = new Float64Array(kind.trace.rows.length);
        if (kind.trace.replayTwo(this.basis, p, values, twin.basis, twin.p, other)) {
          twin.cache.set(key, { rows: kind.trace.rows, values: other });
          c = { rows: kind.trace.rows, values };
        }
      }
      if (c === undefined) {
        if (!kind.trace.replay(this.basis, p, values, 0)) throw new UnluckyPrime('a normal form replay failed');
        c = { rows: kind.trace.rows, values };
      }
    }
    this.cache.set(key, c);
    return c;
  }

  /** x_i·v for a vector v (coordinates on the standard monomials, residues). */
  multiply(i: number, v: Float64Array): Float64Array {
    const p = this.p;
    const out = new Float64Array(this.shape.D);
    for (let j = 0; j < v.length; j++) {
      const x = v[j];
      if (x === 0) continue;
      const c = this.column(i, j);
      if (typeof c === 'number') out[c] = (out[c] + x) % p;
      else {
        const { rows, values } = c;
        for (let s = 0; s < rows.length; s++) out[rows[s]] = (out[rows[s]] + values[s] * x) % p;
      }
    }
    return out;
  }

  /** Π x · v for a product of variables. */
  multiplyProduct(product: VariableProduct, v: Float64Array): Float64Array {
    let w = v;
    for (let k = product.length - 1; k >= 0; k--) w = this.multiply(product[k], w);
    return w;
  }

  /**
   * The block of x_i from the standard monomials of character c to those of c + χᵢ, dense and
   * row-major (rows: the target block, columns: the source block).
   */
  blockMatrix(i: number, c: number): { rows: number; columns: number; values: Float64Array } {
    const { shape } = this;
    const rows = (shape.blocks.get(c ^ shape.group.characters[i]) ?? []).length;
    const columns = (shape.blocks.get(c) ?? []).length;
    const values = new Float64Array(rows * columns);
    this.addBlock(values, i, c, 1);
    return { rows, columns, values };
  }

  /** Adds `coefficient`·(the block of x_i from character c, as `blockMatrix` lays it out) to `values`, modulo p. */
  private addBlock(values: Float64Array, i: number, c: number, coefficient: number): void {
    const p = this.p;
    const source = this.shape.blocks.get(c) ?? [];
    const m = source.length;
    const at = this.shape.blockPosition;
    source.forEach((j, col) => {
      const cj = this.column(i, j);
      if (typeof cj === 'number') {
        const k = at[cj] * m + col;
        values[k] = (values[k] + coefficient) % p;
      } else {
        for (let s = 0; s < cj.rows.length; s++) {
          const k = at[cj.rows[s]] * m + col;
          values[k] = (values[k] + coefficient * cj.values[s]) % p;
        }
      }
    });
  }

  /**
   * The matrix of t on the invariant block A₀ (D₀ × D₀, row-major). A term x_a·x_b (a and b of
   * one character) maps A₀ through the block of b's character and back: its matrix is
   * B(a, χ_b)·B(b, 0). The terms are grouped by the variable applied first, b, so that each b costs
   * one product, (Σ_a c_ab·B(a, χ_b))·B(b, 0), instead of one per term: on a network whose
   * squares do not separate the orbits (2-2-1-1 with activation z² and one λ, 295 orbits), the
   * form of level 1 has 16 terms and 8 first variables, and the products were 60% of the run.
   * Invariant variables are added as their block on A₀; longer products (level 2) are multiplied
   * out one by one.
   */
  formMatrix(form: InvariantForm): Float64Array {
    const p = this.p;
    const { shape } = this;
    const D0 = shape.invariantBlock.length;
    const T = new Float64Array(D0 * D0);
    /** Per first variable b: Σ_a c_ab·B(a, χ_b) (D₀ rows, a column per standard monomial of b's character). */
    const left = new Map<number, Float64Array>();
    const addToT = (values: Float64Array, coefficient: number): void => {
      for (let r = 0; r < T.length; r++) if (values[r] !== 0) T[r] = (T[r] + coefficient * values[r]) % p;
    };
    for (const { coefficient, product } of form.terms) {
      if (product.length === 1) {
        this.addBlock(T, product[0], 0, coefficient);
        continue;
      }
      if (product.length === 2) {
        const [a, b] = product;
        const cb = shape.group.characters[b];
        let S = left.get(b);
        if (!S) left.set(b, (S = new Float64Array(D0 * (shape.blocks.get(cb) ?? []).length)));
        this.addBlock(S, a, cb, coefficient);
        continue;
      }
      // Right to left: from A₀ through the blocks the partial products reach, back to A₀.
      let c = 0;
      let P: { rows: number; columns: number; values: Float64Array } | undefined;
      for (let k = product.length - 1; k >= 0; k--) {
        const B = this.blockMatrix(product[k], c);
        c ^= shape.group.characters[product[k]];
        P = P ? multiplyModP(B, P, p) : B;
      }
      addToT((P as { values: Float64Array }).values, coefficient);
    }
    for (const [b, S] of left) {
      const B = this.blockMatrix(b, 0);
      addToT(multiplyModP({ rows: D0, columns: B.rows, values: S }, B, p).values, 1);
    }
    return T;
  }

}

/**
 * A·B modulo p < 2^21 for dense row-major matrices of residues: sums of up to 2^11 products are
 * exact in a double before a reduction. With the SIMD kernel (`krylov-kernel.ts`), A's rows are
 * loaded once and each column of B gives a column of the product; else a loop that skips A's
 * zero entries. A product of deep-linear:2,3,2's blocks (249 × 184 times 184 × 249, 60% non-zero)
 * takes 13–15 ms in the loop and 4–5 ms with the kernel; its matrix of t has five such products
 * per prime.
 */
export function multiplyModP(A: { rows: number; columns: number; values: Float64Array }, B: { rows: number; columns: number; values: Float64Array }, p: number): { rows: number; columns: number; values: Float64Array } {
  const n = A.rows;
  const m = A.columns;
  const w = B.columns;
  const C = new Float64Array(n * w);
  const kernel = p < LAZY_PRIME_LIMIT && n > 0 && m > 0 ? KrylovKernel.load(A.values, n, m) : undefined;
  if (kernel) {
    const column = new Float64Array(m);
    for (let j = 0; j < w; j++) {
      for (let k = 0; k < m; k++) column[k] = B.values[k * w + j];
      const sums = kernel.sums(column);
      for (let i = 0; i < n; i++) C[i * w + j] = sums[i] % p;
    }
    return { rows: n, columns: w, values: C };
  }
  for (let i = 0; i < n; i++) {
    const row = i * w;
    let pending = 0;
    for (let k = 0; k < m; k++) {
      const a = A.values[i * m + k];
      if (a === 0) continue;
      const b = k * w;
      for (let j = 0; j < w; j++) C[row + j] += a * B.values[b + j];
      if (++pending === 2048) {
        for (let j = 0; j < w; j++) C[row + j] %= p;
        pending = 0;
      }
    }
    for (let j = 0; j < w; j++) C[row + j] %= p;
  }
  return { rows: n, columns: w, values: C };
}
