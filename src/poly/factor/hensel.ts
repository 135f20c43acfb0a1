/**
 * Multifactor Hensel lifting along a factor tree: from f ≡ lc(f)·u₁⋯u_r (mod p) with pairwise
 * coprime monic uᵢ to the same factorization modulo p^l, and from there on to any higher power
 * (the recombination asks for more precision only when it needs it).
 *
 * Representation: integer polynomials `ZPoly` (bigint, ascending). The modular factors come in as
 * `UPoly<number>` over Z/p and go out monic with coefficients in [0, p^l). The tree halves the
 * list of factors by degree; every node holds the monic product of the leaves below it modulo
 * p^k (k the tree's exponent), every inner node the Bézout cofactors s, t of its two children
 * (s·g + t·h ≡ 1, deg s < deg h, deg t < deg g) modulo p^kb. A step from p^k to p^k2 (k2 ≤ 2k)
 * goes down the tree once (von zur Gathen–Gerhard, Modern Computer Algebra, Alg. 15.10 and
 * 15.17): at a node with target F ≡ g·h (mod p^k), e = (F − g·h)/p^k is only needed modulo
 * p^(k2−k), so the corrections g ← g + p^k·(t·e + q·g), h ← h + p^k·(s·e rem h) are computed
 * with half-length numbers; one full product g·h per node remains. The Bézout cofactors are
 * brought to the precision a step needs just before it (so the last step does not lift them in
 * vain). Products of long polynomials go through Kronecker substitution (`kronecker.ts`).
 * Since lc(f) is a unit modulo p, the root is f·lc(f)⁻¹, and every factor stays monic.
 */
import { PrimeField, Zp } from '../../arithmetic/field';
import { modInverse } from '../../arithmetic/integers';
import { ComputationError, Deadline } from '../../errors';
import { ControlOptions, resolveControl } from '../../control';
import { UPoly, umul, uxgcd } from '../univariate';
import { zmulKronecker } from './kronecker';
import { ZPoly, zadd, zdivmodMonic, zfromModP, zlc, zmod, zscale } from './zpoly';

interface TreeNode {
  /** Monic product of the leaves below, coefficients in [0, p^k). */
  product: ZPoly;
  /** Inner nodes: the two halves, and s·left + t·right ≡ 1 (mod p^kb). */
  split?: { left: TreeNode; right: TreeNode; s: ZPoly; t: ZPoly };
}

/** A Hensel factor tree for f at p, lifted to p^exponent (see the file header). */
export interface HenselState {
  readonly f: ZPoly;
  readonly p: number;
  /** The leaves are correct modulo p^exponent. */
  exponent: number;
  /** The Bézout cofactors are correct modulo p^bezoutExponent (≤ exponent). */
  bezoutExponent: number;
  /** lc(f)⁻¹ modulo p^exponent. */
  lcInverse: bigint;
  readonly root: TreeNode;
  /** The leaves in the order of the modular factors given. */
  readonly leaves: readonly TreeNode[];
}

/** The smallest l with p^l > bound. */
export function liftExponent(p: number, bound: bigint): number {
  const P = BigInt(p);
  let l = 1;
  for (let m = P; m <= bound; m *= P) l++;
  return l;
}

function build(F: PrimeField, factors: readonly UPoly<number>[], leaves: TreeNode[]): [TreeNode, UPoly<number>] {
  if (factors.length === 1) {
    const leaf: TreeNode = { product: zfromModP(factors[0]) };
    leaves.push(leaf);
    return [leaf, factors[0]];
  }
  // Split where the degrees on both sides are closest to equal, keeping the given order.
  const total = factors.reduce((s, u) => s + u.length - 1, 0);
  let k = 1;
  let acc = factors[0].length - 1;
  while (k < factors.length - 1 && Math.abs(total - 2 * (acc + factors[k].length - 1)) < Math.abs(total - 2 * acc)) acc += factors[k++].length - 1;
  const [left, g] = build(F, factors.slice(0, k), leaves);
  const [right, h] = build(F, factors.slice(k), leaves);
  const [one, s, t] = uxgcd(F, g, h);
  if (one.length !== 1) throw new ComputationError('Hensel lifting: the modular factors are not coprime');
  const product = umul(F, g, h);
  return [{ product: zfromModP(product), split: { left, right, s: zfromModP(s), t: zfromModP(t) } }, product];
}

/**
 * The factor tree of f ≡ lc(f)·Π uᵢ (mod p), at exponent 1. Preconditions: p ∤ lc(f), the uᵢ
 * monic and pairwise coprime modulo p, with product f/lc(f) modulo p.
 */
export function startHensel(f: ZPoly, factors: readonly UPoly<number>[], p: number): HenselState {
  if (factors.length === 0) throw new ComputationError('Hensel lifting needs at least one factor');
  const leaves: TreeNode[] = [];
  const [root] = build(Zp(p), factors, leaves);
  const P = BigInt(p);
  return { f, p, exponent: 1, bezoutExponent: 1, lcInverse: modInverse(zlc(f), P), root, leaves };
}

