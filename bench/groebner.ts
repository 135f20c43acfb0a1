/**
 * Gröbner basis benchmark: polycrit's reduced degrevlex basis (`computeGroebner`, multi-modular F4
 * over Q on one thread and on two, F4 over Z/p with p = 67108859, the largest prime below 2^26 and
 * polycrit's fast path) side by side with msolve (`-g 2`, over Q, one and two threads, as a whole
 * process), giac (`gbasis(..., revlex)`), Singular (`std`, and `modStd` over Q) and sympy
 * (`groebner(..., method='buchberger')`) on cyclic, katsura, eco and noon systems.
 *
 *   npm run bench:groebner -- [--systems katsura:7,cyclic:6] [--field 0|p|both] [--timeout 120]
 *                             [--sympy-timeout 60] [--out bench/results]
 *   npm run bench:groebner -- --render [--out bench/results]   (redraw the report from the saved JSON)
 *
 * Every run is its own child process (polycrit through dist/bench/run-one.js), killed at the time
 * limit; peak memory is the kernel's high-water mark of that process. Within a field, once a solver
 * times out on a size, the larger sizes of that family are skipped for that solver. Times are the
 * solvers' own clocks around the computation (start-up and parsing excluded). Answers are compared
 * with polycrit's: the number of basis elements (all peers) and the leading monomials (Singular,
 * sympy); a difference prints a loud MISMATCH line and lands in the table. Results are saved per
 * field (`groebner-q.json`, `groebner-p.json`) and `groebner.md` / `groebner.svg` are redrawn from
 * every saved field, so the two fields can be run separately.
 */
import { join } from 'path';
import { namedSystem, parseSystemSpec } from '../src/systems';
import { BENCH_PRIME } from './run-one';
import { Peer, RunOutcome, SystemText, giacGroebner, giacPeer, singularGroebner, singularPeer, sympyGroebner, sympyPeer } from './peers/peers';
import { msolveGroebner, msolvePeer } from './peers/msolve';
import { machineFacts, polycritRevision, runProcess } from './peers/process';
import { RunHeader, formatMB, formatTime, headerText, loadJson, markdownTable, option, ratio, saveJson, systemsOption, writeText } from './peers/report';
import { BarValue, Panel, barChartSvg } from './peers/svg';

const DEFAULT_SYSTEMS = ['cyclic:6', 'cyclic:7', 'katsura:7', 'katsura:8', 'katsura:9', 'katsura:10', 'eco:8', 'eco:9', 'eco:10', 'noon:6', 'noon:7', 'noon:8'];

interface Solver {
  name: string;
  peer: Peer;
  /** Fields the solver runs over (0 = Q, 'p' = Z/p). */
  fields: ('0' | 'p')[];
  /** Time limit of this solver's runs. */
  limit: number;
  run(spec: string, sys: SystemText, char: number, limit: number): Promise<RunOutcome>;
}

interface SystemRecord {
  spec: string;
  results: Record<string, RunOutcome>;
  mismatches: string[];
}

interface FieldRecord {
  field: '0' | 'p';
  header: RunHeader;
  solvers: { name: string; limit: number; available: boolean }[];
  systems: SystemRecord[];
}

const RUN_ONE = join(__dirname, 'run-one.js');

async function polycritGroebner(spec: string, field: '0' | 'p', limit: number, threads = 1): Promise<RunOutcome> {
  const r = await runProcess(process.execPath, ['--max-old-space-size=4096', RUN_ONE, 'groebner', spec, field, String(threads)], '', limit);
  if (r.timedOut) return { status: 'timeout', peakMB: r.peakMB };
  const last = r.stdout.trim().split('\n').pop() ?? '';
  try {
    const j = JSON.parse(last) as { ok: boolean; seconds: number; cpu: number; peakMB: number; size: number; leads: string[]; stats: Record<string, unknown>; error?: string; stack?: string };
    if (!j.ok) return { status: 'error', error: `${j.error} @ ${j.stack ?? ''}`.slice(0, 500), peakMB: r.peakMB };
    return { status: 'ok', seconds: j.seconds, cpu: j.cpu, peakMB: j.peakMB, size: j.size, leads: j.leads, extra: j.stats };
  } catch {
    const tail = `${r.stderr}`.trim().split('\n').slice(-4).join(' | ');
    return { status: 'error', error: `exit ${r.code} ${tail}`.slice(0, 500), peakMB: r.peakMB };
  }
}

function systemText(spec: string): SystemText {
  const sys = namedSystem(spec);
  return { vars: [...sys.ring.vars], polys: sys.polynomials.map((p) => p.toString()) };
}

function family(spec: string): string {
  return parseSystemSpec(spec)?.name ?? spec;
}

