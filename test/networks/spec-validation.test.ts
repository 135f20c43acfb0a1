// Issue 18 item 1: network specs are validated at the boundary. A table of malformed specs (the
// fuzz campaign's crashers first) each gives one InputError line naming the field, in the
// library and through the CLI (exit 2, one line on stderr); a fast-check property mutates a valid
// spec at random places and requires a valid analysis or an InputError, nothing else.
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../../src/errors';
import { criticalPoints } from '../../src/networks/critical';
import { networkLoss } from '../../src/networks/loss';
import { preset } from '../../src/networks/presets';
import { NetworkSpec } from '../../src/networks/spec';
import { dataFileReader } from '../../src/networks/spec-file';
import { networkSpecJsonSchema, plainlyValidSpec } from '../../src/networks/spec-schema';
import { networkSpecSchema, safeParseSpec } from '../../src/networks/spec-zod';
import { runCli } from '../cli/run-cli';

const ok = { inputs: 1, layers: [{ width: 1 }], data: [[1, 1]] };
const TABLE: [string, unknown, string][] = [
  ['fixed true', { ...ok, fixed: true }, 'fixed must be an object of fixed values by weight name, like { "w0_0": 1 }, got true'],
  ['fixed 0', { ...ok, fixed: 0 }, 'fixed must be an object of fixed values by weight name, like { "w0_0": 1 }, got 0'],
  ['inputs 1e10', { ...ok, inputs: 1e10 }, 'inputs must be a number of inputs from 1 to 64, or a list of 1 to 64 distinct names, got 10000000000'],
  ['inputs 1000000000', { ...ok, inputs: 1000000000 }, 'inputs must be a number of inputs from 1 to 64, or a list of 1 to 64 distinct names, got 1000000000'],
  ['data [null]', { ...ok, data: [null] }, 'data[0] must be a row: a list of numbers (the inputs, then the targets), got null'],
  ['a row that is not a list', { ...ok, data: [[1, 1], 5] }, 'data[1] must be a row: a list of numbers (the inputs, then the targets), got 5'],
  ['width null', { ...ok, layers: [{ width: null }] }, 'layers[0].width must be an integer from 1 to 64, got null'],
  ['layers null', { ...ok, layers: null }, 'layers must be a list of 1 to 64 layers (the last is the output layer), got null'],
  ['a layer null', { ...ok, layers: [{ width: 1 }, null] }, 'layers[1] must be an object { "width": n, "bias"?: true, "activation"?: "z^2" }, got null'],
  ['width past 64', { ...ok, layers: [{ width: 65 }, { width: 1 }] }, 'layers[0].width must be an integer from 1 to 64, got 65'],
  ['width 1.5', { ...ok, layers: [{ width: 1 }, { width: 1.5 }] }, 'layers[1].width must be an integer from 1 to 64, got 1.5'],
  ['no layers', { ...ok, layers: [] }, 'layers must hold at least one layer (the last is the output layer), got []'],
  ['layers missing', { inputs: 1, data: [[1, 1]] }, 'layers must be a list of 1 to 64 layers (the last is the output layer), got nothing (the field is missing)'],
  ['activation in x', { ...ok, layers: [{ width: 1, activation: 'x^2' }] }, 'layers[0].activation must be a polynomial in z (line 1, column 1: unknown variable \'x\' (the variables are z)), got "x^2"'],
  ['activation a number', { ...ok, layers: [{ width: 1, activation: 2 }] }, 'layers[0].activation must be a polynomial in z as text, like "z^2" or "z + z^3/3", got 2'],
  ['bias "yes"', { ...ok, layers: [{ width: 1, bias: 'yes' }] }, 'layers[0].bias must be true or false, got "yes"'],
  ['a cell that is not a number', { ...ok, data: [[1, 'abc']] }, 'data[0][1] must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text), got "abc"'],
  ['a cell of 10^99999999', { ...ok, data: [[1, '1e99999999']] }, 'data[0][1] must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text), got "1e99999999"'],
  ['a row too short', { ...ok, data: [[1, 1], [2]] }, 'data[1] has 1 values; expected 1 inputs + 1 targets'],
  ['no rows', { ...ok, data: [] }, 'data must be a list of 1 to 100000 rows (lists of numbers: the inputs, then the targets) or { "csv": "file.csv" }, got []'],
  ['fixed names no weight', { ...ok, fixed: { w9_9: 1 } }, 'fixed.w9_9 is not a weight of the network (weights: w0_0)'],
  ['fixed value not a number', { ...ok, fixed: { w0_0: null } }, 'fixed.w0_0 must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text), got null'],
  ['regularization names no weight', { ...ok, regularization: { w5_0: 1 } }, 'regularization.w5_0 is not a weight of the network (weights: w0_0)'],
  ['regularization text', { ...ok, regularization: 'lots' }, 'regularization must be an exact number: an integer, a decimal or a fraction like 1/3 (a JSON number or text), got "lots"'],
  ['loss "max"', { ...ok, loss: 'max' }, 'loss must be \'sum\', \'mean\' or \'half\', got "max"'],
  ['a misspelt field', { ...ok, lose: 'sum' }, "unknown field 'lose' (fields: inputs, layers, data, loss, regularization, fixed, name, description)"],
  ['a misspelt layer field', { ...ok, layers: [{ width: 1, widht: 2 }] }, "layers[0]: unknown field 'widht' (layer fields: width, bias, activation)"],
  ['inputs repeated', { ...ok, inputs: ['x', 'x'], data: [[1, 1, 1]] }, 'inputs must be distinct names, got ["x","x"]'],
  ['an input named like a weight', { ...ok, inputs: ['w0_0'] }, "inputs[0] 'w0_0' clashes with a weight name (weights are w{node}_{input} and b{node})"],
  ['a list', [], 'a network spec must be a JSON object with inputs, layers and data, got []'],
  ['null', null, 'a network spec must be a JSON object with inputs, layers and data, got null'],
  // A check without a message of its own speaks zod's English (zod/mini has no locale unless given one).
  ['$schema not text', { ...ok, $schema: 5 }, '$schema Invalid input: expected string, received number, got 5'],
];

