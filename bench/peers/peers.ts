/**
 * The peer systems of the benchmarks — giac, Singular and sympy — driven as child processes with
 * a script on stdin. Each peer receives the system as polycrit prints it (`3*x0^2 - x1`, which all
 * three read; sympy's sympify turns `^` into `**`), times only the computation with its own clock
 * (giac's `time()` real-time figure, Singular's `rtimer` in ms, Python's `perf_counter`), and prints
 * machine-readable lines: `TIME s`, `SIZE n`, `LEAD e1,e2,…` (leading exponent vectors, degrevlex)
 * or `COUNT n` for solutions. A missing peer is reported as such, never as a failure.
 */
import { singularDeclarations } from '../../src/io/formats/singular';
import { ProcessResult, runProcess, versionOf, which } from './process';

/** A system as text: variables and polynomials in polycrit's canonical printing. */
export interface SystemText {
  vars: string[];
  polys: string[];
}

/** 0 for Q, else the prime. */
export type Characteristic = number;

/** The outcome of one run of one solver on one system. */
export interface RunOutcome {
  status: 'ok' | 'timeout' | 'error' | 'skipped' | 'missing';
  /** Wall-clock seconds of the computation, by the solver's own clock. */
  seconds?: number;
  /** CPU seconds (user + system) of the computation, when the solver reports them. */
  cpu?: number;
  peakMB?: number;
  /** Number of basis elements (Gröbner) or of points with multiplicity (solve). */
  size?: number;
  /** Sorted leading exponent vectors, when the solver reports them. */
  leads?: string[];
  /** Short error text for status 'error'. */
  error?: string;
  /** Extra figures (polycrit's stats, distinct points, …). */
  extra?: Record<string, unknown>;
}

export interface Peer {
  /** Column name. */
  name: string;
  /** Program run. */
  program: string;
  available: boolean;
  version?: string;
}

function parseLines(out: string): { time?: number; cpu?: number; size?: number; count?: number; leads: string[] } {
  let time: number | undefined;
  let cpu: number | undefined;
  let size: number | undefined;
  let count: number | undefined;
  const leads: string[] = [];
  for (const raw of out.split('\n')) {
    const line = raw.trim().replace(/^"|"$/g, '');
    let m: RegExpExecArray | null;
    if ((m = /^TIME\s+([\d.eE+-]+)/.exec(line))) time = Number(m[1]);
    else if ((m = /^CPU\s+([\d.eE+-]+)/.exec(line))) cpu = Number(m[1]);
    else if ((m = /^SIZE\s+(\d+)/.exec(line))) size = Number(m[1]);
    else if ((m = /^COUNT\s+(\d+)/.exec(line))) count = Number(m[1]);
    else if ((m = /^LEAD\s+([\d, ]+)$/.exec(line))) leads.push(m[1].replace(/\s+/g, ''));
  }
  return { time, cpu, size, count, leads: leads.sort() };
}

/** Turns a finished process into an outcome, given what a successful run must print. */
function outcome(r: ProcessResult, want: 'size' | 'count'): RunOutcome {
  if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
  const p = parseLines(`${r.stdout}\n${r.stderr}`); // giac prints to stderr when not on a terminal
  const value = want === 'size' ? p.size : p.count;
  if (p.time === undefined || value === undefined) {
    const tail = `${r.stderr}\n${r.stdout}`.trim().split('\n').filter((l) => l.trim() !== '').slice(-3).join(' | ');
    return { status: 'error', peakMB: r.peakMB, error: `exit ${r.code}: ${tail.slice(0, 300)}` };
  }
  return { status: 'ok', seconds: p.time, cpu: p.cpu, peakMB: r.peakMB, size: value, leads: p.leads.length > 0 ? p.leads : undefined };
}

// ---------------------------------------------------------------- giac

export function giacPeer(): Peer {
  const program = which('giac') ?? which('icas');
  if (!program) return { name: 'giac', program: 'giac', available: false };
  // giac prints no version with --version; the Debian package or the readline banner does.
  const version = versionOf('dpkg-query', ['-W', '-f=${Version}\n', 'libgiac0'], /^(\d\S*)/m) ?? versionOf(program, [], /version\s+(\d[\d.]*)/, '');
  return { name: 'giac', program, available: true, version };
}

/** giac `gbasis(..., revlex)` (its modular F4 over Q); over Z/p the input is taken `% p`. `time()` gives [CPU, real]. */
export async function giacGroebner(peer: Peer, sys: SystemText, char: Characteristic, timeout: number): Promise<RunOutcome> {
  const eqs = `[${sys.polys.join(',')}]`;
  const input = char === 0 ? eqs : `${eqs} % ${char}`;
  const script = [
    `L:=${input}:;`,
    `T:=time(G:=gbasis(L,[${sys.vars.join(',')}],revlex)):;`,
    `print("TIME "+T[1]);`,
    `print("CPU "+T[0]);`,
    `print("SIZE "+size(G));`,
    '',
  ].join('\n');
  return outcome(await runProcess(peer.program, [], script, timeout), 'size');
}

// ---------------------------------------------------------------- Singular

