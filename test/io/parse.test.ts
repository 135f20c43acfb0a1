// Examples and every error case of the polynomial parser (src/io/parse.ts and its helpers).
import { QQ, Zp } from '../../src/arithmetic/field';
import { rational } from '../../src/arithmetic/rational';
import { InputError, ResourceLimitError } from '../../src/errors';
import { lex } from '../../src/monomials/order';
import { PolynomialRing } from '../../src/poly/polynomial';
import { ExpansionLimitError, ParseError, ParseErrorKind, locate } from '../../src/io/errors';
import { parsePolynomial, parsePolynomials, ParseOptions } from '../../src/io/parse';

const text = (s: string, opts: ParseOptions<unknown> = {}): string => parsePolynomial(s, opts).toString();

function parseError(input: string, opts: ParseOptions<unknown> = {}): ParseError {
  try {
    parsePolynomials(input, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    expect(e).toBeInstanceOf(InputError);
    return e as ParseError;
  }
  throw new Error(`no error for ${JSON.stringify(input)}`);
}

/** The error's kind and its 0-based position, 1-based line and column, and the caret line. */
function expectError(input: string, kind: ParseErrorKind, position: number, line: number, column: number, opts: ParseOptions<unknown> = {}): ParseError {
  const e = parseError(input, opts);
  expect({ kind: e.kind, position: e.position, line: e.line, column: e.column }).toEqual({ kind, position, line, column });
  const lines = e.message.split('\n');
  expect(lines[0]).toBe(`line ${line}, column ${column}: ${e.reason}`);
  // The caret sits under the offending character of the quoted line (both indented by 2).
  expect(lines[2]).toBe(' '.repeat(2 + column - 1) + '^');
  expect(lines[1].slice(2)).toBe(input.split(/\r\n|\r|\n/)[line - 1].replace(/\t/g, ' '));
  return e;
}

describe('parsePolynomial: numbers', () => {
  test('integers, fractions and exact decimals', () => {
    expect(text('0.3')).toBe('3/10');
    expect(text('0.1 + 0.2')).toBe('3/10');
    expect(text('1e-3*x')).toBe('1/1000*x');
    expect(text('2.5E2')).toBe('250');
    expect(text('.5*x + 1.')).toBe('1/2*x + 1');
    expect(text('3/4*x - 6/8*x')).toBe('0');
    expect(text('-3/4*x^2*y + z - 1')).toBe('-3/4*x^2*y + z - 1');
    expect(text('123456789012345678901234567890*x')).toBe('123456789012345678901234567890*x');
  });
  test('division by any constant sub-expression', () => {
    expect(text('x/(1+1)')).toBe('1/2*x');
    expect(text('(x^2 + x)/(2^2 - 1/2)')).toBe('2/7*x^2 + 2/7*x');
    expect(text('x/(y - y + 3)')).toBe('1/3*x');
    expect(text('1/2/3')).toBe('1/6');
  });
  test('coefficients are mapped into Z/p', () => {
    expect(text('x/3 + 1', { field: Zp(7) })).toBe('5*x + 1');
    expect(text('0.5*x - 8', { field: Zp(7) })).toBe('4*x + 6');
    expect(parsePolynomial('x/3', { field: Zp(7) }).coefficients).toEqual([5]);
  });
});

describe('parsePolynomial: operators and names', () => {
  test('the examples of the CLI', () => {
    expect(text('(x+y)^3 - x^3')).toBe('3*x^2*y + 3*x*y^2 + y^3');
  });
  test('** is ^, parenthesized exponents, unary signs', () => {
    expect(text('x**2 + y**(3)')).toBe('y^3 + x^2');
    expect(text('-x^2')).toBe('-x^2');
    expect(text('(-x)^2')).toBe('x^2');
    expect(text('--x + +y - -1')).toBe('x + y + 1');
    expect(text('2*-x')).toBe('-2*x');
    expect(text('x^0 + 0^0')).toBe('2');
    expect(text('(x - 1)^0')).toBe('1');
  });
  test('indexed and underscored names', () => {
    const p = parsePolynomial('x[2]^2 + w0_1*a[1][3] - x');
    expect(p.ring.vars).toEqual(['x[2]', 'w0_1', 'a[1][3]', 'x']);
    expect(p.toString()).toBe('x[2]^2 + w0_1*a[1][3] - x');
  });
  test('variables by first appearance across the list, or as given', () => {
    expect(parsePolynomials('b + a\nc*a').ring.vars).toEqual(['b', 'a', 'c']);
    expect(parsePolynomials('2, y*x', { vars: ['x', 'y', 'z'] }).ring.vars).toEqual(['x', 'y', 'z']);
    const p = parsePolynomial('y + x^2', { vars: ['x', 'y'], order: 'lex' });
    expect(p.toString()).toBe('x^2 + y');
    expect(p.ring.order).toBe(lex);
    expect(parsePolynomial('3').ring.vars).toEqual([]);
  });
  test('the ring option parses into that ring', () => {
    const R = new PolynomialRing(Zp(5), ['z', 'y', 'x'], lex);
    const p = parsePolynomial('x*y + 7', { ring: R });
    expect(p.ring).toBe(R);
    expect(p.toString()).toBe('y*x + 2');
    expect(() => parsePolynomial('x', { ring: R, vars: ['x'] })).toThrow(InputError);
  });
  test('the default field is QQ', () => {
    const p = parsePolynomial('x/2');
    expect(p.field).toBe(QQ);
    expect(p.coefficients[0]).toEqual(rational(1, 2));
  });
});

describe('parsePolynomials: lists', () => {
  test('newlines, commas and semicolons separate; blank entries and comments are skipped', () => {
    const { polynomials } = parsePolynomials('# a system\nx + y, x*y;\n\n ; ,y^2 - 1 # last\n\r\n# end');
    expect(polynomials.map(String)).toEqual(['x + y', 'x*y', 'y^2 - 1']);
  });
  test('a line end inside parentheses is whitespace', () => {
    expect(parsePolynomials('(x +\n y)^2\nx').polynomials.map(String)).toEqual(['x^2 + 2*x*y + y^2', 'x']);
  });
  test('CRLF line ends', () => {
    expect(parsePolynomials('x\r\ny\r\n').polynomials.map(String)).toEqual(['x', 'y']);
  });
  test('parsePolynomial refuses a second entry, pointing at it', () => {
    let e: unknown;
    try {
      parsePolynomial('x + 1\n y');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).kind).toBe('multiple-polynomials');
    expect([(e as ParseError).position, (e as ParseError).line, (e as ParseError).column]).toEqual([7, 2, 2]);
  });
});

