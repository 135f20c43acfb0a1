/**
 * Factorizing splitting with inequations: a variety cut into pieces along the factors of the
 * polynomials that define it, without cutting out the same part twice.
 *
 * A piece is a pair (F, N) of generators F and non-vanishing conditions N (irreducible, monic)
 * and stands for the closure of V(F) \ V(Π N). When g = f₁^a₁⋯f_k^a_k is an element of the
 * reduced Gröbner basis G of ⟨F⟩, with its irreducible factors in increasing size,
 *   V(F) \ V(N) = ⋃ᵢ V(F, fᵢ) \ V(N ∪ {f₁, …, fᵢ₋₁}),
 * so the i-th piece only holds the points where the earlier factors do not vanish, and pieces
 * overlap only in lower-dimensional sets. Conditions prune: a condition dividing an element of G
 * is divided out (V(G) \ V(n) = V(G − n·h + h) \ V(n)), a factor that is a condition makes no
 * piece, and a piece whose basis reduces a condition to zero is empty. Every minimal prime of
 * ⟨F⟩ containing no condition is a minimal prime of one of its pieces, containing none of their
 * conditions.
 *
 * A piece keeps a small generating system — the input with its linear generators substituted,
 * plus the factors added by the splits. Its basis is computed from its parent's basis and the
 * polynomials the step adds (a factor, the conditions divided out of basis elements, the bases of
 * powers; `Piece.parent`), with F4 told the parent's basis is one (`knownBasis`): only the pairs
 * with what was added are formed. Elements are tried smallest first, and a split stops the scan.
 * References: Czapor, "Solving algebraic equations: combining Buchberger's algorithm with
 * multivariate factorization" (J. Symb. Comp. 7, 1989); Gräbe, "On factorized Gröbner bases"
 * (1995) for the inequations; Becker–Weispfenning §8.7.
 */
import { Rational } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { Polynomial } from '../poly/polynomial';
import { GroebnerOptions, groebner } from './groebner';
import { dimension, isUnitIdeal } from './ideal';
import { basisWithLinearPart, substituteLinear } from './linear-substitution';
import { inIdeal } from './normal-form';
import { Factorizer, polynomialSize, quotientIfDivisible } from './factor-cache';

type QPoly = Polynomial<Rational>;

/** A piece of a variety: the closure of V(generators) \ V(Π constraints). */
export interface Piece {
  /**
   * Generators of the ideal: a small system (the input, with linear generators substituted, and
   * the polynomials added by the splits), from which a basis is cheaper than from a basis.
   */
  generators: QPoly[];
  /** The reduced Gröbner basis of the ideal (the ring's order), once known. */
  basis?: QPoly[];
  /**
   * The parent's basis and the polynomials this piece adds to it (a factor, conditions divided out
   * of the parent's basis elements, powers replaced by their bases), which generate the ideal
   * too: the basis is computed from there, with F4 forming no pair within the parent's basis
   * (`GroebnerOptions.knownBasis`). On the 2-3-2-1 linear network with biases and one λ, whose
   * pieces have bases of 1,200–1,600 elements, a piece took 5–13 s from its generators and
   * 3.7–5.3 s from its parent's basis with every pair formed; 0.6–1.7 s now.
   */
  parent?: { basis: QPoly[]; added: QPoly[] };
  /** Irreducible monic polynomials that do not vanish identically on the piece. */
  constraints: QPoly[];
  /** An upper bound for the dimension of the piece (its dimension once the basis is known). */
  bound: number;
}

/** The outcome of one step on a piece. */
export type PieceStep =
  | { kind: 'empty' }
  | { kind: 'split'; pieces: Piece[] }
  /** The piece, with its reduced Gröbner basis none of whose elements factors (beyond the conditions). */
  | { kind: 'unsplit'; piece: Piece & { basis: QPoly[] } };

function isConstraint(f: QPoly, constraints: readonly QPoly[]): boolean {
  return constraints.some((n) => n.equals(f));
}

/**
 * How the element g of the piece's basis splits it: into pieces, one per factor not a condition
 * (the earlier factors becoming conditions); or `replace` by a single factor (g a power, or a
 * product of one factor with conditions); or undefined when g is an irreducible polynomial.
 */
function splitOn(g: QPoly, piece: Piece, G: QPoly[], replaced: readonly QPoly[], factorizer: Factorizer): { pieces: Piece[] } | { replace: QPoly } | undefined {
  const all = factorizer.factors(g);
  const factors = all.filter((x) => !isConstraint(x.factor, piece.constraints));
  if (factors.length === 1) return all.length === 1 && factors[0].multiplicity === 1 ? undefined : { replace: factors[0].factor };
  // ⟨F, fᵢ⟩ = ⟨basis, fᵢ⟩ since fᵢ divides g; no factors left: g is a product of conditions.
  const pieces = factors.map((x, i) => ({
    generators: [...piece.generators, x.factor, ...replaced],
    constraints: [...piece.constraints, ...factors.slice(0, i).map((y) => y.factor)],
    bound: piece.bound,
    parent: { basis: G, added: [x.factor, ...replaced] },
  }));
  return { pieces };
}

/** The elements in increasing size (the order in which splitting is tried). */
function bySize(F: readonly QPoly[]): QPoly[] {
  return [...F].sort((a, b) => polynomialSize(a) - polynomialSize(b));
}

