/**
 * The critical values of a network's loss on the components of its critical set, exact: rational
 * when the loss reduces to a constant modulo a component's prime, else an algebraic number given by
 * its minimal polynomial and the isolating intervals of its real roots (those taken at real points
 * marked), with exact sort keys for the global minimum. On a prime P the value is a root of the
 * generator of (P + ⟨t − L⟩) ∩ Q[t]; on a finite component it comes from the loss evaluated on the
 * component's parametrization (`solve/component-values.ts`); at exact real points it is the loss
 * evaluated in the point's number field. `critical.ts` passes `valueOnCriticalSet(L)` as L.
 */
import { QQ } from '../arithmetic/field';
import { Rational, rational, rationalToString, rcmp } from '../arithmetic/rational';
import { Deadline } from '../errors';
import { normalForm } from '../groebner/normal-form';
import { changeRing } from '../poly/change';
import { NumberFieldElement, numberField } from '../poly/number-field';
import { Polynomial, PolynomialRing } from '../poly/polynomial';
import { UPoly } from '../poly/univariate';
import { canonicalRing } from '../solve/canonical';
import { ComponentValues, valuesOnComponent } from '../solve/component-values';
import { valuePolynomialOnPrime } from '../solve/value-on-prime';
import { ExactRealPoint } from '../solve/point-components';
import { decimal, evaluateOnInterval } from '../solve/points';
import { RealAlgebraicNumber, compareRealAlgebraic } from '../solve/roots/compare';
import { RootInterval, isolateRealRoots, refineRoot } from '../solve/roots/real';
import { ComponentParametrizationData } from '../solve/zero-dimensional';

/** A critical value: exact rational text, or an algebraic number. */
export type CriticalValue =
  | string
  | {
      minimalPolynomial: string;
      realRoots: { lo: string; hi: string; approx: string }[];
      approx: string;
      /**
       * The real roots taken at the component's real points (a real root of the minimal
       * polynomial may be the value at a pair of complex conjugate points only).
       */
      atRealPoints?: string[];
    };

/** p evaluated at number-field coordinates (one per ring variable). */
export function evaluateInField(p: Polynomial<Rational>, F: ReturnType<typeof numberField>, values: NumberFieldElement[]): NumberFieldElement {
  const powers: NumberFieldElement[][] = values.map((v) => [F.one, v]);
  const power = (i: number, e: number): NumberFieldElement => {
    const list = powers[i];
    while (list.length <= e) list.push(F.mul(list[list.length - 1], values[i]));
    return list[e];
  };
  let acc = F.zero;
  for (let k = 0; k < p.length; k++) {
    const m = p.monomials[k];
    let t = F.fromRational(p.coefficients[k]);
    for (let i = 0; i < values.length; i++) if (m[i + 1] > 0) t = F.mul(t, power(i, m[i + 1]));
    acc = F.add(acc, t);
  }
  return acc;
}

/**
 * Where a component's value sorts: the smallest real value it takes (at its real points when
 * they are known), exactly, and as decimals; undefined when it has no real value.
 */
export interface ValueKey {
  exact: RealAlgebraicNumber;
  approx: string;
}

/** Compares sort keys exactly (no real value last). */
export function compareKeys(a: ValueKey | undefined, b: ValueKey | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareRealAlgebraic(a.exact, b.exact);
}

/** The exact real roots of an algebraic critical value: its minimal polynomial and their isolating intervals, ascending. */
export interface ValueRoots {
  polynomial: bigint[];
  intervals: RootInterval[];
}

export function rootKey(roots: ValueRoots, value: Exclude<CriticalValue, string>, k: number): ValueKey {
  return { exact: { kind: 'algebraic', polynomial: roots.polynomial, interval: roots.intervals[k] }, approx: value.realRoots[k].approx };
}

export function rationalKey(q: Rational, digits: number): ValueKey {
  return { exact: { kind: 'rational', value: q }, approx: decimal(q, digits) };
}