/** Compares a peer's answer with polycrit's; returns the mismatch text or undefined. */
function compare(ours: RunOutcome | undefined, peerName: string, peer: RunOutcome): string | undefined {
  if (!ours || ours.status !== 'ok' || peer.status !== 'ok') return undefined;
  if (ours.size !== peer.size) return `${peerName}: ${peer.size} basis elements, polycrit ${ours.size}`;
  if (ours.leads && peer.leads && ours.leads.join(' ') !== peer.leads.join(' ')) {
    const onlyOurs = ours.leads.filter((l) => !peer.leads!.includes(l)).slice(0, 3);
    const onlyPeer = peer.leads.filter((l) => !ours.leads!.includes(l)).slice(0, 3);
    return `${peerName}: leading monomials differ (polycrit only: ${onlyOurs.join(' ; ')}; ${peerName} only: ${onlyPeer.join(' ; ')})`;
  }
  return undefined;
}

async function runField(field: '0' | 'p', specs: string[], solvers: Solver[], header: RunHeader): Promise<FieldRecord> {
  const char = field === '0' ? 0 : BENCH_PRIME;
  const active = solvers.filter((s) => s.fields.includes(field));
  const timedOutFamilies = new Map<string, Set<string>>();
  const record: FieldRecord = { field, header, solvers: active.map((s) => ({ name: s.name, limit: s.limit, available: s.peer.available })), systems: [] };
  console.log(`\n== over ${field === '0' ? 'Q' : `Z/${BENCH_PRIME}`} ==`);
  for (const s of active) if (!s.peer.available) console.log(`${s.name}: not installed, column skipped`);
  for (const spec of specs) {
    const text = systemText(spec);
    const rec: SystemRecord = { spec, results: {}, mismatches: [] };
    for (const s of active) {
      const skipped = timedOutFamilies.get(s.name)?.has(family(spec));
      let o: RunOutcome;
      if (!s.peer.available) o = { status: 'missing' };
      else if (skipped) o = { status: 'skipped' };
      else o = await s.run(spec, text, char, s.limit);
      if (o.status === 'timeout') {
        if (!timedOutFamilies.has(s.name)) timedOutFamilies.set(s.name, new Set());
        timedOutFamilies.get(s.name)!.add(family(spec));
      }
      rec.results[s.name] = o;
      const detail = o.status === 'ok' ? `${formatTime(o, s.limit)} s, ${formatMB(o)} MB, ${o.size} elements` : o.status === 'error' ? `ERROR ${o.error}` : formatTime(o, s.limit);
      console.log(`${spec.padEnd(11)} ${s.name.padEnd(16)} ${detail}`);
      if (s.name !== 'polycrit') {
        const m = compare(rec.results['polycrit'], s.name, o);
        if (m) {
          rec.mismatches.push(m);
          console.log(`!!!!!!!! MISMATCH on ${spec} over ${field === '0' ? 'Q' : 'Z/p'}: ${m} !!!!!!!!`);
        }
      }
    }
    record.systems.push(rec);
  }
  return record;
}

function fieldTitle(field: '0' | 'p'): string {
  return field === '0' ? 'over Q' : `over Z/p, p = ${BENCH_PRIME}`;
}

function fieldMarkdown(r: FieldRecord): string {
  const peers = r.solvers.filter((s) => s.name !== 'polycrit' && s.available);
  const limitOf = (name: string): number => r.solvers.find((s) => s.name === name)?.limit ?? 0;
  const head = ['system', 'basis', 'polycrit s', 'MB'];
  for (const p of peers) head.push(`${p.name} s`, 'MB', `polycrit/${p.name}`);
  head.push('check');
  const rows = r.systems.map((sys) => {
    const ours = sys.results['polycrit'];
    const sizes = Object.values(sys.results).filter((o) => o.status === 'ok').map((o) => o.size);
    const row = [sys.spec.replace(':', '-'), String(ours?.size ?? sizes[0] ?? ''), formatTime(ours, limitOf('polycrit')), formatMB(ours)];
    for (const p of peers) {
      const o = sys.results[p.name];
      row.push(formatTime(o, p.limit), formatMB(o), ratio(ours, o, limitOf('polycrit'), p.limit));
    }
    const compared = peers.filter((p) => sys.results[p.name]?.status === 'ok').length;
    row.push(sys.mismatches.length > 0 ? `**MISMATCH**: ${sys.mismatches.join('; ')}` : ours?.status === 'error' ? `**polycrit error**: ${ours.error}` : ours?.status === 'ok' && compared > 0 ? `agrees (${compared})` : '');
    return row;
  });
  const missing = r.solvers.filter((s) => !s.available).map((s) => `${s.name}: not installed, column skipped.`);
  return [`### ${fieldTitle(r.field)}`, '', headerText(r.header), ...(missing.length ? ['', missing.join(' ')] : []), '', markdownTable(head, rows), ''].join('\n');
}

function fieldPanel(r: FieldRecord): Panel {
  const series = r.solvers.filter((s) => s.available).map((s) => ({
    name: s.name,
    values: r.systems.map((sys): BarValue => {
      const o = sys.results[s.name];
      if (o?.status === 'ok') return { kind: 'time', seconds: o.cpu !== undefined && o.cpu >= 0.02 ? o.cpu : o.seconds! };
      if (o?.status === 'timeout') return { kind: 'timeout', limit: s.limit };
      return { kind: 'none', mark: o?.status === 'error' ? '×' : '–' };
    }),
  }));
  return { title: `Gröbner basis (degrevlex) ${fieldTitle(r.field)}: CPU seconds, log scale`, groups: r.systems.map((s) => s.spec.replace(':', '-')), series };
}

