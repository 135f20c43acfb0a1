/**
 * The dense part of the Krylov products of `krylov.ts` as a WebAssembly SIMD kernel: the dot
 * products ⟨column, v⟩ of the border columns of the multiplication matrix (stored densely) with
 * the current vector, once per term of the sequences — 2D times per prime, nearly all the
 * arithmetic of a parametrization modulo p.
 *
 * Entries are residues modulo p < 2^21 (`LAZY_PRIME_LIMIT`): a product is below 2^42 and fewer
 * than 2^11 of them sum exactly in a double, so the kernel only multiplies and adds — two f64x2
 * accumulators, four lanes, no bounds checks, no index array — and the caller reduces each sum
 * modulo p. The same sums in JavaScript (`transposedProduct`'s dense loop) run at about a third
 * of the speed.
 *
 * Memory (one WebAssembly memory per thread, grown on demand; W = D rounded up to a multiple of
 * 4, C' = C rounded up to a multiple of 2, both zero-padded):
 *   [0, 8W)                 the vector v;
 *   [8W, 8W + 8C')          the sums, one per column;
 *   [8W + 8C', … + 8CW)     the columns, C blocks of W doubles.
 * The module is written instruction by instruction with the encoder of the F4 kernel
 * (`groebner/f4/matrix/simd-kernel.ts`); without WebAssembly SIMD the caller keeps its loop.
 */
import { ins, name, section, uleb } from '../groebner/f4/matrix/simd-kernel';

const I32 = 0x7f;
const V128 = 0x7b;

// Parameters and locals of `dots(nc, w, col)`: col is the byte address of the first column.
const NC = 0, W = 1, COL = 2, C = 3, R = 4, ROW = 5, OUT = 6, A0 = 7, A1 = 8;

/** dots(nc, w, col): sums[c] = Σ_r column_c[r]·v[r] for c < nc (layout in the file header). */
function dotsBody(): number[] {
  return [
    ...ins.get(W), ...ins.i32Const(3), ...ins.i32Shl, ...ins.set(ROW), // bytes of a column (and of v)
    ...ins.get(ROW), ...ins.set(OUT),
    ...ins.i32Const(0), ...ins.set(C),
    ...ins.block, ...ins.loop,
    ...ins.get(C), ...ins.get(NC), ...ins.i32GeU, ...ins.brIf(1),
    ...ins.v128Zero, ...ins.set(A0),
    ...ins.v128Zero, ...ins.set(A1),
    ...ins.i32Const(0), ...ins.set(R),
    ...ins.block, ...ins.loop,
    ...ins.get(R), ...ins.get(ROW), ...ins.i32GeU, ...ins.brIf(1),
    ...ins.get(COL), ...ins.get(R), ...ins.i32Add, ...ins.v128Load(0), ...ins.get(R), ...ins.v128Load(0), ...ins.f64x2Mul, ...ins.get(A0), ...ins.f64x2Add, ...ins.set(A0),
    ...ins.get(COL), ...ins.get(R), ...ins.i32Add, ...ins.v128Load(16), ...ins.get(R), ...ins.v128Load(16), ...ins.f64x2Mul, ...ins.get(A1), ...ins.f64x2Add, ...ins.set(A1),
    ...ins.get(R), ...ins.i32Const(32), ...ins.i32Add, ...ins.set(R),
    ...ins.br(0),
    ...ins.end, ...ins.end,
    // sums[c] = the four lanes added (each partial sum is exact, and so is their total).
    ...ins.get(OUT), ...ins.get(C), ...ins.i32Const(3), ...ins.i32Shl, ...ins.i32Add,
    ...ins.get(A0), ...ins.get(A1), ...ins.f64x2Add, ...ins.set(A0),
    ...ins.get(A0), ...ins.f64x2ExtractLane(0), ...ins.get(A0), ...ins.f64x2ExtractLane(1), ...ins.f64Add,
    ...ins.f64Store(0),
    ...ins.get(COL), ...ins.get(ROW), ...ins.i32Add, ...ins.set(COL),
    ...ins.get(C), ...ins.i32Const(1), ...ins.i32Add, ...ins.set(C),
    ...ins.br(0),
    ...ins.end, ...ins.end,
  ];
}

/** The module: imports `env.memory`, exports `dots(nc: i32, w: i32, col: i32)`. */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const dots = [2, 4, I32, 2, V128, ...dotsBody(), 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 3, I32, I32, I32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('dots'), 0x00, 0]),
    ...section(10, [1, ...uleb(dots.length), ...dots]),
  ]);
}

interface Instance {
  memory: WebAssembly.Memory;
  dots: (nc: number, w: number, col: number) => void;
  f64: Float64Array;
}

/** The thread's instance: undefined before the first use, null without WebAssembly SIMD. */
let instance: Instance | null | undefined;

/** How many kernels were loaded in this thread: a kernel reads the memory only while it is the last one. */
let loads = 0;

