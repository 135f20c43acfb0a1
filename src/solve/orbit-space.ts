/**
 * The solutions of a radical zero-dimensional ideal that is stable under a group G of diagonal
 * sign changes (`sign-symmetry.ts`), parametrized orbit by orbit: modulo primes on the invariant
 * block of the quotient algebra, then lifted to Q.
 *
 * A = K[x]/I splits into blocks A_χ, one per character χ of G, spanned by the standard monomials of
 * that character (the reduced basis is G-stable, so normal forms keep characters). The trivial
 * block A₀ is the algebra of invariant functions on the solutions: for a radical ideal its
 * dimension D₀ is the number of orbits. Multiplication by an invariant polynomial t maps A₀ to
 * itself, and when t separates the orbits, 1, t, …, t^(D₀−1) is a basis of A₀: the minimal
 * polynomial χ₀ of t on A₀ has degree D₀ (one root per orbit), and every invariant function f is
 * w_f(t) with deg w_f < D₀ — a rational univariate representation of the orbit space, of degree
 * D₀ instead of D (a network's sign flips divide it by up to |G|), with coefficients as much
 * shorter. The invariant t is a random combination of the invariant variables, the squares xᵢ² of
 * the others and the products of two variables of the same character (the invariants of degree
 * ≤ 2), tried in that order — a few squares first, whose χ₀ has the shortest coefficients —
 * and with products of three whose characters cancel when those do not separate.
 *
 * Per prime: the reduced basis in the original coordinates (one F4 learning run, then replays),
 * the columns of the multiplication maps xᵢ that the Krylov vectors meet (a unit column, the tail
 * of a basis element, or a recorded normal form replayed — `reduction-trace.ts`), the Krylov
 * vectors t^k·1 in A₀ and one D₀×D₀ system for χ₀ and the w_f. The lift is that of
 * `rur-modular.ts`: χ₀ first, factored over Q into q₁⋯q_r (one per Galois orbit of orbits), then
 * per factor the numerators u_f = w_f·q′ mod q, from the images already computed first.
 *
 * On an orbit whose root is θ, with support S (the variables not identically zero: sᵢ = xᵢ² ≠ 0),
 * the invariant variables are uᵢ(θ)/q′(θ); among the others a basis of the characters of S is
 * chosen greedily in variable order (the pivots v), the orbit's representative takes
 * x_v = +√(s_v(θ)), and every other xᵢ of S is read from the invariant xᵢ·Π_{v∈Kᵢ} x_v (Kᵢ the
 * pivots whose characters add up to xᵢ's): xᵢ = (that invariant)/Π x_v. The orbit has
 * 2^(number of pivots) points. Checked: the orbit sizes times the degrees add up to D.
 * References: Faugère–Svartz, "Solving polynomial systems globally invariant under an action of
 * the symmetric group by an abelian group" (ISSAC 2013) for solving on the orbit space; Gatermann,
 * "Computer algebra methods for equivariant dynamical systems" (LNM 1728, 2000) for the isotypic
 * decomposition; msolve's parametrizations for the rest.
 */
import { QQ, Zp } from '../arithmetic/field';
import { agreesModulo, liftUntilStable } from '../arithmetic/lifting';
import { LAZY_PRIME_LIMIT, solveModP } from '../arithmetic/modular-linear';
import { primesBelow } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { ControlOptions, phase, resolveControl } from '../control';
import { Deadline } from '../errors';
import { f4Apply, f4Learn } from '../groebner/f4';
import { LearnedFirstPrime } from '../groebner/modular';
import { primitivePart } from '../poly/content';
import { dimension, solutionCount } from '../groebner/ideal';
import { changeRing } from '../poly/change';
import { factorUnivariate } from '../poly/factor';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly, uderivative, ugcd, utrim } from '../poly/univariate';
import { residueGenerator } from './krylov';
import { componentNumerators, factorsModP } from './rur-modular';
import { SignGroup, characterBasis } from './sign-symmetry';
import { InvariantForm, MultiplicationModP, MultiplicationShape, UnluckyPrime, VariableProduct } from './orbit-multiplication';