describe('malformed network specs', () => {
  test.each(TABLE)('%s: one InputError line naming the field', (_, spec, message) => {
    let thrown: unknown;
    try {
      networkLoss(spec as NetworkSpec);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(`network spec: ${message}`);
  });

  test('through the CLI: exit 2 and the same single line on stderr, for every spec of the table and a CSV of /dev/zero', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-specs-'));
    try {
      const cases: [unknown, string][] = [...TABLE.map(([, spec, message]) => [spec, `network spec: ${message}`] as [unknown, string]), [{ ...ok, data: { csv: '/dev/zero' } }, "the data file '/dev/zero' is longer than 67108864 bytes"]];
      for (const [k, [spec, message]] of cases.entries()) {
        const file = path.join(dir, `spec${k}.json`);
        fs.writeFileSync(file, JSON.stringify(spec));
        const r = await runCli(['critical', file]);
        expect([r.code, r.err, r.out]).toEqual([2, `polycrit: ${message}\n`, '']);
      }
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

/** A valid spec whose analysis is quick, with every kind of field. */
const BASE = {
  name: 'small',
  inputs: ['x'],
  layers: [{ width: 1, bias: true, activation: 'z^2' }, { width: 1 }],
  data: [[1, 1], [2, '3/2']],
  loss: 'half',
  regularization: { w0_0: '1/10', b0: '1/7', w1_0: 0.1 },
  fixed: { b0: 1 },
};

/** Every path into a JSON value (the root excluded). */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => [[...prefix, k], ...paths((v as Record<string | number, unknown>)[k], [...prefix, k])]);
}

const junk = fc.constantFrom<unknown>(null, undefined, true, false, 0, -1, 2, 1.5, 65, 1e10, NaN, Infinity, '', 'abc', 'z', 'z^2 + 1', '1/0', 'x', '1e99999', [], [null], [[1, 1]], {}, { csv: 'no-such-file.csv' }, { w0_0: 1 }, { width: 2 }, 'w0_0');

type Mutation = { at: number; value: unknown; remove: boolean; extraKey: boolean };

/** BASE with each mutation applied at its path: a value replaced or removed, or an extra key added. */
function mutated(all: (string | number)[][], mutations: readonly Mutation[]) {
  const spec = JSON.parse(JSON.stringify(BASE));
  for (const m of mutations) {
    const p = all[m.at];
    let parent = spec;
    for (const k of p.slice(0, -1)) parent = parent?.[k];
    if (parent === null || typeof parent !== 'object') continue;
    const key = p[p.length - 1];
    if (m.extraKey && !Array.isArray(parent)) parent.unknownField = m.value;
    else if (m.remove) delete parent[key];
    else parent[key] = m.value;
  }
  return spec;
}

describe('random mutations of a valid spec', () => {
  test('give a valid analysis or an InputError, nothing else', () => {
    const all = paths(BASE);
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: all.length - 1 }), value: junk, remove: fc.boolean(), extraKey: fc.boolean() }), { minLength: 1, maxLength: 2 }),
        (mutations) => {
          const spec = mutated(all, mutations);
          try {
            const analysis = criticalPoints(networkLoss(spec), { symmetries: false });
            expect(analysis.complete).toBe(true);
            expect(analysis.components.length).toBeGreaterThan(0);
          } catch (e) {
            if (!(e instanceof InputError)) throw new Error(`${(e as Error).name}: ${(e as Error).message} for ${JSON.stringify(spec)}`);
            expect((e as Error).message).not.toMatch(/\n/);
          }
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});

describe('the fast path past zod (plainlyValidSpec)', () => {
  const all = paths(BASE);
  const more = fc.constantFrom<unknown>('1/3', ' 2', '2 ', '-0.5e3', 'z^3 - z', 'z + z^3/3', { csv: '' }, { csv: 'f.csv', x: 1 }, [[]], [['1', 2]], -0, 64, 1e-7, ['x', 'y'], ['x', ''], 'sum', 'half', undefined);
  test('never lets through a spec the schema refuses (mutations of a valid spec)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: all.length - 1 }), value: fc.oneof(junk, more), remove: fc.boolean(), extraKey: fc.boolean() }), { minLength: 1, maxLength: 3 }), (mutations) => {
        const spec = mutated(all, mutations);
        if (plainlyValidSpec(spec)) expect(safeParseSpec(spec).success).toBe(true);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  test('takes the presets and well-formed specs without zod, and refuses every malformed spec of the table', () => {
    for (const name of ['xor-blog', 'xor-bias', 'xor-square', 'deep-linear:2,2,2']) expect(plainlyValidSpec(preset(name))).toBe(true);
    expect(plainlyValidSpec(BASE)).toBe(true);
    expect(plainlyValidSpec({ inputs: ['x', 'y'], layers: [{ width: 2, activation: 'z + z^3/3' }, { width: 1 }], data: [[0, 0, 0], ['1/2', '1', 1]], loss: 'sum', regularization: { w0_0: '1/10' }, fixed: { w0_1: 0 } })).toBe(true);
    for (const [, spec] of TABLE) if (!safeParseSpec(spec).success) expect(plainlyValidSpec(spec)).toBe(false);
  });
});

describe('the published JSON Schema', () => {
  test('network-spec.schema.json is the schema generated from spec-schema.ts (npm run schema) and accepts the presets', () => {
    const file = path.join(__dirname, '../../network-spec.schema.json');
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(networkSpecJsonSchema());
    for (const name of ['xor-blog', 'xor-bias', 'xor-square', 'deep-linear:2,2,1']) expect(networkSpecSchema().safeParse(preset(name)).success).toBe(true);
  });
});

describe('CSV data and preset names (issue 19, small ones)', () => {
  test('a header of names is skipped; a first row with letters among numbers is data, and refused as such', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polycrit-csv-'));
    try {
      const spec = (csv: string): NetworkSpec => {
        fs.writeFileSync(path.join(dir, 'rows.csv'), csv);
        return { inputs: 1, layers: [{ width: 1 }], data: { csv: 'rows.csv' } };
      };
      expect(networkLoss(spec('# comment\nx,target\n1,1\n2,3\n'), dataFileReader(dir)).loss.toString()).toBe('5*w0_0^2 - 14*w0_0 + 10');
      expect(networkLoss(spec('1,1\n2,3\n'), dataFileReader(dir)).loss.toString()).toBe('5*w0_0^2 - 14*w0_0 + 10');
      // Was dropped silently as a header, changing the loss.
      expect(() => networkLoss(spec('1,1e\n2,3\n'), dataFileReader(dir))).toThrow(/^network spec: data row 1 of rows.csv, value 2: '1e' is not an exact number/);
      expect(() => networkLoss(spec('x,3\n2,3\n'), dataFileReader(dir))).toThrow(/^network spec: data row 1 of rows.csv, value 1: 'x' is not an exact number/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  test('a preset suffix is rejected unless the preset takes sizes', () => {
    expect(() => preset('xor-blog:3')).toThrow(/^preset 'xor-blog:3': only deep-linear takes sizes after ':'/);
    expect(() => preset('deep-linear:1,2:3')).toThrow(InputError);
    expect(preset('deep-linear:1,2').name).toBe('deep-linear:1,2');
  });
});
