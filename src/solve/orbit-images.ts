/**
 * The orbit space's images modulo one prime (`orbit-space.ts` lifts them): the reduced basis in
 * the original coordinates, the Krylov matrix K = [1, t, …, t^(D₀−1)] of the invariant t on the
 * invariant block A₀ and the lower coefficients of χ₀ (t^D₀ = Σ c_k t^k); then, for the second
 * phase of the lift, the representations f = w_f(t) of products of variables (one linear solve
 * against K) and their numerators u_f = w_f·q′ mod q on each factor q of χ₀.
 *
 * `OrbitImageSource` gives the bases: learned by F4 at the first usable prime (or taken from a
 * caller's learning run), replayed at the next ones, and checked to have D standard monomials.
 * None of these numbers depends on the basis learned or on the thread that computed them (χ₀ and
 * the w_f are defined by the algebra), so the solver and its helper thread (`image-thread-main.ts`)
 * compute images at different primes of the same lift.
 */
import { Zp } from '../arithmetic/field';
import { FactoredModP, LAZY_PRIME_LIMIT, factorModP, solveFactored } from '../arithmetic/modular-linear';
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { F4Trace, f4Apply, f4Learn } from '../groebner/f4';
import { dimension, solutionCount } from '../groebner/ideal';
import { LearnedFirstPrime } from '../groebner/modular';
import { changeRing } from '../poly/change';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { ReductionModP } from '../poly/reduction-mod-p';
import { UPoly, utrim } from '../poly/univariate';
import { InvariantForm, MultiplicationModP, MultiplicationShape, RecordedColumn, VariableProduct } from './orbit-multiplication';
import { denseRowSums } from './krylov-kernel';
import { componentNumerators } from './rur-modular';
import { SignGroup } from './sign-symmetry';

/** One prime's share: the Krylov matrix on A₀, factored, and χ₀'s lower coefficients. */
export interface OrbitImage {
  p: number;
  maps: MultiplicationModP;
  /**
   * K = [1, t, …, t^(D₀−1)] restricted to A₀, as P·K = L·U: χ₀ and every later representation
   * w_f solve K·x = b, and each costs O(D₀²) once K is factored (deep-linear:2,3,2, D₀ = 249 at
   * 414 primes: the representations' eliminations were 6.7 s of a 79 s run on one thread).
   */
  krylov: FactoredModP;
  chi: Float64Array;
  /** The representations w_f found so far, by product (`representations`). */
  known: Map<string, UPoly<number>>;
}

/**
 * The reduced bases of a zero-dimensional ideal with D solutions modulo successive primes, as
 * multiplication maps: one F4 learning run (or the caller's), then replays.
 */
export class OrbitImageSource {
  private replay?: (images: readonly Polynomial<number>[]) => Polynomial<number>[] | undefined;
  private firstBasis?: Polynomial<number>[];
  private shape?: MultiplicationShape;
  private recordHook?: (recorded: number) => void;
  private readonly reduction: ReductionModP;

  /** `generators`: primitive, integer coefficients, in a degrevlex ring. */
  constructor(
    private readonly generators: readonly Polynomial<Rational>[],
    private readonly D: number,
    private readonly group: SignGroup,
    learned?: LearnedFirstPrime,
    private readonly deadline?: Deadline,
  ) {
    this.reduction = new ReductionModP(generators);
    if (learned) {
      this.replay = learned.replay;
      this.firstBasis = learned.basis;
      this.shape = new MultiplicationShape(learned.basis, group);
    }
  }

  /** Hears the number of normal forms recorded on the first basis, after each (see `MultiplicationShape.onRecord`). */
  set onRecord(hear: ((recorded: number) => void) | undefined) {
    this.recordHook = hear;
    if (this.shape) this.shape.onRecord = hear;
  }

  /** The multiplication columns recorded so far on the first basis (see `MultiplicationShape.recordedColumns`). */
  recordedColumns(): RecordedColumn[] {
    return this.shape?.recordedColumns() ?? [];
  }

  /** Takes columns recorded on the same first basis (the same learning run) elsewhere. */
  adoptColumns(columns: readonly RecordedColumn[]): void {
    this.shape?.adoptColumns(columns);
  }

  /** Does p divide no coefficient of the generators (so that their images keep their supports)? */
  usable(p: number): boolean {
    return !this.reduction.divides(p);
  }