let enabled = true;

/** Turns the kernel on or off for every user (off: their JavaScript loops; for tests and comparisons). */
export function useKrylovKernel(on: boolean): void {
  enabled = on;
}

function kernelInstance(): Instance | null {
  if (instance === undefined) {
    try {
      const bytes = moduleBytes();
      if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) instance = null;
      else {
        const memory = new WebAssembly.Memory({ initial: 1 });
        const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
        instance = { memory, dots: exports.dots as Instance['dots'], f64: new Float64Array(memory.buffer) };
      }
    } catch {
      instance = null;
    }
  }
  return instance;
}

const PAGE = 65536;

/**
 * The dense border columns of one multiplication matrix loaded into the kernel's memory (the
 * last one loaded in the thread is the one `sums` reads: a parametrization modulo p loads its
 * columns, then runs its 2D products; an older kernel throws). Any dense product of residues
 * modulo p < 2^21 with fewer than 2^11 terms per sum can use it: the orbit space's matrix of t
 * and its Krylov sequence (`orbit-multiplication.ts`, `orbit-images.ts`) do.
 */
export class KrylovKernel implements DenseRowSums {
  private constructor(
    private readonly inst: Instance,
    private readonly nc: number,
    private readonly D: number,
    private readonly w: number,
    private readonly generation: number,
  ) {}

  /**
   * A kernel holding `nc` columns of length D (column i at values[i·D, (i + 1)·D)), or undefined
   * without WebAssembly SIMD (or for columns longer than the exact sums allow).
   */
  static load(values: Float64Array, nc: number, D: number): KrylovKernel | undefined {
    const inst = enabled && D < 2048 ? kernelInstance() : null;
    if (!inst) return undefined;
    const w = (D + 3) & ~3;
    const ncEven = (nc + 1) & ~1;
    const bytes = 8 * (w + ncEven + nc * w);
    const have = inst.memory.buffer.byteLength;
    if (bytes > have) {
      inst.memory.grow(Math.ceil((bytes - have) / PAGE));
      inst.f64 = new Float64Array(inst.memory.buffer);
    }
    const f64 = inst.f64;
    f64.fill(0, 0, w + ncEven);
    const at = w + ncEven;
    for (let i = 0; i < nc; i++) {
      f64.set(values.subarray(i * D, (i + 1) * D), at + i * w);
      f64.fill(0, at + i * w + D, at + (i + 1) * w);
    }
    return new KrylovKernel(inst, nc, D, w, ++loads);
  }

  /** The exact sums ⟨column i, v⟩ for every column i (not reduced), as a view valid until the next call. */
  sums(v: Float64Array): Float64Array {
    if (this.generation !== loads) throw new Error('internal error: a Krylov kernel was used after a newer one took its memory');
    const f64 = this.inst.f64;
    f64.set(v.subarray(0, this.D), 0);
    this.inst.dots(this.nc, this.w, 8 * (this.w + ((this.nc + 1) & ~1)));
    return f64.subarray(this.w, this.w + this.nc);
  }
}

/** Exact sums ⟨row i, v⟩ (not reduced) of dense rows of residues, as a view valid until the next call. */
export interface DenseRowSums {
  sums(v: Float64Array): Float64Array;
}

/** The same sums as the kernel's, in JavaScript: four independent sums per row (one chain of dependent additions would wait on each other). */
class RowSumsInJavaScript implements DenseRowSums {
  private readonly out: Float64Array;

  constructor(
    private readonly values: Float64Array,
    private readonly nc: number,
    private readonly D: number,
  ) {
    this.out = new Float64Array(nc);
  }

  sums(v: Float64Array): Float64Array {
    const { values: W, nc, D, out } = this;
    for (let i = 0, at = 0; i < nc; i++, at += D) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let r = 0;
      for (; r + 3 < D; r += 4) {
        a0 += W[at + r] * v[r];
        a1 += W[at + r + 1] * v[r + 1];
        a2 += W[at + r + 2] * v[r + 2];
        a3 += W[at + r + 3] * v[r + 3];
      }
      for (; r < D; r++) a0 += W[at + r] * v[r];
      out[i] = a0 + a1 + a2 + a3;
    }
    return out;
  }
}

/**
 * `nc` dense rows of length D (row i at values[i·D, (i + 1)·D)) of residues modulo a prime below
 * 2^21 (`LAZY_PRIME_LIMIT`), for their products with vectors of residues: every sum of fewer than
 * 2^11 products below 2^42 is exact in a double, so the caller reduces each sum once. In the SIMD
 * kernel when there is one (a newer load in the thread makes these rows unusable), else in
 * JavaScript; undefined for D ≥ 2^11.
 */
export function denseRowSums(values: Float64Array, nc: number, D: number): DenseRowSums | undefined {
  if (D >= 2048) return undefined;
  return KrylovKernel.load(values, nc, D) ?? new RowSumsInJavaScript(values, nc, D);
}
