/**
 * The eliminant of a linear form by linear algebra on normal forms: the generator F(U, T) of
 * (J + ⟨T − t⟩) ∩ K[U, T], for an ideal J ⊂ K[X], a subset U of the variables and a linear form
 * t, without a Gröbner basis in an elimination order.
 *
 * F(U, T) lies in that ideal exactly when F(U, t) ∈ J, that is when the normal form of F(U, t)
 * with respect to a Gröbner basis G of J vanishes, and the normal form is linear. So the elements
 * of the elimination ideal are the linear relations among the normal forms of the products
 * U^α·t^k. The monomials U^α·T^k are taken in increasing order of a degree-compatible order, the
 * normal form of each computed from an earlier one by one multiplication (by a variable of U, or
 * by t) and one reduction; the normal forms are kept in echelon form, each row with the
 * combination of monomials it stands for. The first monomial whose normal form depends on the
 * earlier ones closes the element of the elimination ideal with the smallest leading monomial.
 * When that ideal is principal (J equidimensional with U independent on every component: height
 * one in a factorial ring), every element is a multiple of its generator and the first relation
 * is the generator. This is the idea of FGLM (Faugère–Gianni–Lazard–Mora, J. Symb. Comp. 16,
 * 1993), with the finite quotient replaced by the degree filtration of an infinite one.
 *
 * The computation runs modulo primes: G is the reduced degrevlex basis of J modulo p (F4, learned
 * at the first prime and replayed at the others), and F modulo p the first relation. A prime whose
 * first relation closes at another monomial, or whose replay fails, is unlucky and skipped. F is
 * lifted by rational reconstruction and accepted once it agrees at fresh primes, the acceptance
 * rule of the multi-modular Gröbner driver. The monomials examined are bounded (`maxMonomials`):
 * past the bound, or after too many unlucky primes, the answer is undefined and the caller
 * eliminates with a block order instead.
 *
 * On the 2-3-1 linear network with biases and weight decay (one λ), the decomposition's eliminant
 * of degree 8 in two parameters cost 10.6 s through the block order and its 2309 F4 rounds.
 */
import { PrimeField, QQ, Zp } from '../arithmetic/field';
import { liftUntilStable } from '../arithmetic/lifting';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { Monomial, MonomialKey, compactMonomialKey, divMonomials, divides, monomial, mulMonomials, variableMonomial } from '../monomials/monomial';
import { comparator, degrevlex, isDegreeCompatible } from '../monomials/order';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { F4Trace, f4Apply, f4Learn } from './f4';
import { normalForm } from './normal-form';

/** Monomials examined before giving up (the caller then eliminates with a block order). */
export const LINEAR_ELIMINANT_MONOMIALS = 2000;
/** Primes whose relation closes elsewhere than the first prime's before giving up. */
const MAX_UNLUCKY = 3;
/** Primes for the lifting before giving up. */
const MAX_PRIMES = 2000;
/** Nested normal forms of border monomials before a plain reduction (keeps the stack short). */
const MAX_DEPTH = 200;

/** Exponent vectors of the monomials of total degree d in k variables. */
function exponentsOfDegree(k: number, d: number): number[][] {
  if (k === 1) return [[d]];
  const out: number[][] = [];
  for (let a = d; a >= 0; a--) for (const rest of exponentsOfDegree(k - 1, d - a)) out.push([a, ...rest]);
  return out;
}

/** The monomials U^α·T^k of S in increasing order: degree by degree, within a degree by S's order. */
function* monomialsInUT(S: PolynomialRing<Rational>, U: readonly number[]): Generator<Monomial> {
  const T = S.nvars - 1;
  const slots = [...U, T];
  const cmp = comparator(S.order, S.nvars);
  for (let d = 0; ; d++) {
    const ms = exponentsOfDegree(slots.length, d).map((e) => {
      const x = new Array<number>(S.nvars).fill(0);
      slots.forEach((s, i) => (x[s] = e[i]));
      return monomial(x);
    });
    ms.sort(cmp);
    yield* ms;
  }
}

/** The relation modulo p: the index of its leading monomial and its coefficients on the monomials up to it. */
interface RelationImage {
  index: number;
  coefficients: number[];
}

/** A sparse vector modulo p: column (or monomial index) → non-zero residue. */
type Vector = Map<number, number>;

/** acc += f·v modulo p. */
function addMultiple(acc: Vector, v: Vector, f: number, p: number): void {
  for (const [c, a] of v) {
    const s = ((acc.get(c) ?? 0) + f * a) % p;
    if (s === 0) acc.delete(c);
    else acc.set(c, s);
  }
}

