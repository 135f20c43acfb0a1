/**
 * The columns of an F4 matrix in decreasing monomial order, sorted without a comparator.
 *
 * With a comparator callback per comparison, sorting the columns took a quarter of F4's time on
 * the decomposition's pieces (thousands of columns per round, 18 variables). For degrevlex the
 * order is that of digit tuples, most significant first: the total degree, then B − 1 − e_n,
 * B − 1 − e_{n−1}, … (B exceeds every exponent of the table; the table keeps B and the degree
 * bound as it interns, so the columns are not scanned for them). A block order whose blocks are
 * each ordered by degrevlex (the elimination orders of Gianni–Trager–Zacharias and the block
 * bases of the decomposition) compares the blocks' tuples one after the other, so its digits are
 * the first block's degree and reversed exponents, then the second block's, and so on.
 *
 * The sort is a least-significant-digit radix sort on those digits: consecutive digits are
 * combined into one radix digit of at most 2^8 to 2^16 values (growing with the columns), each
 * radix digit of every column is computed once, reading the exponents in order, and each pass
 * is a counting sort, stable, of the permutation. Until December 2026 the digits that fit in a
 * double (with the column's position) were packed into one key sorted natively, and each run of
 * equal keys by the next digits: with 19 variables 88% of the columns fell in such runs (134,093 of them in
 * the learning run of the 2-3-2-1 network's whole basis, 800 ms for its 1.5 million columns).
 * A digit of more values than a radix digit holds (a large exponent) is taken in parts of its
 * bits. Other orders keep the comparator sort, and so do fewer than `RADIX_MIN` columns.
 */
import { MonomialTable } from './hashtable';

/** Fewer columns than this are sorted with the comparator. */
const RADIX_MIN = 32;

/** Sorts monomial ids (distinct) decreasing in the table's order, in place. */
export function sortDecreasing(table: MonomialTable, ids: number[]): void {
  const n = ids.length;
  if (n < 2) return;
  const blocks = table.degrevlexBlocks;
  if (blocks === undefined || n < RADIX_MIN) ids.sort((x, y) => table.cmp(y, x));
  else radixSort(table, digitPlan(blocks, table.maxDegree + 1, table.maxExponent + 1), ids);
}

/** The digits of the order, most significant first (see `digitPlan`). */
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

/** Bits of the largest radix digit. */
const RADIX_BITS = 16;

/**
 * The radix digits, least significant first, as flat arrays: radix digit q combines the parts
 * start[q] … start[q + 1] − 1, most significant first, part k being digit `digit[k]` of the plan
 * divided by `divisor[k]` (a power of two) modulo `base[k]`; `size[q]` is the product of its
 * parts' bases. `whole` when no digit was cut into parts (then part k is digit[k] itself).
 */
interface RadixDigits {
  start: Int32Array;
  digit: Int32Array;
  divisor: Float64Array;
  base: Float64Array;
  size: number[];
  whole: boolean;
}

/** The plan's digits in radix digits of at most 2^bits values. */
function radixDigits(plan: DigitPlan, bits: number): RadixDigits {
  const maxSize = 2 ** bits;
  // Parts, least significant first: a digit of more values is taken `bits` bits at a time.
  const parts: { digit: number; divisor: number; base: number }[] = [];
  for (let d = plan.base.length - 1; d >= 0; d--) {
    const base = plan.base[d];
    if (base <= maxSize) parts.push({ digit: d, divisor: 1, base });
    else {
      for (let shift = 0; 2 ** shift < base; shift += bits) parts.push({ digit: d, divisor: 2 ** shift, base: Math.min(maxSize, Math.ceil(base / 2 ** shift)) });
    }
  }
  // Consecutive parts while their values fit, each group written most significant first.
  const ordered: typeof parts = [];
  const start = [0];
  const size: number[] = [];
  let i = 0;
  while (i < parts.length) {
    let product = 1;
    let j = i;
    for (; j < parts.length && product * parts[j].base <= maxSize; j++) product *= parts[j].base;
    ordered.push(...parts.slice(i, j).reverse());
    start.push(ordered.length);
    size.push(product);
    i = j;
  }
  return {
    start: Int32Array.from(start),
    digit: Int32Array.from(ordered, (x) => x.digit),
    divisor: Float64Array.from(ordered, (x) => x.divisor),
    base: Float64Array.from(ordered, (x) => x.base),
    size,
    whole: parts.length === plan.base.length,
  };
}

/** The radix sort of `ids` decreasing by the plan's digits (see the header). */
function radixSort(table: MonomialTable, plan: DigitPlan, ids: number[]): void {
  const n = ids.length;
  const bits = Math.min(RADIX_BITS, Math.max(8, Math.ceil(Math.log2(n))));
  const { start, digit: pd, divisor: pdiv, base: pb, size: sizes, whole } = radixDigits(plan, bits);
  const passes = sizes.length;
  const e = table.exps;
  const s = table.stride;
  // The plan as flat arrays (the loop below runs per column).
  const nd = plan.base.length;
  const isDegree = Uint8Array.from(plan.degree, (x) => (x ? 1 : 0));
  const from = Int32Array.from(plan.from);
  const to = Int32Array.from(plan.to);
  const reversedBase = Int32Array.from(plan.base, (b) => b - 1);
  // The whole order as one block: its degree is the total degree, stored in slot 0.
  if (plan.to[0] === table.nvars) from[0] = to[0] = 0;
  // Radix digit q of column i at q·n + i, computed with the exponents read in order.
  const values = new Int32Array(passes * n);
  const digits = new Float64Array(nd);
  for (let i = 0; i < n; i++) {
    const o = ids[i] * s;
    for (let d = 0; d < nd; d++) {
      if (isDegree[d] === 0) digits[d] = reversedBase[d] - e[o + from[d]];
      else {
        let deg = 0;
        for (let v = from[d]; v <= to[d]; v++) deg += e[o + v];
        digits[d] = deg;
      }
    }
    for (let q = 0; q < passes; q++) {
      let v = 0;
      for (let k = start[q]; k < start[q + 1]; k++) v = v * pb[k] + (whole ? digits[pd[k]] : Math.floor(digits[pd[k]] / pdiv[k]) % pb[k]);
      values[q * n + i] = v;
    }
  }
  let perm = new Int32Array(n);
  let next = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const count = new Int32Array(2 ** bits + 1);
  for (let q = 0; q < passes; q++) {
    const size = sizes[q];
    const at = q * n;
    count.fill(0, 0, size + 1);
    for (let j = 0; j < n; j++) count[values[at + perm[j]] + 1]++;
    for (let v = 1; v <= size; v++) count[v] += count[v - 1];
    for (let j = 0; j < n; j++) next[count[values[at + perm[j]]]++] = perm[j];
    const t = perm;
    perm = next;
    next = t;
  }
  // perm is increasing: the columns read backwards.
  const sorted = ids.slice();
  for (let t = 0; t < n; t++) ids[t] = sorted[perm[n - 1 - t]];
}
