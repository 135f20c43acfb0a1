// The groebner, solve and critical commands in-process through main(argv, io): canonical output,
// JSON shapes the issues promise, exit codes (0 ok, 1 failed/incomplete, 2 bad usage or input).
import { main } from '../../src/cli/main';
import { CliIO } from '../../src/cli/context';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => stdin, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('polycrit', () => {
  test('without a command (or a bench without its subcommand) is bad usage: help on stderr, exit 2', async () => {
    for (const argv of [[], ['bench']]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Usage: polycrit/);
    }
    expect((await run(['help'])).code).toBe(0);
  });
});

describe('polycrit groebner', () => {
  test('a named system as JSON', async () => {
    const r = await run(['groebner', 'katsura:2', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.vars).toEqual(['x0', 'x1', 'x2']);
    expect(j.order).toBe('degrevlex');
    expect(j.field).toBe(0);
    expect(j.basis).toHaveLength(4);
  });
  test('stdin, lex order, Buchberger and F4 agree, over Z/p too', async () => {
    const a = await run(['groebner', '-', '--order', 'lex', '--json'], 'x^2 + y^2 - 1, x - y');
    const b = await run(['groebner', '-', '--order', 'lex', '--json', '--method', 'buchberger'], 'x^2 + y^2 - 1, x - y');
    expect(JSON.parse(a.out).basis).toEqual(['y^2 - 1/2', 'x - y']);
    expect(JSON.parse(b.out).basis).toEqual(JSON.parse(a.out).basis);
    const p = await run(['groebner', '-', '--field', '7', '--json'], 'x^2 + y^2 - 1, x - y');
    expect(JSON.parse(p.out).field).toBe(7);
  });
  test('--deterministic (every row reduced) gives the same basis as the randomized default, over Q and Z/p', async () => {
    for (const field of ['0', '67108859']) {
      const a = await run(['groebner', 'katsura:4', '--field', field, '--json']);
      const b = await run(['groebner', 'katsura:4', '--field', field, '--json', '--deterministic']);
      expect(b.code).toBe(0);
      expect(JSON.parse(b.out).basis).toEqual(JSON.parse(a.out).basis);
    }
  });
  test('bad input exits 2 with a message pointing at the problem', async () => {
    const r = await run(['groebner', '-'], 'x^2 + sin(y)');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/functions are not polynomial|sin/);
    expect((await run(['groebner', 'katsura:2', '--order', 'grevlex'])).code).toBe(2);
    expect((await run(['groebner', 'katsura:2', '--field', '8'])).code).toBe(2);
    expect((await run(['groebner', 'nosuch:3'])).err).toMatch(/neither a file nor a named system/);
  });
});

describe('polycrit solve', () => {
  test('JSON with components and points', async () => {
    const r = await run(['solve', '-', '--json', '--digits', '12'], 'x^2 - 2, y - x');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.dimension).toBe(0);
    expect(j.components).toHaveLength(1);
    expect(j.components[0]).toMatchObject({ dimension: 0, degree: 2, multiplicity: 1 });
    expect(j.components[0].points.map((p: { approx: { x: string } }) => p.approx.x)).toEqual(['-1.41421356237', '1.41421356237']);
  });
  test('an empty solution set has dimension -1', async () => {
    const r = await run(['solve', '-', '--json'], 'x*y - 1, x');
    expect(JSON.parse(r.out)).toMatchObject({ dimension: -1, components: [] });
  });
  test('a positive-dimensional set is decomposed (samplePoints, not points)', async () => {
    const r = await run(['solve', '-', '--json'], 'x*y, x*z');
    const j = JSON.parse(r.out);
    expect(j.dimension).toBe(2);
    expect(j.components.map((c: { dimension: number }) => c.dimension)).toEqual([2, 1]);
    expect(j.components[0].samplePoints.length).toBeGreaterThan(0);
  });
  test('--help exits 0', async () => {
    const r = await run(['solve', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--digits/);
  });
});

describe('polycrit critical', () => {
  test('a deep linear preset as JSON with the keys the issue promises', async () => {
    const r = await run(['critical', '--preset', 'deep-linear', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['weights', 'loss', 'dimension', 'criticalValues', 'components']) expect(j).toHaveProperty(k);
    for (const c of j.components) {
      for (const k of ['dimension', 'criticalValue', 'type']) expect(c).toHaveProperty(k);
      // Equations for positive-dimensional components, the exact parametrization for finite ones.
      expect(c.dimension > 0 ? c.basis : c.exact).toBeDefined();
    }
  });
  test('bad usage: neither spec nor preset, or an unknown preset', async () => {
    expect((await run(['critical'])).code).toBe(2);
    expect((await run(['critical', '--preset', 'nope'])).err).toMatch(/unknown preset/);
    expect((await run(['critical', '/no/such/spec.json'])).code).toBe(2);
  });
});
