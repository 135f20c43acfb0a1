/**
 * The images of a reduced Gröbner basis modulo primes, combined coefficient by coefficient, and
 * their rational reconstruction: the accumulator of the multi-modular driver (`modular.ts`).
 *
 * Images are stored aligned on each basis element's monomials (a union over the primes seen); a
 * coefficient's mixed-radix (Garner) digits are extended from the stored images only when it is
 * reconstructed, with double-precision multiply-adds and no bigint work, and its value modulo the
 * product of the primes is formed from them two digits per bigint step. Reconstruction tries, per
 * coefficient: a small numerator over the lcm L of the denominators found so far in its element,
 * in doubles (`smallNumerator`); the fraction y/L over that lcm, then over the lcm of the whole
 * basis, from the Garner digits of y in doubles (`numeratorOver`; the fractions y/L are put in
 * lowest terms together when a candidate is built, with L's small prime factors and one
 * Euclidean gcd per group on the rest, `gcdsFactored` in arithmetic/small-factors.ts); x·L
 * reconstructed with unbalanced bounds over either lcm (numerator up to M^(2/3), denominator up
 * to M^(1/3): msolve's route);
 * then a balanced rational reconstruction. It sweeps the basis in order and stops at the first
 * coefficient that has none yet (tried first next time).
 * Reference: von zur Gathen–Gerhard, Modern Computer Algebra, §5.6 (Garner) and §5.10 (rational
 * reconstruction); msolve's `lifting-gb.c` (Berthomieu–Eder–Safey El Din) for the unbalanced route.
 */
import { isqrt, modInverse } from '../arithmetic/integers';
import { Rational } from '../arithmetic/rational';
import { fractionTimesDenominator, knownDenominatorBound } from '../arithmetic/lifting';
import { ONE_FACTORED, SmallFactored, gcdFactored, gcdsFactored, times } from '../arithmetic/small-factors';
import { rationalReconstruction } from '../arithmetic/reconstruction';
import { Monomial, monomialKey, monomialsEqual } from '../monomials/monomial';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { BasisImage } from './basis-workers';
import type { ReplayedRows } from './f4';
import type { MonomialTable } from './f4/hashtable';

/**
 * The images combined so far, in mixed radix (Garner): a coefficient with digits d₀, d₁, … is
 * d₀ + d₁·p₀ + d₂·p₀p₁ + …, each digit below its prime. Adding a prime stores the image (its
 * coefficients aligned on the element's monomials); a coefficient's digits are extended from the
 * stored images only when it is reconstructed, with a few double-precision multiply-adds per
 * digit (no bigint work), so a coefficient reconstructed at few primes never pays for the later
 * ones (on cyclic-7 most coefficients are known well before the last prime). Per basis element:
 * the monomials (a union over the primes seen), their digits so far, and each coefficient's
 * rational reconstruction once found (kept across attempts, so a coefficient is usually
 * reconstructed once; all are forgotten when a candidate fails the check at a fresh prime).
 */
export interface Accumulator {
  lms: Monomial[];
  elements: {
    monos: Monomial[];
    /** Positions of the monomials by key, built the first time an image is not aligned (rare). */
    keys: Map<string, number> | undefined;
    digits: number[][];
    known: (Rational | undefined)[];
    /**
     * Coefficients read off as y/L over a known lcm L (`numeratorOver`) and stored in
     * known as y/L, not yet in lowest terms: their positions by L. They are put in lowest terms
     * together when a candidate is built (`gcdsFactored`: one Euclidean gcd per group instead of
     * one per coefficient).
     */
    unreduced: Map<SmallFactored, number[]>;
    /** The lcm of the denominators of the known coefficients, with its small prime factors (kept across attempts). */
    den: SmallFactored;
  }[];
  primes: number[];
  /** images[t][i]: the coefficients of element i modulo primes[t], on its monomials at the time. */
  images: Float64Array[][];
  /** weights[t][s] = p₀⋯p_{s−1} mod primes[t] for s ≤ t (the last one inverted for the digit). */
  weights: Float64Array[];
  modulus: bigint;
  count: number;
  /** Where the last reconstruction attempt failed: tried first next time (a cheap early exit). */
  sentinel: [number, number];
  /** The lcm of the denominators of all known coefficients, with its small prime factors. */
  den: SmallFactored;
  /** Such lcms modulo each prime seen (`residuesOf`). */
  denResidues: Map<SmallFactored, number[]>;
}

