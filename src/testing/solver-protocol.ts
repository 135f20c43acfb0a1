/**
 * The solver protocol of `polycrit check --solver CMD` (version 1): how a planted system is
 * handed to an external solver and how its answer is read. One process per system; the request
 * is one JSON object on the solver's stdin, the answer one JSON object on its stdout.
 *
 * Request — also a valid polycrit JSON system file:
 *   { "protocol": 1, "field": "Q", "vars": ["x2", "x1"], "polynomials": ["x1^2 - 2", "x2 - x1"] }
 * `vars` is the order the solver should use (the check varies it: sympy's answers depend on it);
 * each polynomial is expanded with integer coefficients, in the syntax integer, variable, `*`,
 * `^` with a positive integer exponent, `+` and `-` between terms (`-3*x1^2*x2 + x2 - 7`), no
 * parentheses.
 *
 * Answer: { "solutions": [SOLUTION, …], "domain": "complex" | "real" } or { "error": "why" }
 * (`"points"` is accepted for `"solutions"`). A SOLUTION maps variables to VALUEs; a variable it
 * leaves out (or maps to itself) is free, so `{"x1": "2"}` in x1, x2, x3 is the plane x1 = 2 and a
 * solution that binds every variable is a point. A VALUE is an exact rational as a string
 * (`"-3/4"`, `"5"`), a decimal (a JSON number, or a string such as `"1.4142135623730950488"`), a
 * complex number `{"re": VALUE, "im": VALUE}`, a real interval `{"lo": VALUE, "hi": VALUE}` that
 * holds the coordinate, or an expression string in the free variables (`expression.ts`:
 * `"-x3 + sqrt(1 - x3^2)"`, `"sqrt(2)/2 + I"`). `domain` says which solutions the solver claims
 * to list: all complex ones (the default) or the real ones only (msolve). Anything else is a
 * malformed answer. Parsing returns a discriminated union; it never throws on the solver's output.
 */
import { Rational, parseRational, rationalFromNumber, rationalToNumber } from '../arithmetic/rational';
import { clearDenominators } from '../poly/content';
import { Polynomial } from '../poly/polynomial';
import { Expression, parseExpression } from './expression';

/** The version written into each request. */
export const SOLVER_PROTOCOL_VERSION = 1;

/** What the solver reads on stdin. */
export interface SolverRequest {
  protocol: number;
  field: 'Q';
  /** The variables, in the order the solver should use. */
  vars: string[];
  /** Expanded, integer coefficients. */
  polynomials: string[];
}

/** A coordinate as the solver gave it. */
export type Coordinate =
  | { kind: 'exact'; value: Rational }
  | { kind: 'decimal'; re: number; im: number }
  | { kind: 'interval'; lo: Rational; hi: Rational }
  /** A function of the solution's free variables. */
  | { kind: 'expression'; expression: Expression };

/**
 * A returned solution: the free variables, a coordinate for each other one, and the text the
 * solver printed. A point when no variable is free.
 */
export interface ReturnedSolution {
  free: string[];
  coordinates: Record<string, Coordinate>;
  text: string;
}

/** The solver's answer, read. */
export type SolverAnswer =
  | { kind: 'solutions'; domain: 'complex' | 'real'; solutions: ReturnedSolution[] }
  | { kind: 'error'; message: string }
  | { kind: 'malformed'; reason: string };

/**
 * The request for a system: polynomials with their denominators cleared (the same solutions),
 * variables in `order`.
 * @example solverRequest(P.polynomials, ['x2', 'x1']).polynomials // ['x1^2 - 2', …]
 */
export function solverRequest(polynomials: readonly Polynomial<Rational>[], order: readonly string[]): SolverRequest {
  return {
    protocol: SOLVER_PROTOCOL_VERSION,
    field: 'Q',
    vars: [...order],
    polynomials: polynomials.filter((p) => !p.isZero()).map((p) => clearDenominators(p)[1].toString()),
  };
}

const EXACT = /^\s*[+-]?\d+(?:\s*\/\s*\d+)?\s*$/;
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A real VALUE: exact, or a double (undefined if it is neither). */
function realValue(v: unknown): { exact: Rational } | { approx: number } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { approx: v } : undefined;
  if (typeof v !== 'string') return undefined;
  if (EXACT.test(v)) {
    const text = v.replace(/\s+/g, '');
    return /\/0+$/.test(text) ? undefined : { exact: parseRational(text) };
  }
  if (DECIMAL.test(v)) {
    const x = Number(v);
    return Number.isFinite(x) ? { approx: x } : undefined;
  }
  return undefined;
}