/** (a − b)/m modulo m1, for a ≡ b (mod m). */
function quotientDifference(a: readonly bigint[], b: readonly bigint[], m: bigint, m1: bigint): ZPoly {
  const n = Math.max(a.length, b.length);
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) out[i] = ((a[i] ?? 0n) - (b[i] ?? 0n)) / m;
  return zmod(out, m1);
}

/** [x, y] with x·g + y·h ≡ e (mod m1), deg x < deg h: x = s·e rem h, y = t·e + q·g (q the quotient). */
function solveBezout(split: NonNullable<TreeNode['split']>, g: ZPoly, h: ZPoly, e: ZPoly, m1: bigint): [ZPoly, ZPoly] {
  const [q, x] = zdivmodMonic(zmulKronecker(zmod(split.s, m1), e), zmod(h, m1), m1);
  const y = zmod(zadd(zmulKronecker(zmod(split.t, m1), e), zmulKronecker(q, zmod(g, m1))), m1);
  return [x, y];
}

/** Lifts the node's subtree so that its product is `target` (≡ the current product mod m = p^k), modulo M = m·m1. */
function liftNode(node: TreeNode, target: ZPoly, m: bigint, m1: bigint, M: bigint, deadline?: Deadline): void {
  const split = node.split;
  node.product = target;
  if (!split) return;
  deadline?.check();
  const g = split.left.product;
  const h = split.right.product;
  const e = quotientDifference(target, zmulKronecker(g, h), m, m1);
  const [dh, dg] = solveBezout(split, g, h, e, m1);
  liftNode(split.left, zmod(zadd(g, zscale(dg, m)), M), m, m1, M, deadline);
  liftNode(split.right, zmod(zadd(h, zscale(dh, m)), M), m, m1, M, deadline);
}

/** Lifts every Bézout pair below the node from modulus mu to mu·mu1 (the products are known modulo mu·mu1). */
function liftBezout(node: TreeNode, mu: bigint, mu1: bigint, deadline?: Deadline): void {
  const split = node.split;
  if (!split) return;
  deadline?.check();
  const M = mu * mu1;
  const g = zmod(split.left.product, M);
  const h = zmod(split.right.product, M);
  const u = zadd(zmulKronecker(split.s, g), zmulKronecker(split.t, h));
  u[0] -= 1n;
  const b = quotientDifference(u, [], mu, mu1);
  const [sigma, tau] = solveBezout(split, g, h, b, mu1);
  split.s = zmod(zadd(split.s, zscale(sigma, -mu)), M);
  split.t = zmod(zadd(split.t, zscale(tau, -mu)), M);
  liftBezout(split.left, mu, mu1, deadline);
  liftBezout(split.right, mu, mu1, deadline);
}

/**
 * Lifts the tree to p^l (l ≥ its exponent) by quadratic steps: the exponents are l, ⌈l/2⌉, …
 * read backwards, so the last step lands exactly on l. The deadline is checked at every node.
 */
export function liftHensel(state: HenselState, l: number, options: ControlOptions = {}): void {
  const { deadline } = resolveControl(options, 'liftHensel');
  const P = BigInt(state.p);
  const chain: number[] = [];
  for (let e = l; e > state.exponent; e = Math.ceil(e / 2)) chain.push(e);
  for (const k2 of chain.reverse()) {
    const k = state.exponent;
    const need = k2 - k;
    while (state.bezoutExponent < need) {
      const kb = state.bezoutExponent;
      const kb2 = Math.min(2 * kb, k);
      liftBezout(state.root, P ** BigInt(kb), P ** BigInt(kb2 - kb), deadline);
      state.bezoutExponent = kb2;
    }
    const m = P ** BigInt(k);
    const m1 = P ** BigInt(need);
    const M = m * m1;
    // lc(f)⁻¹ by one Newton step: i ← i·(2 − lc·i) doubles its precision.
    const inv = (state.lcInverse * (2n - zlc(state.f) * state.lcInverse)) % M;
    state.lcInverse = inv < 0n ? inv + M : inv;
    liftNode(state.root, zmod(zscale(state.f, state.lcInverse), M), m, m1, M, deadline);
    state.exponent = k2;
  }
}

/** The lifted monic factors modulo p^exponent, in the order the modular factors were given. */
export function henselFactors(state: HenselState): ZPoly[] {
  return state.leaves.map((leaf) => leaf.product);
}

/**
 * Lifts f ≡ lc(f)·Π uᵢ (mod p) to the monic factors modulo p^l, in the input order.
 * Preconditions as for `startHensel`.
 * Example: x² − 2 ≡ (x − 3)(x − 4) mod 7 lifts to (x − 10)(x − 39) mod 49.
 */
export function henselLift(f: ZPoly, factors: readonly UPoly<number>[], p: number, l: number, options: ControlOptions = {}): ZPoly[] {
  const { deadline } = resolveControl(options, 'henselLift');
  const state = startHensel(f, factors, p);
  liftHensel(state, l, { deadline });
  return henselFactors(state);
}