export function startAccumulator(basis: readonly Polynomial<number>[]): Accumulator {
  const p = Number(basis.length > 0 ? basis[0].field.characteristic : 2n);
  return {
    lms: basis.map((g) => g.lm()),
    elements: basis.map((g) => ({
      monos: [...g.monomials],
      keys: undefined,
      digits: g.coefficients.map(() => []),
      known: g.coefficients.map(() => undefined),
      unreduced: new Map(),
      den: ONE_FACTORED,
    })),
    primes: [p],
    images: [basis.map((g) => Float64Array.from(g.coefficients))],
    weights: [Float64Array.of(1)],
    modulus: BigInt(p),
    count: 1,
    sentinel: [0, 0],
    den: ONE_FACTORED,
    denResidues: new Map(),
  };
}

/** Stores the image of the basis at the new prime p (aligned on the elements' monomials). */
export function addImage(acc: Accumulator, basis: readonly Polynomial<number>[], p: number): void {
  const images: Float64Array[] = [];
  for (let i = 0; i < basis.length; i++) {
    const g = basis[i];
    const el = acc.elements[i];
    // Usually the image has the stored support in the same positions: compare before hashing.
    let aligned = g.length === el.monos.length;
    for (let k = 0; aligned && k < g.length; k++) {
      // F4 replays share their monomial arrays with the learned basis: usually the same object.
      if (g.monomials[k] !== el.monos[k] && !monomialsEqual(g.monomials[k], el.monos[k])) aligned = false;
    }
    if (aligned) {
      images.push(Float64Array.from(g.coefficients));
      continue;
    }
    const keys = (el.keys ??= new Map(el.monos.map((m, k) => [monomialKey(m), k])));
    const idx = g.monomials.map((m) => {
      let at = keys.get(monomialKey(m));
      if (at === undefined) {
        // A monomial new to this element: its earlier images are 0 (they are shorter).
        at = el.monos.length;
        el.monos.push(m);
        keys.set(monomialKey(m), at);
        el.digits.push([]);
        el.known.push(undefined);
      }
      return at;
    });
    const image = new Float64Array(el.monos.length); // absent monomials have residue 0
    for (let k = 0; k < g.length; k++) image[idx[k]] = g.coefficients[k];
    images.push(image);
  }
  pushImage(acc, images, p);
}

/**
 * A helper's image at p as coefficient arrays aligned on the stored supports, read straight from
 * its arrays when every element has exactly the stored support (the usual case: then the leading
 * monomials agree too), without building polynomials — on katsura-9 that building took a quarter
 * of the driver's time. An image whose monomials are ids is read in `table`, the monomial table
 * of the trace it replayed (the caller checks it is the current one). Undefined otherwise.
 */
export function alignedImage(acc: Accumulator, image: BasisImage, nvars: number, table?: MonomialTable): Float64Array[] | undefined {
  const { lengths, exponents, ids, coefficients } = image;
  if (!lengths || !coefficients || lengths.length !== acc.elements.length) return undefined;
  // Ids name the Monomial arrays of the trace's table, which the stored supports share when they
  // came from that trace (see `alignedRows`): compared by reference.
  if (ids && !table) return undefined;
  if (!ids && !exponents) return undefined;
  const size = table ? table.size : 0;
  const images: Float64Array[] = [];
  let t = 0;
  for (let i = 0; i < lengths.length; i++) {
    const monos = acc.elements[i].monos;
    const len = lengths[i];
    if (len !== monos.length) return undefined;
    if (ids) {
      for (let k = 0; k < len; k++) {
        const id = ids[t + k];
        if (!(id >= 0 && id < size) || table!.monomial(id) !== monos[k]) return undefined;
      }
    } else {
      for (let k = 0; k < len; k++) {
        const m = monos[k];
        const at = (t + k) * nvars;
        for (let v = 0; v < nvars; v++) if (exponents![at + v] !== m[v + 1]) return undefined;
      }
    }
    images.push(coefficients.subarray(t, t + len));
    t += len;
  }
  return images;
}

/**
 * The coefficient arrays of a replay of the F4 trace (its reduced rows, `f4ApplyRows`) when every
 * row has exactly the stored support of its element, compared by reference: replays of the trace
 * the stored supports came from share its Monomial arrays. Undefined otherwise (then the caller
 * builds the polynomials and goes through `addImage`). Saves building a polynomial per element
 * at every prime (katsura-9: about 0.2 s over its 32 primes, with the garbage).
 */
