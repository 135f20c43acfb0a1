// Canonical text and LaTeX printing (src/io/print.ts).
import { Zp } from '../../src/arithmetic/field';
import { parsePolynomial } from '../../src/io/parse';
import { latexVariable, toLatex, toText } from '../../src/io/print';

describe('toText', () => {
  test('is the canonical text of Polynomial.toString()', () => {
    const p = parsePolynomial('z - 1 - 3/4*x^2*y');
    expect(toText(p)).toBe('-3/4*x^2*y + z - 1');
    expect(toText(p)).toBe(p.toString());
    expect(toText(parsePolynomial('x - x'))).toBe('0');
  });
});

describe('latexVariable', () => {
  test.each([
    ['x', 'x'],
    ['x1', 'x_{1}'],
    ['x12', 'x_{12}'],
    ['x_1', 'x_{1}'],
    ['w0_1', 'w_{0,1}'],
    ['x[2]', 'x_{2}'],
    ['a[1][3]', 'a_{1,3}'],
    ['x1[2]', 'x_{1,2}'],
    ['alpha', '\\alpha'],
    ['beta2', '\\beta_{2}'],
    ['rate', '\\mathit{rate}'],
    ['my_var', '\\mathit{my\\_var}'],
    ['_a', '\\mathit{\\_a}'],
  ])('%s → %s', (name, latex) => {
    expect(latexVariable(name)).toBe(latex);
  });
});

describe('toLatex', () => {
  test('fractions, powers, signs and unit coefficients', () => {
    expect(toLatex(parsePolynomial('3/4*x^2*y - z'))).toBe('\\frac{3}{4} x^{2} y - z');
    expect(toLatex(parsePolynomial('-x^2 + 1/2'))).toBe('-x^{2} + \\frac{1}{2}');
    expect(toLatex(parsePolynomial('-3/4*x^2*y + w0_1 - x[2]'))).toBe('-\\frac{3}{4} x^{2} y + w_{0,1} - x_{2}');
    expect(toLatex(parsePolynomial('x1^10*x2 - 7'))).toBe('x_{1}^{10} x_{2} - 7');
    expect(toLatex(parsePolynomial('x - x'))).toBe('0');
    expect(toLatex(parsePolynomial('-1'))).toBe('-1');
  });
  test('over Z/p the residues are printed, as in the text form', () => {
    const p = parsePolynomial('x/2 - 1', { field: Zp(7) });
    expect(p.toString()).toBe('4*x + 6');
    expect(toLatex(p)).toBe('4 x + 6');
  });
});