describe('parse errors: kind, position, line, column, caret', () => {
  test('function calls', () => {
    const e = expectError('x + sin(x)', 'function-call', 4, 1, 5);
    expect(e.reason).toMatch(/functions are not polynomial/);
    expectError('sqrt(x)', 'function-call', 0, 1, 1);
  });
  test('exponents that are not non-negative integers', () => {
    expect(expectError('x^(1/2)', 'bad-exponent', 2, 1, 3).reason).toMatch(/exponent must be a non-negative integer/);
    expectError('x^-1', 'bad-exponent', 2, 1, 3);
    expectError('x^(-1)', 'bad-exponent', 2, 1, 3);
    expectError('x^2.5', 'bad-exponent', 2, 1, 3);
    expectError('x^y', 'bad-exponent', 2, 1, 3);
    expectError('x^', 'bad-exponent', 2, 1, 3);
    expectError('x**', 'bad-exponent', 3, 1, 4);
  });
  test('chained powers', () => {
    expectError('x^2^3', 'unexpected-token', 3, 1, 4);
  });
  test('division by a non-constant or by zero', () => {
    expect(expectError('1/x', 'division-by-non-constant', 2, 1, 3).reason).toMatch(/division by a non-constant/);
    expectError('y + 1/(x+1)', 'division-by-non-constant', 6, 1, 7);
    expect(expectError('x/(y - y)', 'division-by-zero', 2, 1, 3).reason).toMatch(/division by zero/);
    expectError('x/0', 'division-by-zero', 2, 1, 3);
    expectError('x/7', 'division-by-zero', 2, 1, 3, { field: Zp(7) });
    expectError('x + 1/14', 'division-by-zero', 6, 1, 7, { field: Zp(7) });
    expectError('0.1*x', 'division-by-zero', 0, 1, 1, { field: Zp(5) });
  });
  test('unbalanced parentheses', () => {
    expect(expectError('(x+1', 'unbalanced-parentheses', 0, 1, 1).reason).toMatch(/never closed/);
    expect(expectError('x+1)', 'unbalanced-parentheses', 3, 1, 4).reason).toMatch(/no matching/);
    expectError('x\n((y)', 'unbalanced-parentheses', 2, 2, 1);
    expectError('(x+1, y', 'unbalanced-parentheses', 0, 1, 1);
    expectError('(x + 1 y)', 'unexpected-token', 7, 1, 8);
  });
  test('empty input', () => {
    expectError('', 'empty-input', 0, 1, 1);
    expectError('  \n # only a comment\n ,;', 'empty-input', 0, 1, 1);
  });
  test('unexpected characters and tokens', () => {
    expectError('x $ 2', 'unexpected-character', 2, 1, 3);
    expect(expectError('x − 1', 'unexpected-character', 2, 1, 3).reason).toMatch(/use '-'/);
    expectError('x = 1', 'unexpected-character', 2, 1, 3);
    expectError('x [2]', 'unexpected-character', 2, 1, 3);
    expect(expectError('2x', 'unexpected-token', 1, 1, 2).reason).toMatch(/missing '\*'/);
    expectError('x y', 'unexpected-token', 2, 1, 3);
    expectError('2(x+1)', 'unexpected-token', 1, 1, 2);
    expectError('x + * y', 'unexpected-token', 4, 1, 5);
    expectError('x +', 'unexpected-token', 3, 1, 4);
    expectError('x +\ny', 'unexpected-token', 3, 1, 4);
    expectError('()', 'unexpected-token', 1, 1, 2);
    expectError('(x + )', 'unexpected-token', 5, 1, 6);
    expectError('* x', 'unexpected-token', 0, 1, 1);
  });
  test('unknown variables when the variables are given', () => {
    const e = expectError('x + y*z', 'unknown-variable', 4, 1, 5, { vars: ['x', 'z'] });
    expect(e.reason).toMatch(/unknown variable 'y'/);
    expectError('x\n  q', 'unknown-variable', 4, 2, 3, { ring: new PolynomialRing(QQ, ['x']) });
  });
  test('positions on later lines, with tabs', () => {
    expectError('x + 1\n\ty + sin(y)', 'function-call', 11, 2, 6);
  });
  test('long lines are cut around the spot', () => {
    const input = 'x + '.repeat(100) + 'sin(x)' + ' + y'.repeat(100);
    const e = parseError(input);
    expect(e.column).toBe(401);
    const [, quoted, caret] = e.message.split('\n');
    expect(quoted.length).toBeLessThan(90);
    expect(quoted.slice(caret.length - 1, caret.length + 3)).toBe('sin(');
  });
  test('locate counts lines and columns from 1', () => {
    expect(locate('ab\ncd\r\nef\rg', 10)).toEqual({ position: 10, line: 4, column: 1 });
    expect(locate('ab\ncd', 4)).toEqual({ position: 4, line: 2, column: 2 });
  });
});