export type { InvariantForm, VariableProduct } from './orbit-multiplication';

/** How a coordinate is read on the orbits of one component. */
export type OrbitCoordinate =
  /** Identically zero on the component. */
  | { kind: 'zero' }
  /** An invariant variable: x = u(θ)/q′(θ). */
  | { kind: 'invariant'; numerator: UPoly<Rational> }
  /** A pivot: x = +√(u(θ)/q′(θ)) on the representative, u the numerator of x². */
  | { kind: 'pivot'; numerator: UPoly<Rational> }
  /** x = (u(θ)/q′(θ)) / Π_{v ∈ pivots} x_v, u the numerator of x·Π x_v. */
  | { kind: 'linked'; pivots: number[]; numerator: UPoly<Rational> };

/** The orbits that are the roots of one irreducible factor q of χ₀. */
export interface OrbitComponent {
  /** q: irreducible over Q, primitive integer coefficients, ascending, positive leading coefficient. */
  minimalPolynomial: bigint[];
  /** The points of each orbit: 2^(number of pivots). */
  orbitSize: number;
  /** Per variable (ring order). */
  coordinates: OrbitCoordinate[];
}

/** The orbit space of the solutions, for the invariant `form`. */
export interface OrbitParametrization {
  group: SignGroup;
  form: InvariantForm;
  /** χ₀(T), monic, square-free, of degree D₀ (the number of orbits). */
  minimalPolynomial: UPoly<Rational>;
  components: OrbitComponent[];
  /** The primes used. */
  primes: number;
}

/**
 * The products that make up candidate invariants: the invariant variables and the squares of the
 * others (level 0); with the products of two variables of one character (level 1); with the
 * products of three whose characters cancel (level 2).
 */
function invariantProducts(group: SignGroup, level: number): VariableProduct[] {
  const n = group.n;
  const chi = group.characters;
  const out: VariableProduct[] = [];
  for (let i = 0; i < n; i++) out.push(chi[i] === 0 ? [i] : [i, i]);
  if (level > 0) for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (chi[i] !== 0 && chi[i] === chi[j]) out.push([i, j]);
  if (level > 1) {
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        for (let k = j + 1; k < n; k++) if (chi[i] !== 0 && chi[j] !== 0 && chi[i] !== chi[j] && (chi[i] ^ chi[j] ^ chi[k]) === 0) out.push([i, j, k]);
  }
  return out;
}

/**
 * Candidate invariant forms, cheapest first: the first k products of level 0 (invariant
 * variables and squares) for k = 1, 2, …, then all of level 1, then of level 2; coefficients
 * random in [1, 16]. Fewer and smaller terms give χ₀ shorter coefficients (deep-linear:2,2,2:
 * 103 primes with three squares against 123 with all eight) and a cheaper matrix of t.
 */
function* invariantForms(group: SignGroup, random: () => number): Generator<InvariantForm> {
  const form = (products: readonly VariableProduct[]): InvariantForm => ({ terms: products.map((product) => ({ coefficient: 1 + (random() % 16), product })) });
  const squares = invariantProducts(group, 0);
  for (let k = 1; k <= squares.length; k++) yield form(squares.slice(0, k));
  yield form(invariantProducts(group, 1));
  yield form(invariantProducts(group, 2));
}

/** One prime's share: the Krylov matrix on A₀ and χ₀'s lower coefficients. */
interface OrbitImage {
  p: number;
  maps: MultiplicationModP;
  /** Rows of K = [1, t, …, t^(D₀−1)] restricted to A₀. */
  krylov: Float64Array[];
  chi: Float64Array;
  /** The representations w_f found so far, by product (`representations`). */
  known: Map<string, UPoly<number>>;
}

