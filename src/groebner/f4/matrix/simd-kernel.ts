/**
 * The inner loop of the F4 row reduction (`RowReducer.loadLanes`) as a WebAssembly SIMD kernel.
 *
 * What it computes is exactly the JavaScript pass it replaces: four rows held in interleaved
 * lanes (lane l of column c at 4c + l, doubles), a left-to-right pass over the columns, and at
 * each column that has a (monic) pivot row the pivot row times −v_l mod p is added to lane l.
 * Entries stay in (−p, 2p) for p < 2^26, so every product and sum is exact in a double; after
 * each update x is brought back by x − ⌊x·(1/p)⌋·p. The SIMD version does two lanes per
 * instruction (f64x2), carries no bounds checks, and updates only the lane pairs whose multiplier
 * is non-zero. A trace replay of cyclic-7 modulo a 26-bit prime (the unit of work of the
 * multi-modular algorithm) took 34–37 ms with the JavaScript pass and takes 17 ms with this kernel
 * and `finish` (minimum of 30 replays, this 2-core machine).
 *
 * Memory (one WebAssembly memory shared by the kernels in turn, grown on demand):
 *   [0, 32·n)           the lanes, 4n doubles (n = number of columns);
 *   [32n, 36n)          length of the pivot row of each column (0: no pivot);
 *   [36n, 40n)          byte address of the pivot row of each column;
 *   [40n, 44n)          the columns `finish` leaves non-zero;
 *   [44n, …)            the pivot rows, appended: len int32 coefficients followed by len int32
 *                       columns, exactly as `RowReducer` holds them, so that registering a
 *                       pivot is two memory copies (converting them in JavaScript took 10% of
 *                       a trace replay).
 *
 * The module is small enough to be written here instruction by instruction (`eliminateBody`),
 * which keeps polycrit free of a build step for it; `WebAssembly.validate` decides at start-up
 * whether the machine's engine supports SIMD, and `RowReducer` falls back to its JavaScript pass
 * when it does not. Binary format: the WebAssembly core specification 2.0, §5 and the SIMD
 * instruction table (prefix 0xfd, LEB128 opcodes).
 */

import { ResourceLimitError } from '../../../errors';

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const simd = (code: number, ...imm: number[]): number[] => [0xfd, ...uleb(code), ...imm];

/** The instructions the kernel uses (names as in the text format); the Krylov kernel (`solve/krylov-kernel.ts`) uses them too. */
export const ins = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  else: [0x05],
  tee: (i: number) => [0x22, ...uleb(i)],
  select: [0x1b],
  i32Load: (offset = 0) => [0x28, 2, ...uleb(offset)],
  f64LoadScalar: (offset = 0) => [0x2b, 3, ...uleb(offset)],
  i32Store: (offset = 0) => [0x36, 2, ...uleb(offset)],
  f64Store: (offset = 0) => [0x39, 3, ...uleb(offset)],
  f64Zero: [0x44, 0, 0, 0, 0, 0, 0, 0, 0],
  f64Ne: [0x62],
  f64Lt: [0x63],
  f64Ge: [0x66],
  f64Floor: [0x9c],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  i32Const: (n: number) => [0x41, ...sleb(n)],
  i32Eqz: [0x45],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32Shl: [0x74],
  f64ConvertI32: [0xb7],
  v128Load: (offset = 0) => simd(0x00, 4, ...uleb(offset)),
  v128Store: (offset = 0) => simd(0x0b, 4, ...uleb(offset)),
  v128Zero: simd(0x0c, ...new Array<number>(16).fill(0)),
  f64x2Splat: simd(0x14),
  f64x2Ge: simd(0x4c),
  v128And: simd(0x4e),
  v128Or: simd(0x50),
  v128AnyTrue: simd(0x53),
  f64x2Floor: simd(0x75),
  f64x2Add: simd(0xf0),
  f64x2Sub: simd(0xf1),
  f64x2Mul: simd(0xf2),
  f64x2ExtractLane: (lane: number) => simd(0x21, lane),
};

