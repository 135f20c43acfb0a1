/**
 * Solving benchmark: all complex points of zero-dimensional systems over Q — polycrit's
 * `solve(polys, { digits })` (multi-modular F4, then exact components with certified real points
 * and complex points) side by side with Singular's solve.lib (`solve(I, digits, "nodisplay")` in a
 * lex ring: triangular sets and Laguerre) and sympy's `solve(eqs, gens, dict=True)`.
 *
 *   npm run bench:solve -- [--systems katsura:6,cyclic:5] [--digits 10] [--timeout 120]
 *                           [--sympy-timeout 60] [--out bench/results]
 *   npm run bench:solve -- --render [--out bench/results]   (redraw solve.md/svg from solve.json)
 *
 * polycrit's count is Σ over the components of degree × multiplicity (points with multiplicity);
 * Singular and sympy list distinct points, so the counts are compared with polycrit's distinct
 * count (Σ degree) and also reported with multiplicity; a different count prints a loud MISMATCH
 * line. Each run is a child process with a time limit and its peak memory (kernel VmHWM); times are
 * the solvers' own clocks. Writes `solve.json`, `solve.md` and `solve.svg` under --out.
 */
import { join } from 'path';
import { namedSystem, parseSystemSpec } from '../src/systems';
import { Peer, RunOutcome, SystemText, singularPeer, singularSolve, sympyPeer, sympySolve } from './peers/peers';
import { machineFacts, polycritRevision, runProcess } from './peers/process';
import { RunHeader, formatMB, formatTime, headerText, loadJson, markdownTable, option, ratio, saveJson, systemsOption, writeText } from './peers/report';
import { BarValue, barChartSvg } from './peers/svg';

const DEFAULT_SYSTEMS = ['cyclic:5', 'katsura:6', 'katsura:7', 'katsura:8', 'eco:8'];
const RUN_ONE = join(__dirname, 'run-one.js');

interface SolveRecord {
  spec: string;
  results: Record<string, RunOutcome>;
  mismatches: string[];
}

