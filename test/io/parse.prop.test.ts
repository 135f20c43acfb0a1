// Properties of parsing and printing: parse ∘ print = identity; LaTeX is well-formed.
import fc from 'fast-check';
import { Polynomial } from '../../src/poly/polynomial';
import { parsePolynomial, parsePolynomials } from '../../src/io/parse';
import { toLatex, toText } from '../../src/io/print';
import { qqPolynomialArb, zpPolynomialArb } from './arbitraries';

function roundTrips<T>(p: Polynomial<T>): boolean {
  const back = parsePolynomial(toText(p), { ring: p.ring });
  return back.equals(p) && toText(back) === toText(p);
}

/** Braces balance, every `_` and `^` opens a group or is escaped, no raw `[`, `*`. */
function wellFormedLatex(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' && s[i - 1] !== '\\') depth++;
    else if (c === '}' && s[i - 1] !== '\\') {
      depth--;
      if (depth < 0) return false;
    } else if ((c === '_' || c === '^') && s[i - 1] !== '\\' && s[i + 1] !== '{') return false;
    else if (c === '[' || c === ']' || c === '*') return false;
  }
  return depth === 0;
}

describe('parse ∘ print = identity', () => {
  test('over QQ with random rational coefficients and names like w0_1, x[2]', () => {
    fc.assert(fc.property(qqPolynomialArb, roundTrips));
  });
  test('over GF(101)', () => {
    fc.assert(fc.property(zpPolynomialArb, roundTrips));
  });
  test('lists: entries printed one per line parse back, variables given', () => {
    fc.assert(
      fc.property(fc.array(qqPolynomialArb, { minLength: 1, maxLength: 3 }), (ps) => {
        const ring = ps[0].ring;
        const text = ps.map((p) => (p.ring === ring ? toText(p) : '0')).join('\n# comment\n;');
        const parsed = parsePolynomials(text, { vars: ring.vars, order: ring.order });
        return parsed.polynomials.every((q, i) => toText(q) === (ps[i].ring === ring ? toText(ps[i]) : '0'));
      }),
    );
  });
});

describe('LaTeX', () => {
  test('is well-formed (balanced braces, grouped sub/superscripts)', () => {
    fc.assert(fc.property(qqPolynomialArb, (p) => wellFormedLatex(toLatex(p))));
    fc.assert(fc.property(zpPolynomialArb, (p) => wellFormedLatex(toLatex(p))));
  });
  test('has one top-level term per term of the polynomial', () => {
    fc.assert(
      fc.property(qqPolynomialArb, (p) => {
        const tex = toLatex(p);
        const joins = (tex.match(/ [+-] /g) ?? []).length;
        return p.isZero() ? tex === '0' : joins === p.length - 1;
      }),
    );
  });
});
