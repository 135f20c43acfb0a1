/**
 * The growing basis of an F4 run over Z/p.
 *
 * Representation: polynomial k is two parallel typed arrays, `monos[k]` (monomial ids of the
 * MonomialTable, sorted decreasing in the ring order, so `monos[k][0]` is the leading monomial)
 * and `coeffs[k]` (residues in [0, p), the leading one is 1: every basis element is monic).
 * Elements are only appended; an element whose leading monomial is divisible by a later one is
 * flagged redundant (it stays, because pending critical pairs may still name it) and dropped from
 * `active`, the list of indices searched for reducers. `sugar[k]` is the sugar degree used by the
 * normal selection strategy for orders that are not degree-compatible.
 */
import { MonomialTable } from './hashtable';

/** An append-only list of monic polynomials with interned monomials. */
export class Basis {
  readonly monos: Int32Array[] = [];
  readonly coeffs: Int32Array[] = [];
  /** Leading monomial id of each element. */
  lead: Int32Array = new Int32Array(64);
  /** Divisibility mask of each leading monomial (copied here for a cache-friendly reducer search). */
  leadMask: Int32Array = new Int32Array(64);
  sugar: Int32Array = new Int32Array(64);
  redundant: Uint8Array = new Uint8Array(64);
  /** Indices of the non-redundant elements, in insertion order. */
  active: number[] = [];
  size = 0;

  constructor(readonly table: MonomialTable) {}

  /** Appends a monic polynomial and returns its index (the caller updates pairs and redundancy). */
  add(monos: Int32Array, coeffs: Int32Array, sugar: number): number {
    const k = this.size;
    if (k >= this.lead.length) this.grow();
    this.monos.push(monos);
    this.coeffs.push(coeffs);
    this.lead[k] = monos[0];
    this.leadMask[k] = this.table.masks[monos[0]];
    this.sugar[k] = sugar;
    this.redundant[k] = 0;
    this.active.push(k);
    this.size = k + 1;
    return k;
  }

  /** Flags element k redundant and removes it from `active`. */
  markRedundant(k: number): void {
    if (this.redundant[k]) return;
    this.redundant[k] = 1;
    const i = this.active.indexOf(k);
    if (i >= 0) this.active.splice(i, 1);
  }

  /**
   * A non-redundant element whose leading monomial divides monomial m, preferring the fewest terms
   * and then the most recent; −1 when there is none.
   */
  findReducer(m: number): number {
    const table = this.table;
    const maskM = ~table.masks[m];
    const act = this.active;
    const lead = this.lead;
    const lmask = this.leadMask;
    let best = -1;
    let bestLen = 0x7fffffff;
    for (let i = act.length - 1; i >= 0; i--) {
      const k = act[i];
      if ((lmask[k] & maskM) !== 0) continue;
      const len = this.monos[k].length;
      if (len >= bestLen) continue;
      if (table.divides(lead[k], m)) {
        best = k;
        bestLen = len;
      }
    }
    return best;
  }

  private grow(): void {
    const n = this.lead.length * 2;
    const lead = new Int32Array(n);
    lead.set(this.lead);
    this.lead = lead;
    const lm = new Int32Array(n);
    lm.set(this.leadMask);
    this.leadMask = lm;
    const sugar = new Int32Array(n);
    sugar.set(this.sugar);
    this.sugar = sugar;
    const red = new Uint8Array(n);
    red.set(this.redundant);
    this.redundant = red;
  }
}