// Parameters and locals of `eliminate(start, ncols, p, pinv)`.
const START = 0, NCOLS = 1, P = 2, PINV = 3;
const C = 4, LENS = 5, ADDRS = 6, LEN = 7, ENT = 8, OFF = 9, END = 10, ADDR = 11, O = 12;
const P2 = 13, PINV2 = 14, M01 = 15, M23 = 16, W = 17, X = 18, Y = 19;

/** Pushes x − ⌊x·(1/p)⌋·p for the f64x2 in local x. */
function reduceInto(x: number): number[] {
  return [...ins.get(x), ...ins.get(x), ...ins.get(PINV2), ...ins.f64x2Mul, ...ins.f64x2Floor, ...ins.get(P2), ...ins.f64x2Mul, ...ins.f64x2Sub];
}

/** The body of `eliminate` (see the file header for the memory it reads and writes). */
function eliminateBody(): number[] {
  // lane pair at byte `half` (0 or 16) of the column's 32 bytes: x += m·w, then reduced, stored.
  const update = (m: number, half: number): number[] => [
    ...ins.get(ADDR), ...ins.v128Load(half), ...ins.get(m), ...ins.get(W), ...ins.f64x2Mul, ...ins.f64x2Add, ...ins.set(X),
    ...ins.get(ADDR), ...reduceInto(X), ...ins.v128Store(half),
  ];
  // Multiplier p − (v mod p) for the lane pair in local v, in [0, p): the reduced v is in [0, p]
  // for the small lane values here, and a multiplier p (v ≡ 0) is turned into 0 with a mask.
  const multiplier = (v: number, into: number): number[] => [
    ...ins.get(P2), ...reduceInto(v), ...ins.f64x2Sub, ...ins.set(into),
    ...ins.get(into), ...ins.get(into), ...ins.get(P2), ...ins.f64x2Ge, ...ins.get(P2), ...ins.v128And, ...ins.f64x2Sub, ...ins.set(into),
  ];
  // The row loop, updating the lane pairs `halves` (0: lanes 0–1, 16: lanes 2–3).
  const rowLoop = (halves: number[]): number[] => [
    ...ins.block, ...ins.loop,
    ...ins.get(OFF), ...ins.get(END), ...ins.i32GeU, ...ins.brIf(1),
    ...ins.get(OFF), ...ins.i32Load(), ...ins.i32Const(5), ...ins.i32Shl, ...ins.set(ADDR),
    ...ins.get(ENT), ...ins.i32Load(), ...ins.f64ConvertI32, ...ins.f64x2Splat, ...ins.set(W),
    ...halves.flatMap((half) => update(half === 0 ? M01 : M23, half)),
    ...ins.get(ENT), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(ENT),
    ...ins.get(OFF), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(OFF),
    ...ins.br(0),
    ...ins.end, ...ins.end,
  ];
  return [
    ...ins.get(P), ...ins.f64x2Splat, ...ins.set(P2),
    ...ins.get(PINV), ...ins.f64x2Splat, ...ins.set(PINV2),
    ...ins.get(NCOLS), ...ins.i32Const(5), ...ins.i32Shl, ...ins.set(LENS),
    ...ins.get(NCOLS), ...ins.i32Const(36), ...ins.i32Mul, ...ins.set(ADDRS),
    ...ins.get(START), ...ins.set(C),
    ...ins.block, ...ins.loop,
    ...ins.get(C), ...ins.get(NCOLS), ...ins.i32GeU, ...ins.brIf(1),
    // len = lens[c]; skip columns without a pivot.
    ...ins.get(LENS), ...ins.get(C), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.i32Load(), ...ins.set(LEN),
    ...ins.get(LEN), ...ins.i32Eqz, ...ins.i32Eqz, ...ins.if,
    ...ins.get(C), ...ins.i32Const(5), ...ins.i32Shl, ...ins.set(O),
    ...ins.get(O), ...ins.v128Load(0), ...ins.set(X),
    ...ins.get(O), ...ins.v128Load(16), ...ins.set(Y),
    ...ins.get(X), ...ins.get(Y), ...ins.v128Or, ...ins.v128AnyTrue, ...ins.if,
    ...multiplier(X, M01),
    ...multiplier(Y, M23),
    ...ins.get(O), ...ins.v128Zero, ...ins.v128Store(0),
    ...ins.get(O), ...ins.v128Zero, ...ins.v128Store(16),
    // ent = addrs[c] (coefficients), off = ent + 4·len (columns), end = off + 4·len; skip k = 0.
    ...ins.get(ADDRS), ...ins.get(C), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.i32Load(), ...ins.set(ENT),
    ...ins.get(ENT), ...ins.get(LEN), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.set(OFF),
    ...ins.get(OFF), ...ins.get(LEN), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.set(END),
    ...ins.get(ENT), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(ENT),
    ...ins.get(OFF), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(OFF),
    // Only the lane pairs with a non-zero multiplier are updated (rows of a last, partly filled
    // group of lanes, or sparse rows, often need one pair only).
    ...ins.get(M01), ...ins.v128AnyTrue, ...ins.if,
    ...ins.get(M23), ...ins.v128AnyTrue, ...ins.if,
    ...rowLoop([0, 16]),
    ...ins.else,
    ...rowLoop([0]),
    ...ins.end,
    ...ins.else,
    ...ins.get(M23), ...ins.v128AnyTrue, ...ins.if,
    ...rowLoop([16]),
    ...ins.end,
    ...ins.end,
    ...ins.end, // if any lane non-zero
    ...ins.end, // if pivot
    ...ins.get(C), ...ins.i32Const(1), ...ins.i32Add, ...ins.set(C),
    ...ins.br(0),
    ...ins.end, ...ins.end,
  ];
}