export function singularPeer(): Peer {
  const program = which('Singular');
  if (!program) return { name: 'Singular', program: 'Singular', available: false };
  const version = versionOf(program, ['--version'], /Singular.*?version\s+([^\s]+(?:\s*\([^)]*\))?)/i) ?? versionOf(program, ['--version']);
  return { name: 'Singular', program, available: true, version };
}

const SINGULAR_LEADS = 'int i_; for (i_ = 1; i_ <= ncols(G); i_++) { if (G[i_] != 0) { print("LEAD " + string(leadexp(G[i_]))); } }';

/** Singular `std` (or `modStd` from modstd.lib over Q), degrevlex (`dp`), reduced (`option(redSB)`). */
export async function singularGroebner(peer: Peer, sys: SystemText, char: Characteristic, algorithm: 'std' | 'modStd', timeout: number): Promise<RunOutcome> {
  const script = [
    algorithm === 'modStd' ? 'LIB "modstd.lib";' : '',
    'system("--ticks-per-sec", 1000);',
    'option(redSB);',
    singularDeclarations(sys.vars, char, 'degrevlex', sys.polys),
    'int c0 = timer; int t0 = rtimer;',
    `ideal G = ${algorithm}(I);`,
    'int t1 = rtimer; int c1 = timer;',
    'print("TIME " + string(t1 - t0) + "e-3");',
    'print("CPU " + string(c1 - c0) + "e-3");',
    'print("SIZE " + string(size(G)));',
    SINGULAR_LEADS,
    'quit;',
    '',
  ].join('\n');
  return outcome(await runProcess(peer.program, ['-q', '--no-warn'], script, timeout), 'size');
}

/**
 * Singular `solve` from solve.lib: a lex basis, triangular decomposition and univariate root
 * finding (laguerre) to `digits` digits; it returns a ring holding the list SOL of the distinct
 * complex solutions. Counted with `size(SOL)`.
 */
export async function singularSolve(peer: Peer, sys: SystemText, digits: number, timeout: number): Promise<RunOutcome> {
  const script = [
    'LIB "solve.lib";',
    'system("--ticks-per-sec", 1000);',
    singularDeclarations(sys.vars, 0, 'lex', sys.polys),
    'int c0 = timer; int t0 = rtimer;',
    `def S = solve(I, ${digits}, "nodisplay");`,
    'int t1 = rtimer; int c1 = timer;',
    'setring S;',
    'print("TIME " + string(t1 - t0) + "e-3");',
    'print("CPU " + string(c1 - c0) + "e-3");',
    'print("COUNT " + string(size(SOL)));',
    'quit;',
    '',
  ].join('\n');
  return outcome(await runProcess(peer.program, ['-q', '--no-warn'], script, timeout), 'count');
}

// ---------------------------------------------------------------- sympy

export function sympyPeer(): Peer {
  const program = which('python3');
  if (!program) return { name: 'sympy', program: 'python3', available: false };
  const version = versionOf(program, ['-c', 'import sympy; print("SYMPY " + sympy.__version__)'], /SYMPY\s+(\S+)/);
  return version ? { name: 'sympy', program, available: true, version } : { name: 'sympy', program, available: false };
}

function sympyPreamble(sys: SystemText): string {
  return [
    'import json, sys, time',
    'import sympy',
    `names = ${JSON.stringify(sys.vars)}`,
    'gens = sympy.symbols(names)',
    'loc = dict(zip(names, gens))',
    `eqs = [sympy.sympify(s, locals=loc) for s in ${JSON.stringify(sys.polys)}]`,
  ].join('\n');
}

/** sympy `groebner(..., order='grevlex', method='buchberger')`, with `modulus=p` over Z/p. */
export async function sympyGroebner(peer: Peer, sys: SystemText, char: Characteristic, timeout: number): Promise<RunOutcome> {
  const script = [
    sympyPreamble(sys),
    't0 = time.perf_counter(); c0 = time.process_time()',
    `G = sympy.groebner(eqs, *gens, order='grevlex', method='buchberger'${char === 0 ? '' : `, modulus=${char}`})`,
    't1 = time.perf_counter(); c1 = time.process_time()',
    'print("TIME %.6f" % (t1 - t0))',
    'print("CPU %.6f" % (c1 - c0))',
    'print("SIZE %d" % len(G.exprs))',
    'for g in G.polys:',
    '    print("LEAD " + ",".join(str(e) for e in g.monoms(order="grevlex")[0]))',
    '',
  ].join('\n');
  return outcome(await runProcess(peer.program, ['-'], script, timeout), 'size');
}

/** sympy `solve(eqs, gens, dict=True)`: the list of solutions (distinct), counted. */
export async function sympySolve(peer: Peer, sys: SystemText, timeout: number): Promise<RunOutcome> {
  const script = [
    sympyPreamble(sys),
    't0 = time.perf_counter(); c0 = time.process_time()',
    'S = sympy.solve(eqs, gens, dict=True)',
    't1 = time.perf_counter(); c1 = time.process_time()',
    'print("TIME %.6f" % (t1 - t0))',
    'print("CPU %.6f" % (c1 - c0))',
    'print("COUNT %d" % len(S))',
    '',
  ].join('\n');
  return outcome(await runProcess(peer.program, ['-'], script, timeout), 'count');
}
