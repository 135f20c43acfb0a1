/**
 * F4 under elimination orders: the positive-dimensional bases that saturations, block bases and
 * eliminations ask for inside the decomposition, on the standard systems less their last equation
 * (so that they are positive-dimensional), over Z/p with p = 67108859, under block orders of two
 * and three degrevlex blocks (`block(k, n − k)`, `block(1, 1, n − 2)`).
 *
 * Columns: polycrit's `f4` with its default selection (sugar degree under these orders,
 * `sugarSelects` in groebner/f4/f4.ts) and with one smallest lcm per round (`selection:
 * 'smallest-lcm'`, the rule before), each in this process with a time limit; Singular's `std` in
 * the same ring (`(dp(k),dp(n-k))`, `option(redSB)`), timed inside Singular. Every basis is
 * compared by its number of elements. polycrit's runs share one process (the JIT is warm after
 * the first rows); Singular starts a process per run.
 *
 * Run: `npm run bench:elimination -- [--systems katsura:5,cyclic:6]
 * [--timeout S]` (default 20 s per run). Prints a table and writes bench/results/elimination.md.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Zp } from '../src/arithmetic/field';
import { Deadline, TimeoutError, MemoryLimitError } from '../src/errors';
import { f4 } from '../src/groebner/f4';
import { MonomialOrder, block, degrevlex } from '../src/monomials/order';
import { changeRing } from '../src/poly/change';
import { Polynomial, PolynomialRing } from '../src/poly/polynomial';
import { namedSystem } from '../src/systems';
import { applyV8Flags } from '../src/cli/v8-flags';
import { singularPeer } from './peers/peers';
import { machineFacts, polycritRevision, runProcess } from './peers/process';
import { markdownTable, option, systemsOption } from './peers/report';

const P = 67108859;
const DEFAULT = ['katsura:4', 'katsura:5', 'cyclic:5', 'cyclic:6', 'noon:4', 'noon:5', 'eco:6', 'eco:7'];

/** The block orders measured on n variables, with Singular's name for each. */
function ordersFor(n: number): { order: MonomialOrder; singular: string; label: string }[] {
  const out: { order: MonomialOrder; singular: string; label: string }[] = [];
  for (const k of [1, 2, 3]) {
    if (k < n) out.push({ order: block([k, degrevlex], [n - k, degrevlex]), singular: `(dp(${k}),dp(${n - k}))`, label: `block(${k}, ${n - k})` });
  }
  if (n > 2) out.push({ order: block([1, degrevlex], [1, degrevlex], [n - 2, degrevlex]), singular: `(dp(1),dp(1),dp(${n - 2}))`, label: `block(1, 1, ${n - 2})` });
  return out;
}

/** One polycrit run: seconds and basis size, or why it stopped. */
function runF4(polys: readonly Polynomial<number>[], selection: 'auto' | 'smallest-lcm', limit: number): { seconds?: number; size?: number; stopped?: string } {
  const start = performance.now();
  try {
    const { basis } = f4(polys, { selection, deadline: new Deadline(limit) });
    return { seconds: (performance.now() - start) / 1000, size: basis.length };
  } catch (e) {
    if (e instanceof TimeoutError) return { stopped: `> ${limit}` };
    if (e instanceof MemoryLimitError) return { stopped: 'memory' };
    throw e;
  }
}

/** Singular's std in the block order: seconds (its own clock) and basis size. */
async function runSingular(program: string, vars: string[], polys: string[], order: string, limit: number): Promise<{ seconds?: number; size?: number; stopped?: string }> {
  const script = [
    'system("--ticks-per-sec", 1000);',
    'option(redSB);',
    `ring r = ${P}, (${vars.join(',')}), ${order};`,
    `ideal I = ${polys.join(',\n  ')};`,
    'int t0 = rtimer;',
    'ideal G = std(I);',
    'int t1 = rtimer;',
    'print("TIME " + string(t1 - t0) + "e-3");',
    'print("SIZE " + string(size(G)));',
    'quit;',
    '',
  ].join('\n');
  const r = await runProcess(program, ['-q', '--no-warn'], script, limit);
  const time = /TIME\s+([\d.e+-]+)/.exec(r.stdout);
  const size = /SIZE\s+(\d+)/.exec(r.stdout);
  if (!time || !size) return { stopped: r.timedOut ? `> ${limit}` : 'failed' };
  return { seconds: Number(time[1]), size: Number(size[1]) };
}

const cell = (r: { seconds?: number; stopped?: string }): string => (r.seconds !== undefined ? r.seconds.toFixed(r.seconds < 1 ? 3 : 2) : (r.stopped ?? '–'));

async function main(): Promise<void> {
  applyV8Flags();
  const systems = systemsOption(DEFAULT);
  const limit = Number(option('timeout', '20'));
  const singular = singularPeer();
  if (!singular.available) console.log('Singular: not installed, column skipped');
  const head = ['system (less its last equation)', 'order', 'sugar (default) s', 'one lcm per round s', 'lcm / sugar', 'Singular std s', 'sugar / Singular', 'basis', 'check'];
  const rows: string[][] = [];
  for (const spec of systems) {
    const all = namedSystem(spec, Zp(P)).polynomials as Polynomial<number>[];
    const polys = all.slice(0, -1);
    const R0 = polys[0].ring;
    for (const { order, singular: sOrder, label } of ordersFor(R0.nvars)) {
      const R = new PolynomialRing(R0.field, R0.vars, order);
      const input = polys.map((f) => changeRing(f, R));
      const sugar = runF4(input, 'auto', limit);
      const lcm = runF4(input, 'smallest-lcm', limit);
      const sing = singular.available ? await runSingular(singular.program, [...R0.vars], input.map((f) => f.toString()), sOrder, limit) : { stopped: '–' };
      const sizes = [sugar.size, lcm.size, sing.size].filter((s): s is number => s !== undefined);
      const check = sizes.every((s) => s === sizes[0]) ? (sizes.length > 1 ? `agrees (${sizes.length})` : '') : '**MISMATCH**';
      const ratio = (a?: number, b?: number): string => (a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(1) : '');
      const row = [`${spec}`, label, cell(sugar), cell(lcm), ratio(lcm.seconds, sugar.seconds), cell(sing), ratio(sugar.seconds, sing.seconds), String(sizes[0] ?? ''), check];
      rows.push(row);
      console.log(row.join('  '));
    }
  }
  const facts = machineFacts();
  const text = [
    '## F4 under elimination orders',
    '',
    `Run ${facts.date} (\`bench/elimination.ts ${process.argv.slice(2).join(' ')}\`): nproc ${facts.nproc}, load ${facts.load}; polycrit ${polycritRevision()}, node ${process.version}${singular.available ? `; Singular ${singular.version ?? ''}`.trimEnd() : ''}.`,
    '',
    `Reduced bases over Z/${P} of the standard systems less their last equation (positive-dimensional), under block orders of degrevlex blocks (block(k, n − k): the first k variables eliminated). polycrit: \`f4\` in one process, wall seconds; "> T": stopped at the time limit. Singular: \`std\` with \`option(redSB)\`, its own clock. "basis": number of elements, compared across the columns. Generated by \`bench/elimination.ts\`.`,
    '',
    markdownTable(head, rows),
    '',
  ].join('\n');
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'elimination.md'), text);
  console.log(`\nwritten ${join(dir, 'elimination.md')}`);
}

void main();