export function alignedRows(acc: Accumulator, replayed: ReplayedRows): Float64Array[] | undefined {
  const { table, columns, rows } = replayed;
  if (rows.length !== acc.elements.length) return undefined;
  const images: Float64Array[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { cols, coeffs } = rows[i];
    const monos = acc.elements[i].monos;
    if (cols.length !== monos.length) return undefined;
    for (let k = 0; k < cols.length; k++) if (table.monomial(columns[cols[k]]) !== monos[k]) return undefined;
    images.push(Float64Array.from(coeffs));
  }
  return images;
}

/** Appends the aligned coefficient arrays of the image at p, with p's Garner weights. */
export function pushImage(acc: Accumulator, images: Float64Array[], p: number): void {
  const j = acc.primes.length;
  // w[s] = (p₀⋯p_{s−1}) mod p for s < j, and w[j] = the inverse of (p₀⋯p_{j−1}) mod p.
  const w = new Float64Array(j + 1);
  w[0] = 1;
  for (let i = 0; i < j; i++) w[i + 1] = (w[i] * (acc.primes[i] % p)) % p;
  w[j] = Number(modInverse(BigInt(w[j]), BigInt(p)));
  acc.images.push(images);
  acc.weights.push(w);
  acc.primes.push(p);
  acc.modulus *= BigInt(p);
  acc.count++;
}

/** Extends the digits of coefficient k of element i to every prime seen (Garner's step per prime). */
function extendDigits(acc: Accumulator, i: number, k: number): number[] {
  const d = acc.elements[i].digits[k];
  for (let t = d.length; t < acc.count; t++) {
    const img = acc.images[t][i];
    const r = k < img.length ? img[k] : 0;
    const p = acc.primes[t];
    const w = acc.weights[t];
    const x = residueOfDigits(d, w, t, p);
    let digit = (((r - x) % p) * w[t]) % p;
    if (digit < 0) digit += p;
    d.push(digit);
  }
  return d;
}

/**
 * (d₀ + d₁·p₀ + … + d_{j−1}·p₀⋯p_{j−2}) mod p from the digits and w[t] = p₀⋯p_{t−1} mod p. The
 * partial sum stays in (−p, 2p) (x − ⌊x/p⌋·p with an inexact quotient is off by at most one p)
 * and each product is < 2^52, so every sum is exact in doubles. A function of its own so that it
 * is optimized early (it runs once per coefficient per prime).
 */
function residueOfDigits(d: readonly number[], w: Float64Array, j: number, p: number): number {
  const pinv = 1 / p;
  let x = 0;
  for (let t = 0; t < j; t++) {
    x += d[t] * w[t];
    x -= Math.floor(x * pinv) * p;
  }
  if (x < 0) x += p;
  else if (x >= p) x -= p;
  return x;
}

/**
 * The value of the first `length` digits (all by default) modulo the product of their primes
 * (Horner), two digits per bigint step: d_t + d_{t+1}·p_t < 2^52 is exact in a double, and
 * `pairs[t]` holds the bigint p_t·p_{t+1} (see `primePairs`).
 */
function valueOf(digits: readonly number[], primes: readonly number[], pairs: readonly bigint[], length = digits.length): bigint {
  let t = length - 1;
  let x = BigInt(digits[t]);
  if (t % 2 === 1) {
    t--;
    x = x * BigInt(primes[t]) + BigInt(digits[t]);
  }
  for (t -= 2; t >= 0; t -= 2) x = x * pairs[t] + BigInt(digits[t] + digits[t + 1] * primes[t]);
  return x;
}

/** pairs[t] = p_t·p_{t+1} as bigints, for `valueOf`. */
function primePairs(primes: readonly number[]): bigint[] {
  const pairs: bigint[] = [];
  for (let t = 0; t + 1 < primes.length; t++) pairs.push(BigInt(primes[t] * primes[t + 1]));
  return pairs;
}

/** Numerators below this are found by `smallNumerator` (doubles: p₀p₁ < 2^52, and room for the sign). */
const SMALL_NUMERATOR = 2 ** 50;
const TWO_53 = 2n ** 53n;

/** L modulo each prime seen (kept per L, extended as primes come). */
function residuesOf(acc: Accumulator, L: SmallFactored): number[] {
  let r = acc.denResidues.get(L);
  if (!r) acc.denResidues.set(L, (r = []));
  for (let t = r.length; t < acc.count; t++) r.push(Number(L.value % BigInt(acc.primes[t])));
  return r;
}

