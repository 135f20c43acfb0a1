/**
 * The columns of an F4 matrix in decreasing monomial order, sorted mostly without a comparator.
 *
 * With a comparator callback per comparison, sorting the columns took a quarter of F4's time on
 * the decomposition's pieces (thousands of columns per round, 18 variables). For degrevlex each
 * monomial gets a key that is monotone in the order: the digits, most significant first, are the
 * total degree, then B − 1 − e_n, B − 1 − e_{n−1}, … for as many of the last variables as fit
 * in a double (B exceeds every exponent of the table, so the digits compare as the tuples do,
 * and degrevlex compares exactly these tuples first; the table keeps B and the degree bound as
 * it interns, so the columns are not scanned for them). The key times 2^s plus the column's
 * position is sorted as a Float64Array (natively, no callback), and only runs of equal keys —
 * monomials agreeing in degree and in the last variables — are sorted with the comparator. Every
 * value is an integer below 2^53, so exact. Other orders, and exponents too large for one digit
 * besides the degree, keep the comparator sort.
 */
import { MonomialTable } from './hashtable';

/** Keys stay below this (a margin under 2^53 for the rounding of the bound's computation). */
const EXACT = 2 ** 52;

/** Sorts monomial ids (distinct) decreasing in the table's order, in place. */
export function sortDecreasing(table: MonomialTable, ids: number[]): void {
  const n = ids.length;
  if (n < 2) return;
  if (!table.isDegrevlex || !sortByKeys(table, ids)) ids.sort((x, y) => table.cmp(y, x));
}

/** The degrevlex sort by packed keys (see the header); false, nothing done, when no variable fits. */
function sortByKeys(table: MonomialTable, ids: number[]): boolean {
  const n = ids.length;
  const e = table.exps;
  const s = table.stride;
  const maxDegree = table.maxDegree;
  const base = table.maxExponent + 1;
  const shift = 2 ** Math.ceil(Math.log2(n + 1));
  // Digits after the degree: as many as keep (maxDegree + 1)·base^k·shift within 2^53.
  let k = 0;
  for (let room = EXACT / shift / (maxDegree + 1); k < s - 1 && room >= base; room /= base) k++;
  if (k === 0) return false;
  const packed = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const o = ids[c] * s;
    let key = e[o];
    for (let i = s - 1; i >= s - k; i--) key = key * base + (base - 1 - e[o + i]);
    packed[c] = key * shift + c;
  }
  packed.sort();
  const sorted = new Array<number>(n);
  // Increasing keys read backwards: decreasing order, runs of equal keys to be finished.
  let runStart = 0;
  for (let t = 0; t < n; t++) {
    const v = packed[n - 1 - t];
    const c = v % shift;
    sorted[t] = ids[c];
    const key = (v - c) / shift;
    const next = t + 1 < n ? packed[n - 2 - t] : -1;
    if (t + 1 === n || (next - (next % shift)) / shift !== key) {
      if (t > runStart) sortRun(table, sorted, runStart, t + 1);
      runStart = t + 1;
    }
  }
  for (let c = 0; c < n; c++) ids[c] = sorted[c];
  return true;
}

/** Sorts sorted[from..to) decreasing with the comparator. */
function sortRun(table: MonomialTable, sorted: number[], from: number, to: number): void {
  const run = sorted.slice(from, to).sort((x, y) => table.cmp(y, x));
  for (let t = from; t < to; t++) sorted[t] = run[t - from];
}