// Parameters and locals of `finish(l, start, ncols, p, pinv) → n`.
const FL = 0, FSTART = 1, FNCOLS = 2, FP = 3, FPINV = 4;
const FC = 5, FA = 6, FLENS = 7, FADDRS = 8, FNZ = 9, FN = 10, FLEN = 11, FENT = 12, FOFF = 13, FEND = 14, FADDR = 15, FL8 = 16;
const FV = 17, FM = 18, FX = 19;

/** Pushes x − ⌊x·(1/p)⌋·p for the double in local x (scalar `finish`). */
function reduceScalar(x: number): number[] {
  return [...ins.get(x), ...ins.get(x), ...ins.get(FPINV), ...ins.f64Mul, ...ins.f64Floor, ...ins.get(FP), ...ins.f64Mul, ...ins.f64Sub];
}

/**
 * The body of `finish`: lane l alone, from column `start`: every entry is reduced into [0, p);
 * at a column with a pivot (also the pivots registered since `eliminate`) the pivot row times −v
 * is added; the other non-zero columns are listed at [40n, 44n) and their values left in the lane.
 * Returns how many were listed. The scalar counterpart of `RowReducer.finishLane` + `sweep`.
 */
function finishBody(): number[] {
  return [
    ...ins.get(FL), ...ins.i32Const(3), ...ins.i32Shl, ...ins.set(FL8),
    ...ins.get(FNCOLS), ...ins.i32Const(5), ...ins.i32Shl, ...ins.set(FLENS),
    ...ins.get(FNCOLS), ...ins.i32Const(36), ...ins.i32Mul, ...ins.set(FADDRS),
    ...ins.get(FNCOLS), ...ins.i32Const(40), ...ins.i32Mul, ...ins.set(FNZ),
    ...ins.i32Const(0), ...ins.set(FN),
    ...ins.get(FSTART), ...ins.set(FC),
    ...ins.block, ...ins.loop,
    ...ins.get(FC), ...ins.get(FNCOLS), ...ins.i32GeU, ...ins.brIf(1),
    ...ins.get(FC), ...ins.i32Const(5), ...ins.i32Shl, ...ins.get(FL8), ...ins.i32Add, ...ins.set(FA),
    ...ins.get(FA), ...ins.f64LoadScalar(), ...ins.tee(FV), ...ins.f64Zero, ...ins.f64Ne, ...ins.if,
    // v into [0, p): v − ⌊v/p⌋·p is in (−p, 2p).
    ...reduceScalar(FV), ...ins.set(FV),
    ...ins.get(FV), ...ins.get(FP), ...ins.f64Add, ...ins.get(FV), ...ins.get(FV), ...ins.f64Zero, ...ins.f64Lt, ...ins.select, ...ins.set(FV),
    ...ins.get(FV), ...ins.get(FP), ...ins.f64Sub, ...ins.get(FV), ...ins.get(FV), ...ins.get(FP), ...ins.f64Ge, ...ins.select, ...ins.set(FV),
    ...ins.get(FV), ...ins.f64Zero, ...ins.f64Ne, ...ins.if,
    ...ins.get(FLENS), ...ins.get(FC), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.i32Load(), ...ins.set(FLEN),
    ...ins.get(FLEN), ...ins.i32Eqz, ...ins.if,
    // No pivot: keep the entry and list its column.
    ...ins.get(FA), ...ins.get(FV), ...ins.f64Store(),
    ...ins.get(FNZ), ...ins.get(FN), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.get(FC), ...ins.i32Store(),
    ...ins.get(FN), ...ins.i32Const(1), ...ins.i32Add, ...ins.set(FN),
    ...ins.else,
    // Pivot: add it times m = p − v and clear the entry.
    ...ins.get(FA), ...ins.f64Zero, ...ins.f64Store(),
    ...ins.get(FP), ...ins.get(FV), ...ins.f64Sub, ...ins.set(FM),
    ...ins.get(FADDRS), ...ins.get(FC), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.i32Load(), ...ins.set(FENT),
    ...ins.get(FENT), ...ins.get(FLEN), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.set(FOFF),
    ...ins.get(FOFF), ...ins.get(FLEN), ...ins.i32Const(2), ...ins.i32Shl, ...ins.i32Add, ...ins.set(FEND),
    ...ins.get(FENT), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(FENT),
    ...ins.get(FOFF), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(FOFF),
    ...ins.block, ...ins.loop,
    ...ins.get(FOFF), ...ins.get(FEND), ...ins.i32GeU, ...ins.brIf(1),
    ...ins.get(FOFF), ...ins.i32Load(), ...ins.i32Const(5), ...ins.i32Shl, ...ins.get(FL8), ...ins.i32Add, ...ins.set(FADDR),
    ...ins.get(FADDR), ...ins.f64LoadScalar(), ...ins.get(FM), ...ins.get(FENT), ...ins.i32Load(), ...ins.f64ConvertI32, ...ins.f64Mul, ...ins.f64Add, ...ins.set(FX),
    ...ins.get(FADDR), ...reduceScalar(FX), ...ins.f64Store(),
    ...ins.get(FENT), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(FENT),
    ...ins.get(FOFF), ...ins.i32Const(4), ...ins.i32Add, ...ins.set(FOFF),
    ...ins.br(0),
    ...ins.end, ...ins.end,
    ...ins.end, // if no pivot / else
    ...ins.else,
    ...ins.get(FA), ...ins.f64Zero, ...ins.f64Store(), // v ≡ 0
    ...ins.end, // if v ≠ 0 after reduction
    ...ins.end, // if entry ≠ 0
    ...ins.get(FC), ...ins.i32Const(1), ...ins.i32Add, ...ins.set(FC),
    ...ins.br(0),
    ...ins.end, ...ins.end,
    ...ins.get(FN),
  ];
}