/**
 * The numerator y of coefficient k of element i over a known lcm L when y is small
 * (|y| < 2^50 and within `wide`): y ≡ r_t·L modulo every prime p_t seen (r_t the coefficient's
 * image), so y is read off the first two primes by Garner in doubles and must agree with all the
 * others. That is the y of `numeratorOver` (the balanced residue of x·L, accepted when
 * |y| ≤ wide), found in O(primes): on noon-8, whose 408,695 coefficients have numerators of at
 * most 47 bits over their element's denominator, the bigint route took a sixth of the run.
 * Undefined when y is not that small (then the caller takes `numeratorOver`).
 */
function smallNumerator(acc: Accumulator, i: number, k: number, Lmod: readonly number[], wide: bigint): number | undefined {
  const n = acc.count;
  if (n < 2) return undefined;
  const p0 = acc.primes[0];
  const p1 = acc.primes[1];
  const y0 = imageTimes(acc, i, k, 0, Lmod[0]);
  let digit = (((imageTimes(acc, i, k, 1, Lmod[1]) - y0) % p1) * acc.weights[1][1]) % p1;
  if (digit < 0) digit += p1;
  let y = y0 + digit * p0;
  if (y > (p0 * p1) / 2) y -= p0 * p1;
  if (Math.abs(y) >= SMALL_NUMERATOR || (wide < TWO_53 && BigInt(Math.abs(y)) > wide)) return undefined;
  for (let t = 2; t < n; t++) {
    const p = acc.primes[t];
    let m = y % p;
    if (m < 0) m += p;
    if (m !== imageTimes(acc, i, k, t, Lmod[t])) return undefined;
  }
  return y;
}

/** Scratch digits for `numeratorOver` (numbers, as the digits `residueOfDigits` reads elsewhere). */
const scratch: number[] = [];

/**
 * The numerator y of coefficient k of element i over a known lcm L: the balanced residue of
 * x·L modulo M (x the coefficient modulo M), accepted when |y| ≤ wide (see `reconstruct`);
 * undefined otherwise. Its residues r_t·L mod p_t give its Garner digits in doubles. With
 * P = M/p for the last prime p and `top` = ⌊wide/P⌋ (a few units: wide is M/2^21), a small y
 * has last digit at most top (y ≥ 0: y ≤ wide) or at least p − 1 − top (y < 0: M + y ≥ M − wide),
 * so any other last digit rejects it without bigint work; else y (or −y, from the digits'
 * complements p_t − 1 − d_t, which need no borrows) is formed from its nonzero digits only. On
 * cyclic-7 this replaced forming x (all digits, 600 bits) and x·L mod M for most coefficients:
 * a quarter of the final reconstruction.
 */
function numeratorOver(acc: Accumulator, i: number, k: number, Lmod: readonly number[], wide: bigint, top: number, pairs: readonly bigint[]): bigint | undefined {
  const n = acc.count;
  const d = scratch;
  for (let t = 0; t < n; t++) {
    const p = acc.primes[t];
    const w = acc.weights[t];
    let digit = (((imageTimes(acc, i, k, t, Lmod[t]) - residueOfDigits(d, w, t, p)) % p) * w[t]) % p;
    if (digit < 0) digit += p;
    d[t] = digit;
  }
  const last = d[n - 1];
  const negative = last > top;
  if (negative && last < acc.primes[n - 1] - 1 - top) return undefined;
  if (negative) for (let t = 0; t < n; t++) d[t] = acc.primes[t] - 1 - d[t];
  let h = n - 1;
  while (h >= 0 && d[h] === 0) h--;
  if (h < 0) return negative ? -1n : 0n;
  const y = valueOf(d, acc.primes, pairs, h + 1) + (negative ? 1n : 0n);
  if (y > wide) return undefined;
  return negative ? -y : y;
}

/** (coefficient k of element i at primes[t]) · c modulo primes[t], for c < primes[t] (exact in doubles). */
function imageTimes(acc: Accumulator, i: number, k: number, t: number, c: number): number {
  const img = acc.images[t][i];
  return ((k < img.length ? img[k] : 0) * c) % acc.primes[t];
}

/** y/L in lowest terms (0/1 for y = 0). */
function lowestTerms(y: bigint, L: SmallFactored): Rational {
  const c = gcdFactored(y, L);
  return { num: y / c, den: L.value / c };
}

