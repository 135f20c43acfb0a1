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
 * by t) and one reduction; the normal forms are kept in echelon form (sparse rows modulo p, summed
 * in a dense accumulator), each row recording the rows it was reduced by, from which the
 * combination of monomials a relation stands for is recovered. The first monomial whose normal
 * form depends on the earlier ones closes the element of the elimination ideal with the smallest leading monomial.
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
import { DenseAccumulatorModP, EchelonRecord, SparseVectorModP, relationFromRecords, unitVectorModP } from '../arithmetic/sparse-mod-p';
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

/**
 * The standard monomials met so far as columns, and NF(xᵢ·s) for each variable i and column s,
 * modulo p for a reduced basis G (monic), as FGLM builds its multiplication matrices: xᵢ·s
 * standard, or a leading monomial (minus its element: the tail, already reduced), or xⱼ times
 * the border monomial xᵢ·(s/xⱼ), whose normal form comes first (every monomial met is smaller
 * than xᵢ·s). Nothing here depends on the form t, so the relations of several forms over one
 * basis share it.
 */
interface NormalFormsModP {
  p: number;
  ring: PolynomialRing<number>;
  G: readonly Polynomial<number>[];
  column: (m: Monomial) => number;
  vectorOf: (f: Polynomial<number>) => SparseVectorModP;
  timesVariable: (i: number, c: number, depth?: number) => SparseVectorModP;
}

function normalFormsModP(G: readonly Polynomial<number>[], R: PolynomialRing<number>): NormalFormsModP {
  const F = R.field;
  const p = (F as PrimeField).p;
  const n = R.nvars;
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
  const vectorOf = (f: Polynomial<number>): SparseVectorModP => ({ at: Int32Array.from(f.monomials, (m) => column(m)), values: Float64Array.from(f.coefficients) });
  const borderSum = new DenseAccumulatorModP(p);
  const tails = new Map<MonomialKey, Polynomial<number>>();
  for (const g of G) if (!g.isZero() && g.lc() === F.one) tails.set(compactMonomialKey(g.lm()), g);
  const isStandard = (m: Monomial): boolean => !leads.some((l) => divides(l, m));
  const products: (SparseVectorModP | undefined)[][] = Array.from({ length: n }, () => []);
  const timesVariable = (i: number, c: number, depth = 0): SparseVectorModP => {
    let v = products[i][c];
    if (v !== undefined) return v;
    const s = columns[c];
    const m = mulMonomials(s, variableMonomial(n, i));
    if (isStandard(m)) v = unitVectorModP(column(m));
    else {
      const g = tails.get(compactMonomialKey(m));
      if (g !== undefined) {
        const at = new Int32Array(g.length - 1);
        const values = new Float64Array(g.length - 1);
        for (let k = 1; k < g.length; k++) {
          at[k - 1] = column(g.monomials[k]);
          values[k - 1] = (p - g.coefficients[k]) % p;
        }
        v = { at, values };
      } else {
        const j = depth < MAX_DEPTH ? s.findIndex((e, k) => k > 0 && k - 1 !== i && e > 0 && !isStandard(divMonomials(m, variableMonomial(n, k - 1)))) - 1 : -2;
        if (j < 0) v = vectorOf(normalForm(R.term(m, F.one), G));
        else {
          const border = timesVariable(i, column(divMonomials(s, variableMonomial(n, j))), depth + 1);
          // The parts first (they may recurse and use the accumulator), then their sum.
          const parts = Array.from(border.at, (d) => timesVariable(j, d, depth + 1));
          parts.forEach((part, k) => borderSum.addMultiple(part, border.values[k]));
          v = borderSum.take();
        }
      }
    }
    products[i][c] = v;
    return v;
  };
  return { p, ring: R, G, column, vectorOf, timesVariable };
}

