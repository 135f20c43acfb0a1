// The file formats on examples: msolve's own input files (test/fixtures/msolve, copied from
// msolve with their origin in the README there), hand-written Singular, Macaulay2, Maple and JSON
// files, detection by name and content, and errors that name the file, line and column.
import * as fs from 'fs';
import * as path from 'path';
import { QQ, Zp } from '../../src/arithmetic/field';
import { groebner } from '../../src/groebner/groebner';
import { ParseError } from '../../src/io/errors';
import { detectFormat, readSystemText, writeSystem } from '../../src/io/formats';
import { parsePolynomials } from '../../src/io/parse';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/msolve', name), 'utf8');
const read = (name: string) => readSystemText(fixture(name), { fileName: name });
const texts = (ps: readonly { toString(): string }[]) => ps.map(String);

/** The ParseError `f` throws. */
function parseError(f: () => unknown): ParseError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe("msolve's input files", () => {
  test('CRLF and LF line ends, with or without a final line end, read alike', () => {
    expect(fixture('in1_dos.ms')).toContain('\r\n');
    const dos = read('in1_dos.ms');
    const unix = read('in1_unix.ms');
    expect(dos.format).toBe('msolve');
    expect(dos.ring.vars).toEqual(['x0', 'x1', 'x2', 'x3']);
    expect(dos.ring.field).toBe(QQ);
    expect(texts(dos.polynomials)).toEqual(texts(unix.polynomials));
    expect(texts(dos.polynomials)).toEqual(['x0^2 + x2^2 - 1', 'x1^2 + x3^2 - 1', 'x0*x1 + x2*x3', 'x1*x2 + x0*x3 - 1']);
    expect(fixture('in2_dos_noeol.ms').endsWith('\n')).toBe(false);
    expect(texts(read('in2_dos_noeol.ms').polynomials)).toEqual(texts(read('in2_unix.ms').polynomials));
    expect(texts(read('in4_unix.ms').polynomials)).toEqual(['x1^2 - x1', 'x2^2 - x2']);
  });

  test('the characteristic is honoured, a zero polynomial and a trailing comma are read', () => {
    const bug68 = read('bug-68.ms');
    expect(bug68.ring.field.characteristic).toBe(257n);
    expect(bug68.polynomials).toHaveLength(4);
    expect(bug68.polynomials[0].isZero()).toBe(true);
    const kat = read('kat6-31.ms');
    expect(kat.ring.field.characteristic).toBe(1073741827n);
    expect(kat.polynomials).toHaveLength(6);
    expect(kat.polynomials[0].toString()).toBe('x1 + 2*x2 + 2*x3 + 2*x4 + 2*x5 + 2*x6 + 1073741826');
  });

  test('one-qq is the unit ideal, as its name says', () => {
    const one = read('one-qq.ms');
    expect(one.ring.field).toBe(QQ);
    expect(texts(groebner(one.polynomials))).toEqual(['1']);
  });

  test('a polynomial may run over several lines; only commas separate them', () => {
    const { polynomials } = readSystemText('x,y\n0\nx^2 +\n y^2 - 1,\nx - y\n', { format: 'msolve' });
    expect(texts(polynomials)).toEqual(['x^2 + y^2 - 1', 'x - y']);
  });
});