function render(out: string): void {
  const records = (['0', 'p'] as const).map((f) => loadJson<FieldRecord>(out, `groebner-${f === '0' ? 'q' : 'p'}.json`)).filter((r): r is FieldRecord => r !== undefined);
  const md = [
    '## Gröbner bases: polycrit and its peers',
    '',
    'Reduced degrevlex bases. Times are wall seconds with CPU seconds (user + system, all threads) in brackets, by each solver\'s own clock around the computation (start-up and parsing excluded); ' +
      'MB is the peak resident memory of the run\'s process (kernel VmHWM). The machine is shared and loaded, so `polycrit/peer` is the ratio of CPU seconds (> 1: polycrit is slower), run back to back; ' +
      '"> T" is a run killed at the time limit, "–" a size skipped after a smaller one timed out; ' +
      '"check" compares the basis size with every peer and the leading monomials with Singular and sympy. Generated by `bench/groebner.ts`.',
    '',
    ...records.map(fieldMarkdown),
  ].join('\n');
  writeText(out, 'groebner.md', md);
  writeText(out, 'groebner.svg', barChartSvg(records.map(fieldPanel), `polycrit bench/groebner.ts, ${records.map((r) => r.header.date).join(' / ')}; CPU seconds (wall below 0.02 s of CPU, where the CPU clocks are too coarse); hollow dashed bar: timed out at the limit (wall); – skipped; × error`));
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    render(option('out', 'bench/results'));
    return;
  }
  const specs = systemsOption(DEFAULT_SYSTEMS);
  const fieldOpt = option('field', 'both');
  const fields: ('0' | 'p')[] = fieldOpt === 'both' ? ['0', 'p'] : fieldOpt === '0' || fieldOpt === 'q' ? ['0'] : ['p'];
  const limit = Number(option('timeout', '120'));
  const sympyLimit = Math.min(limit, Number(option('sympy-timeout', '60')));
  const out = option('out', 'bench/results');
  const polycrit: Peer = { name: 'polycrit', program: process.execPath, available: true, version: process.version };
  const giac = giacPeer();
  const singular = singularPeer();
  const sympy = sympyPeer();
  const msolve1 = msolvePeer(1);
  const msolve2 = msolvePeer(2);
  const msolveSystem = (spec: string) => ({ vars: [...namedSystem(spec).ring.vars], polynomials: namedSystem(spec).polynomials });
  const solvers: Solver[] = [
    { name: 'polycrit', peer: polycrit, fields: ['0', 'p'], limit, run: (spec, _t, char, l) => polycritGroebner(spec, char === 0 ? '0' : 'p', l) },
    // Over Q on two threads (a helper thread computes bases modulo primes, see groebner/basis-workers.ts).
    { name: 'polycrit -t 2', peer: { ...polycrit, name: 'polycrit -t 2' }, fields: ['0'], limit, run: (spec, _t, _c, l) => polycritGroebner(spec, '0', l, 2) },
    { name: 'msolve', peer: msolve1, fields: ['0'], limit, run: (spec, _t, _c, l) => msolveGroebner(msolve1, msolveSystem(spec), 1, l) },
    { name: 'msolve -t 2', peer: msolve2, fields: ['0'], limit, run: (spec, _t, _c, l) => msolveGroebner(msolve2, msolveSystem(spec), 2, l) },
    { name: 'giac', peer: giac, fields: ['0', 'p'], limit, run: (_s, t, char, l) => giacGroebner(giac, t, char, l) },
    { name: 'Singular std', peer: singular, fields: ['0', 'p'], limit, run: (_s, t, char, l) => singularGroebner(singular, t, char, 'std', l) },
    { name: 'Singular modStd', peer: singular, fields: ['0'], limit, run: (_s, t, char, l) => singularGroebner(singular, t, char, 'modStd', l) },
    { name: 'sympy', peer: sympy, fields: ['0', 'p'], limit: sympyLimit, run: (_s, t, char, l) => sympyGroebner(sympy, t, char, l) },
  ];
  const facts = machineFacts();
  const header: RunHeader = { ...facts, node: process.version, polycrit: polycritRevision(), peers: [msolve1, giac, singular, sympy], command: `bench/groebner.ts ${process.argv.slice(2).join(' ')}`.trim() };
  console.log(headerText(header));
  for (const field of fields) {
    const rec = await runField(field, specs, solvers, { ...header, ...machineFacts() });
    saveJson(out, `groebner-${field === '0' ? 'q' : 'p'}.json`, rec);
    render(out);
    console.log('\n' + fieldMarkdown(rec));
  }
  console.log(`\nwrote ${join(out, 'groebner.md')} and ${join(out, 'groebner.svg')}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
