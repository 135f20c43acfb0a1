/**
 * An incrementally built echelon basis that answers "is this vector a combination of the ones
 * inserted before, and with which coefficients?" — the linear-algebra core of FGLM, minimal
 * polynomials and rational univariate representations.
 *
 * Each stored row is reduced against the earlier rows and normalized to pivot 1, and carries the
 * combination of inserted vectors it equals, so a dependent vector's coefficients come out of the
 * same reduction. Exact over any field; over Z/p with p < 2^26 the rows are Float64Arrays and the
 * arithmetic runs on plain numbers (`ModularEchelon`), not through field calls.
 */
import { FAST_PRIME_LIMIT, Field, PrimeField } from './field';

export class EchelonSpace<T> {
  private readonly rows: T[][] = [];
  private readonly pivots: number[] = [];
  private readonly combos: T[][] = []; // rows[k] = Σ combos[k][j]·inserted_j
  private inserted = 0;

  private readonly modular?: ModularEchelon;

  constructor(private readonly F: Field<T>) {
    const p = (F as Partial<PrimeField>).p;
    if (typeof p === 'number' && p < FAST_PRIME_LIMIT) this.modular = new ModularEchelon(F as unknown as PrimeField);
  }

  /** The number of independent vectors inserted so far. */
  get rank(): number {
    return this.modular ? this.modular.rank : this.inserted;
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
    if (this.modular) return this.modular.reduce(v as unknown as readonly number[], add) as unknown as T[] | undefined;
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

/** The same echelon space over Z/p (p < 2^26) on Float64Arrays: every product of residues is exact. */
class ModularEchelon {
  private readonly rows: Float64Array[] = [];
  private readonly pivots: number[] = [];
  private readonly combos: Float64Array[] = [];
  rank = 0;

  constructor(private readonly F: PrimeField) {}

  reduce(v: readonly number[], add: boolean): number[] | undefined {
    const p = this.F.p;
    const w = Float64Array.from(v);
    const combo = new Float64Array(this.rank + 1);
    combo[this.rank] = 1;
    for (let k = 0; k < this.rows.length; k++) {
      const f = w[this.pivots[k]];
      if (f === 0) continue;
      const g = p - f;
      const row = this.rows[k];
      for (let j = 0; j < w.length; j++) {
        const x = row[j];
        if (x !== 0) w[j] = (w[j] + g * x) % p;
      }
      const cb = this.combos[k];
      for (let j = 0; j < cb.length; j++) {
        const x = cb[j];
        if (x !== 0) combo[j] = (combo[j] + g * x) % p;
      }
    }
    const pivot = w.findIndex((x) => x !== 0);
    if (pivot < 0) return Array.from(combo.subarray(0, this.rank), (c) => (c === 0 ? 0 : p - c));
    if (add) {
      const inv = this.F.inv(w[pivot]);
      this.rows.push(w.map((x) => (x * inv) % p));
      const c = new Float64Array(this.rank + 1);
      for (let j = 0; j < combo.length; j++) c[j] = (combo[j] * inv) % p;
      this.combos.push(c);
      this.pivots.push(pivot);
      this.rank++;
    }
    return undefined;
  }
}