/**
 * The first relation modulo p among the normal forms of the monomials of `monomials` (extended as
 * needed from `more`, at most `limit` of them), or undefined past the limit. Normal forms are
 * sparse vectors over the standard monomials met so far (FGLM's bookkeeping): the normal form of
 * xᵢ·s for a standard monomial s is computed once and cached, and multiplying a normal form by xᵢ
 * or by t is a linear combination of those.
 */
function relationModP(G: readonly Polynomial<number>[], t: Polynomial<number>, U: readonly number[], S: PolynomialRing<Rational>, monomials: Monomial[], more: Iterator<Monomial>, limit: number, deadline?: Deadline): RelationImage | undefined {
  const R = t.ring;
  const F = R.field;
  const p = (F as PrimeField).p;
  const n = R.nvars;
  const T = S.nvars - 1;
  const leads = G.filter((g) => !g.isZero()).map((g) => g.lm());
  const columnOf = new Map<MonomialKey, number>();
  const columns: Monomial[] = [];
  const column = (m: Monomial): number => {
    const key = compactMonomialKey(m);
    let c = columnOf.get(key);
    if (c === undefined) {
      c = columns.length;
      columnOf.set(key, c);
      columns.push(m);
    }
    return c;
  };
  const vectorOf = (f: Polynomial<number>): Vector => {
    const v: Vector = new Map();
    for (let k = 0; k < f.length; k++) v.set(column(f.monomials[k]), f.coefficients[k]);
    return v;
  };
  // NF(xᵢ·s) for each variable i and standard monomial (column) s, as FGLM builds its
  // multiplication matrices from a reduced basis: xᵢ·s standard, or a leading monomial (minus
  // its element: the tail, already reduced), or xⱼ times the border monomial xᵢ·(s/xⱼ), whose
  // normal form comes first (every monomial met is smaller than xᵢ·s).
  const tails = new Map<MonomialKey, Polynomial<number>>();
  for (const g of G) if (!g.isZero() && g.lc() === F.one) tails.set(compactMonomialKey(g.lm()), g);
  const isStandard = (m: Monomial): boolean => !leads.some((l) => divides(l, m));
  const products: Map<number, Vector>[] = Array.from({ length: n }, () => new Map());
  const timesVariable = (i: number, c: number, depth = 0): Vector => {
    let v = products[i].get(c);
    if (v !== undefined) return v;
    const s = columns[c];
    const m = mulMonomials(s, variableMonomial(n, i));
    if (isStandard(m)) v = new Map([[column(m), 1]]);
    else {
      const g = tails.get(compactMonomialKey(m));
      if (g !== undefined) {
        v = new Map();
        for (let k = 1; k < g.length; k++) v.set(column(g.monomials[k]), (p - g.coefficients[k]) % p);
      } else {
        const j = depth < MAX_DEPTH ? s.findIndex((e, k) => k > 0 && k - 1 !== i && e > 0 && !isStandard(divMonomials(m, variableMonomial(n, k - 1)))) - 1 : -2;
        if (j < 0) v = vectorOf(normalForm(R.term(m, F.one), G));
        else {
          const border = timesVariable(i, column(divMonomials(s, variableMonomial(n, j))), depth + 1);
          v = new Map();
          for (const [d, a] of border) addMultiple(v, timesVariable(j, d, depth + 1), a, p);
        }
      }
    }
    products[i].set(c, v);
    return v;
  };
  const multiply = (v: Vector, i: number, f: number, acc: Vector): void => {
    for (const [c, a] of v) addMultiple(acc, timesVariable(i, c), (f * a) % p, p);
  };
  // t = Σ aᵢ·xᵢ (+ a₀).
  const tTerms: { variable: number; coefficient: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    const m = t.monomials[k];
    tTerms.push({ variable: m[0] === 0 ? -1 : m.slice(1).findIndex((e) => e > 0), coefficient: t.coefficients[k] });
  }
  const index = new Map<MonomialKey, number>();
  const forms: Vector[] = [];
  const rows: { pivot: number; form: Vector; combination: Vector }[] = [];
  for (let j = 0; j < limit; j++) {
    deadline?.check();
    if (j === monomials.length) {
      const next = more.next();
      if (next.done) return undefined;
      monomials.push(next.value);
    }
    const m = monomials[j];
    index.set(compactMonomialKey(m), j);
    // The normal form of m(U, t) from its predecessor's: m = T·m′, or m = u·m′ for u ∈ U.
    let form: Vector;
    if (m[0] === 0) form = vectorOf(normalForm(R.one(), G));
    else {
      const slot = m[T + 1] > 0 ? T : (U.filter((u) => m[u + 1] > 0).pop() as number);
      const before = m.slice(1);
      before[slot]--;
      const earlier = forms[index.get(compactMonomialKey(monomial(before))) as number];
      form = new Map();
      if (slot !== T) multiply(earlier, slot, 1, form);
      else for (const { variable, coefficient } of tTerms) variable < 0 ? addMultiple(form, earlier, coefficient, p) : multiply(earlier, variable, coefficient, form);
    }
    forms.push(form);
    // Forward elimination by the rows in the order they were made (row k holds none of the
    // pivots before it), each row with the combination of monomials it stands for.
    const v: Vector = new Map(form);
    const combination: Vector = new Map([[j, 1]]);
    for (const row of rows) {
      const c = v.get(row.pivot);
      if (c === undefined) continue;
      addMultiple(v, row.form, p - c, p);
      addMultiple(combination, row.combination, p - c, p);
    }
    if (v.size === 0) {
      // combination = m + (earlier monomials): the relation, monic at m.
      const coefficients = new Array<number>(j + 1).fill(0);
      for (const [k, a] of combination) coefficients[k] = a;
      return { index: j, coefficients };
    }
    const [pivot, lead] = v.entries().next().value as [number, number];
    const inverse = F.inv(lead);
    for (const [c, a] of v) v.set(c, (a * inverse) % p);
    for (const [c, a] of combination) combination.set(c, (a * inverse) % p);
    rows.push({ pivot, form: v, combination });
  }
  return undefined;
}