/**
 * The coefficients w_f (f = w_f(t) in A₀) of products of variables, modulo the image's prime;
 * undefined when the Krylov matrix is singular there. Those computed before are kept, and the
 * others found with one linear solve.
 */
function representations(image: OrbitImage, products: readonly VariableProduct[]): UPoly<number>[] | undefined {
  const { maps, krylov, p, known } = image;
  const missing = [...new Set(products.map((x) => x.join(',')).filter((key) => !known.has(key)))];
  if (missing.length > 0) {
    const block = maps.shape.invariantBlock;
    const e = new Float64Array(maps.shape.D);
    e[maps.shape.one] = 1;
    const rhs = missing.map((key) => {
      const v = maps.multiplyProduct(key.split(',').map(Number), e);
      return Float64Array.from(block, (r) => v[r]);
    });
    const X = solveModP(krylov, rhs, p);
    if (!X) return undefined;
    missing.forEach((key, k) => known.set(key, utrim(Zp(p), Array.from(X[k]))));
  }
  return products.map((x) => known.get(x.join(',')) as UPoly<number>);
}

/** The Krylov data of t on A₀ modulo the basis' prime, or undefined when 1 is not a cyclic vector there. */
function orbitImage(maps: MultiplicationModP, form: InvariantForm, deadline?: Deadline): OrbitImage | undefined {
  const { shape, p } = maps;
  const block = shape.invariantBlock;
  const D0 = block.length;
  const T = maps.formMatrix(form);
  deadline?.check();
  const krylov = Array.from({ length: D0 }, () => new Float64Array(D0));
  let v = new Float64Array(D0);
  v[shape.blockPosition[shape.one]] = 1;
  for (let k = 0; k < D0; k++) {
    for (let r = 0; r < D0; r++) krylov[r][k] = v[r];
    const next = new Float64Array(D0);
    for (let r = 0; r < D0; r++) {
      let s = 0;
      const row = r * D0;
      for (let j = 0; j < D0; j++) {
        s += T[row + j] * v[j];
        if ((j & 2047) === 2047) s %= p;
      }
      next[r] = s % p;
    }
    v = next;
  }
  const last = v;
  const X = solveModP(krylov, [last], p);
  if (!X) return undefined;
  // t^D₀ = Σ c_k t^k, so χ₀ = T^D₀ − Σ c_k T^k.
  const chi = X[0].map((c) => (c === 0 ? 0 : p - c));
  return { p, maps, krylov, chi, known: new Map() };
}

/**
 * The orbit space of the solutions of `generators` (a radical zero-dimensional ideal with D
 * solutions, stable under `group`), or undefined when no invariant form separates the orbits
 * modulo the first prime, the ideal is not radical there, or the lift does not settle within
 * `maxPrimes` primes per phase. The generators must be in a degrevlex ring.
 */
