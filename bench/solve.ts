/**
 * Solving benchmark: all complex points of zero-dimensional systems over Q — polycrit's
 * `solve(polys, { digits })` (multi-modular F4, then exact components with certified real points
 * and complex points) side by side with msolve (all real points, certified boxes, with one and
 * with two threads), Singular's solve.lib (`solve(I, digits, "nodisplay")` in a lex ring:
 * triangular sets and Laguerre) and sympy's `solve(eqs, gens, dict=True)`. A second section takes
 * the critical ideals ∇L = 0 of six regularized networks (bench/peers/networks.ts) through
 * polycrit `solve`, the whole `polycrit critical` command (what users run) and msolve.
 *
 *   npm run bench:solve -- [--systems katsura:6,cyclic:5|none] [--digits 10] [--timeout 120]
 *                           [--sympy-timeout 60] [--networks NAME,…|none] [--networks-timeout 120]
 *                           [--out bench/results]
 *   npm run bench:solve -- --render [--out bench/results]   (redraw solve.md/svg from solve.json)
 *
 * Counts: polycrit's complex count is Σ degree over its finite components (distinct points; with
 * multiplicity Σ degree × multiplicity), its real count Σ realPoints; msolve gives the real points
 * and, through its parametrization (`-P 1`), the distinct complex ones; Singular and sympy list
 * distinct complex points. Every count a solver gives is compared with polycrit's (and, for the
 * networks, with the known counts); a difference prints a loud MISMATCH line and lands in the table.
 * Each run is a child process with a time limit and its peak memory; polycrit's and the peers'
 * times are their own clocks around the computation, msolve's and `critical`'s are the whole
 * process (start-up included). Writes `solve.json`, `solve.md` and `solve.svg` under --out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { namedSystem, parseSystemSpec } from '../src/systems';
import { msolvePeer, msolveSolve } from './peers/msolve';
import { BENCH_NETWORKS, BenchNetwork, benchNetwork, benchSystem } from './peers/networks';
import { Peer, RunOutcome, SystemText, singularPeer, singularSolve, sympyPeer, sympySolve } from './peers/peers';
import { machineFacts, polycritRevision, runProcess } from './peers/process';
import { RunHeader, formatMB, formatTime, headerText, loadJson, markdownTable, option, ratio, saveJson, systemsOption, writeText } from './peers/report';
import { runMeasured } from './peers/rusage';
import { BarValue, Panel, barChartSvg } from './peers/svg';

const DEFAULT_SYSTEMS = ['cyclic:5', 'cyclic:6', 'katsura:6', 'katsura:7', 'katsura:8', 'eco:8'];
const RUN_ONE = join(__dirname, 'run-one.js');
/** The polycrit command of this checkout (dist/bench/solve.js → bin/polycrit.js). */
const ROOT = resolve(__dirname, '..', '..');
const POLYCRIT = join(ROOT, 'bin', 'polycrit.js');

interface SolveRecord {
  spec: string;
  results: Record<string, RunOutcome>;
  mismatches: string[];
}

/** A solver as saved: its column name, time limit, whether it was installed, its ratio columns. */
interface SolverInfo {
  name: string;
  limit: number;
  available?: boolean;
  /** Ratio columns reference/this solver (CPU seconds, wall seconds); absent: CPU for every solver but the first. */
  ratios?: ('cpu' | 'wall')[];
  /** The reference of the ratios: this solver (e.g. polycrit with as many threads); absent: the first. */
  against?: string;
}

/** Complex (distinct) and real point counts, each when known. */
interface Counts {
  complex?: number;
  real?: number;
}

interface Solver extends SolverInfo {
  peer?: Peer;
  run: (spec: string) => Promise<RunOutcome>;
}