/**
 * The first relation modulo p among the normal forms of the monomials of `monomials` (extended as
 * needed from `more`, at most `limit` of them), or undefined past the limit. Normal forms are
 * sparse vectors over the standard monomials met so far (FGLM's bookkeeping, `NormalFormsModP`):
 * multiplying a normal form by xᵢ or by t is a linear combination of the cached NF(xᵢ·s), and
 * NF(t·s) is cached too.
 *
 * The normal forms are kept in echelon form without the combinations of monomials they stand
 * for: each row records only the rows it was reduced by and their factors, and the relation's
 * combination is recovered from these records once, by back-substitution (carrying the
 * combinations along doubled the work of every reduction).
 */
function relationModP(N: NormalFormsModP, t: Polynomial<number>, U: readonly number[], S: PolynomialRing<Rational>, monomials: Monomial[], more: Iterator<Monomial>, limit: number, deadline?: Deadline): RelationImage | undefined {
  const { p, ring: R, G, vectorOf, timesVariable } = N;
  const F = R.field;
  const T = S.nvars - 1;
  const tSum = new DenseAccumulatorModP(p);
  const acc = new DenseAccumulatorModP(p);
  // t = Σ aᵢ·xᵢ (+ a₀), and NF(t·s) for the standard monomials s met, cached like NF(xᵢ·s).
  const tTerms: { variable: number; coefficient: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    const m = t.monomials[k];
    tTerms.push({ variable: m[0] === 0 ? -1 : m.slice(1).findIndex((e) => e > 0), coefficient: t.coefficients[k] });
  }
  const tProducts: (SparseVectorModP | undefined)[] = [];
  const timesT = (c: number): SparseVectorModP => {
    let v = tProducts[c];
    if (v !== undefined) return v;
    const parts = tTerms.map(({ variable }) => (variable < 0 ? unitVectorModP(c) : timesVariable(variable, c)));
    parts.forEach((part, k) => tSum.addMultiple(part, tTerms[k].coefficient));
    v = tSum.take();
    tProducts[c] = v;
    return v;
  };
  const index = new Map<MonomialKey, number>();
  const forms: SparseVectorModP[] = [];
  // Row r stands for monomial r (every monomial before the relation makes a row): it is
  // inverse·(form_r − Σ factors[k]·row_{uses[k]}).
  const rows: (EchelonRecord & { pivot: number; form: SparseVectorModP })[] = [];
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
    let form: SparseVectorModP;
    if (m[0] === 0) form = vectorOf(normalForm(R.one(), G));
    else {
      const slot = m[T + 1] > 0 ? T : (U.filter((u) => m[u + 1] > 0).pop() as number);
      const before = m.slice(1);
      before[slot]--;
      const earlier = forms[index.get(compactMonomialKey(monomial(before))) as number];
      for (let k = 0; k < earlier.at.length; k++) acc.addMultiple(slot === T ? timesT(earlier.at[k]) : timesVariable(slot, earlier.at[k]), earlier.values[k]);
      form = acc.take();
    }
    forms.push(form);
    // Forward elimination by the rows in the order they were made (row k holds none of the
    // pivots before it).
    acc.addMultiple(form, 1);
    const uses: number[] = [];
    const factors: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const c = acc.get(rows[r].pivot);
      if (c === 0) continue;
      acc.addMultiple(rows[r].form, p - c);
      uses.push(r);
      factors.push(c);
    }
    const pivot = acc.smallestNonZero();
    if (pivot < 0) {
      acc.take();
      return { index: j, coefficients: relationFromRecords(rows, uses, factors, p) };
    }
    const inverse = F.inv(acc.get(pivot));
    rows.push({ pivot, form: acc.take(inverse), uses: Int32Array.from(uses), factors: Float64Array.from(factors), inverse });
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
      const relation = G && relationModP(normalFormsModP(G, Dp), changeRing(form, Dp), U, S, monomials, more, closing === undefined ? (options.maxMonomials ?? LINEAR_ELIMINANT_MONOMIALS) : closing + 1, deadline);
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
