/**
 * The monomial hashtable of F4: every exponent vector met during a run is interned once and
 * named by a small integer id, so rows, basis polynomials and critical pairs are plain Int32Arrays.
 *
 * Representation: exponents live in one flat Int32Array, `stride = nvars + 1` slots per id with the
 * total degree in slot 0 (as in src/monomials/monomial.ts). Each id also stores a 32-bit hash and a
 * divisibility mask (a sparse bit signature: bit b is set when the exponent of variable `maskVar[b]`
 * is at least `maskThr[b]`), so `a | b` implies `mask(a) & ~mask(b) == 0` and most failed
 * divisibility tests cost one AND. The hash is linear in the exponents (Σ eᵢ·rᵢ mod 2^32), so the
 * hash of a product is the sum of the hashes and a product is found without rehashing. Lookup is
 * open addressing with linear probing over a power-of-two array of slots, each holding id + 1
 * (0 = empty) and the id's hash, so a probe reads the exponents only when the hashes agree. With
 * at most 16 variables a slot also holds the exponents packed 8 bits each (`keyWords` words), as
 * long as every exponent interned is below 128: the packed words of a product are the sums of the
 * factors' (no field overflows), so `productOf` compares within the slot and does not read the
 * candidate's exponents (one cache miss fewer per product in symbolic preprocessing).
 * A scratch Int32Array (`label`) per id belongs to the symbolic preprocessing (pivot flag, then
 * column index).
 *
 * Two kinds of tables. The run's table holds the monomials of the basis, the multipliers and the
 * lcms of the pairs; its ids are never removed, and it only grows, by doubling, which a memory
 * budget (`budget`) can refuse. A round's table holds the monomials of one matrix — the products
 * `mult · m` of symbolic preprocessing, whose ids are then exactly the matrix's columns — and is
 * emptied (`clear`) for the next matrix: `productOf`, `quotientOf` and `internFrom` move monomials
 * between tables of one ring (they hash alike, so a product's hash is still the sum of its
 * factors'). Most products are met in one round only (on the 2-3-1 network with biases and
 * activation z², 1.03M columns over 24 rounds against 0.81M distinct monomials); keeping them all
 * in the run's table made it 96 MB, its doublings (a full rehash and copy each) a tenth of the
 * run, and every probe of symbolic preprocessing a cache miss.
 *
 * Orders: degrevlex, deglex and lex are compared inline on the flat array; weighted and block
 * orders go through the ring's comparator on cached Monomial arrays.
 * Reference: Groebner.jl `src/f4/hashtable.jl` (Demin–Gowda 2023) and msolve's `hash.c`.
 */
import { MemoryBudget } from '../../errors';
import { Monomial } from '../../monomials/monomial';
import { Comparator, MonomialOrder } from '../../monomials/order';

const ORDER_DEGREVLEX = 0;
const ORDER_DEGLEX = 1;
const ORDER_LEX = 2;
const ORDER_GENERIC = 3;

/** Interned monomials of one ring (one variable count and monomial order). */
export class MonomialTable {
  readonly nvars: number;
  readonly stride: number;
  /** Flat exponent storage: id·stride is the degree, then e1..en. */
  exps: Int32Array;
  hashes: Int32Array;
  masks: Int32Array;
  /** Scratch per id of a round's table: pivot flag, then column index (symbolic preprocessing). */
  label: Int32Array;
  /** Number of interned monomials. */
  size = 0;
  /** The largest total degree and the largest exponent of an interned monomial. */
  maxDegree = 0;
  maxExponent = 0;
  /** Checked before the table doubles (`bytesPerMonomial` per monomial); none by default. */
  budget: MemoryBudget | undefined;
  private slots: Int32Array;
  private slotMask: number;
  /** Ints per slot: id + 1, the hash, then `keyWords` packed exponent words. */
  private readonly slotStride: number;
  /** Words of packed exponents per monomial (8 bits per variable); 0 above 16 variables. */
  private readonly keyWords: number;
  /** The packed exponents of each id (`keyWords` per id). */
  private keys: Int32Array;
  /** Are the packed words valid (every exponent interned so far below 128)? */
  private packed: boolean;
  private readonly hashMul: Int32Array;
  private readonly maskVar: Int32Array;
  private readonly maskThr: Int32Array;
  private readonly orderKind: number;
  private readonly generic: Comparator | undefined;
  private readonly monoCache: (Monomial | undefined)[] = [];
  /** Scratch exponent vector used by the interning operations. */
  readonly tmp: Int32Array;