async function polycritSolve(spec: string, digits: number, limit: number, threads = 1): Promise<RunOutcome> {
  const r = await runProcess(process.execPath, ['--max-old-space-size=4096', RUN_ONE, 'solve', spec, String(digits), String(threads)], '', limit);
  if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(last) as { ok: boolean; seconds: number; cpu: number; peakMB: number; points: number; distinct: number; real: number; components: number; complete: boolean; error?: string; stack?: string };
    if (!j.ok) return { status: 'error', error: `${j.error} @ ${j.stack ?? ''}`.slice(0, 500), peakMB: r.peakMB };
    return { status: 'ok', seconds: j.seconds, cpu: j.cpu, peakMB: j.peakMB, size: j.points, extra: { distinct: j.distinct, real: j.real, components: j.components, complete: j.complete } };
  } catch {
    return { status: 'error', error: `exit ${r.code} ${r.stderr.trim().split('\n').slice(-4).join(' | ')}`.slice(0, 500), peakMB: r.peakMB };
  }
}

/**
 * `polycrit critical --preset NAME --json` (or a spec file for a network that is no preset), the
 * whole command as a user runs it. Counts from its finite components: Σ degree, Σ realPoints.
 */
async function polycritCritical(net: BenchNetwork, digits: number, limit: number): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'polycrit-critical-'));
  try {
    let input: string[];
    if (net.preset) input = ['--preset', net.preset];
    else {
      const file = join(dir, 'network.json');
      writeFileSync(file, JSON.stringify(net.spec));
      input = [file];
    }
    const r = await runMeasured(process.execPath, [POLYCRIT, 'critical', ...input, '--json', '--digits', String(digits)], '', limit, ROOT);
    if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
    try {
      const j = JSON.parse(r.stdout) as { components: { dimension: number; degree: number; realPoints?: number }[] };
      const finite = j.components.filter((c) => c.dimension === 0);
      const distinct = finite.reduce((s, c) => s + c.degree, 0);
      const real = finite.reduce((s, c) => s + (c.realPoints ?? 0), 0);
      const positive = j.components.length - finite.length;
      return { status: 'ok', seconds: r.seconds, cpu: r.cpu, peakMB: r.peakMB, size: distinct, extra: { distinct, real, components: j.components.length, positiveDimensional: positive } };
    } catch {
      return { status: 'error', error: `exit ${r.code} ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`.slice(0, 500), peakMB: r.peakMB };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function systemText(spec: string): SystemText {
  const sys = namedSystem(spec);
  return { vars: [...sys.ring.vars], polys: sys.polynomials.map((p) => p.toString()) };
}

/** The counts an outcome states: complex (distinct) and real points, each when the solver gives it. */
function countsOf(o: RunOutcome): Counts & { withMultiplicity?: number } {
  const e = o.extra ?? {};
  const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
  const complex = num(e.distinct) ?? num(e.complex) ?? (e.real === undefined ? o.size : undefined);
  return { complex, real: num(e.real), withMultiplicity: num(e.withMultiplicity) ?? (e.distinct !== undefined ? o.size : undefined) };
}

/** Complex / real points of a finished run ("70 / 10"), with multiplicity in brackets when it differs. */
function pointsCell(o: RunOutcome | undefined): string {
  if (o?.status === 'error') return `error: ${o.error}`;
  if (o?.status !== 'ok') return '';
  const c = countsOf(o);
  const mult = c.withMultiplicity !== undefined && c.withMultiplicity !== c.complex ? ` (${c.withMultiplicity} with mult.)` : '';
  return `${c.complex ?? '?'}${c.real !== undefined ? ` / ${c.real}` : ''}${mult}`;
}

/**
 * The disagreements of a run with the reference run (polycrit's `solve`) and with the known
 * counts: complex counts and real counts, each compared when both sides give it. A non-radical
 * system (points with multiplicity) gets a note: msolve 0.10.1 can miss points there (msolve.md).
 */
function mismatches(name: string, o: RunOutcome, reference: RunOutcome | undefined, expected?: Counts): string[] {
  if (o.status !== 'ok') return [];
  const mine = countsOf(o);
  const out: string[] = [];
  const compare = (theirs: Counts, who: string, note = ''): void => {
    for (const k of ['complex', 'real'] as const) {
      if (mine[k] !== undefined && theirs[k] !== undefined && mine[k] !== theirs[k]) out.push(`${name}: ${mine[k]} ${k} points, ${who} ${theirs[k]}${note}`);
    }
  };
  if (reference?.status === 'ok' && reference !== o) {
    const ref = countsOf(reference);
    const nonRadical = ref.withMultiplicity !== undefined && ref.withMultiplicity !== ref.complex && name.startsWith('msolve');
    compare(ref, 'polycrit', nonRadical ? ' (non-radical system: msolve 0.10.1 is known to miss points there, see msolve.md; check by substitution)' : '');
  }
  if (expected) compare(expected, 'expected');
  return out;
}

/** Runs every solver on every system, row by row, printing each run; skips a family's larger sizes after a timeout. */
async function runSection(specs: string[], solvers: Solver[], expected: (spec: string) => Counts | undefined): Promise<SolveRecord[]> {
  const timedOut = new Map<string, Set<string>>();
  const records: SolveRecord[] = [];
  for (const spec of specs) {
    const fam = parseSystemSpec(spec)?.name ?? spec;
    const rec: SolveRecord = { spec, results: {}, mismatches: [] };
    for (const s of solvers) {
      let o: RunOutcome;
      if (s.peer && !s.peer.available) o = { status: 'missing' };
      else if (timedOut.get(s.name)?.has(fam)) o = { status: 'skipped' };
      else o = await s.run(spec);
      if (o.status === 'timeout') timedOut.set(s.name, new Set([...(timedOut.get(s.name) ?? []), fam]));
      rec.results[s.name] = o;
      const extra = o.extra ? ` ${JSON.stringify(o.extra)}` : '';
      console.log(`${spec.padEnd(19)} ${s.name.padEnd(19)} ${o.status === 'ok' ? `${formatTime(o, s.limit)} s, ${formatMB(o)} MB, ${pointsCell(o)} points${extra}` : o.status === 'error' ? `ERROR ${o.error}` : formatTime(o, s.limit)}`);
      for (const m of mismatches(s.name, o, rec.results[solvers[0].name], expected(spec))) {
        rec.mismatches.push(m);
        console.log(`!!!!!!!! MISMATCH on ${spec}: ${m} !!!!!!!!`);
      }
    }
    records.push(rec);
  }
  return records;
}

interface SolveFile {
  header: RunHeader;
  digits: number;
  solvers: SolverInfo[];
  systems: SolveRecord[];
  /** The network section (absent in files written before it existed). */
  networkSolvers?: SolverInfo[];
  networks?: SolveRecord[];
}

/** Known distinct complex points of the standard families (katsura-n 2^n, eco-n 2^(n−2), cyclic-5 70). */
function familyExpected(spec: string): Counts | undefined {
  const p = parseSystemSpec(spec);
  const complex = p?.name === 'katsura' ? 2 ** p.n : p?.name === 'eco' ? 2 ** (p.n - 2) : spec === 'cyclic:5' ? 70 : spec === 'cyclic:6' ? 156 : undefined;
  return complex === undefined ? undefined : { complex };
}

function networkExpected(spec: string): Counts | undefined {
  return benchNetwork(spec)?.expected;
}

/**
 * A section's table: per system the expected count, then per solver `s` (wall (CPU)), `MB`,
 * points, and for the peers the ratio polycrit/peer on CPU seconds (and on wall seconds where
 * asked); the first solver is the reference.
 */
function sectionTable(records: SolveRecord[], solvers: SolverInfo[], expected: (spec: string) => Counts | undefined, label: (spec: string) => string): string {
  const shown = solvers.filter((s) => s.available !== false);
  const [ref] = shown;
  const refOf = (s: SolverInfo): SolverInfo => shown.find((x) => x.name === s.against) ?? ref;
  const ratiosOf = (s: SolverInfo): ('cpu' | 'wall')[] => s.ratios ?? (s === ref ? [] : ['cpu']);
  const head = ['system', 'expected'];
  for (const s of shown) {
    head.push(`${s.name} s`, 'MB', 'points');
    for (const clock of ratiosOf(s)) head.push(clock === 'cpu' ? `${refOf(s).name}/${s.name}${ratiosOf(s).length > 1 ? ' CPU' : ''}` : 'wall');
  }
  head.push('check');
  const rows = records.map((r) => {
    const e = expected(r.spec);
    const row = [label(r.spec), e?.complex === undefined ? '' : `${e.complex}${e.real === undefined ? '' : ` / ${e.real}`}`];
    for (const s of shown) {
      const o = r.results[s.name];
      row.push(formatTime(o, s.limit), formatMB(o), pointsCell(o));
      for (const clock of ratiosOf(s)) row.push(ratio(r.results[refOf(s).name], o, refOf(s).limit, s.limit, clock));
    }
    row.push(r.mismatches.length ? `**MISMATCH**: ${r.mismatches.join('; ')}` : '');
    return row;
  });
  return markdownTable(head, rows);
}

/** One chart panel: CPU seconds per solver (wall when under 0.02 s of CPU). */
function chartPanel(title: string, records: SolveRecord[], solvers: SolverInfo[], label: (spec: string) => string): Panel {
  const shown = solvers.filter((s) => s.available !== false);
  const series = shown.map((s) => ({
    name: s.name,
    values: records.map((r): BarValue => {
      const o = r.results[s.name];
      if (o?.status === 'ok') return { kind: 'time', seconds: o.cpu !== undefined && o.cpu >= 0.02 ? o.cpu : o.seconds! };
      if (o?.status === 'timeout') return { kind: 'timeout', limit: s.limit };
      return { kind: 'none', mark: o?.status === 'error' ? '×' : '–' };
    }),
  }));
  return { title, groups: records.map((r) => label(r.spec)), series };
}

const familyLabel = (spec: string): string => spec.replace(':', '-');
const networkLabel = (spec: string): string => spec;

/** Writes solve.md and solve.svg from the saved solve.json; returns the Markdown. */
function render(out: string): string {
  const saved = loadJson<SolveFile>(out, 'solve.json');
  if (!saved) throw new Error(`no ${join(out, 'solve.json')} to render`);
  const { header, digits, solvers, systems: records } = saved;
  const missing = [...solvers, ...(saved.networkSolvers ?? [])].filter((s, i, all) => s.available === false && all.findIndex((t) => t.name === s.name) === i);
  const md = [
    '## Solving: polycrit and its peers',
    '',
    headerText(header),
    ...missing.map((s) => `\n${s.name}: not installed, column skipped.`),
    '',
    `All complex solutions to ${digits} digits. Wall seconds with CPU seconds in brackets; polycrit, Singular and sympy by their own clocks around the computation, msolve and \`polycrit critical\` for the whole process (start-up and output included; msolve starts in a few ms, node in about 0.1 s); ` +
      'MB: peak resident memory of the run\'s process; polycrit/peer: ratio of CPU seconds (> 1: polycrit slower), and of wall seconds for msolve ("wall"); ' +
      'points: distinct complex / real, with multiplicity in brackets when it differs (polycrit: Σ degree and Σ realPoints over its finite components; msolve: its parametrization\'s degree and its real points; Singular and sympy: distinct complex points only); ' +
      'every count is compared with polycrit\'s and with the known one, a difference is a **MISMATCH**. "> T": killed at the time limit; "–": skipped after a smaller size of the family timed out. Generated by `bench/solve.ts`.',
    '',
    records.length > 0 ? sectionTable(records, solvers, familyExpected, familyLabel) : '(no systems in this run)',
    '',
  ];
  const panels: Panel[] = [];
  if (records.length > 0) panels.push(chartPanel(`All complex solutions (${digits} digits): CPU seconds, log scale`, records, solvers, familyLabel));
  if (saved.networks && saved.networkSolvers && saved.networks.length > 0) {
    md.push(
      '### Critical points of regularized networks',
      '',
      'The gradient systems ∇L = 0 of networks with a distinct λ per weight (finite critical sets; `bench/peers/networks.ts`): `polycrit solve` is `solve()` on the gradient (own clock), `polycrit critical` the whole command `polycrit critical --json` (components, loss values, Hessian types; whole process), msolve the same polynomials with denominators cleared. expected: known complex / real critical points. Ratios are polycrit `solve` over msolve.',
      '',
      sectionTable(saved.networks, saved.networkSolvers, networkExpected, networkLabel),
      '',
    );
    panels.push(chartPanel('Critical points of regularized networks: CPU seconds, log scale', saved.networks, saved.networkSolvers, networkLabel));
  }
  const text = md.join('\n');
  writeText(out, 'solve.md', text);
  writeText(out, 'solve.svg', barChartSvg(panels, `polycrit bench/solve.ts, ${header.date}; CPU seconds (wall below 0.02 s of CPU); hollow dashed bar: timed out at the limit (wall); – skipped; × error`));
  return text;
}

/** msolve with one thread and with two, as solvers of the bench, each against polycrit with as many threads (`against`). */
function msolveSolvers(limit: number, against: readonly [string, string]): Solver[] {
  return [1, 2].map((threads) => {
    const peer = msolvePeer(threads);
    return { name: peer.name, peer, limit, ratios: ['cpu', 'wall'], against: against[threads - 1], run: (spec: string) => msolveSolve(peer, benchSystem(spec), threads, limit) };
  });
}

function networksOption(): BenchNetwork[] {
  const text = option('networks', BENCH_NETWORKS.map((n) => n.name).join(','));
  if (text === 'none') return [];
  // Names hold commas (deep-linear:1,2,2,1): a name starts after a comma followed by a letter.
  return text
    .split(/,(?=[a-z])/)
    .filter((s) => s.trim() !== '')
    .map((s) => {
      const net = benchNetwork(s.trim());
      if (!net) throw new Error(`unknown network '${s}' (networks: ${BENCH_NETWORKS.map((n) => n.name).join(', ')})`);
      return net;
    });
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    render(option('out', 'bench/results'));
    return;
  }
  const specs = option('systems', '') === 'none' ? [] : systemsOption(DEFAULT_SYSTEMS);
  const networks = networksOption();
  const digits = Number(option('digits', '10'));
  const limit = Number(option('timeout', '120'));
  const sympyLimit = Math.min(limit, Number(option('sympy-timeout', '60')));
  const netLimit = Number(option('networks-timeout', '120'));
  const out = option('out', 'bench/results');
  const singular = singularPeer();
  const sympy = sympyPeer();
  const msolves = msolveSolvers(limit, ['polycrit', 'polycrit, 2 threads']);
  const header: RunHeader = { ...machineFacts(), node: process.version, polycrit: polycritRevision(), peers: [msolves[0].peer!, singular, sympy], command: `bench/solve.ts ${process.argv.slice(2).join(' ')}`.trim() };
  console.log(headerText(header));
  const solvers: Solver[] = [
    { name: 'polycrit', limit, ratios: [], run: (spec) => polycritSolve(spec, digits, limit) },
    { name: 'polycrit, 2 threads', limit, ratios: [], run: (spec) => polycritSolve(spec, digits, limit, 2) },
    ...msolves,
    { name: 'Singular solve.lib', peer: singular, limit, run: (spec) => singularSolve(singular, systemText(spec), digits, limit) },
    { name: 'sympy', peer: sympy, limit: sympyLimit, run: (spec) => sympySolve(sympy, systemText(spec), sympyLimit) },
  ];
  const networkSolvers: Solver[] = [
    { name: 'polycrit solve', limit: netLimit, ratios: [], run: (spec) => polycritSolve(spec, digits, netLimit) },
    { name: 'polycrit solve, 2 threads', limit: netLimit, ratios: [], run: (spec) => polycritSolve(spec, digits, netLimit, 2) },
    { name: 'polycrit critical', limit: netLimit, ratios: [], run: (spec) => polycritCritical(benchNetwork(spec)!, digits, netLimit) },
    ...msolveSolvers(netLimit, ['polycrit solve', 'polycrit solve, 2 threads']),
  ];
  for (const s of solvers) if (s.peer && !s.peer.available) console.log(`${s.peer.name}: not installed, column skipped`);
  const records = await runSection(specs, solvers, familyExpected);
  const netRecords = await runSection(
    networks.map((n) => n.name),
    networkSolvers,
    networkExpected,
  );
  const info = (s: Solver): SolverInfo => ({ name: s.name, limit: s.limit, available: !s.peer || s.peer.available, ratios: s.ratios });
  saveJson(out, 'solve.json', { header, digits, solvers: solvers.map(info), systems: records, networkSolvers: networkSolvers.map(info), networks: netRecords } satisfies SolveFile);
  const md = render(out);
  console.log('\n' + md);
  console.log(`wrote ${join(out, 'solve.md')} and ${join(out, 'solve.svg')}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
