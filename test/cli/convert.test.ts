// Other systems' file formats at the command line, in-process through main(argv, io): `convert`
// to every format and back through `groebner` gives the same basis (over Q and Z/p), commands
// read msolve files by name (the characteristic honoured), `--format` forces a reader, and bad
// files exit 2 with the file, line and column.
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { CliIO } from '../../src/cli/context';

const FIXTURES = path.join(__dirname, '../fixtures/msolve');

async function run(argv: string[], stdin = '', files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const readFile = (p: string): string => files[p] ?? fs.readFileSync(p, 'utf8');
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => stdin, readFile, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

const basis = async (argv: string[], stdin = '') => {
  const r = await run([...argv, '--json'], stdin);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as { vars: string[]; field: number; basis: string[] };
};

describe('polycrit convert', () => {
  test.each(['msolve', 'singular', 'm2', 'maple', 'json', 'polycrit'])('--to %s, read back by groebner from stdin, gives the same basis over Q and Z/101', async (to) => {
    for (const field of ['0', '101']) {
      const converted = await run(['convert', 'katsura:3', '--to', to, '--field', field]);
      expect(converted.code).toBe(0);
      const fieldOption = to === 'polycrit' ? ['--field', field] : []; // polycrit's text declares no field
      const back = await basis(['groebner', '-', ...fieldOption], converted.out);
      const direct = await basis(['groebner', 'katsura:3', '--field', field]);
      expect(back.field).toBe(Number(field));
      expect(back.basis).toEqual(direct.basis);
    }
  });

  test('--to latex prints the equations; an unknown format is bad usage', async () => {
    const r = await run(['convert', '-', '--to', 'latex'], 'x1^2 - 1/2');
    expect(r.out).toContain('x_{1}^{2} - \\frac{1}{2} &= 0');
    const bad = await run(['convert', 'katsura:2', '--to', 'mathematica']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--to must be one of/);
  });
});

describe('commands read other formats directly', () => {
  test("an msolve file by its name: the file's characteristic is the field", async () => {
    const file = path.join(FIXTURES, 'bug-68.ms');
    const g = await basis(['groebner', file]);
    expect(g.field).toBe(257);
    expect(g.basis).toEqual(['x + y + z', 'y*z + 256*y + 256*z', 'y^2 + z^2 + y + z', 'z^3 + y + z']);
    const wrong = await run(['groebner', file, '--field', '0']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/bug-68\.ms: line 2, column 1: the file declares characteristic 257/);
  });

  test('solve reads an msolve file with CRLF line ends; solve refuses Z/p', async () => {
    const r = await run(['solve', path.join(FIXTURES, 'in1_dos.ms'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).vars).toEqual(['x0', 'x1', 'x2', 'x3']);
    expect((await run(['solve', path.join(FIXTURES, 'bug-68.ms')])).err).toMatch(/solve works over the rationals/);
  });

  test('--format forces a reader; a bad polynomial in a file names the file, line and column (exit 2)', async () => {
    const text = 'x, y\n0\nx - y\n';
    expect((await basis(['groebner', '-'], text)).basis).toEqual(['x - y']);
    expect((await basis(['groebner', '-', '--format', 'polycrit'], text)).basis).toEqual(['y', 'x']);
    const bad = await run(['solve', 'bad.sing'], '', { 'bad.sing': 'ring r = 0, (x,y), dp;\nideal I = x^2 - y,\n  x*y - sin(x);\n' });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^polycrit: bad\.sing: line 3, column 9: functions are not polynomial/);
    expect((await run(['groebner', '-', '--format', 'word'], text)).code).toBe(2);
  });
});
