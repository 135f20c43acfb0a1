/**
 * An incrementally built echelon basis that answers "is this vector a combination of the ones
 * inserted before, and with which coefficients?" — the linear-algebra core of FGLM, minimal
 * polynomials and rational univariate representations.
 *
 * Each stored row is reduced against the earlier rows and normalized to pivot 1, and carries the
 * combination of inserted vectors it equals, so a dependent vector's coefficients come out of the
 * same reduction. Exact over any field.
 */
import { Field } from './field';

export class EchelonSpace<T> {
  private readonly rows: T[][] = [];
  private readonly pivots: number[] = [];
  private readonly combos: T[][] = []; // rows[k] = Σ combos[k][j]·inserted_j
  private inserted = 0;

  constructor(private readonly F: Field<T>) {}

  /** The number of independent vectors inserted so far. */
  get rank(): number {
    return this.inserted;
  }

  /**
   * If v is a combination Σ cⱼ·insertedⱼ of the vectors inserted so far, returns [c₀, c₁, …]
   * without changing the space; otherwise inserts v and returns undefined.
   */
  insert(v: readonly T[]): T[] | undefined {
    const dep = this.reduce(v, true);
    return dep;
  }

  /** Like insert, but never adds v: the combination, or undefined when v is independent. */
  express(v: readonly T[]): T[] | undefined {
    return this.reduce(v, false);
  }

  private reduce(v: readonly T[], add: boolean): T[] | undefined {
    const F = this.F;
    const w = v.slice();
    const combo = new Array<T>(this.inserted + 1).fill(F.zero);
    combo[this.inserted] = F.one; // w = v − Σ …, with v itself as the last "input"
    for (let k = 0; k < this.rows.length; k++) {
      const p = this.pivots[k];
      if (F.isZero(w[p])) continue;
      const f = w[p];
      const row = this.rows[k];
      for (let j = 0; j < w.length; j++) if (!F.isZero(row[j])) w[j] = F.sub(w[j], F.mul(f, row[j]));
      const cb = this.combos[k];
      for (let j = 0; j < cb.length; j++) if (!F.isZero(cb[j])) combo[j] = F.sub(combo[j], F.mul(f, cb[j]));
    }
    const pivot = w.findIndex((x) => !F.isZero(x));
    if (pivot < 0) return combo.slice(0, this.inserted).map((c) => F.neg(c));
    if (add) {
      const inv = F.inv(w[pivot]);
      this.rows.push(w.map((x) => F.mul(x, inv)));
      this.combos.push(combo.map((x) => F.mul(x, inv)));
      this.pivots.push(pivot);
      this.inserted++;
    }
    return undefined;
  }
}
