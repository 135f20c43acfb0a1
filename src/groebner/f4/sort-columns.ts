/**
 * The columns of an F4 matrix in decreasing monomial order, sorted mostly without a comparator.
 *
 * With a comparator callback per comparison, sorting the columns took a quarter of F4's time on
 * the decomposition's pieces (thousands of columns per round, 18 variables). For degrevlex each
 * monomial gets a key that is monotone in the order: the digits, most significant first, are the
 * total degree, then B − 1 − e_n, B − 1 − e_{n−1}, … for as many of the last variables as fit
 * in a double (B exceeds every exponent of the table, so the digits compare as the tuples do,
 * and degrevlex compares exactly these tuples first; the table keeps B and the degree bound as
 * it interns, so the columns are not scanned for them). A block order whose blocks are each
 * ordered by degrevlex (the elimination orders of Gianni–Trager–Zacharias and the block bases
 * of the decomposition) compares the blocks' tuples one after the other, so its digits are the
 * first block's degree and reversed exponents, then the second block's, and so on, as far as
 * they fit. The key times 2^s plus the column's position is sorted as a Float64Array (natively,
 * no callback), and each run of equal keys — monomials agreeing on every digit taken — is sorted
 * the same way by the next digits (in an elimination order many columns share their first
 * block: on the 2-2-1 network with biases and activation z², comparator sorts of those runs took
 * 1.4 s of its eliminants). Every value is an integer below 2^53, so exact. Other orders, and a
 * digit too large for a key, keep the comparator sort.
 */
import { MonomialTable } from './hashtable';

/** Keys stay below this (a margin under 2^53 for the rounding of the bound's computation). */
const EXACT = 2 ** 52;

/** Sorts monomial ids (distinct) decreasing in the table's order, in place. */
export function sortDecreasing(table: MonomialTable, ids: number[]): void {
  const n = ids.length;
  if (n < 2) return;
  const blocks = table.degrevlexBlocks;
  if (blocks === undefined || !sortByKeys(table, digitPlan(blocks, table.maxDegree + 1, table.maxExponent + 1), 0, ids)) ids.sort((x, y) => table.cmp(y, x));
}

/** The digits of the keys, most significant first (see `digitPlan`). */
interface DigitPlan {
  /** Block degree (the sum of the exponents in slots from..to) or one reversed exponent (slot from). */
  degree: boolean[];
  from: number[];
  to: number[];
  base: number[];
}

/**
 * Every digit of the order, most significant first: per block, its degree (base `degreeBase`),
 * then, unless the block has one variable, its exponents from the last variable down, each as
 * B − 1 − e (base B = `base`). Slots are those of the table's flat exponents (the degree at 0,
 * variable i at i + 1). Equal digits mean equal monomials.
 */
function digitPlan(blocks: readonly number[], degreeBase: number, base: number): DigitPlan {
  const plan: DigitPlan = { degree: [], from: [], to: [], base: [] };
  let first = 1;
  for (const size of blocks) {
    if (size === 0) continue;
    plan.degree.push(true);
    plan.from.push(first);
    plan.to.push(first + size - 1);
    plan.base.push(degreeBase);
    for (let v = first + size - 1; size > 1 && v >= first; v--) {
      plan.degree.push(false);
      plan.from.push(v);
      plan.to.push(v);
      plan.base.push(base);
    }
    first += size;
  }
  return plan;
}

/**
 * The sort by packed keys (see the header) of `ids`, whose digits before `start` are all equal:
 * the digits from `start` on that fit in a key, then each run of equal keys by the next ones.
 * False, nothing done, when not even one digit fits (the caller sorts with the comparator).
 */
function sortByKeys(table: MonomialTable, plan: DigitPlan, start: number, ids: number[]): boolean {
  const n = ids.length;
  const e = table.exps;
  const s = table.stride;
  const shift = 2 ** Math.ceil(Math.log2(n + 1));
  let end = start;
  for (let room = EXACT / shift; end < plan.base.length && room >= plan.base[end]; end++) room /= plan.base[end];
  if (end === start) return false;
  const packed = new Float64Array(n);
  // The whole order as one block: its degree is the total degree, stored in slot 0.
  const whole = plan.to[0] === table.nvars;
  for (let c = 0; c < n; c++) {
    const o = ids[c] * s;
    let key = 0;
    for (let d = start; d < end; d++) {
      const base = plan.base[d];
      if (!plan.degree[d]) key = key * base + (base - 1 - e[o + plan.from[d]]);
      else if (d === 0 && whole) key = key * base + e[o];
      else {
        let deg = 0;
        for (let v = plan.from[d]; v <= plan.to[d]; v++) deg += e[o + v];
        key = key * base + deg;
      }
    }
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
      if (t > runStart) sortRun(table, plan, end, sorted, runStart, t + 1);
      runStart = t + 1;
    }
  }
  for (let c = 0; c < n; c++) ids[c] = sorted[c];
  return true;
}

/** Sorts sorted[from..to) decreasing, equal on the digits before `start`: by the next digits, else with the comparator. */
function sortRun(table: MonomialTable, plan: DigitPlan, start: number, sorted: number[], from: number, to: number): void {
  const run = sorted.slice(from, to);
  if (start >= plan.base.length || !sortByKeys(table, plan, start, run)) run.sort((x, y) => table.cmp(y, x));
  for (let t = from; t < to; t++) sorted[t] = run[t - from];
}