  /**
   * A table for `capacity` monomials before its first doubling. The default is small: every F4
   * run makes two tables, and the decomposition of a network runs F4 a hundred times on small
   * ideals (xor-blog: 96 tables; at 4,096 monomials their zero-filled arrays, 0.6 MB each in 10
   * variables, took 45 ms of a 220 ms analysis), while a large run doubles a few more times.
   */
  constructor(nvars: number, order: MonomialOrder, cmp: Comparator, capacity = 1 << 8) {
    this.nvars = nvars;
    this.stride = nvars + 1;
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.exps = new Int32Array(cap * this.stride);
    this.hashes = new Int32Array(cap);
    this.masks = new Int32Array(cap);
    this.label = new Int32Array(cap);
    this.keyWords = nvars >= 1 && nvars <= 16 ? Math.ceil(nvars / 4) : 0;
    this.packed = this.keyWords > 0;
    this.slotStride = 2 + this.keyWords;
    this.keys = new Int32Array(cap * this.keyWords);
    this.slots = new Int32Array(cap * 2 * this.slotStride);
    this.slotMask = cap * 2 - 1;
    this.tmp = new Int32Array(this.stride);
    // Deterministic pseudo-random odd multipliers (xorshift), so runs are reproducible.
    this.hashMul = new Int32Array(this.stride);
    let s = 0x9e3779b9 | 0;
    for (let i = 1; i < this.stride; i++) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      this.hashMul[i] = s | 1;
    }
    // Divisibility mask: spread 32 bits over the variables, thresholds 1, 2, … per variable.
    const perVar = nvars === 0 ? 0 : Math.max(1, Math.floor(32 / nvars));
    const nbits = Math.min(32, perVar * nvars);
    this.maskVar = new Int32Array(nbits);
    this.maskThr = new Int32Array(nbits);
    for (let b = 0; b < nbits; b++) {
      this.maskVar[b] = (b % nvars) + 1;
      this.maskThr[b] = Math.floor(b / nvars) + 1;
    }
    this.orderKind =
      order.kind === 'degrevlex' ? ORDER_DEGREVLEX : order.kind === 'deglex' ? ORDER_DEGLEX : order.kind === 'lex' ? ORDER_LEX : ORDER_GENERIC;
    this.generic = this.orderKind === ORDER_GENERIC ? cmp : undefined;
    this.degrevlexBlocks =
      order.kind === 'degrevlex' ? [nvars] : order.kind === 'block' && order.blocks.every((b) => b.order.kind === 'degrevlex') ? order.blocks.map((b) => b.size) : undefined;
  }

  /**
   * The sizes of the order's blocks of variables when each is ordered by degrevlex (one block of
   * all the variables for degrevlex itself, the blocks of a block order such as an elimination
   * order); undefined for other orders. The columns of an F4 matrix sort by keys then
   * (`sort-columns.ts`).
   */
  readonly degrevlexBlocks: readonly number[] | undefined;

  /**
   * Empties the table for reuse (a round's table, for the next matrix): only the slots in use are
   * cleared, so a table grown by one large matrix costs the small ones that follow nothing more.
   */
  clear(): void {
    const slots = this.slots;
    const ss = this.slotStride;
    const hashes = this.hashes;
    for (let id = 0; id < this.size; id++) {
      // Linear probing: the id sits at or after its hash's slot (chains are not followed by zeros here).
      let slot = (hashes[id] ^ (hashes[id] >>> 15)) & this.slotMask;
      while (slots[slot * ss] !== id + 1) slot = (slot + 1) & this.slotMask;
      for (let j = 0; j < ss; j++) slots[slot * ss + j] = 0;
    }
    this.size = 0;
    this.maxDegree = 0;
    this.maxExponent = 0;
    this.packed = this.keyWords > 0;
    this.monoCache.length = 0;
  }

  /** Total degree of monomial id. */
  degree(id: number): number {
    return this.exps[id * this.stride];
  }

  /** Interns the exponent vector currently in `tmp` (degree slot included) and returns its id. */
  internTmp(): number {
    const t = this.tmp;
    const mul = this.hashMul;
    let h = 0;
    for (let i = 1; i < this.stride; i++) h = (h + Math.imul(t[i], mul[i])) | 0;
    return this.lookupTmp(h, true);
  }

  /** Interns a Monomial `[deg, e1..en]`. */
  intern(m: Monomial): number {
    const t = this.tmp;
    for (let i = 0; i < this.stride; i++) t[i] = m[i];
    return this.internTmp();
  }

  /** The id of a Monomial, or −1 if it was never interned. */
  find(m: Monomial): number {
    const t = this.tmp;
    const mul = this.hashMul;
    let h = 0;
    for (let i = 0; i < this.stride; i++) t[i] = m[i];
    for (let i = 1; i < this.stride; i++) h = (h + Math.imul(t[i], mul[i])) | 0;
    return this.lookupTmp(h, false);
  }

  /**
   * The id in this table of a·b, for ids a and b of `base` (this table or another of the same
   * ring), interned if new. The hot path of symbolic preprocessing: the probe compares the sums
   * in place, and only a new product is written out.
   */
  productOf(base: MonomialTable, a: number, b: number): number {
    const h = (base.hashes[a] + base.hashes[b]) | 0;
    const s = this.stride;
    const oa = a * s;
    const ob = b * s;
    const e = this.exps;
    const be = base.exps;
    const slots = this.slots;
    const slotMask = this.slotMask;
    const ss = this.slotStride;
    let slot = (h ^ (h >>> 15)) & slotMask;
    if (this.packed && base.packed) {
      const w = this.keyWords;
      const keys = base.keys;
      const ka = a * w;
      const kb = b * w;
      for (;;) {
        const at = slot * ss;
        const v = slots[at];
        if (v === 0) break;
        if (slots[at + 1] === h) {
          let j = 0;
          while (j < w && slots[at + 2 + j] === ((keys[ka + j] + keys[kb + j]) | 0)) j++;
          if (j === w) return v - 1;
        }
        slot = (slot + 1) & slotMask;
      }
    } else {
      for (;;) {
        const at = slot * ss;
        const v = slots[at];
        if (v === 0) break;
        if (slots[at + 1] === h) {
          const o = (v - 1) * s;
          let i = 0;
          while (i < s && e[o + i] === be[oa + i] + be[ob + i]) i++;
          if (i === s) return v - 1;
        }
        slot = (slot + 1) & slotMask;
      }
    }
    const t = this.tmp;
    for (let i = 0; i < s; i++) t[i] = be[oa + i] + be[ob + i];
    return this.lookupTmp(h, true);
  }

  /** The id of a/b, assuming b | a (interned if new). */
  div(a: number, b: number): number {
    return this.quotientOf(this, a, b);
  }

  /** The id in this table of a/b, for a an id of `from` (a table of the same ring) and b one of this table, b | a. */
  quotientOf(from: MonomialTable, a: number, b: number): number {
    const ea = from.exps;
    const e = this.exps;
    const s = this.stride;
    const t = this.tmp;
    const oa = a * s;
    const ob = b * s;
    for (let i = 0; i < s; i++) t[i] = ea[oa + i] - e[ob + i];
    return this.lookupTmp((from.hashes[a] - this.hashes[b]) | 0, true);
  }

  /** The id in this table of monomial `id` of `from` (a table of the same ring), interned if new. */
  internFrom(from: MonomialTable, id: number): number {
    const t = this.tmp;
    const e = from.exps;
    const o = id * this.stride;
    for (let i = 0; i < this.stride; i++) t[i] = e[o + i];
    return this.lookupTmp(from.hashes[id], true);
  }

  /**
   * Writes lcm(a, b) as a vector (degree first, `stride` slots) into `out` at `offset`, without
   * interning it, and returns its hash (the one `internAt` expects).
   */
  lcmInto(a: number, b: number, out: Int32Array, offset: number): number {
    const e = this.exps;
    const s = this.stride;
    const mul = this.hashMul;
    const oa = a * s;
    const ob = b * s;
    let d = 0;
    let h = 0;
    for (let i = 1; i < s; i++) {
      const x = e[oa + i];
      const y = e[ob + i];
      const m = x > y ? x : y;
      out[offset + i] = m;
      d += m;
      h = (h + Math.imul(m, mul[i])) | 0;
    }
    out[offset] = d;
    return h;
  }

  /** The total degree of lcm(a, b). */
  lcmDegree(a: number, b: number): number {
    const e = this.exps;
    const s = this.stride;
    const oa = a * s;
    const ob = b * s;
    let d = 0;
    for (let i = 1; i < s; i++) {
      const x = e[oa + i];
      const y = e[ob + i];
      d += x > y ? x : y;
    }
    return d;
  }

  /** Interns the vector at `offset` of `v` (degree first, `stride` slots) whose hash is `hash`. */
  internAt(v: Int32Array, offset: number, hash: number): number {
    const t = this.tmp;
    for (let i = 0; i < this.stride; i++) t[i] = v[offset + i];
    return this.lookupTmp(hash, true);
  }

  /** The divisibility mask of the vector at `offset` of `v` (degree first, `stride` slots). */
  private maskOf(v: Int32Array, offset: number): number {
    let mask = 0;
    const mv = this.maskVar;
    const mt = this.maskThr;
    for (let b = 0; b < mv.length; b++) if (v[offset + mv[b]] >= mt[b]) mask |= 1 << b;
    return mask;
  }

  /** Does monomial a divide monomial b? */
  divides(a: number, b: number): boolean {
    return this.dividesIn(a, this, b);
  }

  /** Does monomial a (an id of this table) divide monomial b of `other` (a table of the same ring)? */
  dividesIn(a: number, other: MonomialTable, b: number): boolean {
    if ((this.masks[a] & ~other.masks[b]) !== 0) return false;
    const e = this.exps;
    const f = other.exps;
    const s = this.stride;
    const oa = a * s;
    const ob = b * s;
    if (e[oa] > f[ob]) return false;
    for (let i = 1; i < s; i++) if (e[oa + i] > f[ob + i]) return false;
    return true;
  }

  /** gcd(a, b) = 1? */
  coprime(a: number, b: number): boolean {
    const e = this.exps;
    const s = this.stride;
    const oa = a * s;
    const ob = b * s;
    for (let i = 1; i < s; i++) if (e[oa + i] !== 0 && e[ob + i] !== 0) return false;
    return true;
  }

  /** Compares two ids in the ring's order: positive when a > b, 0 when equal. */
  cmp(a: number, b: number): number {
    if (a === b) return 0;
    const e = this.exps;
    const s = this.stride;
    const oa = a * s;
    const ob = b * s;
    switch (this.orderKind) {
      case ORDER_DEGREVLEX: {
        const d = e[oa] - e[ob];
        if (d !== 0) return d;
        for (let i = s - 1; i >= 1; i--) if (e[oa + i] !== e[ob + i]) return e[ob + i] - e[oa + i];
        return 0;
      }
      case ORDER_DEGLEX: {
        const d = e[oa] - e[ob];
        if (d !== 0) return d;
        for (let i = 1; i < s; i++) if (e[oa + i] !== e[ob + i]) return e[oa + i] - e[ob + i];
        return 0;
      }
      case ORDER_LEX:
        for (let i = 1; i < s; i++) if (e[oa + i] !== e[ob + i]) return e[oa + i] - e[ob + i];
        return 0;
      default:
        return this.generic!(this.monomialCached(a), this.monomialCached(b));
    }
  }

  /** The exponent vector of id as a fresh Monomial `[deg, e1..en]`. */
  toMonomial(id: number): number[] {
    const o = id * this.stride;
    const m = new Array<number>(this.stride);
    for (let i = 0; i < this.stride; i++) m[i] = this.exps[o + i];
    return m;
  }

  /**
   * The exponent vector of id as a Monomial shared by every caller (created once): the output
   * polynomials of f4 and of every replay of a trace use these, which saves an array per term and
   * lets equal monomials of different replays compare by reference.
   */
  monomial(id: number): Monomial {
    return this.monomialCached(id);
  }

  private monomialCached(id: number): Monomial {
    let m = this.monoCache[id];
    if (m === undefined) {
      m = this.toMonomial(id);
      this.monoCache[id] = m;
    }
    return m;
  }

  /** Finds (or, when `insert`, interns) the vector in `tmp` whose hash is h; −1 when absent. */
  private lookupTmp(h: number, insert: boolean): number {
    const t = this.tmp;
    const e = this.exps;
    const s = this.stride;
    const ss = this.slotStride;
    let slot = (h ^ (h >>> 15)) & this.slotMask;
    for (;;) {
      const v = this.slots[slot * ss];
      if (v === 0) break;
      const id = v - 1;
      if (this.slots[slot * ss + 1] === h) {
        const o = id * s;
        let eq = true;
        for (let i = 0; i < s; i++) {
          if (e[o + i] !== t[i]) {
            eq = false;
            break;
          }
        }
        if (eq) return id;
      }
      slot = (slot + 1) & this.slotMask;
    }
    if (!insert) return -1;
    const id = this.size;
    if (id >= this.hashes.length) {
      this.grow();
      return this.lookupTmp(h, true);
    }
    this.size = id + 1;
    const o = id * s;
    e[o] = t[0];
    if (t[0] > this.maxDegree) this.maxDegree = t[0];
    for (let i = 1; i < s; i++) {
      e[o + i] = t[i];
      if (t[i] > this.maxExponent) this.maxExponent = t[i];
    }
    this.hashes[id] = h;
    this.masks[id] = this.maskOf(t, 0);
    const at = slot * ss;
    this.slots[at] = id + 1;
    this.slots[at + 1] = h;
    if (this.maxExponent >= PACKED_EXPONENT_LIMIT) this.packed = false;
    if (this.packed) {
      const w = this.keyWords;
      for (let j = 0; j < w; j++) {
        let word = 0;
        for (let b = 0; b < 4 && 1 + 4 * j + b < s; b++) word |= t[1 + 4 * j + b] << (8 * b);
        this.keys[id * w + j] = word;
        this.slots[at + 2 + j] = word;
      }
    }
    return id;
  }

  /** Bytes per monomial of the table: exponents, hash, mask, the scratch int, keys and two slots. */
  get bytesPerMonomial(): number {
    return 4 * this.stride + 12 + 4 * this.keyWords + 2 * 4 * this.slotStride;
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    this.budget?.check(cap * this.bytesPerMonomial, () => `the F4 monomial table, doubling to ${cap.toLocaleString('en-US')} monomials in ${this.nvars} variables,`);
    this.exps = grown(this.exps, cap * this.stride);
    const hashes = (this.hashes = grown(this.hashes, cap));
    this.masks = grown(this.masks, cap);
    this.label = grown(this.label, cap);
    const w = this.keyWords;
    const keys = (this.keys = grown(this.keys, cap * w));
    const ss = this.slotStride;
    this.slots = new Int32Array(cap * 2 * ss);
    this.slotMask = cap * 2 - 1;
    for (let id = 0; id < this.size; id++) {
      const h = hashes[id];
      let slot = (h ^ (h >>> 15)) & this.slotMask;
      while (this.slots[slot * ss] !== 0) slot = (slot + 1) & this.slotMask;
      const at = slot * ss;
      this.slots[at] = id + 1;
      this.slots[at + 1] = h;
      for (let j = 0; j < w; j++) this.slots[at + 2 + j] = keys[id * w + j];
    }
  }
}

/** A copy of `a` in a new array of the same kind and length n ≥ a.length (zeros after a's entries). */
export function grown<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}

/** Exponents from this one on turn the packed comparison off (two of them would overflow 8 bits). */
const PACKED_EXPONENT_LIMIT = 128;