/** f with every condition divided out as often as it divides (conditions do not vanish on the piece). */
function withoutConditions(f: QPoly, constraints: readonly QPoly[]): QPoly {
  let g = f;
  for (const n of constraints) {
    for (let q = quotientIfDivisible(g, n); q !== undefined; q = quotientIfDivisible(g, n)) g = q;
  }
  return g === f ? f : g.monic();
}

/**
 * The generators with the linear ones in echelon form and substituted into the others, and the
 * conditions divided out of the others; undefined when that shows the piece empty.
 */
function simplified(piece: Piece): { linear: QPoly[]; rest: QPoly[] } | undefined {
  const { linear, rest } = substituteLinear(piece.generators);
  if (isUnitIdeal(linear)) return undefined;
  const stripped = rest.map((g) => withoutConditions(g, piece.constraints));
  return stripped.some((g) => g.isConstant()) ? undefined : { linear, rest: stripped };
}

/** Is the piece with basis G and these conditions empty (the unit ideal, or a condition vanishing on V(G))? */
function isEmpty(G: readonly QPoly[], constraints: readonly QPoly[]): boolean {
  return isUnitIdeal(G) || constraints.some((n) => inIdeal(n, G));
}

/**
 * One step of the factorizing splitting: compute the reduced Gröbner basis of the piece; divide
 * the conditions out of its elements (one new piece); or split on a factoring element; or report
 * the basis when nothing factors. Empty pieces (the unit ideal, or a condition in the ideal) are
 * recognized.
 */
export function splitPiece(piece: Piece, factorizer: Factorizer, options: Pick<GroebnerOptions, 'deadline' | 'basisWorkers'> = {}): PieceStep {
  let G = piece.basis;
  if (G === undefined) {
    const F = simplified(piece);
    if (F === undefined) return { kind: 'empty' };
    const basisOptions = { deadline: options.deadline, basisWorkers: options.basisWorkers };
    G = piece.parent
      ? groebner([...piece.parent.basis, ...piece.parent.added], { ...basisOptions, knownBasis: piece.parent.basis.length })
      : basisWithLinearPart(F.linear, F.rest, basisOptions);
    if (isEmpty(G, piece.constraints)) return { kind: 'empty' };
    const bound = G.length === 0 ? piece.generators[0].ring.nvars : dimension(G, piece.bound);
    const { parent: _parent, ...rest } = piece;
    // The generators must generate the ideal of G: from the parent's basis those of the piece (they
    // generate the parent's ideal and what was added), else the simplified ones G came from.
    const known: Piece = { ...rest, generators: piece.parent ? piece.generators : [...F.linear, ...F.rest], basis: G, bound };
    // A piece of smaller dimension than announced goes back to the queue with its dimension,
    // so the caller can examine pieces by decreasing dimension.
    if (bound < piece.bound) return { kind: 'split', pieces: [known] };
    piece = known;
  } else if (isEmpty(G, piece.constraints)) return { kind: 'empty' };
  const stripped = G.map((g) => withoutConditions(g, piece.constraints));
  const changed = stripped.filter((g, i) => g !== (G as QPoly[])[i]);
  if (changed.length > 0) {
    if (changed.some((g) => g.isConstant())) return { kind: 'empty' };
    return { kind: 'split', pieces: [{ generators: [...piece.generators, ...changed], constraints: piece.constraints, bound: piece.bound, parent: { basis: G, added: changed } }] };
  }
  // Replacements (a power by its base) are collected and applied together with the first split.
  const replaced: QPoly[] = [];
  for (const g of bySize(G)) {
    options.deadline?.check();
    if (g.isConstant()) continue;
    const split = splitOn(g, piece, G, replaced, factorizer);
    if (split === undefined) continue;
    if ('replace' in split) {
      replaced.push(split.replace);
      continue;
    }
    if (split.pieces.length === 0) return { kind: 'empty' };
    return { kind: 'split', pieces: split.pieces };
  }
  if (replaced.length > 0) return { kind: 'split', pieces: [{ generators: [...piece.generators, ...replaced], constraints: piece.constraints, bound: piece.bound, parent: { basis: G, added: replaced } }] };
  return { kind: 'unsplit', piece: { ...piece, basis: G } };
}

/**
 * The factorized Gröbner basis of ⟨polys⟩: reduced bases G₁, …, G_r (with their conditions)
 * none of whose elements factors, with V(polys) = ⋃ closure(V(Gᵢ) \ V(Nᵢ)).
 * @example factorizedGroebner([x*y, x*z]) // [{ basis: [x] }, { basis: [z, y], constraints: [x] }]
 */
export function factorizedGroebner(polys: readonly QPoly[], options: { deadline?: Deadline } = {}): { basis: QPoly[]; dimension: number; constraints: QPoly[] }[] {
  const factorizer = new Factorizer();
  const out: { basis: QPoly[]; dimension: number; constraints: QPoly[] }[] = [];
  const work: Piece[] = [{ generators: [...polys], constraints: [], bound: polys[0].ring.nvars }];
  while (work.length > 0) {
    options.deadline?.check();
    const step = splitPiece(work.pop() as Piece, factorizer, options);
    if (step.kind === 'split') work.push(...step.pieces.reverse());
    else if (step.kind === 'unsplit') out.push({ basis: step.piece.basis, dimension: step.piece.bound, constraints: step.piece.constraints });
  }
  return out;
}
