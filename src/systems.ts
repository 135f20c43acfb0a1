/**
 * The standard benchmark systems, generated exactly as defined in the benchmark reference:
 * cyclic-n, katsura-n (n+1 variables), eco-n, noon-n and reimer-n, over Q (or any field).
 *
 * `namedSystem('katsura:8')` parses the `NAME:N` spelling used by the CLI.
 */
import { Field, QQ } from './arithmetic/field';
import { Rational } from './arithmetic/rational';
import { InputError } from './errors';
import { MonomialOrder, degrevlex } from './monomials/order';
import { Polynomial, PolynomialRing } from './poly/polynomial';

export interface PolynomialSystem<T> {
  readonly name: string;
  readonly ring: PolynomialRing<T>;
  readonly polynomials: Polynomial<T>[];
}

function sum<T>(R: PolynomialRing<T>, ps: Polynomial<T>[]): Polynomial<T> {
  return ps.reduce((a, b) => a.add(b), R.zero());
}

function prod<T>(R: PolynomialRing<T>, ps: Polynomial<T>[]): Polynomial<T> {
  return ps.reduce((a, b) => a.mul(b), R.one());
}

/** cyclic-n in z1..zn: Σ_j Π_{k=j..j+m} z_k (indices mod n) for m = 0..n−2, and z1⋯zn − 1. */
export function cyclic<T = Rational>(n: number, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  checkSize('cyclic', n, 2);
  const R = new PolynomialRing(field, Array.from({ length: n }, (_, i) => `z${i + 1}`), order);
  const z = R.gens();
  const polys: Polynomial<T>[] = [];
  for (let m = 0; m <= n - 2; m++) {
    const terms: Polynomial<T>[] = [];
    for (let j = 0; j < n; j++) terms.push(prod(R, Array.from({ length: m + 1 }, (_, k) => z[(j + k) % n])));
    polys.push(sum(R, terms));
  }
  polys.push(prod(R, z).sub(R.one()));
  return { name: `cyclic-${n}`, ring: R, polynomials: polys };
}

/** katsura-n in x0..xn: Σ_{l=−n..n, |m−l|≤n} x_|l|·x_|m−l| − x_m for m = 0..n−1, and x0 + 2Σ x_i − 1. */
export function katsura<T = Rational>(n: number, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  checkSize('katsura', n, 1);
  const R = new PolynomialRing(field, Array.from({ length: n + 1 }, (_, i) => `x${i}`), order);
  const x = R.gens();
  const polys: Polynomial<T>[] = [];
  for (let m = 0; m <= n - 1; m++) {
    let f = R.zero();
    for (let l = -n; l <= n; l++) {
      if (Math.abs(m - l) > n) continue;
      f = f.add(x[Math.abs(l)].mul(x[Math.abs(m - l)]));
    }
    polys.push(f.sub(x[m]));
  }
  let last = x[0];
  for (let i = 1; i <= n; i++) last = last.add(x[i].scale(field.fromInt(2)));
  polys.push(last.sub(R.one()));
  return { name: `katsura-${n}`, ring: R, polynomials: polys };
}

/** eco-n in x1..xn: x_n·(x_k + Σ_{i=1..n−k−1} x_i·x_{i+k}) − k for k = 1..n−1, and x1 + … + x_{n−1} + 1. */
export function eco<T = Rational>(n: number, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  checkSize('eco', n, 2);
  const R = new PolynomialRing(field, Array.from({ length: n }, (_, i) => `x${i + 1}`), order);
  const x = [R.zero(), ...R.gens()]; // 1-based
  const polys: Polynomial<T>[] = [];
  for (let k = 1; k <= n - 1; k++) {
    let inner = x[k];
    for (let i = 1; i <= n - k - 1; i++) inner = inner.add(x[i].mul(x[i + k]));
    polys.push(x[n].mul(inner).sub(R.fromInt(k)));
  }
  polys.push(sum(R, x.slice(1, n)).add(R.one()));
  return { name: `eco-${n}`, ring: R, polynomials: polys };
}

/** noon-n in x1..xn: x_i·(10·Σ_{j≠i} x_j² − 11) + 10 for i = 1..n. */
export function noon<T = Rational>(n: number, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  checkSize('noon', n, 2);
  const R = new PolynomialRing(field, Array.from({ length: n }, (_, i) => `x${i + 1}`), order);
  const x = R.gens();
  const polys = x.map((xi, i) => {
    const squares = sum(R, x.filter((_, j) => j !== i).map((xj) => xj.mul(xj)));
    return xi.mul(squares.scale(field.fromInt(10)).sub(R.fromInt(11))).add(R.fromInt(10));
  });
  return { name: `noon-${n}`, ring: R, polynomials: polys };
}

/** reimer-n in x1..xn: Σ_{i=1..n} (−1)^(i+1)·2·x_i^j − 1 for j = 2..n+1. */
export function reimer<T = Rational>(n: number, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  checkSize('reimer', n, 1);
  const R = new PolynomialRing(field, Array.from({ length: n }, (_, i) => `x${i + 1}`), order);
  const x = R.gens();
  const polys: Polynomial<T>[] = [];
  for (let j = 2; j <= n + 1; j++) {
    const terms = x.map((xi, i) => xi.pow(j).scale(field.fromInt(i % 2 === 0 ? 2 : -2)));
    polys.push(sum(R, terms).sub(R.one()));
  }
  return { name: `reimer-${n}`, ring: R, polynomials: polys };
}

const GENERATORS = { cyclic, katsura, eco, noon, reimer } as const;
export type SystemName = keyof typeof GENERATORS;
export const SYSTEM_NAMES = Object.keys(GENERATORS) as SystemName[];

const MAX_SIZE = 30;

function checkSize(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min || n > MAX_SIZE) throw new InputError(`${name}-n needs an integer n between ${min} and ${MAX_SIZE}, got ${n}`);
}

/** Recognizes the `NAME:N` spelling (`katsura:8`, `cyclic:6`); returns undefined for anything else. */
export function parseSystemSpec(spec: string): { name: SystemName; n: number } | undefined {
  const m = /^([a-z]+)[:-](\d+)$/.exec(spec.trim());
  if (!m || !(m[1] in GENERATORS)) return undefined;
  return { name: m[1] as SystemName, n: Number(m[2]) };
}

/** The named system `NAME:N` over the field and order given. */
export function namedSystem<T = Rational>(spec: string, field: Field<T> = QQ as unknown as Field<T>, order: MonomialOrder = degrevlex): PolynomialSystem<T> {
  const parsed = parseSystemSpec(spec);
  if (!parsed) throw new InputError(`unknown system '${spec}' (expected NAME:N with NAME one of ${SYSTEM_NAMES.join(', ')})`);
  return GENERATORS[parsed.name](parsed.n, field, order);
}