/** The value of L on the prime with basis B (canonical ring). */
export function valueOn(L: Polynomial<Rational>, B: Polynomial<Rational>[], digits: number, deadline?: Deadline): { value: CriticalValue; key?: ValueKey; roots?: ValueRoots } {
  // B is empty on the whole space (a constant loss: every point is critical).
  const C = B[0]?.ring ?? canonicalRing(QQ, L.ring.vars);
  const LC = changeRing(L, C);
  const r = normalForm(LC, B);
  if (r.isConstant()) {
    const q = r.isZero() ? QQ.zero : r.lc();
    return { value: rationalToString(q), key: rationalKey(q, digits) };
  }
  // L is constant on the component: its value's polynomial is read on one fibre.
  const f = valuePolynomialOnPrime(LC, B, deadline);
  const T = new PolynomialRing(QQ, ['t']);
  const intervals = isolateRealRoots(f).map((iv) => (iv.lo === iv.hi ? iv : refineRoot(f, iv, { bits: valueBits(digits) })));
  const realRoots = intervals.map((iv) => ({ lo: rationalToString(iv.lo), hi: rationalToString(iv.hi), approx: decimal(QQ.div(QQ.add(iv.lo, iv.hi), rational(2n)), digits) }));
  const poly = T.fromTerms(f.map((c, i) => [[i], rational(c)] as const));
  const value = { minimalPolynomial: poly.toString(), realRoots, approx: realRoots.map((r) => r.approx).join(', ') };
  const roots = { polynomial: [...f], intervals };
  return { value, roots, ...(realRoots.length > 0 ? { key: rootKey(roots, value, 0) } : {}) };
}

/** The bits the real roots of a value's minimal polynomial are refined to, for `digits` decimals. */
export function valueBits(digits: number): number {
  return Math.ceil(digits * 3.33) + 8;
}

/** The critical value on a finite component, from the loss evaluated on its parametrization. */
export function valueOnPoints(L: Polynomial<Rational>, data: ComponentParametrizationData, thetas: readonly RootInterval[], digits: number, deadline?: Deadline): { value: CriticalValue; key?: ValueKey; realKey?: ValueKey } {
  return valueFrom(valuesOnComponent(L, data, thetas, valueBits(digits), deadline), thetas.length > 0, digits);
}

/** A critical value and its sort keys from the loss's values on a finite component (`atReal`: real points were given). */
export function valueFrom(v: ComponentValues, atReal: boolean, digits: number): { value: CriticalValue; key?: ValueKey; realKey?: ValueKey } {
  if (v.kind === 'rational') return { value: rationalToString(v.value), key: rationalKey(v.value, digits) };
  const T = new PolynomialRing(QQ, ['t']);
  const mid = (r: { lo: Rational; hi: Rational }): Rational => QQ.div(QQ.add(r.lo, r.hi), rational(2n));
  const realRoots = v.realRoots.map((r) => ({ lo: rationalToString(r.lo), hi: rationalToString(r.hi), approx: decimal(mid(r), digits) }));
  const attained = [...new Set(v.atRealPoints)].sort((a, b) => a - b);
  const value: CriticalValue = {
    minimalPolynomial: T.fromTerms(v.minimalPolynomial.map((c, i) => [[i], rational(c)] as const)).toString(),
    realRoots,
    approx: realRoots.map((r) => r.approx).join(', '),
    ...(atReal ? { atRealPoints: attained.map((k) => realRoots[k].approx) } : {}),
  };
  const roots = { polynomial: v.minimalPolynomial, intervals: v.realRoots };
  return {
    value,
    ...(realRoots.length > 0 ? { key: rootKey(roots, value, 0) } : {}),
    ...(attained.length > 0 ? { realKey: rootKey(roots, value, attained[0]) } : {}),
  };
}

/**
 * The real roots of the critical value's minimal polynomial that the loss takes at the given
 * exact real points: L is evaluated in the point's number field, then on the refined isolating
 * interval of its generator (exact interval arithmetic), and matched with the roots' isolating
 * intervals it meets.
 */
export function valuesAtRealPoints(L: Polynomial<Rational>, ring: PolynomialRing<Rational>, points: readonly ExactRealPoint[], roots: readonly RootInterval[]): number[] {
  const hit = new Set<number>();
  for (const point of points) {
    const F = numberField(point.chi);
    const coords = ring.vars.map((v) => point.coordinates[point.vars.indexOf(v)] as NumberFieldElement);
    const value = evaluateOnInterval(evaluateInField(L, F, coords) as UPoly<Rational>, point.interval);
    roots.forEach((r, k) => {
      if (rcmp(r.lo, value.hi) <= 0 && rcmp(value.lo, r.hi) <= 0) hit.add(k);
    });
  }
  return roots.map((_, k) => k).filter((k) => hit.has(k));
}