/** A module section: its id, then its content with its length. */
export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/** A name as the binary format writes it (length, then the bytes). */
export function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
}

/**
 * The module: imports `env.memory`; exports `eliminate(start: i32, ncols: i32, p: f64, pinv: f64)`
 * and `finish(l: i32, start: i32, ncols: i32, p: f64, pinv: f64) → i32`.
 */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const eliminateType = [0x60, 4, I32, I32, F64, F64, 0];
  const finishType = [0x60, 5, I32, I32, I32, F64, F64, 1, I32];
  const eliminate = [
    2, 9, I32, 7, V128, // locals: 9 i32 (C..O), 7 v128 (P2..Y)
    ...eliminateBody(),
    0x0b,
  ];
  const finish = [
    2, 12, I32, 3, F64, // locals: 12 i32 (FC..FL8), 3 f64 (FV..FX)
    ...finishBody(),
    0x0b,
  ];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, ...eliminateType, ...finishType]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
    ...section(3, [2, 0, 1]),
    ...section(7, [2, ...name('eliminate'), 0x00, 0, ...name('finish'), 0x00, 1]),
    ...section(10, [2, ...uleb(eliminate.length), ...eliminate, ...uleb(finish.length), ...finish]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null when the engine lacks WebAssembly SIMD. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = moduleBytes();
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

let enabled = true;

/** Turns the SIMD kernel on or off (off: the JavaScript pass; for tests and comparisons). */
export function useSimdKernel(on: boolean): void {
  enabled = on;
}

/** Whether new reducers will use the SIMD kernel. */
export function simdKernelAvailable(): boolean {
  return enabled && kernelModule() !== null;
}

const PAGE = 65536;
/** The most a wasm32 memory can hold (65536 pages). */
const MAX_BYTES = 65536 * PAGE;

/**
 * One WebAssembly memory and instance serve every kernel in turn: a fresh memory costs about
 * 0.4 ms and page faults on first touch, which for the small matrices of a trace replay cost
 * more than the elimination itself. `LaneKernel.create` takes the memory over (a kernel used
 * after a newer one was created throws), clears the lanes and the pivot table, and keeps the
 * pages it grew to.
 */
interface SharedMemory {
  memory: WebAssembly.Memory;
  run: (start: number, ncols: number, p: number, pinv: number) => void;
  finish: (l: number, start: number, ncols: number, p: number, pinv: number) => number;
  f64: Float64Array;
  i32: Int32Array;
  owner: LaneKernel | undefined;
}

let shared: SharedMemory | undefined;

/** Above this size the shared memory is given back when a matrix needs less than an eighth of it. */
const RELEASE_BYTES = 64 * 2 ** 20;

function sharedMemory(module: WebAssembly.Module, bytes: number): SharedMemory {
  // A memory cannot shrink: after a large computation, start over with a small one rather than
  // keep hundreds of MB for the rest of the process (the old one is then garbage collected).
  if (shared && shared.memory.buffer.byteLength > RELEASE_BYTES && 8 * bytes < shared.memory.buffer.byteLength) {
    shared.owner = undefined;
    shared = undefined;
  }
  if (!shared) {
    const memory = new WebAssembly.Memory({ initial: 16 });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    shared = {
      memory,
      run: instance.exports.eliminate as SharedMemory['run'],
      finish: instance.exports.finish as SharedMemory['finish'],
      f64: new Float64Array(memory.buffer),
      i32: new Int32Array(memory.buffer),
      owner: undefined,
    };
  }
  return shared;
}

/** The size of the shared kernel memory in bytes (0 before the first kernel). */
export function laneKernelMemoryBytes(): number {
  return shared ? shared.memory.buffer.byteLength : 0;
}

/** Grows the shared memory to at least `bytes` (doubling), renewing the views. */
function reserve(m: SharedMemory, bytes: number): void {
  const have = m.memory.buffer.byteLength;
  if (bytes <= have) return;
  if (bytes > MAX_BYTES) {
    throw new ResourceLimitError(`an F4 matrix needs ${Math.ceil(bytes / 2 ** 20)} MB of WebAssembly memory, above the 4 GB a 32-bit memory can address`);
  }
  const want = Math.min(MAX_BYTES, Math.max(bytes, 2 * have));
  try {
    m.memory.grow(Math.ceil((want - have) / PAGE));
  } catch {
    // Doubling may ask for more than the machine gives: ask for what is needed.
    m.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
  m.f64 = new Float64Array(m.memory.buffer);
  m.i32 = new Int32Array(m.memory.buffer);
}

/** The lanes and pivot rows of one `RowReducer` in WebAssembly memory (see the file header). */
export class LaneKernel {
  private readonly mem: SharedMemory;
  private readonly ncols: number;
  private top: number;
  /** The lanes (4·ncols doubles); a new view after the memory grows. */
  lanes: Float64Array;

  private constructor(mem: SharedMemory, ncols: number, bytesHint: number) {
    this.mem = mem;
    this.ncols = ncols;
    const base = 44 * ncols;
    reserve(mem, base + 8 + bytesHint);
    mem.owner = this;
    mem.f64.fill(0, 0, 4 * ncols);
    mem.i32.fill(0, 8 * ncols, 9 * ncols);
    this.top = base;
    this.lanes = new Float64Array(mem.memory.buffer, 0, 4 * ncols);
  }

  /**
   * A kernel for a matrix of `ncols` columns (about `bytesHint` bytes of pivot rows), or
   * undefined when SIMD is unavailable or off. Earlier kernels become unusable.
   */
  static create(ncols: number, bytesHint = 0): LaneKernel | undefined {
    const module = enabled ? kernelModule() : null;
    return module ? new LaneKernel(sharedMemory(module, 44 * ncols + bytesHint), ncols, bytesHint) : undefined;
  }

  private own(): SharedMemory {
    const m = this.mem;
    if (m.owner !== this) throw new Error('internal error: an F4 lane kernel was used after a newer one took its memory');
    return m;
  }

  /** Copies a monic pivot row (columns increasing, pivot first) into the kernel's memory. */
  setPivot(cols: Int32Array, coeffs: Int32Array): void {
    const m = this.own();
    const len = cols.length;
    if (this.top + 8 * len > m.memory.buffer.byteLength) {
      reserve(m, this.top + 8 * len);
      this.lanes = new Float64Array(m.memory.buffer, 0, 4 * this.ncols);
    }
    const at = this.top;
    // Unsigned: a byte offset past 2^31 (a memory between 2 and 4 GB) stays positive.
    m.i32.set(coeffs, at >>> 2);
    m.i32.set(cols, (at >>> 2) + len);
    this.top = at + 8 * len;
    const n = this.ncols;
    m.i32[8 * n + cols[0]] = len;
    m.i32[9 * n + cols[0]] = at;
  }

  /** The elimination pass over the lanes from column `start` (see `RowReducer.loadLanes`). */
  eliminate(start: number, p: number): void {
    this.own().run(start, this.ncols, p, 1 / p);
  }

  /**
   * Finishes lane l from column `start` by every pivot registered now (see `finishBody`); moves
   * the surviving entries to `acc` (their columns, increasing, to `nz`) and clears the lane.
   * Returns their number.
   */
  finish(l: number, start: number, p: number, acc: Float64Array, nz: Int32Array): number {
    const m = this.own();
    const n = m.finish(l, start, this.ncols, p, 1 / p);
    const i32 = m.i32;
    const lanes = this.lanes;
    const at = 10 * this.ncols;
    for (let i = 0; i < n; i++) {
      const c = i32[at + i];
      nz[i] = c;
      acc[c] = lanes[4 * c + l];
      lanes[4 * c + l] = 0;
    }
    return n;
  }
}
