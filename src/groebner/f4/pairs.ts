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

/**
 * Pairs taken by a selection: basis indices, lcm ids (equal lcms adjacent) and the selection
 * degree, with each pair's own degree (`degrees`, for `putBack`).
 */
export interface SelectedPairs {
  degree: number;
  a: number[];
  b: number[];
  lcm: number[];
  degrees: number[];
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

  /** Returns taken pairs to the set (a round stopped before its rows were reduced). */
  putBack(sel: SelectedPairs): void {
    for (let i = 0; i < sel.a.length; i++) this.push(sel.a[i], sel.b[i], sel.lcm[i], sel.degrees[i]);
  }

  private take(chosen: (i: number) => boolean, degree: number): SelectedPairs {
    const idx: number[] = [];
    let w = 0;
    for (let i = 0; i < this.size; i++) if (chosen(i)) idx.push(i);
    idx.sort((x, y) => this.lcm[x] - this.lcm[y]);
    const out = { degree, a: idx.map((i) => this.a[i]), b: idx.map((i) => this.b[i]), lcm: idx.map((i) => this.lcm[i]), degrees: idx.map((i) => this.deg[i]) };
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

/**
 * Scratch of `updatePairs`, reused across calls: per new pair t, the exponent vector of its lcm
 * (`stride` slots from t·stride), its hash and divisibility mask, a keep flag and the first new
 * pair with the same lcm; and the slots of a small hash set of the lcms.
 */
let lcmExps = new Int32Array(0);
let lcmHash = new Int32Array(0);
let lcmMask = new Int32Array(0);
let groupOf = new Int32Array(0);
let lastOf = new Int32Array(0);
let keep = new Uint8Array(0);
let lcmSlots = new Int32Array(0);
/** Flag in `lastOf`: a new pair with this lcm has coprime leading monomials. */
const COPRIME = 1 << 30;

function ensureScratch(n: number, stride: number): void {
  if (keep.length < n) {
    const cap = Math.max(64, 2 * n);
    lcmHash = new Int32Array(cap);
    lcmMask = new Int32Array(cap);
    groupOf = new Int32Array(cap);
    lastOf = new Int32Array(cap);
    keep = new Uint8Array(cap);
  }
  if (lcmExps.length < keep.length * stride) lcmExps = new Int32Array(keep.length * stride);
}

/**
 * Adds basis element h to the pair set with the Gebauer–Möller criteria and marks the elements it
 * makes redundant. `degreeCompatible` chooses lcm degree (true) or sugar (false) for selection.
 * The lcms of the new pairs are computed in scratch space, and only those of the pairs kept are
 * interned: most are dropped, and interning them all made the monomial table twice as large.
 */
export function updatePairs(pairs: PairSet, basis: Basis, h: number, degreeCompatible: boolean): void {
  const table: MonomialTable = basis.table;
  const lmh = basis.lead[h];

  // Criterion B_k on the old pairs: (a, b) with lcm l goes when lm(h) | l and l differs from
  // lcm(lm(g_a), lm(h)) and lcm(lm(g_b), lm(h)). Those divide l, so they differ from l exactly
  // when their degree is smaller.
  const masks = table.masks;
  const maskH = masks[lmh];
  let w = 0;
  for (let k = 0; k < pairs.size; k++) {
    const l = pairs.lcm[k];
    let drop = false;
    if ((maskH & ~masks[l]) === 0 && table.divides(lmh, l)) {
      const dl = table.degree(l);
      drop = table.lcmDegree(basis.lead[pairs.a[k]], lmh) < dl && table.lcmDegree(basis.lead[pairs.b[k]], lmh) < dl;
    }
    if (drop) continue;
    pairs.a[w] = pairs.a[k];
    pairs.b[w] = pairs.b[k];
    pairs.lcm[w] = pairs.lcm[k];
    pairs.deg[w] = pairs.deg[k];
    w++;
  }
  pairs.size = w;

  // New pairs: chain criterion (M, F) then the product criterion. A new pair (g_t, h) survives
  // when no other new pair's lcm strictly divides its lcm, it is the last of the new pairs with
  // its lcm, and none of those has coprime leading monomials (Gebauer–Möller's M, F and the
  // product criterion, in the form of Becker–Weispfenning's UPDATE). The pairs whose lcm has a
  // strict divisor are found by going through the lcms by increasing degree and testing each only
  // against the minimal lcms met so far (a strict divisor has a smaller degree, and some minimal
  // lcm divides it): the work is (new pairs) × (minimal lcms), not (new pairs)².
  const act = basis.active;
  const cand: number[] = [];
  for (let t = 0; t < act.length; t++) if (act[t] !== h) cand.push(act[t]);
  const n = cand.length;
  const stride = table.stride;
  ensureScratch(n, stride);
  const exps = lcmExps;
  // The lcms, and equal lcms grouped with a hash set of the first of each.
  let bits = 1;
  while (1 << bits <= 2 * n) bits++;
  const slotMask = (1 << bits) - 1;
  if (lcmSlots.length <= slotMask) lcmSlots = new Int32Array(slotMask + 1);
  const slots = lcmSlots;
  slots.fill(0, 0, slotMask + 1);
  for (let t = 0; t < n; t++) {
    const i = cand[t];
    const hash = table.lcmInto(basis.lead[i], lmh, exps, t * stride);
    lcmHash[t] = hash;
    lcmMask[t] = masks[basis.lead[i]] | maskH; // a bit of lcm(a, b)'s mask is one of a's or b's
    const cp = table.coprime(basis.lead[i], lmh) ? COPRIME : 0;
    // Fibonacci hashing (the top bits of hash·2^32/φ): the lcms' linear hashes differ by small
    // combinations of the variables' multipliers, and their low bits clustered (23 probes per
    // lcm on noon-8).
    let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const v = slots[slot];
      if (v === 0) {
        slots[slot] = t + 1;
        groupOf[t] = t;
        lastOf[t] = t | cp;
        break;
      }
      const u = v - 1;
      if (lcmHash[u] === hash && sameVector(exps, u * stride, t * stride, stride)) {
        groupOf[t] = u;
        lastOf[u] = (lastOf[u] & COPRIME) | t | cp;
        break;
      }
      slot = (slot + 1) & slotMask;
    }
  }
  // Counting sort of the new pairs by lcm degree, then the minimal lcms.
  let maxDeg = 0;
  for (let t = 0; t < n; t++) maxDeg = Math.max(maxDeg, exps[t * stride]);
  const start = new Int32Array(maxDeg + 2);
  for (let t = 0; t < n; t++) start[exps[t * stride] + 1]++;
  for (let d = 0; d <= maxDeg; d++) start[d + 1] += start[d];
  const byDegree = new Int32Array(n);
  for (let t = 0; t < n; t++) byDegree[start[exps[t * stride]]++] = t;
  const minimal: number[] = [];
  let below = 0; // minimal[0..below) have a degree smaller than the current one
  let currentDeg = -1;
  for (let s = 0; s < n; s++) {
    const t = byDegree[s];
    const dl = exps[t * stride];
    if (dl !== currentDeg) {
      currentDeg = dl;
      below = minimal.length;
    }
    const ml = ~lcmMask[t];
    let divided = false;
    for (let v = 0; v < below; v++) {
      const u = minimal[v];
      if ((lcmMask[u] & ml) === 0 && dividesVector(exps, u * stride, t * stride, stride)) {
        divided = true;
        break;
      }
    }
    keep[t] = divided ? 0 : 1;
    if (!divided && (lastOf[groupOf[t]] & ~COPRIME) === t) minimal.push(t);
  }
  const dh = table.degree(lmh);
  for (let t = 0; t < n; t++) {
    // Not kept, not the last with its lcm, or one with this lcm is coprime: no pair.
    if (keep[t] === 0 || lastOf[groupOf[t]] !== t) continue;
    const i = cand[t];
    const dl = exps[t * stride];
    let deg = dl;
    if (!degreeCompatible) {
      const si = basis.sugar[i] + dl - table.degree(basis.lead[i]);
      const sh = basis.sugar[h] + dl - dh;
      deg = si > sh ? si : sh;
    }
    pairs.push(i, h, table.internAt(exps, t * stride, lcmHash[t]), deg);
  }

  // Elements whose leading monomial is a multiple of lm(h) are now redundant.
  for (let t = 0; t < cand.length; t++) {
    const i = cand[t];
    if (table.divides(lmh, basis.lead[i])) basis.markRedundant(i);
  }
}

/** Are the vectors at offsets a and b of `e` (`stride` slots each) equal? */
function sameVector(e: Int32Array, a: number, b: number, stride: number): boolean {
  for (let i = 0; i < stride; i++) if (e[a + i] !== e[b + i]) return false;
  return true;
}

/** Does the monomial at offset a of `e` divide the one at offset b (degree in the first slot)? */
function dividesVector(e: Int32Array, a: number, b: number, stride: number): boolean {
  if (e[a] > e[b]) return false;
  for (let i = 1; i < stride; i++) if (e[a + i] > e[b + i]) return false;
  return true;
}
