/**
 * Critical pairs of F4: storage, the Gebauer–Möller update and normal selection.
 *
 * Representation: four parallel Int32Arrays (`a`, `b`: basis indices; `lcm`: the id of
 * lcm(lm(g_a), lm(g_b)); `deg`: the selection degree, the total degree of the lcm for
 * degree-compatible orders and the sugar degree otherwise). Removed pairs are compacted away.
 *
 * `updatePairs` adds a new basis element h following Gebauer–Möller (Becker–Weispfenning,
 * Gröbner Bases, 1993, UPDATE p. 230): old pairs whose lcm is strictly divisible by lm(h) in the
 * sense of criterion B_k are dropped; among the new pairs (g, h) a pair is dropped when another
 * new pair's lcm divides its lcm (keeping one per equal lcm), pairs with coprime leading monomials
 * are dropped last (Buchberger's first criterion), and old elements whose leading monomial is a
 * multiple of lm(h) become redundant.
 */
import { Basis } from './basis';
import { MonomialTable } from './hashtable';

/** Pairs taken by a selection: basis indices, lcm ids (equal lcms adjacent) and their degree. */
export interface SelectedPairs {
  degree: number;
  a: number[];
  b: number[];
  lcm: number[];
}

/** The set of pending critical pairs. */
export class PairSet {
  a: Int32Array = new Int32Array(256);
  b: Int32Array = new Int32Array(256);
  lcm: Int32Array = new Int32Array(256);
  deg: Int32Array = new Int32Array(256);
  size = 0;

  push(a: number, b: number, lcm: number, deg: number): void {
    if (this.size >= this.a.length) this.grow();
    const k = this.size++;
    this.a[k] = a;
    this.b[k] = b;
    this.lcm[k] = lcm;
    this.deg[k] = deg;
  }

  /** The smallest selection degree among the pairs (Infinity when empty). */
  minDegree(): number {
    let d = Infinity;
    for (let i = 0; i < this.size; i++) if (this.deg[i] < d) d = this.deg[i];
    return d;
  }

  /** Removes and returns every pair of selection degree `d` (sorted by lcm id: equal lcms adjacent). */
  takeDegree(d: number): SelectedPairs {
    const deg = this.deg;
    return this.take((i) => deg[i] === d, d);
  }

  /** Removes and returns all pairs whose lcm is the smallest in the order (Buchberger's normal strategy). */
  takeSmallestLcm(table: MonomialTable): SelectedPairs {
    let best = 0;
    for (let i = 1; i < this.size; i++) if (table.cmp(this.lcm[i], this.lcm[best]) < 0) best = i;
    const l = this.lcm[best];
    const lcm = this.lcm;
    return this.take((i) => lcm[i] === l, this.deg[best]);
  }

  private take(chosen: (i: number) => boolean, degree: number): SelectedPairs {
    const idx: number[] = [];
    let w = 0;
    for (let i = 0; i < this.size; i++) if (chosen(i)) idx.push(i);
    idx.sort((x, y) => this.lcm[x] - this.lcm[y]);
    const out = { degree, a: idx.map((i) => this.a[i]), b: idx.map((i) => this.b[i]), lcm: idx.map((i) => this.lcm[i]) };
    const picked = new Uint8Array(this.size);
    for (const i of idx) picked[i] = 1;
    for (let i = 0; i < this.size; i++) {
      if (picked[i]) continue;
      this.a[w] = this.a[i];
      this.b[w] = this.b[i];
      this.lcm[w] = this.lcm[i];
      this.deg[w] = this.deg[i];
      w++;
    }
    this.size = w;
    return out;
  }

  private grow(): void {
    const n = this.a.length * 2;
    for (const key of ['a', 'b', 'lcm', 'deg'] as const) {
      const arr = new Int32Array(n);
      arr.set(this[key]);
      this[key] = arr;
    }
  }
}

/** Scratch buffers reused by `updatePairs` across calls. */
let scratchLcm = new Int32Array(256);
let scratchKeep = new Uint8Array(256);
/** scratchStamp[i] = the stamp of the `updatePairs` call whose lcm(lm(g_i), lm(h)) scratchLcm[i] holds. */
let scratchStamp = new Int32Array(256);
let stampBase = 0;