  /** The multiplication maps modulo a usable prime p, or undefined when p is unlucky. */
  at(p: number): MultiplicationModP | undefined {
    const R = this.generators[0].ring;
    const S = new PolynomialRing(Zp(p), R.vars, R.order);
    const images = this.reduction.images(S);
    let basis: Polynomial<number>[] | undefined;
    if (this.replay) basis = this.replay(images);
    else {
      const learned = f4Learn(images, { deadline: this.deadline });
      if (dimension(learned.basis) !== 0 || solutionCount(learned.basis) !== this.D) return undefined;
      const trace = learned.trace;
      const deadline = this.deadline;
      this.replay = (polys) => f4Apply(trace, polys, { deadline });
      basis = this.firstBasis = learned.basis;
      this.shape = new MultiplicationShape(basis, this.group);
      this.shape.onRecord = this.recordHook;
    }
    return basis && new MultiplicationModP(this.shape as MultiplicationShape, basis, p, this.firstBasis as Polynomial<number>[]);
  }
}

/**
 * The learning run of a trace (e.g. another thread's, `traceFromData`) at its prime p: the basis
 * there, replayed, and the replay; undefined when the replay fails.
 */
export function learnedFromTrace(generators: readonly Polynomial<Rational>[], p: number, trace: F4Trace, deadline?: Deadline): LearnedFirstPrime | undefined {
  const replay = (polys: readonly Polynomial<number>[]) => f4Apply(trace, polys, { deadline });
  const R = generators[0].ring;
  const S = new PolynomialRing(Zp(p), R.vars, R.order);
  const basis = replay(generators.map((g) => changeRing(g, S)));
  return basis && { p, basis, replay, trace };
}

/**
 * The Krylov data of t on A₀ modulo the maps' prime, or undefined when 1 is not a cyclic vector
 * there. Throws `UnluckyPrime` when a column cannot be computed at this prime.
 */
export function orbitImage(maps: MultiplicationModP, form: InvariantForm, deadline?: Deadline): OrbitImage | undefined {
  const { shape, p } = maps;
  const D0 = shape.invariantBlock.length;
  const T = maps.formMatrix(form);
  deadline?.check();
  const krylov = Array.from({ length: D0 }, () => new Float64Array(D0));
  let v = new Float64Array(D0);
  v[shape.blockPosition[shape.one]] = 1;
  // T's rows as dense row sums (the SIMD kernel when there is one): exact for p < 2^21 and D₀ < 2^11.
  const rows = p < LAZY_PRIME_LIMIT ? denseRowSums(T, D0, D0) : undefined;
  for (let k = 0; k < D0; k++) {
    for (let r = 0; r < D0; r++) krylov[r][k] = v[r];
    const next = new Float64Array(D0);
    if (rows) {
      const sums = rows.sums(v);
      for (let r = 0; r < D0; r++) next[r] = sums[r] % p;
    } else {
      for (let r = 0; r < D0; r++) {
        let s = 0;
        const row = r * D0;
        for (let j = 0; j < D0; j++) {
          s += T[row + j] * v[j];
          if ((j & 2047) === 2047) s %= p;
        }
        next[r] = s % p;
      }
    }
    v = next;
  }
  const factored = factorModP(krylov, p);
  if (!factored) return undefined;
  const [x] = solveFactored(factored, [v]);
  // t^D₀ = Σ c_k t^k, so χ₀ = T^D₀ − Σ c_k T^k.
  const chi = x.map((c) => (c === 0 ? 0 : p - c));
  return { p, maps, krylov: factored, chi, known: new Map() };
}

/**
 * The coefficients w_f (f = w_f(t) in A₀) of products of variables, modulo the image's prime.
 * Those computed before are kept, and the others solved for with the factored Krylov matrix.
 */
export function representations(image: OrbitImage, products: readonly VariableProduct[]): UPoly<number>[] {
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
    const X = solveFactored(krylov, rhs);
    missing.forEach((key, k) => known.set(key, utrim(Zp(p), Array.from(X[k]))));
  }
  return products.map((x) => known.get(x.join(',')) as UPoly<number>);
}

/**
 * Per factor qⱼ of χ₀ (monic images modulo the image's prime), the numerators u_f = w_f·qⱼ′ mod qⱼ
 * of the products `productsOf[j]`.
 */
export function orbitNumerators(image: OrbitImage, factors: readonly UPoly<number>[], productsOf: readonly (readonly VariableProduct[])[]): UPoly<number>[][] {
  // All the products' representations in one pass of solves, then read per factor.
  representations(image, productsOf.flat());
  const F = Zp(image.p);
  return factors.map((q, j) => (productsOf[j].length === 0 ? [] : componentNumerators(F, q, representations(image, productsOf[j]))));
}