/** Puts the element's fractions stored as y/L (`unreduced`) in lowest terms. */
function reduceStored(el: Accumulator['elements'][number]): void {
  for (const [L, at] of el.unreduced) {
    const c = gcdsFactored(
      at.map((k) => el.known[k]!.num),
      L,
    );
    at.forEach((k, j) => (el.known[k] = { num: el.known[k]!.num / c[j], den: L.value / c[j] }));
  }
  el.unreduced.clear();
}

/** lcm(L, d) for d > 0, with its small prime factors. */
function lcmFactored(L: SmallFactored, d: bigint): SmallFactored {
  if (d === 1n || L.value % d === 0n) return L;
  return times(L, d / gcdFactored(d, L));
}

/** Rational reconstruction of every coefficient; undefined when one has no reconstruction yet. */
export function reconstruct(acc: Accumulator, R: PolynomialRing<Rational>): Polynomial<Rational>[] | undefined {
  const M = acc.modulus;
  // A margin below the uniqueness bound √(M/2): with it a residue that is not yet determined
  // passes for a small fraction with probability about 2·bound²/M = 2^−2·margin. Such residues are
  // attempted about once per prime (the sweep below stops at the first failure and starts there
  // next time), so 10 bits make a false candidate a 1-in-30000 event per run, and it would only
  // cost a failed check and a restart. A margin of 20 cost one prime more on cyclic-7, katsura-9
  // and eco-10 (26 → 25, 34 → 33, 10 → 9).
  const margin = BigInt(Math.min(10, Math.floor(M.toString(2).length / 10)));
  const bound = isqrt(M / 2n) >> margin;
  // Coefficients of one basis element tend to share denominators: el.den is the lcm of the
  // denominators found so far in the element, kept across attempts, so that most coefficients
  // are read off as y/el.den without a Euclidean run (see `numeratorOver`).
  // The lcm of all denominators found so far, over the whole basis, catches the coefficients
  // whose denominator is new to their element but not to the basis (katsura-8: 4558 Euclidean
  // runs become 3833, katsura-9: 11901 become 10149). A fraction y/L (L one of these lcms) is
  // unique for |y| < M/2 (L is invertible modulo M); it is accepted for |y| ≤ M/2^(2·margin+1),
  // so that a residue not of that form passes with probability 2^−2·margin per test, the rate of
  // the balanced bound above, whatever L. A coefficient whose denominator L covers then needs
  // about bits(y) + 2·margin bits of modulus instead of 2·max(bits(num), bits(den)): one prime
  // fewer on katsura-8/9, cyclic-7, eco-10 and noon-8 (23 → 22, 33 → 32, 25 → 24, 9 → 8, 6 → 5).
  // (Earlier bounds: |y| ≤ bound, then |y|·L ≤ bound²; with |y| ≤ M/(2·L·2^margin), a weaker test
  // than either, katsura-9 had a false candidate and needed 2 more primes.)
  const wide = knownDenominatorBound(M);
  // Unbalanced bounds for x·L (L a known lcm of denominators): numerator up to about M^(2/3),
  // denominator up to M^(1/3), each 2^margin below, so that a residue not of that form passes
  // with probability about 2^(2−2·margin), the rate of the balanced bound. This is msolve's
  // route (lifting-gb.c, `ratreconwden` with the previous witness' denominator): a coefficient
  // whose denominator is L times a new factor of at most a third of the modulus' bits needs
  // 3/2 of its numerator's bits over L, where the balanced reconstruction needs twice its
  // largest part. katsura-8's basis is found after 16 primes instead of 21, katsura-7's after 10
  // instead of 14 (simulated on the coefficients' sizes).
  const bitsM = BigInt(M.toString(2).length);
  const third = bitsM / 3n;
  const unbalancedD = (1n << third) >> margin;
  const unbalancedN = (1n << (bitsM - 1n - third)) >> margin;
  const overDenominator = (x: bigint, L: bigint): Rational | undefined => (unbalancedD < 1n ? undefined : fractionTimesDenominator(x, M, L, unbalancedN, unbalancedD));
  const pairs = primePairs(acc.primes);
  // ⌊wide / (M / last prime)⌋, for `numeratorOver`.
  const top = Number(wide / (M / BigInt(acc.primes[acc.count - 1])));
  const attempt = (i: number, k: number): boolean => {
    const el = acc.elements[i];
    if (el.known[k] !== undefined) return true;
    const D = el.den.value;
    const Lmod = residuesOf(acc, el.den);
    const small = smallNumerator(acc, i, k, Lmod, wide);
    if (small !== undefined) {
      el.known[k] = lowestTerms(BigInt(small), el.den);
      return true;
    }
    // A denominator read off over the element's lcm divides it, so the fraction can wait for
    // its lowest terms; the element's lcm divides the basis' lcm, so only the other routes
    // extend that one.
    const y = numeratorOver(acc, i, k, Lmod, wide, top, pairs);
    if (y !== undefined) {
      el.known[k] = { num: y, den: D };
      const at = el.unreduced.get(el.den);
      if (at) at.push(k);
      else el.unreduced.set(el.den, [k]);
      return true;
    }
    const whole = acc.den.value !== D;
    const z = whole ? numeratorOver(acc, i, k, residuesOf(acc, acc.den), wide, top, pairs) : undefined;
    let q = z === undefined ? undefined : lowestTerms(z, acc.den);
    if (q === undefined) {
      const x = valueOf(extendDigits(acc, i, k), acc.primes, pairs);
      q = overDenominator(x, D) ?? (whole ? overDenominator(x, acc.den.value) : undefined) ?? rationalReconstruction(x, M, bound, bound);
    }
    if (q === undefined) {
      acc.sentinel = [i, k];
      return false;
    }
    el.known[k] = q;
    el.den = lcmFactored(el.den, q.den);
    acc.den = lcmFactored(acc.den, q.den);
    return true;
  };
  const [si, sk] = acc.sentinel;
  if (si < acc.elements.length && sk < acc.elements[si].monos.length && !attempt(si, sk)) return undefined;
  for (let i = 0; i < acc.elements.length; i++) {
    for (let k = 0; k < acc.elements[i].monos.length; k++) if (!attempt(i, k)) return undefined;
  }
  return acc.elements.map((el) => {
    reduceStored(el);
    const monos: Monomial[] = [];
    const coeffs: Rational[] = [];
    el.monos.forEach((m, k) => {
      const q = el.known[k] as Rational;
      if (q.num !== 0n) {
        monos.push(m);
        coeffs.push(q);
      }
    });
    // The monomials are distinct; usually they are also still in the ring's order (those of the
    // learned basis), and sorting through `normalize` (string keys) would cost 26000 keys on katsura-8.
    let sorted = true;
    for (let k = 1; k < monos.length && sorted; k++) if (R.cmp(monos[k - 1], monos[k]) <= 0) sorted = false;
    return sorted ? new Polynomial(R, monos, coeffs) : R.normalize(monos, coeffs);
  });
}

