/**
 * The expressions of the solver protocol: how an external solver writes a coordinate that is not
 * a plain number — an algebraic number (`sqrt(2)/2 + I`) or, in a parametric solution, a function
 * of the free variables (`-x3 + sqrt(1 - x3^2)`, sympy's form). Syntax: decimal numbers,
 * variables, `I` (the imaginary unit), `+ - * /`, `^` or `**`, parentheses, `sqrt(…)`; powers and
 * roots take the principal branch. `parseExpression` compiles the text once into a function of
 * the variables' complex values (a recursive-descent parser; an error names the position);
 * evaluation is in complex doubles and may give NaN or ∞ at a singular point.
 */
import type { Complex } from './plant';
import { cadd, cdiv, cmul, cneg, complex, cpow, csqrt, csub } from './complex';

/** A compiled expression: its variables, and its value at their values. */
export interface Expression {
  variables: string[];
  evaluate(values: Readonly<Record<string, Complex>>): Complex;
}

type Node = (values: Readonly<Record<string, Complex>>) => Complex;

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/^(),]))/y;

/**
 * Compiles `text`; throws an Error saying what is wrong and where.
 * @example parseExpression('x - sqrt(1 - y^2)').evaluate({ x: complex(1), y: complex(0) }) // { re: 0, im: 0 }
 */
export function parseExpression(text: string): Expression {
  const tokens: { kind: 'number' | 'name' | 'op'; text: string; at: number }[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`unexpected '${text.slice(at).trimStart()[0]}' at ${at + 1} in '${text}'`);
    tokens.push({ kind: m[1] !== undefined ? 'number' : m[2] !== undefined ? 'name' : 'op', text: m[1] ?? m[2] ?? m[3], at: m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length });
    at = TOKEN.lastIndex;
  }
  let i = 0;
  const variables = new Set<string>();
  const peek = () => tokens[i]?.text;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${tokens[i] ? tokens[i].at + 1 : text.length + 1} in '${text}'`);
  };
  const expect = (t: string) => (peek() === t ? i++ : fail(`expected '${t}'`));

  const sum = (): Node => {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++].text;
      const l = left;
      const r = product();
      left = op === '+' ? (v) => cadd(l(v), r(v)) : (v) => csub(l(v), r(v));
    }
    return left;
  };
  const product = (): Node => {
    let left = unary();
    while (peek() === '*' || peek() === '/') {
      const op = tokens[i++].text;
      const l = left;
      const r = unary();
      left = op === '*' ? (v) => cmul(l(v), r(v)) : (v) => cdiv(l(v), r(v));
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      i++;
      const u = unary();
      return (v) => cneg(u(v));
    }
    if (peek() === '+') {
      i++;
      return unary();
    }
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (peek() !== '^' && peek() !== '**') return base;
    i++;
    const exponent = unary();
    return (v) => cpow(base(v), exponent(v));
  };
  const atom = (): Node => {
    const t = tokens[i];
    if (!t) return fail('unexpected end');
    i++;
    if (t.kind === 'number') {
      const c = complex(Number(t.text));
      return () => c;
    }
    if (t.text === '(') {
      const e = sum();
      expect(')');
      return e;
    }
    if (t.kind === 'name') {
      if (peek() === '(') {
        if (t.text !== 'sqrt') return fail(`unknown function '${t.text}' (only sqrt)`);
        i++;
        const e = sum();
        expect(')');
        return (v) => csqrt(e(v));
      }
      if (t.text === 'I') return () => complex(0, 1);
      variables.add(t.text);
      const name = t.text;
      return (v) => v[name] ?? complex(NaN, NaN);
    }
    i--;
    return fail(`unexpected '${t.text}'`);
  };

  if (tokens.length === 0) fail('an empty expression');
  const root = sum();
  if (i < tokens.length) fail(`unexpected '${tokens[i].text}'`);
  return { variables: [...variables], evaluate: root };
}
