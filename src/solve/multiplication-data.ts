/**
 * The matrix of multiplication by a linear form t on A = Q[x]/I, as every prime reduces it: its
 * columns over Q (sparse: most columns of a degrevlex multiplication matrix by a variable are
 * unit vectors, each column with one denominator) and the coordinates of 1 and of each variable
 * in the standard-monomial basis, computed once; then M_t modulo p for any prime that divides no
 * denominator. The parametrization modulo primes (`rur-modular.ts`) and the multiplicities
 * (`multiplicities.ts`) read their images from it.
 */
import { Rational } from '../arithmetic/rational';
import { ScaledVector, reduceModP, scaled } from '../arithmetic/scaled-vector';
import { QuotientAlgebra } from '../groebner/quotient';
import { linearForm } from './rur';

/**
 * The data over Q that every prime reduces: the columns of the matrix of multiplication by t
 * (sparse: most columns of a degrevlex multiplication matrix by a variable are unit vectors) and
 * the coordinates of 1 and of each variable in the standard-monomial basis.
 */
export interface RationalData {
  columns: { rows: number[]; values: ScaledVector }[];
  one: ScaledVector;
  vars: ScaledVector[];
}

export function rationalData(A: QuotientAlgebra<Rational>, form: readonly bigint[]): RationalData {
  const Mt = A.multiplicationMatrix(linearForm(A.ring, form));
  const D = A.dimension;
  const columns = Array.from({ length: D }, (_, j) => {
    const rows: number[] = [];
    const values: Rational[] = [];
    for (let r = 0; r < D; r++) {
      if (Mt[r][j].num !== 0n) {
        rows.push(r);
        values.push(Mt[r][j]);
      }
    }
    return { rows, values: scaled(values) };
  });
  return { columns, one: scaled(A.coordinates(A.ring.one())), vars: A.ring.vars.map((_, i) => scaled(A.coordinates(A.ring.variable(i)))) };
}

/** M_t modulo p from its columns over Q, or undefined when p divides a denominator. */
export function matrixModP(data: RationalData, D: number, p: number): number[][] | undefined {
  const M = Array.from({ length: D }, () => new Array<number>(D).fill(0));
  for (let j = 0; j < data.columns.length; j++) {
    const c = data.columns[j];
    const values = reduceModP(c.values, p);
    if (!values) return undefined;
    c.rows.forEach((row, k) => (M[row][j] = values[k]));
  }
  return M;
}