function coordinate(v: unknown): Coordinate | string {
  const r = realValue(v);
  if (r) return 'exact' in r ? { kind: 'exact', value: r.exact } : { kind: 'decimal', re: r.approx, im: 0 };
  if (typeof v === 'string') {
    let expression: Expression;
    try {
      expression = parseExpression(v);
    } catch (e) {
      return `not a value (a rational, a decimal or an expression): ${(e as Error).message}`;
    }
    if (expression.variables.length > 0) return { kind: 'expression', expression };
    const z = expression.evaluate({});
    return Number.isFinite(z.re) && Number.isFinite(z.im) ? { kind: 'decimal', re: z.re, im: z.im } : `'${v}' is not a finite number`;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if ('re' in o || 'im' in o) {
      const re = realValue(o.re ?? '0');
      const im = realValue(o.im ?? '0');
      if (!re || !im) return `a complex value needs numbers in re and im, got ${JSON.stringify(v)}`;
      if ('exact' in im && im.exact.num === 0n) return 'exact' in re ? { kind: 'exact', value: re.exact } : { kind: 'decimal', re: re.approx, im: 0 };
      const num = (x: { exact: Rational } | { approx: number }) => ('exact' in x ? rationalToNumber(x.exact) : x.approx);
      return { kind: 'decimal', re: num(re), im: num(im) };
    }
    if ('lo' in o && 'hi' in o) {
      const lo = realValue(o.lo);
      const hi = realValue(o.hi);
      if (!lo || !hi) return `an interval needs numbers in lo and hi, got ${JSON.stringify(v)}`;
      const exact = (x: { exact: Rational } | { approx: number }) => ('exact' in x ? x.exact : rationalFromNumber(x.approx));
      return { kind: 'interval', lo: exact(lo), hi: exact(hi) };
    }
  }
  return `not a value (a rational string, a decimal, {re, im} or {lo, hi}): ${JSON.stringify(v)?.slice(0, 80)}`;
}

/**
 * Reads what a solver printed for a system in `vars`: the answer, or why it is malformed (not
 * JSON, a point without a variable, a value that is no number, …).
 */
export function parseSolverAnswer(stdout: string, vars: readonly string[]): SolverAnswer {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch (e) {
    const shown = stdout.trim() === '' ? 'nothing' : JSON.stringify(stdout.trim().slice(0, 120));
    return { kind: 'malformed', reason: `the output is not one JSON object (${(e as Error).message}); it printed ${shown}` };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return { kind: 'malformed', reason: `the output is not a JSON object: ${JSON.stringify(json)?.slice(0, 120)}` };
  const o = json as Record<string, unknown>;
  if ('error' in o) return { kind: 'error', message: typeof o.error === 'string' ? o.error : JSON.stringify(o.error) };
  const list = o.solutions ?? o.points;
  if (!Array.isArray(list)) return { kind: 'malformed', reason: 'the answer has neither "solutions" (a list) nor "error"' };
  const domain = o.domain ?? 'complex';
  if (domain !== 'complex' && domain !== 'real') return { kind: 'malformed', reason: `"domain" is "complex" or "real", not ${JSON.stringify(domain)}` };
  const solutions: ReturnedSolution[] = [];
  for (const [i, p] of list.entries()) {
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return { kind: 'malformed', reason: `solution ${i + 1} is not an object of coordinates: ${JSON.stringify(p)?.slice(0, 120)}` };
    const record = p as Record<string, unknown>;
    const unknown = Object.keys(record).filter((v) => !vars.includes(v));
    if (unknown.length > 0) return { kind: 'malformed', reason: `solution ${i + 1} names ${unknown.join(', ')}, not among the variables ${vars.join(', ')}` };
    const free = vars.filter((v) => !(v in record) || (typeof record[v] === 'string' && (record[v] as string).trim() === v));
    const coordinates: Record<string, Coordinate> = {};
    for (const v of vars) {
      if (free.includes(v)) continue;
      const c = coordinate(record[v]);
      if (typeof c === 'string') return { kind: 'malformed', reason: `solution ${i + 1}, ${v}: ${c}` };
      const bound = c.kind === 'expression' ? c.expression.variables.filter((w) => !free.includes(w)) : [];
      if (bound.length > 0) return { kind: 'malformed', reason: `solution ${i + 1}, ${v}: its value uses ${bound.join(', ')}, which are not free` };
      coordinates[v] = c;
    }
    solutions.push({ free, coordinates, text: JSON.stringify(p) });
  }
  return { kind: 'solutions', domain, solutions };
}
