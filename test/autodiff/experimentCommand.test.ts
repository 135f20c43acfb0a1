// The `experiment` CLI command: output, JSON, SVG, and usage errors for bad input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/experiment';
import { CliContext, UsageError } from '../../src/cli/context';
import { InputError } from '../../src/errors';

async function run(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx = new CliContext({ stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '', isTTY: false });
  const program = new Command().exitOverride();
  register(program, ctx);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) }));
  await program.parseAsync(['experiment', ...args], { from: 'user' });
  return { out, err };
}

describe('polycrit experiment', () => {
  test('gradient-descent prints the seed check and JSON has runs [{start, x, f, steps}]', async () => {
    const text = await run(['gradient-descent', '--starts', '2']);
    expect(text.out).toMatch(/seed check: one step from x = 3 with μ = 0\.2 gives x = 0\.415843/);
    const json = JSON.parse((await run(['gradient-descent', '--starts', '-1,2', '--json'])).out);
    expect(json.runs.map((r: { start: number }) => r.start)).toEqual([-1, 2]);
    for (const r of json.runs) expect(Object.keys(r)).toEqual(expect.arrayContaining(['start', 'x', 'f', 'steps']));
  });
  test('--svg writes an SVG document', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-')), 'gd.svg');
    await run(['gradient-descent', '--starts', '2', '--svg', file]);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<path d="M/);
  });
  test('local-minimum JSON has the required fields', async () => {
    const json = JSON.parse((await run(['local-minimum', '--restarts', '1', '--lbfgs-iterations', '20', '--json'])).out);
    expect(json.hessianEigenvalues).toHaveLength(9);
    expect([...json.hessianEigenvalues].sort((a: number, b: number) => a - b)).toEqual(json.hessianEigenvalues);
    for (const k of ['loss', 'gradientNorm', 'isStrictLocalMinimum', 'bestLossFound']) expect(json).toHaveProperty(k);
  });
  test('bad input is a usage or input error', async () => {
    await expect(run(['no-such'])).rejects.toThrow(InputError);
    await expect(run(['gradient-descent', '--hidden', '3'])).rejects.toThrow(/does not apply to gradient-descent/);
    await expect(run(['gradient-descent', '--mu', 'fast'])).rejects.toThrow(UsageError);
    await expect(run(['overparameterization', '--functions', 'rastrigin'])).rejects.toThrow(/not one of/);
    await expect(run(['local-minimum', '--out', 'x.jsonl'])).rejects.toThrow(/--out applies only/);
  });
});
