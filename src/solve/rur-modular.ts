/**
 * The rational univariate representation computed modulo primes and lifted to Q.
 *
 * For a radical zero-dimensional ideal with a separating form t (certified by
 * `modularSeparatingForm`), the RUR (χ, v₁, …, vₙ) over Q is unique, and for every prime not
 * dividing the denominators of the Gröbner basis at which t still separates (deg χ_p = D) its
 * reduction is the RUR computed over Z/p. So each prime gives the images of all D·(n+1)
 * coefficients from Krylov iterations with double-precision arithmetic; they are combined by the
 * Chinese remainder theorem and turned into fractions by rational reconstruction (with a margin
 * below the uniqueness bound), and a candidate is accepted when it agrees with the image at one
 * more prime — the same acceptance test as the multi-modular Gröbner bases. This replaces exact
 * Krylov iterations over Q, whose rationals grow quickly with D.
 */
import { EchelonSpace } from '../arithmetic/echelon';
import { QQ, Zp } from '../arithmetic/field';
import { isqrt, modInverse } from '../arithmetic/integers';
import { matVec } from '../arithmetic/matrix';
import { primesBelow } from '../arithmetic/primes';
import { Rational } from '../arithmetic/rational';
import { rationalReconstruction } from '../arithmetic/reconstruction';
import { Deadline } from '../errors';
import { utrim } from '../poly/univariate';
import { QuotientAlgebra } from '../groebner/quotient';
import { RationalUnivariateRepresentation, linearForm } from './rur';

/**
 * The data over Q that every prime reduces: the matrix of multiplication by t and the
 * coordinates of 1 and of each variable in the standard-monomial basis (computed once; their
 * entries are small, unlike the Krylov vectors).
 */
interface RationalData {
  Mt: Rational[][];
  one: Rational[];
  vars: Rational[][];
}

function rationalData(A: QuotientAlgebra<Rational>, form: readonly bigint[]): RationalData {
  const Mt = A.multiplicationMatrix(linearForm(A.ring, form));
  return { Mt, one: A.coordinates(A.ring.one()), vars: A.ring.vars.map((_, i) => A.coordinates(A.ring.variable(i))) };
}

/** χ's lower coefficients then each vᵢ's D coefficients, modulo p; undefined when p is unlucky. */
function rurModP(data: RationalData, p: number, D: number): number[] | undefined {
  const F = Zp(p);
  const Mt = data.Mt.map((row) => row.map((x) => (x.num === 0n ? 0 : F.fromRational(x))));
  const space = new EchelonSpace(F);
  let v = data.one.map((x) => F.fromRational(x));
  let dep: number[] | undefined;
  for (let k = 0; k <= D; k++) {
    dep = space.insert(v);
    if (dep !== undefined) break;
    v = matVec(F, Mt, v);
  }
  if (dep === undefined || dep.length !== D) return undefined; // t does not separate modulo p
  const out = dep.map((c) => F.neg(c));
  for (const x of data.vars) {
    const e = space.express(x.map((c) => F.fromRational(c)));
    if (e === undefined) return undefined;
    out.push(...e);
  }
  return out;
}

/**
 * The RUR of the radical zero-dimensional ideal whose quotient algebra over Q is A, for the
 * separating form `form`, or undefined if no stable lift appears within `maxPrimes` primes.
 */
export function modularRUR(A: QuotientAlgebra<Rational>, form: readonly bigint[], deadline?: Deadline, maxPrimes = 2000): RationalUnivariateRepresentation | undefined {
  const G = A.groebnerBasis;
  const n = A.ring.nvars;
  const D = A.dimension;
  const data = rationalData(A, form);
  let residues: bigint[] = [];
  let M = 1n;
  let count = 0;
  let nextAttempt = 1;
  const primes = primesBelow(2 ** 26);
  const good = (): { p: number; img: number[] } | undefined => {
    for (;;) {
      const r = primes.next();
      if (r.done) return undefined;
      const p = r.value;
      const P = BigInt(p);
      if (G.some((g) => g.coefficients.some((c) => c.den % P === 0n))) continue;
      const img = rurModP(data, p, D);
      if (img) return { p, img };
    }
  };
  while (count < maxPrimes) {
    deadline?.check();
    const next = good();
    if (!next) return undefined;
    const { p, img } = next;
    const P = BigInt(p);
    if (count === 0) residues = img.map((x) => BigInt(x));
    else {
      const inv = modInverse(M % P, P);
      residues = residues.map((x, k) => {
        let t = ((BigInt(img[k]) - (x % P)) * inv) % P;
        if (t < 0n) t += P;
        return x + M * t;
      });
    }
    M *= P;
    count++;
    if (count < nextAttempt) continue;
    nextAttempt = Math.ceil(count * 1.25) + 1;
    const margin = BigInt(Math.min(20, Math.floor(M.toString(2).length / 10)));
    const bound = isqrt(M / 2n) >> margin;
    const values: Rational[] = [];
    let ok = true;
    for (const x of residues) {
      const q = rationalReconstruction(x, M, bound, bound);
      if (!q) {
        ok = false;
        break;
      }
      values.push(q);
    }
    if (!ok) continue;
    // Acceptance: the candidate reduces to the image at a fresh prime.
    const check = good();
    if (!check) return undefined;
    const F = Zp(check.p);
    let agrees = true;
    try {
      agrees = values.every((q, k) => F.fromRational(q) === check.img[k]);
    } catch {
      agrees = false;
    }
    if (!agrees) continue;
    const chi = utrim(QQ, [...values.slice(0, D), QQ.one]);
    const coordinates = Array.from({ length: n }, (_, i) => utrim(QQ, values.slice(D + i * D, D + (i + 1) * D)));
    return { separatingForm: [...form], minimalPolynomial: chi, coordinates };
  }
  return undefined;
}
