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
import { QQ, Zp } from '../arithmetic/field';
import { liftUntilStable } from '../arithmetic/lifting';
import { primeStream } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { Monomial, monomial, monomialKey, variableMonomial } from '../monomials/monomial';
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
 * The first relation modulo p among the normal forms of the monomials of `monomials` (extended as
 * needed from `more`, at most `limit` of them), or undefined past the limit.
 */
function relationModP(G: readonly Polynomial<number>[], t: Polynomial<number>, U: readonly number[], S: PolynomialRing<Rational>, monomials: Monomial[], more: Iterator<Monomial>, limit: number, deadline?: Deadline): RelationImage | undefined {
  const R = t.ring;
  const F = R.field;
  const T = S.nvars - 1;
  const Sp = new PolynomialRing(F, S.vars, S.order);
  const index = new Map<string, number>();
  const forms: Polynomial<number>[] = [];
  const pivots = new Map<string, { form: Polynomial<number>; combination: Polynomial<number> }>();
  for (let j = 0; j < limit; j++) {
    deadline?.check();
    if (j === monomials.length) {
      const next = more.next();
      if (next.done) return undefined;
      monomials.push(next.value);
    }
    const m = monomials[j];
    index.set(monomialKey(m), j);
    // The normal form of m(U, t) from its predecessor's: m = T·m′, or m = u·m′ for u ∈ U.
    let product: Polynomial<number>;
    if (m[0] === 0) product = R.one();
    else {
      const slot = m[T + 1] > 0 ? T : (U.filter((u) => m[u + 1] > 0).pop() as number);
      const before = m.slice(1);
      before[slot]--;
      const earlier = forms[index.get(monomialKey(monomial(before))) as number];
      product = slot === T ? earlier.mul(t) : earlier.mulTerm(variableMonomial(R.nvars, slot), F.one);
    }
    const form = normalForm(product, G);
    forms.push(form);
    // Echelon form: rows with distinct leading monomials, each with its combination of monomials.
    let v = form;
    let combination = Sp.term(m, F.one);
    for (;;) {
      if (v.isZero()) {
        // combination = m + (earlier monomials): the relation, monic at m.
        const coefficients = new Array<number>(j + 1).fill(0);
        for (let k = 0; k < combination.length; k++) coefficients[index.get(monomialKey(combination.monomials[k])) as number] = combination.coefficients[k];
        return { index: j, coefficients };
      }
      const key = monomialKey(v.lm());
      const row = pivots.get(key);
      if (row === undefined) {
        const inverse = F.inv(v.lc());
        pivots.set(key, { form: v.scale(inverse), combination: combination.scale(inverse) });
        break;
      }
      const c = v.lc();
      v = v.sub(row.form.scale(c));
      combination = combination.sub(row.combination.scale(c));
    }
  }
  return undefined;
}

/**
 * The generator F(U, T) of (J + ⟨T − t⟩) ∩ K[U, T] in S = K[X, T] (T its last variable, S's order
 * degree-compatible), monic, when J's elimination ideal is principal; undefined when more than
 * `maxMonomials` monomials would be needed or the primes disagree (see the file header). `J`
 * generates the ideal (any generators), t is a linear form in J's ring, U lists variable indices.
 */
export function linearEliminant(
  J: readonly Polynomial<Rational>[],
  t: Polynomial<Rational>,
  U: readonly number[],
  S: PolynomialRing<Rational>,
  options: { deadline?: Deadline; maxMonomials?: number } = {},
): Polynomial<Rational> | undefined {
  const R = J[0].ring;
  if (!isDegreeCompatible(S.order) || S.nvars !== R.nvars + 1) return undefined;
  const deadline = options.deadline;
  const D = new PolynomialRing(QQ, R.vars, degrevlex);
  const gens = J.filter((g) => !g.isZero()).map((g) => changeRing(g, D));
  const form = changeRing(t, D);
  const monomials: Monomial[] = [];
  const more = monomialsInUT(S, U);
  let trace: F4Trace | undefined;
  let closing: number | undefined;
  let unlucky = 0;
  const primes = primeStream(2 ** 26);
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
