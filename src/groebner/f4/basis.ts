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
import { DivisorTree } from './divisor-tree';
import { MonomialTable, grown } from './hashtable';

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
  /** The active elements by number of terms (then index decreasing), as of `sortedVersion`. */
  private byLength: Int32Array = new Int32Array(0);
  private byLengthMask: Int32Array = new Int32Array(0);
  /** The active elements' leading monomials, as of `sortedVersion`: most searches find no divisor. */
  private leads: DivisorTree | undefined;
  private sortedVersion = -1;
  /** Counts the changes of `active`. */
  private version = 0;

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
    this.version++;
    this.size = k + 1;
    return k;
  }

  /** Flags element k redundant and removes it from `active`. */
  markRedundant(k: number): void {
    if (this.redundant[k]) return;
    this.redundant[k] = 1;
    const i = this.active.indexOf(k);
    if (i >= 0) this.active.splice(i, 1);
    this.version++;
  }

  /**
   * A non-redundant element whose leading monomial divides monomial m (an id of `of`: the basis'
   * table, or a round's table of the same ring), preferring the fewest terms and then the most
   * recent; −1 when there is none. The search runs over the active elements in the order of
   * `byLength` (fewest terms first, then the most recent), so the first divisor found is the
   * answer; most monomials have none, which the tree of leading monomials says at once.
   */
  findReducer(m: number, of: MonomialTable = this.table): number {
    if (this.sortedVersion !== this.version) this.sortByLength();
    if (!(this.leads as DivisorTree).anyDivides(m, of)) return -1;
    const table = this.table;
    const maskM = ~of.masks[m];
    const order = this.byLength;
    const masks = this.byLengthMask;
    const lead = this.lead;
    for (let i = 0; i < order.length; i++) {
      if ((masks[i] & maskM) !== 0) continue;
      const k = order[i];
      if (table.dividesIn(lead[k], of, m)) return k;
    }
    return -1;
  }

  /** Sorts the active elements by number of terms, then by index decreasing, with their masks. */
  private sortByLength(): void {
    const act = this.active.slice();
    act.sort((x, y) => this.monos[x].length - this.monos[y].length || y - x);
    this.byLength = Int32Array.from(act);
    this.byLengthMask = Int32Array.from(act, (k) => this.leadMask[k]);
    this.leads = new DivisorTree(this.table, Int32Array.from(act, (k) => this.lead[k]));
    this.sortedVersion = this.version;
  }

  private grow(): void {
    const n = this.lead.length * 2;
    this.lead = grown(this.lead, n);
    this.leadMask = grown(this.leadMask, n);
    this.sugar = grown(this.sugar, n);
    this.redundant = grown(this.redundant, n);
  }
}