async function polycritSolve(spec: string, digits: number, limit: number): Promise<RunOutcome> {
  const r = await runProcess(process.execPath, ['--max-old-space-size=4096', RUN_ONE, 'solve', spec, String(digits)], '', limit);
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

function systemText(spec: string): SystemText {
  const sys = namedSystem(spec);
  return { vars: [...sys.ring.vars], polys: sys.polynomials.map((p) => p.toString()) };
}

interface SolveFile {
  header: RunHeader;
  digits: number;
  solvers: { name: string; limit: number; available?: boolean }[];
  systems: SolveRecord[];
}

/** Writes solve.md and solve.svg from the saved solve.json; returns the Markdown. */
function render(out: string): string {
  const saved = loadJson<SolveFile>(out, 'solve.json');
  if (!saved) throw new Error(`no ${join(out, 'solve.json')} to render`);
  const { header, digits, solvers, systems: records } = saved;
  const limit = solvers[0].limit;
  const head = ['system', 'expected', 'polycrit s', 'MB', 'points (distinct, real)'];
  const shown = solvers.filter((s) => s.available !== false);
  for (const s of shown.slice(1)) head.push(`${s.name} s`, 'MB', 'points', `polycrit/${s.name.split(' ')[0]}`);
  head.push('check');
  const expected = (spec: string): string => {
    const p = parseSystemSpec(spec)!;
    return p.name === 'katsura' ? String(2 ** p.n) : p.name === 'eco' ? String(2 ** (p.n - 2)) : spec === 'cyclic:5' ? '70' : '';
  };
  const rows = records.map((r) => {
    const ours = r.results['polycrit'];
    const row = [
      r.spec.replace(':', '-'),
      expected(r.spec),
      formatTime(ours, limit),
      formatMB(ours),
      ours?.status === 'ok' ? `${ours.size} (${ours.extra?.distinct}, ${ours.extra?.real})` : ours?.status === 'error' ? `error: ${ours.error}` : '',
    ];
    for (const s of shown.slice(1)) {
      const o = r.results[s.name];
      row.push(formatTime(o, s.limit), formatMB(o), o?.status === 'ok' ? String(o.size) : '', ratio(ours, o, limit, s.limit));
    }
    row.push(r.mismatches.length ? `**MISMATCH**: ${r.mismatches.join('; ')}` : '');
    return row;
  });
  const md = [
    '## Solving: polycrit and its peers',
    '',
    headerText(header),
    ...solvers.filter((s) => s.available === false).map((s) => `\n${s.name}: not installed, column skipped.`),
    '',
    `All complex solutions to ${digits} digits. Wall seconds with CPU seconds in brackets, by each solver's own clock; MB: peak resident memory of the run's process; polycrit/peer: ratio of CPU seconds (> 1: polycrit slower); ` +
      'polycrit counts points with multiplicity (Σ degree × multiplicity over its components; distinct and real in brackets); ' +
      'Singular and sympy list distinct points, compared with polycrit\'s distinct count. "> T": killed at the time limit; "–": skipped after a smaller size of the family timed out. Generated by `bench/solve.ts`.',
    '',
    markdownTable(head, rows),
    '',
  ].join('\n');
  writeText(out, 'solve.md', md);
  const series = shown.map((s) => ({
    name: s.name,
    values: records.map((r): BarValue => {
      const o = r.results[s.name];
      if (o?.status === 'ok') return { kind: 'time', seconds: o.cpu !== undefined && o.cpu >= 0.02 ? o.cpu : o.seconds! };
      if (o?.status === 'timeout') return { kind: 'timeout', limit: s.limit };
      return { kind: 'none', mark: o?.status === 'error' ? '×' : '–' };
    }),
  }));
  writeText(out, 'solve.svg', barChartSvg([{ title: `All complex solutions (${digits} digits): CPU seconds, log scale`, groups: records.map((r) => r.spec.replace(':', '-')), series }], `polycrit bench/solve.ts, ${header.date}; CPU seconds (wall below 0.02 s of CPU); hollow dashed bar: timed out at the limit (wall); – skipped; × error`));
  return md;
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    render(option('out', 'bench/results'));
    return;
  }
  const specs = systemsOption(DEFAULT_SYSTEMS);
  const digits = Number(option('digits', '10'));
  const limit = Number(option('timeout', '120'));
  const sympyLimit = Math.min(limit, Number(option('sympy-timeout', '60')));
  const out = option('out', 'bench/results');
  const singular = singularPeer();
  const sympy = sympyPeer();
  const header: RunHeader = { ...machineFacts(), node: process.version, polycrit: polycritRevision(), peers: [singular, sympy], command: `bench/solve.ts ${process.argv.slice(2).join(' ')}`.trim() };
  console.log(headerText(header));
  const solvers: { name: string; peer?: Peer; limit: number; run: (spec: string, t: SystemText) => Promise<RunOutcome> }[] = [
    { name: 'polycrit', limit, run: (spec) => polycritSolve(spec, digits, limit) },
    { name: 'Singular solve.lib', peer: singular, limit, run: (_s, t) => singularSolve(singular, t, digits, limit) },
    { name: 'sympy', peer: sympy, limit: sympyLimit, run: (_s, t) => sympySolve(sympy, t, sympyLimit) },
  ];
  for (const s of solvers) if (s.peer && !s.peer.available) console.log(`${s.peer.name}: not installed, column skipped`);
  const timedOut = new Map<string, Set<string>>();
  const records: SolveRecord[] = [];
  for (const spec of specs) {
    const text = systemText(spec);
    const fam = parseSystemSpec(spec)!.name;
    const rec: SolveRecord = { spec, results: {}, mismatches: [] };
    for (const s of solvers) {
      let o: RunOutcome;
      if (s.peer && !s.peer.available) o = { status: 'missing' };
      else if (timedOut.get(s.name)?.has(fam)) o = { status: 'skipped' };
      else o = await s.run(spec, text);
      if (o.status === 'timeout') timedOut.set(s.name, new Set([...(timedOut.get(s.name) ?? []), fam]));
      rec.results[s.name] = o;
      const extra = o.extra ? ` ${JSON.stringify(o.extra)}` : '';
      console.log(`${spec.padEnd(11)} ${s.name.padEnd(19)} ${o.status === 'ok' ? `${formatTime(o, s.limit)} s, ${formatMB(o)} MB, ${o.size} points${extra}` : o.status === 'error' ? `ERROR ${o.error}` : formatTime(o, s.limit)}`);
      const ours = rec.results['polycrit'];
      if (s.name !== 'polycrit' && ours?.status === 'ok' && o.status === 'ok') {
        const distinct = Number(ours.extra?.distinct ?? ours.size);
        if (o.size !== distinct) {
          const m = `${s.name}: ${o.size} points, polycrit ${distinct} distinct (${ours.size} with multiplicity)`;
          rec.mismatches.push(m);
          console.log(`!!!!!!!! MISMATCH on ${spec}: ${m} !!!!!!!!`);
        }
      }
    }
    records.push(rec);
  }
  saveJson(out, 'solve.json', { header, digits, solvers: solvers.map((s) => ({ name: s.name, limit: s.limit, available: !s.peer || s.peer.available })), systems: records } satisfies SolveFile);
  const md = render(out);
  console.log('\n' + md);
  console.log(`wrote ${join(out, 'solve.md')} and ${join(out, 'solve.svg')}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