/**
 * Whether the reconstructed coefficients (every one known: `reconstruct` returned a candidate)
 * agree with an image at a fresh prime p given as coefficient arrays aligned on the stored
 * supports (`alignedRows`, `alignedImage`): n ≡ r·d (mod p) for each coefficient n/d and its
 * residue r, and no d divisible by p. This is the driver's acceptance test without building the
 * candidate's or the image's polynomials; on the stored supports it is the same comparison, since
 * the candidate's support is the stored one less its zero coefficients.
 */
export function agreesWithImage(acc: Accumulator, images: readonly Float64Array[], p: number): boolean {
  if (images.length !== acc.elements.length) return false;
  const P = BigInt(p);
  for (let i = 0; i < images.length; i++) {
    const { known } = acc.elements[i];
    const img = images[i];
    if (img.length !== known.length) return false;
    let den = 0n;
    let denModP = 0;
    for (let k = 0; k < known.length; k++) {
      const q = known[k];
      if (q === undefined) return false;
      // Coefficients of one element mostly share their denominator: reduce it once per run of them.
      if (q.den !== den) {
        den = q.den;
        denModP = Number(den % P);
        if (denModP === 0) return false;
      }
      let n = Number(q.num % P);
      if (n < 0) n += p;
      if (n !== (img[k] * denModP) % p) return false;
    }
  }
  return true;
}

/** Forgets every reconstruction found (after a candidate failed the check at a fresh prime). */
export function forgetReconstructions(acc: Accumulator): void {
  for (const el of acc.elements) {
    el.known.fill(undefined);
    el.unreduced.clear();
    el.den = ONE_FACTORED;
  }
  acc.den = ONE_FACTORED;
}
