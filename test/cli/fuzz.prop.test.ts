// A fuzz suite in the project (issue 18 item 5): fast-check generates malformed text and degenerate
// systems and runs the commands in-process (main(argv, io), --timeout 2). The outcome must be
// clean: exit 0, 1 with a message or 2, never an internal error; a degenerate system's answer
// equals the answer for the system without its zero and repeated equations. CI runs a small
// size; `npm run fuzz` runs FUZZ_RUNS=2000 (set FUZZ_RUNS for another size). Network specs are
// fuzzed in test/networks/spec-validation.test.ts.
import fc from 'fast-check';
import { runCli } from './run-cli';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Tokens of polynomial text, sound and broken: names, numbers, operators, brackets, separators. */
const token = fc.constantFrom(
  'x', 'y', 'z', 'w0_1', 'x[1]', '0', '1', '2', '2/3', '0.5', '1e3', '999999999999999999', '+', '-', '*', '/', '^', '**', '^2', '^-1', '/0',
  '(', ')', '[', ']', ',', ';', '\n', '#', ' ', '.', '_', '√', 'sin', 'x^40', '(x+y)^3', '0*x', 'x-x', '',
);
const text = fc.array(token, { maxLength: 14 }).map((ts) => ts.join(''));

const COMMANDS: string[][] = [
  ['solve', '-'],
  ['solve', '-', '--complex', '--json'],
  ['groebner', '-'],
  ['groebner', '-', '--order', 'lex', '--field', '7'],
  ['expand', '-'],
];

function clean(r: { code: number; err: string }): boolean {
  return [0, 1, 2].includes(r.code) && !/internal error/.test(r.err) && (r.code === 0 || r.err.length > 0);
}

describe('fuzz: malformed and degenerate input through the CLI', () => {
  test('random token soup: exit 0, 1 or 2 with a message, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(...COMMANDS), async (input, argv) => {
        const r = await runCli([...argv, '--timeout', '2'], input);
        if (!clean(r)) throw new Error(`polycrit ${argv.join(' ')} on ${JSON.stringify(input)}: exit ${r.code}\n${r.err}`);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  /** Small sound systems in x, y. */
  const equation = fc.constantFrom('x^2 - 1', 'x - y', 'x*y - 2', 'y^2 + x', 'x^2 + y^2 - 5', 'x^3 - x');
  const padding = fc.constantFrom('0', 'x - x', '0*y', '2*x - 2*x');

  test('degenerate systems: zero and repeated equations change nothing; a constant makes it empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(equation, { minLength: 0, maxLength: 2 }), fc.array(padding, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), async (eqs, pads, repeat, constant) => {
        const plain = [...eqs];
        const noisy: string[] = [...pads.slice(0, 1), ...eqs, ...(repeat ? eqs : []), ...pads.slice(1)];
        if (constant) noisy.push('3');
        const run = (list: string[]) => runCli(['solve', '-', '--vars', 'x,y', '--json', '--timeout', '5'], list.join('\n'));
        const r = await run(noisy);
        expect(clean(r)).toBe(true);
        expect(r.code).toBe(0);
        const got = JSON.parse(r.out);
        if (constant) {
          expect([got.dimension, got.components]).toEqual([-1, []]);
          return;
        }
        if (plain.length === 0) {
          expect([got.dimension, got.components.length, got.components[0].basis]).toEqual([2, 1, []]);
          return;
        }
        const want = JSON.parse((await run(plain)).out);
        expect(got).toEqual(want);
      }),
      { numRuns: RUNS },
    );
  });
});
