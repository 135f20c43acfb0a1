/**
 * The inertia (numbers of positive, negative and zero eigenvalues) of a real symmetric matrix
 * whose entries are exact: rationals, or elements of a number field Q(θ) at a real root θ given
 * by an isolating interval.
 *
 * The characteristic polynomial p(λ) = det(λI − H) is computed exactly over the entries' field
 * (Hessenberg reduction). A real symmetric matrix has only real eigenvalues, so Descartes' rule of
 * signs is exact for p: the number of positive eigenvalues is the number of sign changes of the
 * coefficients of p(λ), of negative ones that of p(−λ), and the multiplicity of 0 is the index of
 * the lowest non-zero coefficient. Signs of number-field coefficients are decided at θ by exact
 * interval evaluation, refining θ's interval until the sign is certain (a non-zero element has
 * a non-zero value at θ, so this terminates).
 */
import { QQ, Field } from '../arithmetic/field';
import { charpoly, Matrix } from '../arithmetic/matrix';
import { Rational, rcmp, rsign } from '../arithmetic/rational';
import { NumberFieldElement } from '../poly/number-field';
import { evaluateOnInterval } from './points';
import { RootInterval, refineRoot } from './roots/real';

export interface Inertia {
  positive: number;
  negative: number;
  zero: number;
}

/** Inertia from the signs of the characteristic polynomial's coefficients (ascending). */
export function inertiaFromSigns(signs: readonly (-1 | 0 | 1)[]): Inertia {
  let zero = 0;
  while (zero < signs.length && signs[zero] === 0) zero++;
  const variations = (s: readonly number[]): number => {
    let count = 0;
    let last = 0;
    for (const x of s) {
      if (x === 0) continue;
      if (last !== 0 && x !== last) count++;
      last = x;
    }
    return count;
  };
  const positive = variations(signs);
  const negative = variations(signs.map((s, i) => (i % 2 === 1 ? -s : s)));
  return { positive, negative, zero };
}

/** Inertia of a rational symmetric matrix. */
export function rationalInertia(H: Matrix<Rational>): Inertia {
  return inertiaFromSigns(charpoly(QQ, H).map(rsign));
}

/** The sign of a number-field element at the real root θ of `chi` isolated by `interval`. */
export function signAtRoot(a: NumberFieldElement, chi: readonly bigint[], interval: RootInterval): { sign: -1 | 0 | 1; interval: RootInterval } {
  if (a.length === 0) return { sign: 0, interval };
  if (a.length === 1) return { sign: rsign(a[0]), interval };
  let iv = interval;
  let bits = 32;
  for (;;) {
    const box = evaluateOnInterval(a, iv);
    if (rsign(box.lo) > 0) return { sign: 1, interval: iv };
    if (rsign(box.hi) < 0) return { sign: -1, interval: iv };
    if (rcmp(iv.lo, iv.hi) === 0) throw new Error('signAtRoot: a rational root should give an exact sign');
    iv = refineRoot(chi, iv, { bits });
    bits *= 2;
  }
}

/** Inertia of a symmetric matrix over Q(θ) at the real root θ of `chi` (isolated by `interval`). */
export function algebraicInertia(F: Field<NumberFieldElement>, H: Matrix<NumberFieldElement>, chi: readonly bigint[], interval: RootInterval): Inertia {
  const p = charpoly(F, H);
  let iv = interval;
  const signs = p.map((c) => {
    const r = signAtRoot(c, chi, iv);
    iv = r.interval;
    return r.sign;
  });
  return inertiaFromSigns(signs);
}
