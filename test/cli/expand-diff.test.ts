// The `expand` and `diff` commands, run in-process through main(argv, io) with a fake io.

import { main } from '../../src/cli/main';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readStdin: () => '(a - b)^2\n',
    isTTY: false,
  });
  return { code, out, err };
}

describe('polycrit expand', () => {
  test('prints the canonical expansion', async () => {
    expect(await run('expand', '(x+y)^3 - x^3')).toEqual({ code: 0, out: '3*x^2*y + 3*x*y^2 + y^3\n', err: '' });
  });
  test('--vars, --order, --field', async () => {
    expect((await run('expand', 'x + y^2', '--vars', 'y,x', '--order', 'lex')).out).toBe('y^2 + x\n');
    expect((await run('expand', '(x+1)^3', '--field', '3')).out).toBe('x^3 + 1\n');
    expect((await run('expand', 'x/2', '--field', '7')).out).toBe('4*x\n');
  });
  test('--latex', async () => {
    expect((await run('expand', '3/4*x^2*y - w0_1 + x[2]', '--latex')).out).toBe('\\frac{3}{4} x^{2} y - w_{0,1} + x_{2}\n');
  });
  test('--json has the shape {vars, result}', async () => {
    const r = await run('expand', '(x+y)^2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ vars: ['x', 'y'], result: 'x^2 + 2*x*y + y^2' });
    const l = await run('expand', 'x/2', '--json', '--latex');
    expect(JSON.parse(l.out)).toEqual({ vars: ['x'], result: '1/2*x', latex: '\\frac{1}{2} x' });
  });
  test("'-' reads standard input; -- allows a leading minus", async () => {
    expect((await run('expand', '-')).out).toBe('a^2 - 2*a*b + b^2\n');
    expect((await run('expand', '--', '-x^2 + 1')).out).toBe('-x^2 + 1\n');
  });
  test('bad input exits 2 with a caret message on stderr', async () => {
    const r = await run('expand', 'x + sin(x)');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("polycrit: line 1, column 5: functions are not polynomial: 'sin(…)' (only + - * / ^ and parentheses are allowed)\n  x + sin(x)\n      ^\n");
    const p = await run('expand', '(x+1');
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/never closed.*\n {2}\(x\+1\n {2}\^\n$/);
    expect((await run('expand', '1/x')).err).toMatch(/division by a non-constant/);
  });
  test('bad options exit 2', async () => {
    expect((await run('expand', 'x', '--field', '4')).code).toBe(2);
    expect((await run('expand', 'x', '--order', 'nope')).code).toBe(2);
    expect((await run('expand', 'x + y', '--vars', 'x')).err).toMatch(/unknown variable 'y'/);
    expect((await run('expand')).code).toBe(2);
  });
  test('an expansion past a limit exits 1', async () => {
    const r = await run('expand', '(x+y+z+w)^200');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\(raise it with --max-terms N\)/);
  });
  test('--help exits 0 and shows the options', async () => {
    const r = await run('expand', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--vars <list>/);
    expect(r.out).toMatch(/--latex/);
  });
});

describe('polycrit diff', () => {
  test('prints the canonical derivative', async () => {
    expect(await run('diff', 'x^2*y + y^3', 'y')).toEqual({ code: 0, out: 'x^2 + 3*y^2\n', err: '' });
  });
  test('several variables in turn; a variable not in the expression gives 0', async () => {
    expect((await run('diff', 'x^3*y^2', 'x', 'y')).out).toBe('6*x^2*y\n');
    expect(JSON.parse((await run('diff', 'x^2', 'z', '--json')).out)).toEqual({ vars: ['x', 'z'], result: '0' });
  });
  test('--json, --latex, --field', async () => {
    expect(JSON.parse((await run('diff', 'x^2*y + y^3', 'y', '--json')).out)).toEqual({ vars: ['x', 'y'], result: 'x^2 + 3*y^2' });
    expect((await run('diff', 'x1^3', 'x1', '--latex')).out).toBe('3 x_{1}^{2}\n');
    expect((await run('diff', 'x^7 + x^2', 'x', '--field', '7')).out).toBe('2*x\n');
  });
  test('bad input exits 2 with a caret message; unknown variable with --vars', async () => {
    const r = await run('diff', 'x^(1/2)', 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 1, column 3: exponent must be a non-negative integer/);
    expect(r.err).toMatch(/\n {2}x\^\(1\/2\)\n {4}\^\n$/);
    expect((await run('diff', 'x*y', 'y', '--vars', 'x')).code).toBe(2);
    expect((await run('diff', 'x', 'x[', '--vars', 'x')).code).toBe(2);
    expect((await run('diff', 'x')).code).toBe(2);
  });
  test('--help exits 0', async () => {
    const r = await run('diff', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/partial derivative/);
  });
});