export function orbitParametrization(
  generators: readonly Polynomial<Rational>[],
  D: number,
  group: SignGroup,
  options: ControlOptions & {
    maxPrimes?: number;
    /** An F4 learning run on the primitive parts of the generators (e.g. the staircase probe's), replayed instead of learning again. */
    learned?: LearnedFirstPrime;
  } = {},
): OrbitParametrization | undefined {
  const { deadline, onProgress } = resolveControl(options, 'orbitParametrization');
  const maxPrimes = options.maxPrimes ?? 4000;
  const R = generators[0].ring;
  const n = R.nvars;
  const primes = primesBelow(LAZY_PRIME_LIMIT);
  // Primitive integer generators: the images modulo p are those the staircase probe learned on.
  generators = generators.map(primitivePart);
  let replay: ((images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined) | undefined = options.learned?.replay;
  let firstBasis: Polynomial<number>[] | undefined = options.learned?.basis;
  let shape: MultiplicationShape | undefined = firstBasis && new MultiplicationShape(firstBasis, group);
  // The basis modulo the next usable prime (learned at the first unless the caller has learned it, replayed after).
  const nextMaps = (): MultiplicationModP | undefined => {
    for (;;) {
      deadline?.check();
      const r = primes.next();
      if (r.done) return undefined;
      const p = r.value;
      const P = BigInt(p);
      if (generators.some((g) => g.coefficients.some((c) => c.num % P === 0n || c.den % P === 0n))) continue;
      const S = new PolynomialRing(Zp(p), R.vars, R.order);
      const images = generators.map((g) => changeRing(g, S));
      let basis: Polynomial<number>[] | undefined;
      if (replay) basis = replay(images);
      else {
        const learned = f4Learn(images, { deadline });
        if (dimension(learned.basis) !== 0 || solutionCount(learned.basis) !== D) continue;
        const trace = learned.trace;
        replay = (polys) => f4Apply(trace, polys, { deadline });
        basis = learned.basis;
        firstBasis = basis;
        shape = new MultiplicationShape(basis, group);
      }
      if (basis) return new MultiplicationModP(shape as MultiplicationShape, basis, p, firstBasis as Polynomial<number>[]);
    }
  };

  // The invariant form: the first that separates the orbits at the first prime (1 a cyclic vector).
  const random = residueGenerator(0x0b17 + D);
  const first = nextMaps();
  if (!first) return undefined;
  let form: InvariantForm | undefined;
  let firstImage: OrbitImage | undefined;
  for (const candidate of invariantForms(group, random)) {
    try {
      const image = orbitImage(first, candidate, deadline);
      if (!image) continue;
      const F0 = Zp(image.p);
      const chi0 = [...Array.from(image.chi), 1];
      // Repeated roots with a cyclic 1: not radical (or an unlucky prime): the classic route decides.
      if (ugcd(F0, chi0, uderivative(F0, chi0)).length !== 1) return undefined;
      form = candidate;
      firstImage = image;
      break;
    } catch (e) {
      if (e instanceof UnluckyPrime) return undefined;
      throw e;
    }
  }
  if (!firstImage || !form) return undefined;
  const D0 = firstImage.chi.length;
  const t = form;

  const seen: OrbitImage[] = [firstImage];
  let pending: OrbitImage | undefined = firstImage;
  const next = (): OrbitImage | undefined => {
    if (pending) {
      const x = pending;
      pending = undefined;
      return x;
    }
    for (;;) {
      const maps = nextMaps();
      if (!maps) return undefined;
      try {
        const image = orbitImage(maps, t, deadline);
        if (!image) continue;
        seen.push(image);
        onProgress?.(phase(`${D} solutions, ${D0} orbits: ${seen.length} prime(s)`));
        return image;
      } catch (e) {
        if (!(e instanceof UnluckyPrime)) throw e;
      }
    }
  };

  // Phase 1: χ₀.
  const chiValues = liftUntilStable([D0], () => {
    const g = next();
    return g && { p: g.p, img: g.chi };
  }, maxPrimes);
  if (!chiValues) return undefined;
  const chi = utrim(QQ, [...chiValues, QQ.one]);
  onProgress?.(phase(`${D} solutions, ${D0} orbits: factoring their minimal polynomial`));
  const factors = factorUnivariate(chi, { deadline }).factors.map((f) => f.factor);

  // Phase 2: per factor, the numerators of given products (the images seen first, then more).
  const numerators = (productsOf: readonly VariableProduct[][]): UPoly<Rational>[][] | undefined => {
    let used = 0;
    const values = liftUntilStable(
      factors.map((q, j) => productsOf[j].length * (q.length - 1)),
      () => {
        for (;;) {
          if (used >= seen.length && next() === undefined) return undefined;
          const g = seen[used++];
          if (!agreesModulo(chiValues, g.p, g.chi)) continue;
          const qs = factorsModP(factors, g.p);
          if (!qs) continue;
          if (!representations(g, productsOf.flat())) continue;
          const out: number[] = [];
          let ok = true;
          factors.forEach((q, j) => {
            if (!ok || productsOf[j].length === 0) return;
            const ws = representations(g, productsOf[j]);
            if (!ws) {
              ok = false;
              return;
            }
            const d = q.length - 1;
            for (const u of componentNumerators(Zp(g.p), qs[j], ws)) for (let k = 0; k < d; k++) out.push(u[k] ?? 0);
          });
          if (ok) return { p: g.p, img: Float64Array.from(out) };
        }
      },
      maxPrimes,
    );
    if (!values) return undefined;
    let k = 0;
    return factors.map((q, j) =>
      productsOf[j].map(() => {
        const d = q.length - 1;
        const u = utrim(QQ, values.slice(k, k + d));
        k += d;
        return u;
      }),
    );
  };

  // The squares (and invariant variables) on every factor: the supports and pivots.
  const squares: VariableProduct[] = Array.from({ length: n }, (_, i) => (group.characters[i] === 0 ? [i] : [i, i]));
  onProgress?.(phase(`${D} solutions, ${D0} orbits: the invariants on ${factors.length} component(s)`));
  const squareNumerators = numerators(factors.map(() => squares));
  if (!squareNumerators) return undefined;
  const layouts = factors.map((_, j) => {
    const support = squares.map((_, i) => i).filter((i) => group.characters[i] !== 0 && squareNumerators[j][i].length > 0);
    const pivots = characterBasis(support.map((i) => group.characters[i])).map((k) => support[k]);
    const links = support.filter((i) => !pivots.includes(i)).map((i) => ({ i, pivots: combination(group.characters[i], pivots.map((v) => group.characters[v])).map((k) => pivots[k]) }));
    return { support, pivots, links };
  });
  const linkNumerators = numerators(layouts.map((l) => l.links.map(({ i, pivots }) => [i, ...pivots])));
  if (!linkNumerators) return undefined;
  const components: OrbitComponent[] = factors.map((q, j) => {
    const { pivots, links } = layouts[j];
    const coordinates: OrbitCoordinate[] = squares.map((_, i) => {
      const u = squareNumerators[j][i];
      if (group.characters[i] === 0) return { kind: 'invariant', numerator: u };
      if (u.length === 0) return { kind: 'zero' };
      if (pivots.includes(i)) return { kind: 'pivot', numerator: u };
      const k = links.findIndex((l) => l.i === i);
      return { kind: 'linked', pivots: links[k].pivots, numerator: linkNumerators[j][k] };
    });
    return { minimalPolynomial: q, orbitSize: 2 ** pivots.length, coordinates };
  });
  // Every solution is in exactly one orbit: the orbits' sizes add up to D (else not radical, or unlucky).
  const total = components.reduce((s, c) => s + c.orbitSize * (c.minimalPolynomial.length - 1), 0);
  if (total !== D) return undefined;
  return { group, form: t, minimalPolynomial: chi, components, primes: seen.length };
}

/** The indices of the basis characters (independent over GF(2)) whose sum is c. */
function combination(c: number, basis: readonly number[]): number[] {
  // Gaussian elimination on the basis, tracking which originals make up each reduced vector.
  const rows = basis.map((b, k) => ({ value: b, made: 1 << k }));
  const reduced: { value: number; made: number }[] = [];
  for (const r of rows) {
    let { value, made } = r;
    for (const s of reduced)
      if ((value ^ s.value) < value) {
        value ^= s.value;
        made ^= s.made;
      }
    reduced.push({ value, made });
    reduced.sort((a, b) => b.value - a.value);
  }
  let x = c;
  let made = 0;
  for (const s of reduced)
    if ((x ^ s.value) < x) {
      x ^= s.value;
      made ^= s.made;
    }
  if (x !== 0) throw new Error('combination: the character is not in the span');
  return basis.map((_, k) => k).filter((k) => made & (1 << k));
}