describe('limits', () => {
  test('exponent past maxExponent', () => {
    expect(expectError('x^10001', 'exponent-too-large', 2, 1, 3).reason).toMatch(/limit 10000/);
    expect(text('x^10000')).toBe('x^10000');
    expectError('(x+1)^(6)', 'exponent-too-large', 7, 1, 8, { limits: { maxExponent: 5 } });
  });
  test('input length past maxLength', () => {
    expectError('x + y + z', 'input-too-long', 5, 1, 6, { limits: { maxLength: 5 } });
  });
  test('nesting past maxDepth', () => {
    expectError('('.repeat(20) + 'x' + ')'.repeat(20), 'too-deep', 11, 1, 12, { limits: { maxDepth: 10 } });
    expect(() => parsePolynomials('('.repeat(100000) + 'x' + ')'.repeat(100000))).toThrow(ParseError);
    expect(() => parsePolynomials('-'.repeat(100000) + 'x')).toThrow(ParseError);
  });
  test('a long flat sum is fine (n-ary nodes, one normalization)', () => {
    const input = Array.from({ length: 5000 }, (_, i) => `x^${i % 100}*y^${i % 7}`).join(' + ');
    expect(parsePolynomial(input).length).toBe(700);
  });
  function expansionError(input: string, opts: ParseOptions<unknown> = {}): ExpansionLimitError {
    try {
      parsePolynomials(input, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(ExpansionLimitError);
      expect(e).toBeInstanceOf(ResourceLimitError);
      return e as ExpansionLimitError;
    }
    throw new Error('no error');
  }
  test('expansion past maxTerms is refused before the product is formed', () => {
    const e = expansionError('(x+y+z+w)^200');
    expect(e.limit).toBe('maxTerms');
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 10 });
    expect(e.message).toMatch(/limit 200000 \(option maxTerms\)/);
    expect(expansionError('(x+y+1)*(x-y+2)', { limits: { maxTerms: 5 } }).column).toBe(8);
    // Homogeneous powers have few terms: the degree-range bound lets them through.
    expect(parsePolynomial('(x+y)^400').length).toBe(401);
  });
  test('work past maxProducts and coefficients past maxCoefficientBits', () => {
    expect(expansionError('(x+y+1)*(x+2*y+3)', { limits: { maxProducts: 8 } }).limit).toBe('maxProducts');
    expect(expansionError('((3^10000)^10000)').limit).toBe('maxCoefficientBits');
    expect(expansionError('(x+2^900)*(x+2^900)', { limits: { maxCoefficientBits: 1000 } }).limit).toBe('maxCoefficientBits');
    // Over Z/p coefficients do not grow.
    expect(text('((3^10000)^10000)', { field: Zp(7) })).toBe('4');
  });
  test('the variable count past maxVariables, at the first variable over it', () => {
    const e = expansionError('a*b + c - d', { limits: { maxVariables: 2 } });
    expect(e.limit).toBe('maxVariables');
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 7 });
    expect(e.reason).toBe('4 variables, more than the limit 2 (option maxVariables)');
    expect(expansionError('x', { vars: ['x', 'y', 'z'], limits: { maxVariables: 2 } }).limit).toBe('maxVariables');
    expect(parsePolynomial('a*b + c - d', { limits: { maxVariables: 4 } }).length).toBe(3);
  });
  test('the degree of a product or power past maxDegree, before it is formed', () => {
    expect(expansionError('(x*y)^4', { limits: { maxDegree: 7 } }).reason).toBe('this power ^4 has degree 8, more than the limit 7 (option maxDegree)');
    expect(expansionError('(x+y)^8', { limits: { maxDegree: 7 } }).reason).toBe('this power ^8 has degree 8, more than the limit 7 (option maxDegree)');
    expect(expansionError('x^5*(y^3+1)', { limits: { maxDegree: 7 } }).reason).toBe('this product has degree 8, more than the limit 7 (option maxDegree)');
    expect(expansionError('(x^2+1)*(y^6+y)', { limits: { maxDegree: 7 } }).reason).toBe('this product has degree 8, more than the limit 7 (option maxDegree)');
    expect(parsePolynomial('(x+y)^4*(x^2+1)', { limits: { maxDegree: 6 } }).totalDegree()).toBe(6);
    // The default keeps exponents far from 2^31 (F4 stores them in Int32Arrays): x^(10^12) is refused.
    expect(expansionError('((x^10000)^10000)^10000').limit).toBe('maxDegree');
  });
  test('limits are validated', () => {
    expect(() => parsePolynomial('x', { limits: { maxTerms: 0 } })).toThrow(/the parse limit maxTerms must be a number ≥ 1/);
    expect(() => parsePolynomial('x', { limits: { maxTerm: 5 } as never })).toThrow(/unknown parse limit 'maxTerm'/);
    expect(parsePolynomial('x', { limits: { maxTerms: Infinity } }).toString()).toBe('x');
  });
  test('a size the syntax pass refuses names its limit', () => {
    expect(parseError('x^12', { limits: { maxExponent: 10 } }).limit).toBe('maxExponent');
    expect(parseError('((x))', { limits: { maxDepth: 1 } }).limit).toBe('maxDepth');
    expect(parseError('x + y', { limits: { maxLength: 3 } }).limit).toBe('maxLength');
    expect(parseError('x +* y').limit).toBeUndefined();
  });
});

describe('sums of many large summands', () => {
  test('are combined early and checked against maxTerms', () => {
    const big = '(x+y+1)^3';
    // Each summand has 10 terms; with maxTerms 12 the pending terms are combined every few summands.
    const input = Array.from({ length: 50 }, () => big).join(' - ') + ` + 48*${big}`;
    expect(parsePolynomial(input, { limits: { maxTerms: 12 } }).toString()).toBe('0');
    let e: unknown;
    try {
      parsePolynomial('x + y + z + w', { limits: { maxTerms: 3 } });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ExpansionLimitError);
    expect((e as ExpansionLimitError).limit).toBe('maxTerms');
  });
});