/**
 * Adds basis element h to the pair set with the Gebauer–Möller criteria and marks the elements it
 * makes redundant. `degreeCompatible` chooses lcm degree (true) or sugar (false) for selection.
 */
export function updatePairs(pairs: PairSet, basis: Basis, h: number, degreeCompatible: boolean): void {
  const table: MonomialTable = basis.table;
  const lmh = basis.lead[h];
  if (scratchLcm.length < h) {
    scratchLcm = new Int32Array(h * 2);
    scratchKeep = new Uint8Array(h * 2);
    scratchStamp = new Int32Array(h * 2);
    stampBase = 0;
  }
  const lcms = scratchLcm;
  const keep = scratchKeep;
  const stamp = scratchStamp;
  // lcm(g_i, h), computed (and interned) only for the elements that need it: the active ones and
  // the members of the old pairs that criterion B_k gets to (a stamp per call marks which).
  if (++stampBase > 0x3fffffff) {
    stamp.fill(0);
    stampBase = 1;
  }
  const mark = stampBase;
  const lcmWith = (i: number): number => {
    if (stamp[i] !== mark) {
      stamp[i] = mark;
      lcms[i] = table.lcm(basis.lead[i], lmh);
    }
    return lcms[i];
  };

  // Criterion B_k on the old pairs.
  const masks = table.masks;
  const maskH = masks[lmh];
  let w = 0;
  for (let k = 0; k < pairs.size; k++) {
    const l = pairs.lcm[k];
    const drop =
      (maskH & ~masks[l]) === 0 && table.divides(lmh, l) && l !== lcmWith(pairs.a[k]) && l !== lcmWith(pairs.b[k]);
    if (drop) continue;
    pairs.a[w] = pairs.a[k];
    pairs.b[w] = pairs.b[k];
    pairs.lcm[w] = pairs.lcm[k];
    pairs.deg[w] = pairs.deg[k];
    w++;
  }
  pairs.size = w;

  // New pairs: chain criterion (M, F) then the product criterion.
  const act = basis.active;
  const cand: number[] = [];
  for (let t = 0; t < act.length; t++) if (act[t] !== h) cand.push(act[t]);
  for (let t = 0; t < cand.length; t++) lcmWith(cand[t]);
  // Interning the lcms may have grown the table: its masks are read again (a stale array has no
  // entry for the new lcms, and ~undefined = −1 made the mask test skip every divisor, so the
  // chain criterion dropped nothing: noon-7 mod p took 17 rounds instead of 13, 3x the time).
  const lcmMasks = table.masks;
  for (let t = 0; t < cand.length; t++) keep[t] = 1;
  for (let t = 0; t < cand.length; t++) {
    const i = cand[t];
    const li = lcms[i];
    if (table.coprime(basis.lead[i], lmh)) continue;
    const mi = ~lcmMasks[li];
    for (let u = 0; u < cand.length; u++) {
      if (u === t || keep[u] === 0) continue;
      const lu = lcms[cand[u]];
      if ((lcmMasks[lu] & mi) !== 0) continue;
      if (table.divides(lu, li)) {
        keep[t] = 0;
        break;
      }
    }
  }
  const dh = table.degree(lmh);
  for (let t = 0; t < cand.length; t++) {
    if (keep[t] === 0) continue;
    const i = cand[t];
    if (table.coprime(basis.lead[i], lmh)) continue;
    const l = lcms[i];
    const dl = table.degree(l);
    let deg = dl;
    if (!degreeCompatible) {
      const si = basis.sugar[i] + dl - table.degree(basis.lead[i]);
      const sh = basis.sugar[h] + dl - dh;
      deg = si > sh ? si : sh;
    }
    pairs.push(i, h, l, deg);
  }

  // Elements whose leading monomial is a multiple of lm(h) are now redundant.
  for (let t = 0; t < cand.length; t++) {
    const i = cand[t];
    if (table.divides(lmh, basis.lead[i])) basis.markRedundant(i);
  }
}