describe('the other formats, written by hand', () => {
  test('Singular: comments, a characteristic in parentheses, other statements ignored', () => {
    const text = '// katsura-2\nLIB "poly.lib";\nring r=(32003),(x,y , z),lp; /* lex */\noption(redSB);\nideal I = x + 2*y + 2*z - 1,\n  x^2 + 2*y^2 + 2*z^2 - x, // second\n  2*x*y + 2*y*z - y;\nstd(I);\n';
    const s = readSystemText(text, { fileName: 'k.sing' });
    expect(s.format).toBe('singular');
    expect(s.ring.vars).toEqual(['x', 'y', 'z']);
    expect(s.ring.field.characteristic).toBe(32003n);
    expect(texts(s.polynomials)).toEqual(['x + 2*y + 2*z + 32002', 'x^2 + 2*y^2 + 2*z^2 + 32002*x', '2*x*y + 2*y*z + 32002*y']);
  });

  test('Macaulay2: ZZ/p, ring options skipped, comments', () => {
    const text = '-- a test\nR = ZZ/101[a, b, c, MonomialOrder => Lex];\nI = ideal(a*b - c, {* block *} b^2 - a);\ngb I\n';
    const s = readSystemText(text, { fileName: 'k.m2' });
    expect(s.ring.vars).toEqual(['a', 'b', 'c']);
    expect(s.ring.field.characteristic).toBe(101n);
    expect(texts(s.polynomials)).toEqual(['a*b + 100*c', 'b^2 + 100*a']);
  });

  test('Maple: with and without a variable list, an assignment, a characteristic comment', () => {
    const plain = readSystemText('[x^2 - y, y^3 - 2];', { fileName: 'f.mpl' });
    expect(plain.ring.vars).toEqual(['x', 'y']);
    const full = readSystemText('# characteristic 7\nF := [x^2 - y, y^3 - 2], [y, x, z]:\n');
    expect(full.format).toBe('maple');
    expect(full.ring.vars).toEqual(['y', 'x', 'z']);
    expect(full.ring.field.characteristic).toBe(7n);
    expect(texts(full.polynomials)).toEqual(['x^2 + 6*y', 'y^3 + 5']);
  });

  test('JSON: vars, field and polynomials', () => {
    const s = readSystemText('{"vars": ["x", "y"], "field": 5, "polynomials": ["x^2 - y", "x*y - 1"]}');
    expect(s.format).toBe('json');
    expect(s.ring.field.characteristic).toBe(5n);
    expect(texts(s.polynomials)).toEqual(['x^2 + 4*y', 'x*y + 4']);
  });

  test('LaTeX is written, not read', () => {
    const { polynomials } = parsePolynomials('3/4*x1^2 - y, x1*y - 1');
    expect(writeSystem(polynomials, 'latex')).toBe(
      '% 2 polynomial(s) in $\\mathbb{Q}[x_{1}, y]$, written by polycrit\n\\begin{aligned}\n  \\frac{3}{4} x_{1}^{2} - y &= 0, \\\\\n  x_{1} y - 1 &= 0\n\\end{aligned}\n',
    );
    expect(() => readSystemText('x', { format: 'latex' })).toThrow(/written only/);
  });

  test('the Singular script declares the ring and the ideal, so std(I) runs on it', () => {
    const { polynomials } = parsePolynomials('x^2 - 1/2*y, x*y - 1', { field: QQ });
    expect(writeSystem(polynomials, 'singular')).toBe('// 2 polynomial(s) written by polycrit; std(I); computes a Gröbner basis\nring r = 0, (x,y), dp;\nideal I =\n  x^2 - 1/2*y,\n  x*y - 1;\n');
    expect(writeSystem(parsePolynomials('x^2 - 2*y', { field: Zp(7), order: 'lex' }).polynomials, 'singular')).toContain('ring r = 7, (x,y), lp;');
    expect(writeSystem(polynomials, 'msolve')).toBe('x,y\n0\n2*x^2 - y,\nx*y - 1\n');
  });
});

describe('detection and errors', () => {
  test('by name first, then by content; --format forces one', () => {
    expect(detectFormat('a.ms', 'x\n0\nx').name).toBe('msolve');
    expect(detectFormat('A.SINGULAR', '').name).toBe('singular');
    expect(detectFormat('-', 'x^2 - 1\ny - 2\n').name).toBe('polycrit');
    expect(detectFormat('sys.txt', 'x, y\n0\nx - y\n').name).toBe('msolve');
    expect(readSystemText('x, y\n0\nx - y\n', { format: 'polycrit' }).polynomials).toHaveLength(4);
  });

  test('a bad polynomial names the file, its line and column', () => {
    const e = parseError(() => readSystemText('x,y\r\n0\r\nx^2 - y,\r\nx*y - sin(x)\r\n', { fileName: 'bad.ms' }));
    expect(e.line).toBe(4);
    expect(e.column).toBe(7);
    expect(e.message).toMatch(/^bad\.ms: line 4, column 7: /);
  });

  test('a malformed header, a bad characteristic, an undeclared variable', () => {
    const header = parseError(() => readSystemText('x,y\nQ\nx - y\n', { fileName: 'h.ms', format: 'msolve' }));
    expect([header.kind, header.line, header.column]).toEqual(['malformed-file', 2, 1]);
    const notPrime = parseError(() => readSystemText('x,y\n12\nx - y\n', { fileName: 'p.ms' }));
    expect(notPrime.message).toMatch(/^p\.ms: line 2, column 1: the characteristic must be 0 or a prime/);
    const unknown = parseError(() => readSystemText('ring r = 0, (x), dp;\nideal I = x,\n  x*z;\n', { fileName: 'u.sing' }));
    expect([unknown.kind, unknown.line, unknown.column]).toEqual(['unknown-variable', 3, 5]);
    const json = parseError(() => readSystemText('{"polynomials": ["x", "x +* y"]}', { fileName: 'j.json' }));
    expect(json.message).toMatch(/^j\.json: polynomials\[1\]: line 1, column 4: /);
    const noIdeal = parseError(() => readSystemText('ring r = 0, (x), dp;\n', { fileName: 'n.sing' }));
    expect(noIdeal.kind).toBe('malformed-file');
  });

  test('an explicit field must agree with the declared characteristic; given variables must include the declared ones', () => {
    expect(() => readSystemText('x\n7\nx - 1\n', { format: 'msolve', field: QQ })).toThrow(/declares characteristic 7, but the field asked for is Q/);
    expect(readSystemText('x\n7\nx - 1\n', { format: 'msolve', field: Zp(7) }).ring.field.characteristic).toBe(7n);
    expect(() => readSystemText('x,y\n0\nx - y\n', { format: 'msolve', vars: ['x'] })).toThrow(/missing y/);
    expect(readSystemText('x,y\n0\nx - y\n', { format: 'msolve', vars: ['y', 'x', 'z'] }).ring.vars).toEqual(['y', 'x', 'z']);
  });
});
