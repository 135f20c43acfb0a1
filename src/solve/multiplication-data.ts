/**
 * The matrices of multiplication on A = Q[x]/I, as every prime reduces them: the columns over Q
 * of each variable's matrix M_{xᵢ} that are not unit vectors (sparse, each with one denominator;
 * most columns of a degrevlex multiplication matrix by a variable are unit vectors) and the
 * coordinates of 1 and of each variable in the standard-monomial basis, computed once per algebra
 * and shared by everything that reduces them; then, for any prime that divides no denominator,
 * M_t modulo p for a linear form t = Σ cᵢxᵢ as Σ cᵢ·(M_{xᵢ} mod p). Forming M_t over Q instead
 * (one rational combination of n dense matrices per form) cost 2 s of a network's 16 s, for
 * three forms; the radical's minimal polynomials (`radical.ts`), the parametrization modulo primes
 * (`rur-modular.ts`) and the multiplicities (`multiplicities.ts`) read their images from here.
 */
import { Rational } from '../arithmetic/rational';
import { ScaledVector, reduceModP, scaled } from '../arithmetic/scaled-vector';
import { QuotientAlgebra } from '../groebner/quotient';
import { primeStream } from '../arithmetic/primes';
import { Deadline } from '../errors';

/** The columns of M_{xᵢ} over Q: a unit column by its row, any other sparse over one denominator. */
interface VariableColumns {
  /** Per column, the row of its single 1, or −1 when the column is in `columns`. */
  unitRow: Int32Array;
  /** The other columns: their index, rows and values. */
  columns: { column: number; rows: number[]; values: ScaledVector }[];
}

/**
 * The data over Q that every prime reduces for the linear form t: the columns of the matrices of
 * the variables t uses (undefined for the others; shared by every form on the same algebra), the
 * coordinates of 1 and of each variable.
 */
export interface RationalData {
  form: readonly bigint[];
  dimension: number;
  variables: (VariableColumns | undefined)[];
  one: ScaledVector;
  vars: ScaledVector[];
}

/** Per algebra: the variables' columns computed so far, and the coordinates of 1 and the variables. */
const algebraData = new WeakMap<QuotientAlgebra<Rational>, { variables: (VariableColumns | undefined)[]; one: ScaledVector; vars: ScaledVector[] }>();

function variableColumns(A: QuotientAlgebra<Rational>, i: number): VariableColumns {
  const D = A.dimension;
  const M = A.variableMatrix(i);
  const unitRow = new Int32Array(D).fill(-1);
  const columns: VariableColumns['columns'] = [];
  for (let j = 0; j < D; j++) {
    const rows: number[] = [];
    const values: Rational[] = [];
    for (let r = 0; r < D; r++) {
      if (M[r][j].num !== 0n) {
        rows.push(r);
        values.push(M[r][j]);
      }
    }
    if (rows.length === 1 && values[0].num === 1n && values[0].den === 1n) unitRow[j] = rows[0];
    else columns.push({ column: j, rows, values: scaled(values) });
  }
  return { unitRow, columns };
}

/** The data of the form t = Σ form[i]·xᵢ on A (each variable's columns are computed once per A). */
export function rationalData(A: QuotientAlgebra<Rational>, form: readonly bigint[]): RationalData {
  let data = algebraData.get(A);
  if (!data) {
    data = { variables: A.ring.vars.map(() => undefined), one: scaled(A.coordinates(A.ring.one())), vars: A.ring.vars.map((_, i) => scaled(A.coordinates(A.ring.variable(i)))) };
    algebraData.set(A, data);
  }
  const { variables } = data;
  form.forEach((c, i) => {
    if (c !== 0n && !variables[i]) variables[i] = variableColumns(A, i);
  });
  return { form, dimension: A.dimension, variables: form.map((c, i) => (c === 0n ? undefined : variables[i])), one: data.one, vars: data.vars };
}

/**
 * M_t modulo p by sparse columns (each column's rows and residues, without zeros), or undefined
 * when p divides a denominator of a variable's matrix that t uses.
 */
export function columnsModP(data: RationalData, p: number): { rows: number[]; values: Float64Array }[] | undefined {
  const D = data.dimension;
  const P = BigInt(p);
  const used: { c: number; unitRow: Int32Array; reduced: (Float64Array | undefined)[]; rows: (number[] | undefined)[] }[] = [];
  for (let i = 0; i < data.form.length; i++) {
    let c = Number(data.form[i] % P);
    if (c < 0) c += p;
    const v = data.variables[i];
    if (c === 0 || !v) continue;
    const { unitRow, columns } = v;
    const reduced = new Array<Float64Array | undefined>(D);
    const rows = new Array<number[] | undefined>(D);
    for (const col of columns) {
      const values = reduceModP(col.values, p);
      if (!values) return undefined;
      reduced[col.column] = values;
      rows[col.column] = col.rows;
    }
    used.push({ c, unitRow, reduced, rows });
  }
  const scratch = new Float64Array(D);
  const marked = new Uint8Array(D);
  const touched: number[] = [];
  const add = (r: number, x: number): void => {
    if (marked[r] === 0) {
      marked[r] = 1;
      touched.push(r);
    }
    scratch[r] = (scratch[r] + x) % p;
  };
  const out: { rows: number[]; values: Float64Array }[] = [];
  for (let j = 0; j < D; j++) {
    touched.length = 0;
    for (const { c, unitRow, reduced, rows } of used) {
      const u = unitRow[j];
      if (u >= 0) add(u, c);
      else {
        const values = reduced[j] as Float64Array;
        const at = rows[j] as number[];
        for (let k = 0; k < at.length; k++) add(at[k], c * values[k]);
      }
    }
    touched.sort((a, b) => a - b);
    const rowsOut: number[] = [];
    const valuesOut: number[] = [];
    for (const r of touched) {
      if (scratch[r] !== 0) {
        rowsOut.push(r);
        valuesOut.push(scratch[r]);
      }
      scratch[r] = 0;
      marked[r] = 0;
    }
    out.push({ rows: rowsOut, values: Float64Array.from(valuesOut) });
  }
  return out;
}

/** M_t modulo p, dense by rows, or undefined when p divides a denominator t uses. */
export function matrixModP(data: RationalData, p: number): number[][] | undefined {
  const columns = columnsModP(data, p);
  if (!columns) return undefined;
  const D = data.dimension;
  const M = Array.from({ length: D }, () => new Array<number>(D).fill(0));
  columns.forEach(({ rows, values }, j) => rows.forEach((row, k) => (M[row][j] = values[k])));
  return M;
}

/**
 * M_t and the coordinates of 1 modulo each prime below 2^26 (from the largest down) at which the
 * data reduce, the others skipped; at most `maxPrimes` primes examined.
 */
export function* imagesModP(data: RationalData, deadline?: Deadline, maxPrimes = Infinity): Generator<{ p: number; M: number[][]; one: Float64Array }> {
  let examined = 0;
  for (const p of primeStream(2 ** 26, deadline)) {
    if (examined++ >= maxPrimes) return;
    deadline?.check();
    const M = matrixModP(data, p);
    const one = reduceModP(data.one, p);
    if (M && one) yield { p, M, one };
  }
}