/**
 * The generator F(U, T) of (J + ⟨T − t⟩) ∩ K[U, T] in S = K[X, T] (T its last variable, S's order
 * degree-compatible), monic, when J's elimination ideal is principal; undefined when more than
 * `maxMonomials` monomials would be needed, the primes disagree (see the file header) or t is not
 * linear. `J` generates the ideal (any generators), t is a linear form in J's ring (a constant
 * term allowed), U lists variable indices.
 * `primes` replaces the stream of primes below 2^26 (primes below 2^26; tests pass unlucky ones).
 */
export function linearEliminant(
  J: readonly Polynomial<Rational>[],
  t: Polynomial<Rational>,
  U: readonly number[],
  S: PolynomialRing<Rational>,
  options: { deadline?: Deadline; maxMonomials?: number; primes?: Iterable<number> } = {},
): Polynomial<Rational> | undefined {
  const R = J[0].ring;
  // Multiplying a normal form by t is done variable by variable: t must be linear.
  if (!isDegreeCompatible(S.order) || S.nvars !== R.nvars + 1 || t.totalDegree() > 1) return undefined;
  const deadline = options.deadline;
  const D = new PolynomialRing(QQ, R.vars, degrevlex);
  const gens = J.filter((g) => !g.isZero()).map((g) => changeRing(g, D));
  const form = changeRing(t, D);
  const monomials: Monomial[] = [];
  const more = monomialsInUT(S, U);
  let trace: F4Trace | undefined;
  let closing: number | undefined;
  let unlucky = 0;
  const primes = (options.primes ?? primeStream(2 ** 26))[Symbol.iterator]();
  const next = (): { p: number; img: number[] } | undefined => {
    for (;;) {
      if (unlucky > MAX_UNLUCKY) return undefined;
      const r = primes.next();
      if (r.done) return undefined;
      const p = r.value;
      const P = BigInt(p);
      if ([...gens, form].some((f) => f.coefficients.some((c) => c.den % P === 0n))) continue;
      const Dp = new PolynomialRing(Zp(p), D.vars, degrevlex);
      const images = gens.map((g) => changeRing(g, Dp));
      let G: Polynomial<number>[] | undefined;
      if (trace === undefined) {
        const learned = f4Learn(images, { deadline });
        trace = learned.trace;
        G = learned.basis;
      } else G = f4Apply(trace, images, { deadline });
      const relation = G && relationModP(G, changeRing(form, Dp), U, S, monomials, more, closing === undefined ? (options.maxMonomials ?? LINEAR_ELIMINANT_MONOMIALS) : closing + 1, deadline);
      if (closing === undefined) {
        if (relation === undefined) return undefined; // past the budget
        closing = relation.index;
      }
      if (relation?.index === closing) return { p, img: relation.coefficients };
      unlucky++;
    }
  };
  // The first image fixes the monomial that closes the relation, hence the vector's length.
  let first = next();
  if (first === undefined || closing === undefined) return undefined;
  const values = liftUntilStable(
    [closing + 1],
    () => {
      const image = first ?? next();
      first = undefined;
      return image;
    },
    MAX_PRIMES,
  );
  if (values === undefined) return undefined;
  return S.normalize(monomials.slice(0, closing + 1) as Monomial[], values);
}
